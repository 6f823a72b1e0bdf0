/// The member pass of ``SchemaChecker``: `properties`, `patternProperties`, `additionalProperties`.
extension SchemaChecker {
    /// `properties` (each name tried first against the entry after the last one matched, then
    /// hashed, see ``SchemaCode/slot(_:named:expected:_:_:)``), `additionalProperties`, and the
    /// `required` names folded into the pass; with `patternProperties`, see ``checkPatternMembers(_:_:_:)``.
    func checkMembers(_ object: Int, _ ruleIndex: Int, _ depth: Int) -> Bool {
        let rule = code.objectRules + ruleIndex   // read field by field: the whole rule is not needed
        if rule.pointee.patterns.lower < rule.pointee.patterns.upper { return checkPatternMembers(object, ruleIndex, depth) }
        let table = code.memberTables[ruleIndex]
        var seen: UInt64 = 0
        var expected: Int32 = 0
        var keyNode = object &+ 1
        var remaining = instance.count(object)
        while remaining > 0 {
            let value = keyNode &+ 1
            if let slot = code.slot(table, named: keyNode, expected: &expected, instance, tape) {
                seen |= slot.pointee.requiredBit
                if slot.pointee.kinds != 0 {
                    guard depth &+ Int(slot.pointee.skipped) < SchemaValidator.maximumDepth,
                          SchemaCheckPlan.accepts(slot.pointee.kinds, instance.nodes[value], value, tape) else { return false }
                } else if !reach(slot.pointee.target, skipped: Int(slot.pointee.skipped), value, depth) {
                    return false
                }
            } else if rule.pointee.additional >= 0, !check(rule.pointee.additional, value, depth) {
                return false
            }
            keyNode = instance.next(value)
            remaining &-= 1
        }
        return seen & rule.pointee.requiredMask == rule.pointee.requiredMask
    }

    /// ``checkMembers(_:_:_:)`` for a rule with `patternProperties`: each name is also matched
    /// against every pattern.
    @inline(never)
    func checkPatternMembers(_ object: Int, _ ruleIndex: Int, _ depth: Int) -> Bool {
        let rule = code.objectRules[ruleIndex]
        var seen: UInt64 = 0
        var keyNode = object &+ 1
        for _ in 0..<instance.count(object) {
            let value = keyNode &+ 1
            let index = code.property(ruleIndex, named: keyNode, instance, tape)
            var matched = index >= 0
            if matched {
                let property = code.properties[index]
                seen |= property.requiredBit
                if !check(property.schema, value, depth) { return false }
            }
            var entry = Int(rule.patterns.lower)
            while entry < Int(rule.patterns.upper) {
                let pattern = code.patterns[entry]
                if code.matches(pattern.regex, keyNode, instance, tape, program) {
                    matched = true
                    if !check(pattern.schema, value, depth) { return false }
                }
                entry &+= 1
            }
            if !matched, rule.additional >= 0, !check(rule.additional, value, depth) { return false }
            keyNode = instance.next(value)
        }
        return seen & rule.requiredMask == rule.requiredMask
    }

    /// `required` (not folded into a member pass): whether `object` has a member named by each key
    /// of `keys` (a range of `keyLists`). Each search starts after the member found for the key
    /// before, going round, so keys listed in document order cost one comparison each.
    @inline(never)
    func hasMembers(_ object: Int, _ keys: Span) -> Bool {
        let total = instance.count(object)
        guard total > 0 else { return keys.lower == keys.upper }
        var cursor = object &+ 1, cursorPosition = 0
        for index in Int(keys.lower)..<Int(keys.upper) {
            let key = code.keyLists[index]
            let tag = code.keyTags[Int(key)]
            var keyNode = cursor, position = cursorPosition, found = false
            for _ in 0..<total {
                let record = instance.nodes[keyNode]
                var next = instance.next(keyNode &+ 1), nextPosition = position &+ 1
                if nextPosition == total { (next, nextPosition) = (object &+ 1, 0) }
                if record.count == tag, code.keyEquals(keyNode, record, key, instance, tape) {
                    (cursor, cursorPosition, found) = (next, nextPosition, true)
                    break
                }
                (keyNode, position) = (next, nextPosition)
            }
            if !found { return false }
        }
        return true
    }
}
