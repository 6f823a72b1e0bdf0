/// Where `$ref`s can land in one schema document: every schema resource (the root, and each
/// subschema with an `$id`) by absolute URI, every `$anchor` (and `$dynamicAnchor`, which is also a
/// plain anchor), and each subschema's base URI.
///
/// Found by walking the document through the keywords whose values are schemas — never into
/// `enum`, `const` or unknown keywords, whose values are data, not schemas.
struct SchemaResources {
    /// A place in the document.
    struct Location {
        var node: Int
        var pointer: String
    }

    /// The base URI of a document without a root `$id`: relative references resolve against it,
    /// and anything outside the document is then reported as not found.
    static let defaultBase = "goodair-schema:/root.json"

    /// Resource URI (no fragment) → its root.
    private(set) var resources: [String: Location] = [:]
    /// `uri#anchor` → the subschema holding the anchor.
    private(set) var anchors: [String: Location] = [:]
    /// Document node → base URI of that subschema (after its own `$id`).
    private(set) var bases: [Int: String] = [:]

    /// Subschema-valued keywords, by shape of value.
    static let schemaKeywords: Set<String> = [
        "additionalProperties", "propertyNames", "items", "contains", "not", "if", "then", "else",
        "unevaluatedItems", "unevaluatedProperties", "contentSchema",
    ]
    static let schemaListKeywords: Set<String> = ["allOf", "anyOf", "oneOf", "prefixItems"]
    static let schemaMapKeywords: Set<String> = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"]

    init(_ document: JSONTape, name: String) throws(SchemaError) {
        resources[Self.defaultBase] = Location(node: document.root, pointer: "")
        try walk(document, name: name, node: document.root, pointer: "", base: Self.defaultBase)
    }

    private mutating func walk(_ document: JSONTape, name: String, node: Int, pointer: String, base: String) throws(SchemaError) {
        guard document.kind(node) == .object else { bases[node] = base; return }
        var base = base
        if let id = document.member(node, "$id") {
            guard let text = document.string(id) else {
                throw SchemaError(.invalidKeyword, schema: name, pointer: pointer + "/$id", "$id must be a string (a URI reference)")
            }
            let resolved = URIReference.resolve(text, against: base)
            let (resource, fragment) = Self.split(resolved)
            guard fragment.isEmpty else {
                throw SchemaError(.invalidKeyword, schema: name, pointer: pointer + "/$id",
                                  "$id must not have a fragment (\"#\(fragment)\"); use $anchor to name a subschema")
            }
            base = resource
            resources[resource] = Location(node: node, pointer: pointer)
        }
        bases[node] = base
        for keyword in ["$anchor", "$dynamicAnchor"] {
            guard let anchor = document.member(node, keyword) else { continue }
            guard let text = document.string(anchor), !text.isEmpty else {
                throw SchemaError(.invalidKeyword, schema: name, pointer: pointer + "/" + keyword, "\(keyword) must be a non-empty string")
            }
            anchors[base + "#" + text] = Location(node: node, pointer: pointer)
        }
        for (key, value) in document.members(node) {
            let here = pointer + "/" + JSONPointer.escape(key)
            if Self.schemaKeywords.contains(key) {
                try walk(document, name: name, node: value, pointer: here, base: base)
            } else if Self.schemaListKeywords.contains(key), document.kind(value) == .array {
                for (index, element) in document.elements(value).enumerated() {
                    try walk(document, name: name, node: element, pointer: here + "/\(index)", base: base)
                }
            } else if Self.schemaMapKeywords.contains(key), document.kind(value) == .object {
                for (name2, member) in document.members(value) {
                    try walk(document, name: name, node: member, pointer: here + "/" + JSONPointer.escape(name2), base: base)
                }
            }
        }
    }

    /// Splits an absolute URI into the resource (no fragment) and the fragment ("" when none).
    static func split(_ uri: String) -> (resource: String, fragment: String) {
        guard let hash = uri.firstIndex(of: "#") else { return (uri, "") }
        return (String(uri[..<hash]), String(uri[uri.index(after: hash)...]))
    }
}
