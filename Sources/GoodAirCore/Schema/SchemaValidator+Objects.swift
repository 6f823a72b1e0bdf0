/// Object keywords: one pass over the members for `properties`, `patternProperties` and
/// `additionalProperties`; names looked up as bytes.
extension SchemaValidator {
    mutating func validateMembers(_ schema: Int32, _ object: Int, _ ruleIndex: Int) -> Bool {
        guard instance.kind(object) == .object else { return true }
        let rule = code.objectRules[ruleIndex]
        var valid = true
        if rule.requiredMask != 0, collect, !validateRequired(schema, object, rule.required) { valid = false }
        var seen: UInt64 = 0
        var keyNode = object &+ 1
        for _ in 0..<instance.count(object) {
            let value = keyNode &+ 1
            var matched = false
            let index = code.property(ruleIndex, named: keyNode, instance, tape)
            if index >= 0 {
                let property = code.properties[index]
                matched = true
                seen |= property.requiredBit
                if !descend(property.schema, value, keyword: "properties", token: .key(property.key), at: keyNode) {
                    valid = false
                    if !collect { return false }
                }
            }
            var entry = Int(rule.patterns.lower)
            while entry < Int(rule.patterns.upper) {
                let pattern = code.patterns[entry]
                if matches(pattern.regex, keyNode) {
                    matched = true
                    if !descend(pattern.schema, value, keyword: "patternProperties", token: .pattern(pattern.regex), at: keyNode) {
                        valid = false
                        if !collect { return false }
                    }
                }
                entry &+= 1
            }
            if !matched, rule.additional >= 0 {
                if collect, code.isFalse(rule.additional) {
                    let mark = enterMember(keyNode)
                    report(schema, "additionalProperties", "property \(quotedName(keyNode)) is not allowed")
                    instancePath.removeSubrange(mark...)
                    valid = false
                } else if !descend(rule.additional, value, keyword: "additionalProperties", at: keyNode) {
                    valid = false
                    if !collect { return false }
                }
            }
            keyNode = instance.next(value)
        }
        return collect ? valid : valid && seen & rule.requiredMask == rule.requiredMask
    }

    mutating func validateRequired(_ schema: Int32, _ object: Int, _ keys: Span) -> Bool {
        guard instance.kind(object) == .object else { return true }
        var valid = true
        for index in Int(keys.lower)..<Int(keys.upper) {
            let key = code.keyLists[index]
            if hasMember(object, key) { continue }
            if !collect { return false }
            valid = false
            report(schema, "required", "missing required property \"\(tables.keyNames[Int(key)])\"")
        }
        return valid
    }

    mutating func validateDependentRequired(_ schema: Int32, _ object: Int, _ entries: Span) -> Bool {
        guard instance.kind(object) == .object else { return true }
        var valid = true
        for entry in tables.dependencies[Int(entries.lower)..<Int(entries.upper)] where hasMember(object, entry.key) {
            for index in Int(entry.required.lower)..<Int(entry.required.upper) {
                let key = code.keyLists[index]
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
        guard instance.kind(object) == .object else { return true }
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
        guard instance.kind(object) == .object else { return true }
        var valid = true
        var keyNode = object + 1
        for _ in 0..<instance.count(object) {
            if !test(names, keyNode) {
                if !collect { return false }
                valid = false
                report(schema, "propertyNames", "property name \(quotedName(keyNode)) does not match the propertyNames schema")
            }
            keyNode = instance.next(keyNode + 1)
        }
        return valid
    }

    /// Whether `object` has a member named `key` of the tables.
    @inline(__always)
    func hasMember(_ object: Int, _ key: Int32) -> Bool {
        code.member(object, key, instance, tape) != nil
    }
}
