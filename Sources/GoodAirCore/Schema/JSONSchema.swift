import Foundation

/// A compiled JSON Schema (draft 2020-12): compile once, validate many documents.
///
/// Supported: `type`, `enum`, `const`, numeric bounds and `multipleOf` (exact in decimal),
/// string lengths (code points) and `pattern` (ECMA-262 read by ICU, see ``SchemaRegex``), array and
/// object keywords (`prefixItems`, `items`, `contains`, `uniqueItems`, `properties`,
/// `patternProperties`, `additionalProperties`, `propertyNames`, `required`, `dependentRequired`,
/// `dependentSchemas`…), `allOf`/`anyOf`/`oneOf`/`not`, `if`/`then`/`else`, boolean schemas, and
/// `$ref` within the document (JSON Pointers, `$anchor`, `$id`-relative URIs; recursion is fine).
/// Annotations (`title`, `format`, `default`…) are ignored. Refused at compile time rather than
/// ignored: `unevaluatedProperties`, `unevaluatedItems`, `$dynamicRef`, remote `$ref`s and other
/// dialects — see ``SchemaError``.
///
/// ```swift
/// let schema = try JSONSchema(compiling: Array(#"{"type":"object","required":["status"]}"#.utf8), name: "aqicn.json")
/// let tape = try JSONTape(parsing: body)
/// if !schema.isValid(tape) {                            // fast: stops at the first failure
///     for failure in schema.validate(tape) { print(failure) }   // "(root): missing required property "status" (schema: /required)"
/// }
/// ```
public struct JSONSchema: Sendable {
    let program: SchemaProgram

    /// The schema's name, as given when compiled (used in error messages).
    public var name: String { program.tables.name }

    /// Compiles a draft 2020-12 schema document. Throws ``SchemaError`` naming the JSON Pointer
    /// inside the schema and what is wrong (not JSON, unknown type name, `$ref` to a missing
    /// `$defs` entry, bad regular expression, a value that is not a schema…).
    public init(compiling bytes: [UInt8], name: String = "schema") throws {
        let tape: JSONTape
        do {
            tape = try JSONTape(parsing: bytes)
        } catch let error as JSONParseError {
            throw SchemaError(.invalidJSON, schema: name, pointer: "", error.description)
        }
        try self.init(compiling: tape, name: name)
    }

    /// Compiles the root value of a parsed schema document.
    public init(compiling tape: JSONTape, name: String) throws {
        program = SchemaProgram(try SchemaCompiler.compile(tape, name: name))
    }

    /// Reads and compiles a schema file (named by its file name in errors).
    public init(contentsOf url: URL) throws {
        let bytes: [UInt8]
        do {
            bytes = Array(try Data(contentsOf: url))
        } catch {
            throw SchemaError(.unreadable, schema: url.lastPathComponent, pointer: "", "cannot read \(url.path): \(Self.reason(error))")
        }
        try self.init(compiling: bytes, name: url.lastPathComponent)
    }

    /// Validates value `node` of `tape` (default: the root), and says why it fails: empty means
    /// valid. Instance locations are relative to `node`. A valid document costs what
    /// ``isValid(_:_:)`` costs: failures are collected in a second pass, only when there are some.
    public func validate(_ tape: JSONTape, _ node: Int = 0) -> [ValidationFailure] {
        if isValid(tape, node) { return [] }
        return collectFailures(tape, node)
    }

    /// The collecting pass alone (what ``validate(_:_:)`` runs when ``isValid(_:_:)`` says no).
    func collectFailures(_ tape: JSONTape, _ node: Int) -> [ValidationFailure] {
        precondition(node >= 0 && node < tape.nodeCount, "node \(node) is not in the tape")
        return tape.withInstance { instance in
            var validator = SchemaValidator(program, tape, instance, collect: true)
            _ = validator.validate(program.code.root, node)
            return validator.failures
        }
    }

    /// Whether value `node` of `tape` (default: the root) is valid: stops at the first failure,
    /// builds no message and allocates nothing — the path for curating many documents.
    public func isValid(_ tape: JSONTape, _ node: Int = 0) -> Bool {
        precondition(node >= 0 && node < tape.nodeCount, "node \(node) is not in the tape")
        return tape.withInstance { instance in
            SchemaChecker(program, tape, instance).check(program.code.root, node, 0)
        }
    }

    private static func reason(_ error: any Error) -> String {
        (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
    }
}
