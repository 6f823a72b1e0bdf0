/// One keyword at a time: check its value, then emit its op (or feed a combined op).
extension SchemaCompiler {
    /// Keywords refused with a reason: not implemented here, or from older drafts.
    static let unsupported: [String: String] = [
        "unevaluatedProperties": "unevaluatedProperties is not supported by this validator",
        "unevaluatedItems": "unevaluatedItems is not supported by this validator",
        "$dynamicRef": "$dynamicRef is not supported by this validator; use $ref",
        "$recursiveRef": "$recursiveRef is draft 2019-09; use $ref",
        "dependencies": "dependencies is draft-07; use dependentRequired or dependentSchemas",
        "additionalItems": "additionalItems is draft 2019-09; use prefixItems and items",
    ]

    mutating func compileKeyword(_ key: String, value: Int, pointer: String, base: String,
                                 into node: inout SchemaNodeBuilder) throws(SchemaError) {
        switch key {
        case "$schema":
            guard let uri = document.string(value), Self.dialects.contains(uri) else {
                throw SchemaError(.unsupported, schema: name, pointer: pointer,
                                  "only draft 2020-12 is supported ($schema \"https://json-schema.org/draft/2020-12/schema\")")
            }
        case "type": node.ops.append(.type(try types(value, pointer)))
        case "enum":
            guard document.kind(value) == .array else { throw invalid(pointer, "enum must be an array of values") }
            let start = Int32(tables.values.count)
            document.forEachElement(value) { tables.values.append(Int32($0)) }
            node.ops.append(.oneOfValues(Span(lower: start, upper: Int32(tables.values.count))))
        case "const": node.ops.append(.constant(Int32(value)))
        case "minimum": node.ops.append(.minimum(try number(value, pointer, key), Int32(value)))
        case "maximum": node.ops.append(.maximum(try number(value, pointer, key), Int32(value)))
        case "exclusiveMinimum": node.ops.append(.exclusiveMinimum(try number(value, pointer, key), Int32(value)))
        case "exclusiveMaximum": node.ops.append(.exclusiveMaximum(try number(value, pointer, key), Int32(value)))
        case "multipleOf":
            guard try number(value, pointer, key) > 0 else { throw invalid(pointer, "multipleOf must be greater than 0") }
            tables.divisors.append(SchemaDivisor(document, node: value))
            node.ops.append(.multipleOf(Int32(tables.divisors.count - 1)))
        case "minLength": node.ops.append(.minLength(try count(value, pointer, key)))
        case "maxLength": node.ops.append(.maxLength(try count(value, pointer, key)))
        case "pattern": node.ops.append(.pattern(try regex(value, pointer)))
        case "minItems": node.ops.append(.minItems(try count(value, pointer, key)))
        case "maxItems": node.ops.append(.maxItems(try count(value, pointer, key)))
        case "uniqueItems":
            guard let unique = document.bool(value) else { throw invalid(pointer, "uniqueItems must be true or false") }
            if unique { node.ops.append(.uniqueItems) }
        case "minProperties": node.ops.append(.minProperties(try count(value, pointer, key)))
        case "maxProperties": node.ops.append(.maxProperties(try count(value, pointer, key)))
        case "required": node.required = try keyList(value, pointer, key)
        case "prefixItems": node.prefixItems = try schemaList(value, pointer, base, key)
        case "items":
            guard document.kind(value) != .array else {
                throw invalid(pointer, "items must be one schema in draft 2020-12 (use prefixItems for a tuple)")
            }
            node.items = try subschema(value, pointer, base)
        case "contains": node.contains = try subschema(value, pointer, base)
        case "minContains": node.minContains = Int32(clamping: try count(value, pointer, key))
        case "maxContains": node.maxContains = Int32(clamping: try count(value, pointer, key))
        case "properties": node.properties = try propertyMap(value, pointer, base, key)
        case "patternProperties": node.patternProperties = try patternMap(value, pointer, base)
        case "additionalProperties": node.additionalProperties = try subschema(value, pointer, base)
        case "propertyNames": node.ops.append(.propertyNames(try subschema(value, pointer, base)))
        case "dependentSchemas": node.ops.append(.dependentSchemas(try propertyMap(value, pointer, base, key)))
        case "dependentRequired": node.ops.append(.dependentRequired(try dependencies(value, pointer)))
        case "allOf": node.ops.append(.allOf(try schemaList(value, pointer, base, key)))
        case "anyOf": node.ops.append(.anyOf(try schemaList(value, pointer, base, key)))
        case "oneOf": node.ops.append(.oneOf(try schemaList(value, pointer, base, key)))
        case "not": node.ops.append(.not(try subschema(value, pointer, base)))
        case "if": node.ifSchema = try subschema(value, pointer, base)
        case "then": node.thenSchema = try subschema(value, pointer, base)
        case "else": node.elseSchema = try subschema(value, pointer, base)
        case "$ref":
            guard let text = document.string(value) else { throw invalid(pointer, "$ref must be a string (a URI reference)") }
            node.ops.append(.ref(try reference(text, base: base, pointer: pointer)))
        case "$defs", "definitions":
            _ = try propertyMap(value, pointer, base, key)
        default:
            if let reason = Self.unsupported[key] { throw SchemaError(.unsupported, schema: name, pointer: pointer, reason) }
        }
    }

    /// A subschema, numbered now and compiled later.
    mutating func subschema(_ value: Int, _ pointer: String, _ base: String) throws(SchemaError) -> Int32 {
        switch document.kind(value) {
        case .object, .true, .false: return schema(at: value, pointer: pointer, base: base)
        default:
            throw SchemaError(.notASchema, schema: name, pointer: pointer,
                              "expected a schema (an object or a boolean), found \(document.kind(value)) \(Self.excerpt(document, value))")
        }
    }

    /// A non-empty array of schemas, as a range of `children`.
    mutating func schemaList(_ value: Int, _ pointer: String, _ base: String, _ key: String) throws(SchemaError) -> Span {
        guard document.kind(value) == .array, document.count(value) > 0 else {
            throw invalid(pointer, "\(key) must be a non-empty array of schemas")
        }
        var schemas: [Int32] = []
        for (index, element) in document.elements(value).enumerated() {
            schemas.append(try subschema(element, pointer + "/\(index)", base))
        }
        let start = Int32(tables.children.count)
        tables.children.append(contentsOf: schemas)
        return Span(lower: start, upper: Int32(tables.children.count))
    }

    /// An object of name → schema, as a range of `properties`.
    mutating func propertyMap(_ value: Int, _ pointer: String, _ base: String, _ key: String) throws(SchemaError) -> Span {
        guard document.kind(value) == .object else { throw invalid(pointer, "\(key) must be an object of schemas") }
        var entries: [SchemaProperty] = []
        for (name, member) in document.members(value) {
            let schema = try subschema(member, pointer + "/" + JSONPointer.escape(name), base)
            entries.append(SchemaProperty(key: tables.key(name), schema: schema))
        }
        let start = Int32(tables.properties.count)
        tables.properties.append(contentsOf: entries)
        return Span(lower: start, upper: Int32(tables.properties.count))
    }

    /// `patternProperties`: regular expression → schema, as a range of `patterns`.
    mutating func patternMap(_ value: Int, _ pointer: String, _ base: String) throws(SchemaError) -> Span {
        guard document.kind(value) == .object else { throw invalid(pointer, "patternProperties must be an object of schemas") }
        var entries: [SchemaPattern] = []
        var keyNode = value + 1
        for _ in 0..<document.count(value) {
            let here = pointer + "/" + JSONPointer.escape(document.string(keyNode) ?? "")
            let regex = try regex(keyNode, here)
            entries.append(SchemaPattern(regex: regex, schema: try subschema(keyNode + 1, here, base)))
            keyNode = document.next(keyNode + 1)
        }
        let start = Int32(tables.patterns.count)
        tables.patterns.append(contentsOf: entries)
        return Span(lower: start, upper: Int32(tables.patterns.count))
    }
}
