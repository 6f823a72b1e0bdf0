/// Object keywords: one pass over the members for `properties`, `patternProperties` and
/// `additionalProperties`; names looked up as bytes.
extension SchemaValidator {
    mutating func validateMembers(_ schema: Int32, _ object: Int, _ rule: SchemaObjectRule) -> Bool {
        guard tape.kind(object) == .object else { return true }
        var valid = true
        if rule.requiredMask != 0, collect, !validateRequired(schema, object, rule.required) { valid = false }
        var seen: UInt64 = 0
        var keyNode = object + 1
        for _ in 0..<tape.count(object) {
            let value = keyNode + 1
            var matched = false
            var index = Int(rule.properties.lower)
            while index < Int(rule.properties.upper) {
                let property = tables.properties[index]
                if keyMatches(keyNode, property.key) {
                    matched = true
                    seen |= property.requiredBit
                    if !descend(property.schema, value, keyword: "properties", token: .key(property.key), at: keyNode) {
                        valid = false
                        if !collect { return false }
                    }
                    break
                }
                index += 1
            }
            if rule.patterns.lower < rule.patterns.upper {
                for entry in tables.patterns[Int(rule.patterns.lower)..<Int(rule.patterns.upper)]
                where tape.matches(tables.regexes[Int(entry.regex)], keyNode) {
                    matched = true
                    if !descend(entry.schema, value, keyword: "patternProperties", token: .pattern(entry.regex), at: keyNode) {
                        valid = false
                        if !collect { return false }
                    }
                }
            }
            if !matched, rule.additional >= 0 {
                if collect, tables.isFalse(rule.additional) {
                    let mark = enterMember(keyNode)
                    report(schema, "additionalProperties", "property \(quotedName(keyNode)) is not allowed")
                    instancePath.removeSubrange(mark...)
                    valid = false
                } else if !descend(rule.additional, value, keyword: "additionalProperties", at: keyNode) {
                    valid = false
                    if !collect { return false }
                }
            }
            keyNode = tape.next(value)
        }
        return collect ? valid : valid && seen & rule.requiredMask == rule.requiredMask
    }

    mutating func validateRequired(_ schema: Int32, _ object: Int, _ keys: Span) -> Bool {
        guard tape.kind(object) == .object else { return true }
        var valid = true
        for index in Int(keys.lower)..<Int(keys.upper) {
            let key = tables.keyLists[index]
            if hasMember(object, key) { continue }
            if !collect { return false }
            valid = false
            report(schema, "required", "missing required property \"\(tables.keyNames[Int(key)])\"")
        }
        return valid
    }

    mutating func validateDependentRequired(_ schema: Int32, _ object: Int, _ entries: Span) -> Bool {
        guard tape.kind(object) == .object else { return true }
        var valid = true
        for entry in tables.dependencies[Int(entries.lower)..<Int(entries.upper)] where hasMember(object, entry.key) {
            for index in Int(entry.required.lower)..<Int(entry.required.upper) {
                let key = tables.keyLists[index]
                if hasMember(object, key) { continue }
                if !collect { return false }
                valid = false
                report(schema, "dependentRequired/" + JSONPointer.escape(tables.keyNames[Int(entry.key)]),
                       "property \"\(tables.keyNames[Int(key)])\" is required when \"\(tables.keyNames[Int(entry.key)])\" is present")
            }
        }
        return valid
    }

    mutating func validateDependentSchemas(_ object: Int, _ entries: Span) -> Bool {
        guard tape.kind(object) == .object else { return true }
        var valid = true
        for entry in tables.properties[Int(entries.lower)..<Int(entries.upper)] where hasMember(object, entry.key) {
            if !descend(entry.schema, object, keyword: "dependentSchemas", token: .key(entry.key)) {
                valid = false
                if !collect { return false }
            }
        }
        return valid
    }

    /// `propertyNames`: each name, as a string, must match; one failure per bad name, at the object.
    mutating func validatePropertyNames(_ schema: Int32, _ object: Int, _ names: Int32) -> Bool {
        guard tape.kind(object) == .object else { return true }
        var valid = true
        var keyNode = object + 1
        for _ in 0..<tape.count(object) {
            if !test(names, keyNode) {
                if !collect { return false }
                valid = false
                report(schema, "propertyNames", "property name \(quotedName(keyNode)) does not match the propertyNames schema")
            }
            keyNode = tape.next(keyNode + 1)
        }
        return valid
    }

    /// Whether member name node `keyNode` is property name `key` of the tables.
    func keyMatches(_ keyNode: Int, _ key: Int32) -> Bool {
        let span = tables.keys[Int(key)]
        return tables.keyBytes.withUnsafeBufferPointer {
            tape.keyEquals(keyNode, utf8: UnsafeBufferPointer(rebasing: $0[Int(span.lower)..<Int(span.upper)]), tag: tables.keyTags[Int(key)])
        }
    }

    /// Whether `object` has a member named `key` of the tables.
    func hasMember(_ object: Int, _ key: Int32) -> Bool {
        let span = tables.keys[Int(key)]
        return tables.keyBytes.withUnsafeBufferPointer {
            tape.member(object, utf8: UnsafeBufferPointer(rebasing: $0[Int(span.lower)..<Int(span.upper)]), tag: tables.keyTags[Int(key)]) != nil
        }
    }
}
