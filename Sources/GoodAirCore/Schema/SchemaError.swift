/// Why a JSON Schema cannot be used: unreadable, not JSON, or not a valid draft 2020-12 schema.
///
/// The description names the schema, the JSON Pointer of the faulty place inside it, and what is
/// wrong — never an instance value.
///
/// ```swift
/// do { _ = try JSONSchema(compiling: Array(#"{"type":"strin"}"#.utf8), name: "aqicn.json") }
/// catch let error as SchemaError {
///     print(error)   // schema aqicn.json at /type: unknown type "strin" (expected one of null, boolean, …)
/// }
/// ```
public struct SchemaError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What kind of problem.
    public enum Code: String, Sendable {
        /// The schema file could not be read.
        case unreadable
        /// The schema is not valid JSON.
        case invalidJSON
        /// A value where a schema is expected is neither an object nor a boolean.
        case notASchema
        /// A keyword's value has the wrong form (`"minLength": -1`, `"required": "a"`…).
        case invalidKeyword
        /// A `type` name that JSON Schema does not define.
        case unknownType
        /// A `pattern` or `patternProperties` regular expression that does not compile.
        case badPattern
        /// A `$ref` whose target is not in this document (remote references are not fetched).
        case unresolvedReference
        /// `$ref`s that loop back without descending into the instance (evaluation would never end).
        case referenceCycle
        /// A keyword or dialect this validator does not implement (it refuses rather than ignores it).
        case unsupported
    }

    public let code: Code
    /// The schema's name (its file name, or what the caller passed).
    public let schema: String
    /// JSON Pointer of the faulty value inside the schema ("" for the whole document).
    public let pointer: String
    /// What is wrong, in plain words.
    public let message: String

    public init(_ code: Code, schema: String, pointer: String, _ message: String) {
        self.code = code
        self.schema = schema
        self.pointer = pointer
        self.message = message
    }

    public var description: String {
        "schema \(schema) at \(pointer.isEmpty ? "(root)" : pointer): \(message)"
    }
}
