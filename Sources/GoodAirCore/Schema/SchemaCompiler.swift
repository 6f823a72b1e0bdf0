/// Compiles a draft 2020-12 schema document into ``SchemaTables``, once.
///
/// Every subschema becomes one schema node (a run of ``SchemaOp``s), compiled exactly once even
/// when many `$ref`s reach it: nodes are numbered when first reached and compiled from a work
/// list, so recursive references (tree schemas) terminate. `$defs` are compiled even when
/// unused, so their mistakes are reported too. Unknown keywords are ignored, as the
/// specification says, but keywords this validator does not implement (`unevaluatedProperties`,
/// `$dynamicRef`…) are refused rather than silently skipped.
struct SchemaCompiler {
    /// The `$schema` values accepted (draft 2020-12).
    static let dialects: Set<String> = [
        "https://json-schema.org/draft/2020-12/schema", "https://json-schema.org/draft/2020-12/schema#",
    ]

    var tables: SchemaTables
    let document: JSONTape
    let resources: SchemaResources
    /// Document node → schema node.
    private var compiled: [Int: Int32] = [:]
    private var queue: [(node: Int, schema: Int32, pointer: String, base: String)] = []

    var name: String { tables.name }

    static func compile(_ document: JSONTape, name: String) throws(SchemaError) -> SchemaTables {
        var compiler = SchemaCompiler(
            tables: SchemaTables(document: document, name: name), document: document,
            resources: try SchemaResources(document, name: name))
        compiler.tables.root = compiler.schema(at: document.root, pointer: "", base: SchemaResources.defaultBase)
        while let item = compiler.queue.popLast() {
            try compiler.compileNode(item.node, schema: item.schema, pointer: item.pointer, base: item.base)
        }
        try SchemaCycleCheck.check(compiler.tables)
        return compiler.tables
    }

    /// The schema node of document node `node`, numbered (and queued for compiling) on first use.
    mutating func schema(at node: Int, pointer: String, base: String) -> Int32 {
        if let existing = compiled[node] { return existing }
        let index = Int32(tables.nodes.count)
        tables.nodes.append(.empty)
        tables.pointers.append(pointer)
        compiled[node] = index
        queue.append((node, index, pointer, base))
        return index
    }

    private mutating func compileNode(_ node: Int, schema: Int32, pointer: String, base: String) throws(SchemaError) {
        let start = Int32(tables.ops.count)
        switch document.kind(node) {
        case .true:
            break
        case .false:
            tables.ops.append(.alwaysFalse)
        case .object:
            var builder = SchemaNodeBuilder()
            let base = resources.bases[node] ?? base
            for (key, value) in document.members(node) {
                try compileKeyword(key, value: value, pointer: pointer + "/" + JSONPointer.escape(key), base: base, into: &builder)
            }
            tables.ops.append(contentsOf: builder.finish(&tables))
        default:
            throw SchemaError(.notASchema, schema: name, pointer: pointer,
                              "expected a schema (an object or a boolean), found \(document.kind(node)) \(Self.excerpt(document, node))")
        }
        tables.nodes[Int(schema)] = Span(lower: start, upper: Int32(tables.ops.count))
    }

    /// The schema node a `$ref` designates, resolved against `base`: a resource by URI, then a
    /// JSON Pointer (percent-decoded, `~0`/`~1` unescaped) or an `$anchor` in it.
    mutating func reference(_ text: String, base: String, pointer: String) throws(SchemaError) -> Int32 {
        let (resource, rawFragment) = SchemaResources.split(URIReference.resolve(text, against: base))
        guard let location = resources.resources[resource] else {
            throw SchemaError(.unresolvedReference, schema: name, pointer: pointer,
                              "$ref \"\(text)\" is not in this document (remote references are not supported)")
        }
        guard let fragment = Self.percentDecoded(rawFragment) else {
            throw SchemaError(.unresolvedReference, schema: name, pointer: pointer, "$ref \"\(text)\" has a bad percent-encoding")
        }
        if fragment.isEmpty {
            return schema(at: location.node, pointer: location.pointer, base: resource)
        }
        if fragment.hasPrefix("/") {
            guard let tokens = JSONPointer.tokens(fragment),
                  let target = JSONPointer.resolve(tokens, in: document, from: location.node) else {
                throw SchemaError(.unresolvedReference, schema: name, pointer: pointer,
                                  "$ref \"\(text)\": nothing at \(fragment) in this document")
            }
            return schema(at: target, pointer: location.pointer + fragment, base: resources.bases[target] ?? resource)
        }
        guard let anchor = resources.anchors[resource + "#" + fragment] else {
            throw SchemaError(.unresolvedReference, schema: name, pointer: pointer, "$ref \"\(text)\": no $anchor \"\(fragment)\" in this document")
        }
        return schema(at: anchor.node, pointer: anchor.pointer, base: resources.bases[anchor.node] ?? resource)
    }

    /// The source of a value, cut short for messages.
    static func excerpt(_ document: JSONTape, _ node: Int, limit: Int = 40) -> String {
        let text = document.rawText(node)
        return text.count <= limit ? text : String(text.prefix(limit)) + "…"
    }

    /// Percent-decoding (`%22` → `"`); nil on a malformed escape or bad UTF-8.
    static func percentDecoded(_ text: String) -> String? {
        guard text.contains("%") else { return text }
        var bytes: [UInt8] = []
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else { bytes.append(byte); continue }
            guard let high = iterator.next().flatMap(JSONParser.hexValue),
                  let low = iterator.next().flatMap(JSONParser.hexValue) else { return nil }
            bytes.append(UInt8(high << 4 | low))
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
