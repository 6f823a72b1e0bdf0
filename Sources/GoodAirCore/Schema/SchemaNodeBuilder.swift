/// The ops of one schema node while its keywords are read. Keywords that only make sense
/// together become one op (`properties` + `patternProperties` + `additionalProperties` walk the
/// members once; `prefixItems` + `items`; `contains` + `minContains` + `maxContains`;
/// `if` + `then` + `else`), and ops are ordered cheapest first, so `isValid` usually stops early.
struct SchemaNodeBuilder {
    var ops: [SchemaOp] = []
    var properties: Span?
    var patternProperties: Span?
    var additionalProperties: Int32?
    var required: Span?
    var prefixItems: Span?
    var items: Int32?
    var contains: Int32?
    var minContains: Int32 = 1
    var maxContains: Int32 = -1
    var ifSchema: Int32?
    var thenSchema: Int32?
    var elseSchema: Int32?

    /// The node's ops, in evaluation order; object rules are added to `tables`.
    func finish(_ tables: inout SchemaTables) -> [SchemaOp] {
        var all = ops
        var folded = false
        if properties != nil || patternProperties != nil || additionalProperties != nil {
            var rule = SchemaObjectRule(properties: properties ?? .empty, patterns: patternProperties ?? .empty,
                                        additional: additionalProperties ?? -1, required: .empty, requiredMask: 0)
            if let required, let properties, Self.fold(required, into: properties, &rule, &tables) { folded = true }
            tables.objectRules.append(rule)
            all.append(.members(Int32(tables.objectRules.count - 1)))
        }
        if let required, !folded { all.append(.required(required)) }
        if prefixItems != nil || items != nil {
            all.append(.items(prefix: prefixItems ?? .empty, rest: items ?? -1))
        }
        if let contains {
            all.append(.contains(contains, min: minContains, max: maxContains))
        }
        if let ifSchema, thenSchema != nil || elseSchema != nil {
            all.append(.conditional(if: ifSchema, then: thenSchema ?? -1, else: elseSchema ?? -1))
        }
        return all.enumerated().sorted { ($0.element.cost, $0.offset) < ($1.element.cost, $1.offset) }.map(\.element)
    }

    /// Folds `required` into the member pass when every required name is one of `properties`
    /// (at most 64): each gets a bit, set when the member is met.
    private static func fold(_ required: Span, into properties: Span, _ rule: inout SchemaObjectRule,
                             _ tables: inout SchemaTables) -> Bool {
        guard required.count <= 64 else { return false }
        var entries: [Int] = []
        for index in Int(required.lower)..<Int(required.upper) {
            let key = tables.keyLists[index]
            guard let entry = (Int(properties.lower)..<Int(properties.upper)).first(where: { tables.properties[$0].key == key }) else {
                return false
            }
            entries.append(entry)
        }
        for (bit, entry) in entries.enumerated() { tables.properties[entry].requiredBit = 1 << UInt64(bit) }
        rule.required = required
        rule.requiredMask = required.count == 64 ? .max : (1 << UInt64(required.count)) - 1
        return true
    }
}

extension SchemaOp {
    /// Rough evaluation cost, for ordering: checks on the value itself first, subschemas last.
    var cost: Int {
        switch self {
        case .alwaysFalse, .type: return 0
        case .minimum, .maximum, .exclusiveMinimum, .exclusiveMaximum, .minLength, .maxLength,
             .minItems, .maxItems, .minProperties, .maxProperties: return 1
        case .constant, .oneOfValues, .multipleOf, .required, .dependentRequired: return 2
        case .pattern, .uniqueItems: return 3
        case .members, .items, .contains, .propertyNames, .dependentSchemas: return 4
        case .ref, .allOf: return 5
        case .anyOf, .oneOf, .not, .conditional: return 6
        }
    }

    /// The keyword as written in a schema (for locations in messages).
    var keyword: String {
        switch self {
        case .alwaysFalse: return ""
        case .type: return "type"
        case .constant: return "const"
        case .oneOfValues: return "enum"
        case .minimum: return "minimum"
        case .maximum: return "maximum"
        case .exclusiveMinimum: return "exclusiveMinimum"
        case .exclusiveMaximum: return "exclusiveMaximum"
        case .multipleOf: return "multipleOf"
        case .minLength: return "minLength"
        case .maxLength: return "maxLength"
        case .pattern: return "pattern"
        case .minItems: return "minItems"
        case .maxItems: return "maxItems"
        case .uniqueItems: return "uniqueItems"
        case .items: return "items"
        case .contains: return "contains"
        case .members: return "properties"
        case .propertyNames: return "propertyNames"
        case .required: return "required"
        case .minProperties: return "minProperties"
        case .maxProperties: return "maxProperties"
        case .dependentRequired: return "dependentRequired"
        case .dependentSchemas: return "dependentSchemas"
        case .allOf: return "allOf"
        case .anyOf: return "anyOf"
        case .oneOf: return "oneOf"
        case .not: return "not"
        case .conditional: return "if"
        case .ref: return "$ref"
        }
    }
}
