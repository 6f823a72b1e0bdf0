/// One compiled keyword of a schema node: a plain value (no reference, so reading one costs no
/// reference counting). Ranges and indices point into the ``SchemaProgram``'s side tables.
enum SchemaOp: Sendable {
    /// The `false` schema: nothing is valid.
    case alwaysFalse
    /// `type`: a ``SchemaTypes`` bit set.
    case type(SchemaTypes)
    /// `const`: a value node of the schema document.
    case constant(Int32)
    /// `enum`: a range of `values` (value nodes of the schema document).
    case oneOfValues(Span)
    /// `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum`: the bound and its node (for messages).
    case minimum(Double, Int32), maximum(Double, Int32)
    case exclusiveMinimum(Double, Int32), exclusiveMaximum(Double, Int32)
    /// `multipleOf`: an index in `divisors`.
    case multipleOf(Int32)
    /// `minLength`, `maxLength` in code points.
    case minLength(Int), maxLength(Int)
    /// `pattern`: an index in `regexes`.
    case pattern(Int32)
    case minItems(Int), maxItems(Int)
    case uniqueItems
    /// `prefixItems` (a range of `children`) and `items` (-1: absent).
    case items(prefix: Span, rest: Int32)
    /// `contains` with `minContains` (default 1) and `maxContains` (-1: none).
    case contains(Int32, min: Int32, max: Int32)
    /// `properties`, `patternProperties`, `additionalProperties` (and `required` for `isValid`) in
    /// one pass over the members: an index in `objectRules`.
    case members(Int32)
    case propertyNames(Int32)
    /// `required`: a range of `keyLists`.
    case required(Span)
    case minProperties(Int), maxProperties(Int)
    /// `dependentRequired`: a range of `dependencies`.
    case dependentRequired(Span)
    /// `dependentSchemas`: a range of `properties` (name → schema).
    case dependentSchemas(Span)
    /// `allOf`, `anyOf`, `oneOf`: ranges of `children`.
    case allOf(Span), anyOf(Span), oneOf(Span)
    case not(Int32)
    /// `if` with `then` and `else` (-1: absent).
    case conditional(if: Int32, then: Int32, else: Int32)
    case ref(Int32)
}

/// A half-open range of table indices, stored small.
struct Span: Sendable {
    var lower: Int32
    var upper: Int32
    var count: Int { Int(upper - lower) }
    static let empty = Span(lower: 0, upper: 0)
}

/// The `type` keyword as bits.
struct SchemaTypes: OptionSet, Sendable {
    let rawValue: UInt8
    static let null = SchemaTypes(rawValue: 1)
    static let boolean = SchemaTypes(rawValue: 2)
    static let object = SchemaTypes(rawValue: 4)
    static let array = SchemaTypes(rawValue: 8)
    static let number = SchemaTypes(rawValue: 16)
    static let string = SchemaTypes(rawValue: 32)
    static let integer = SchemaTypes(rawValue: 64)

    /// The names JSON Schema defines, in the order messages list them.
    static let names: [(String, SchemaTypes)] = [
        ("null", .null), ("boolean", .boolean), ("object", .object), ("array", .array),
        ("number", .number), ("string", .string), ("integer", .integer),
    ]

    /// "integer", "number or null"…
    var listed: String {
        let chosen = Self.names.filter { contains($0.1) }.map(\.0)
        return chosen.count <= 1 ? chosen.joined() : chosen.dropLast().joined(separator: ", ") + " or " + chosen.last!
    }
}
