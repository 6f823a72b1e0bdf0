/// A compiled schema: flat tables that ``SchemaValidator`` walks. Built once by
/// ``SchemaCompiler``, then shared read-only by every validation (one reference, so handing it to
/// a validator costs one retain, not one per table).
final class SchemaProgram: Sendable {
    let tables: SchemaTables
    /// The hot tables as raw memory (see ``SchemaCode``), freed with the program.
    let code: SchemaCode
    private let owned: SchemaMemory

    init(_ tables: SchemaTables) {
        self.tables = tables
        var owned = SchemaMemory()
        code = SchemaCode(tables, owned: &owned)
        self.owned = owned
    }

    deinit {
        for block in owned.blocks { block.deallocate() }
    }
}

/// The tables of a compiled schema. Schema node `i` is the ops `nodes[i]`; ops refer to the other
/// tables by index, and to values of the schema document (`const`, `enum`, bounds) by node.
struct SchemaTables: Sendable {
    /// The schema document (values of `const` and `enum`, bounds' source text).
    var document: JSONTape
    var name: String
    /// The root schema node.
    var root: Int32 = 0
    /// Each schema node's ops.
    var nodes: [Span] = []
    /// Each schema node's JSON Pointer in the document.
    var pointers: [String] = []
    var ops: [SchemaOp] = []
    /// Schema lists: `allOf`, `anyOf`, `oneOf`, `prefixItems`.
    var children: [Int32] = []
    /// Value nodes of `enum`s.
    var values: [Int32] = []
    /// Property names as bytes (`keys` are ranges of `keyBytes`) and as text (`keyNames`).
    var keyBytes: [UInt8] = []
    var keys: [Span] = []
    var keyNames: [String] = []
    /// Each name's ``JSONKeyTag``.
    var keyTags: [UInt32] = []
    /// Lists of keys: `required`, the lists of `dependentRequired`.
    var keyLists: [Int32] = []
    var properties: [SchemaProperty] = []
    var patterns: [SchemaPattern] = []
    var dependencies: [SchemaDependency] = []
    var regexes: [SchemaRegex] = []
    var objectRules: [SchemaObjectRule] = []
    var divisors: [SchemaDivisor] = []

    /// Whether schema `node` is the `false` schema (then messages say what is not allowed).
    func isFalse(_ node: Int32) -> Bool {
        let span = nodes[Int(node)]
        guard span.count == 1, case .alwaysFalse = ops[Int(span.lower)] else { return false }
        return true
    }

    /// Whether schema `node` accepts everything (`true`, `{}`, or annotations only).
    func isTrue(_ node: Int32) -> Bool { nodes[Int(node)].count == 0 }

    /// The index of a property name in `keys`, adding it if new.
    mutating func key(_ name: String) -> Int32 {
        if let existing = keyNames.firstIndex(of: name) { return Int32(existing) }
        let start = Int32(keyBytes.count)
        keyBytes.append(contentsOf: name.utf8)
        keys.append(Span(lower: start, upper: Int32(keyBytes.count)))
        keyNames.append(name)
        keyTags.append(JSONKeyTag.of(name))
        return Int32(keys.count - 1)
    }
}

/// A property name and the schema its value must match (`properties`, `dependentSchemas`).
struct SchemaProperty: Sendable {
    var key: Int32
    var schema: Int32
    /// The bit of this name in its object rule's `required` list (0: not required).
    var requiredBit: UInt64 = 0
}

/// What one pass over an object's members checks.
struct SchemaObjectRule: Sendable {
    /// `properties` entries.
    var properties: Span
    /// `patternProperties` entries.
    var patterns: Span
    /// `additionalProperties` (-1: absent).
    var additional: Int32
    /// `required` names folded into the pass (a range of `keyLists`; each is one of `properties`,
    /// whose `requiredBit` marks it): all bits of `requiredMask` must be seen.
    var required: Span
    var requiredMask: UInt64
}

/// A `patternProperties` entry: names matching `regex` must have values matching `schema`.
struct SchemaPattern: Sendable {
    var regex: Int32
    var schema: Int32
}

/// A `dependentRequired` entry: when `key` is present, the keys of `required` (a range of
/// `keyLists`) must be too.
struct SchemaDependency: Sendable {
    var key: Int32
    var required: Span
}
