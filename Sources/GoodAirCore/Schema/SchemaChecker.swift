/// The `isValid` walk: a yes/no over a compiled schema, stopping at the first failure.
///
/// The same decisions as ``SchemaValidator`` with `collect == false`, without its reporting
/// machinery: the ops of payload schemas (types, bounds, patterns, members, items, applicators,
/// references) are decided here in one small, tight switch; the rare ones (`multipleOf`, string
/// lengths, `uniqueItems`, `contains`, `propertyNames`, `dependent…`) are handed to a
/// ``SchemaValidator`` at the same nesting depth, so they are decided by the very same code.
/// Nothing is allocated; tables and instance are read through raw pointers.
struct SchemaChecker {
    let program: SchemaProgram
    let code: SchemaCode
    let tape: JSONTape
    let instance: SchemaInstance
    private var depth = 0

    init(_ program: SchemaProgram, _ tape: JSONTape, _ instance: SchemaInstance) {
        self.program = program
        self.code = program.code
        self.tape = tape
        self.instance = instance
    }

    /// Whether instance `node` matches schema node `schema`. Chains of indirections are skipped
    /// (their levels still count towards the depth limit, see ``SchemaNodeInfo``), and a node that
    /// only checks the type is decided here.
    @inline(__always)
    mutating func check(_ schema: Int32, _ node: Int) -> Bool {
        let info = code.info[Int(schema)]
        if info.types != 0 {
            return depth &+ Int(info.skipped) < SchemaValidator.maximumDepth
                && code.matches(SchemaTypes(rawValue: info.types), node, instance, tape)
        }
        if info.skipped == 0 { return evaluate(schema, node) }
        let skipped = Int(info.skipped)
        if code.nodes[Int(info.target)].lower == code.nodes[Int(info.target)].upper {
            return depth &+ skipped <= SchemaValidator.maximumDepth
        }
        depth &+= skipped
        defer { depth &-= skipped }
        return evaluate(info.target, node)
    }

    /// ``check(_:_:)`` on the node itself: its ops in order, one level deeper.
    private mutating func evaluate(_ schema: Int32, _ node: Int) -> Bool {
        let span = code.nodes[Int(schema)]
        guard span.lower < span.upper else { return true }
        depth &+= 1
        defer { depth &-= 1 }
        guard depth <= SchemaValidator.maximumDepth else { return false }
        var index = Int(span.lower)
        while index < Int(span.upper) {
            if !apply(code.ops[index], schema, node) { return false }
            index &+= 1
        }
        return true
    }

    @inline(__always)
    private mutating func apply(_ op: SchemaOp, _ schema: Int32, _ node: Int) -> Bool {
        switch op {
        case .alwaysFalse:
            return false
        case .type(let types):
            return code.matches(types, node, instance, tape)
        case .constant(let value):
            return code.equals(node, Int(value), instance, tape, program)
        case .oneOfValues(let span):
            for index in Int(span.lower)..<Int(span.upper) where code.equals(node, Int(code.values[index]), instance, tape, program) {
                return true
            }
            return false
        case .minimum(let bound, _):
            return instance.kind(node) != .number || code.double(node, instance, tape) >= bound
        case .maximum(let bound, _):
            return instance.kind(node) != .number || code.double(node, instance, tape) <= bound
        case .exclusiveMinimum(let bound, _):
            return instance.kind(node) != .number || code.double(node, instance, tape) > bound
        case .exclusiveMaximum(let bound, _):
            return instance.kind(node) != .number || code.double(node, instance, tape) < bound
        case .pattern(let index):
            return instance.kind(node) != .string || code.matches(index, node, instance, tape, program)
        case .minItems(let limit):
            return instance.kind(node) != .array || instance.count(node) >= limit
        case .maxItems(let limit):
            return instance.kind(node) != .array || instance.count(node) <= limit
        case .minProperties(let limit):
            return instance.kind(node) != .object || instance.count(node) >= limit
        case .maxProperties(let limit):
            return instance.kind(node) != .object || instance.count(node) <= limit
        case .items(let prefix, let rest):
            return checkItems(node, prefix: prefix, rest: rest)
        case .members(let rule):
            return checkMembers(node, Int(rule))
        case .required(let keys):
            guard instance.kind(node) == .object else { return true }
            for index in Int(keys.lower)..<Int(keys.upper) where code.member(node, code.keyLists[index], instance, tape) == nil {
                return false
            }
            return true
        case .allOf(let list):
            for index in Int(list.lower)..<Int(list.upper) where !check(code.children[index], node) { return false }
            return true
        case .anyOf(let list):
            for index in Int(list.lower)..<Int(list.upper) where check(code.children[index], node) { return true }
            return false
        case .oneOf(let list):
            var matched = 0
            for index in Int(list.lower)..<Int(list.upper) where check(code.children[index], node) {
                matched &+= 1
                if matched > 1 { return false }
            }
            return matched == 1
        case .not(let negated):
            return !check(negated, node)
        case .conditional(let condition, let then, let otherwise):
            let branch = check(condition, node) ? then : otherwise
            return branch < 0 || check(branch, node)
        case .ref(let target):
            return check(target, node)
        case .multipleOf, .minLength, .maxLength, .uniqueItems, .contains, .propertyNames, .dependentRequired, .dependentSchemas:
            return handOver(op, schema, node)
        }
    }

    /// A rare op, decided by ``SchemaValidator`` (without collecting) at the current depth.
    @inline(never)
    private func handOver(_ op: SchemaOp, _ schema: Int32, _ node: Int) -> Bool {
        var validator = SchemaValidator(program, tape, instance, collect: false, depth: depth)
        return validator.apply(op, schema, node)
    }

    /// `prefixItems` and `items`.
    private mutating func checkItems(_ array: Int, prefix: Span, rest: Int32) -> Bool {
        guard instance.kind(array) == .array else { return true }
        var element = array &+ 1
        for index in 0..<instance.count(array) {
            if index < prefix.count {
                if !check(code.children[Int(prefix.lower) &+ index], element) { return false }
            } else if rest < 0 {
                return true
            } else if !check(rest, element) {
                return false
            }
            element = instance.next(element)
        }
        return true
    }

    /// `properties` (found by name in the rule's table), `patternProperties`,
    /// `additionalProperties`, and the `required` names folded into the pass.
    private mutating func checkMembers(_ object: Int, _ ruleIndex: Int) -> Bool {
        guard instance.kind(object) == .object else { return true }
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
                if !check(property.schema, value) { return false }
            }
            var entry = Int(rule.patterns.lower)
            while entry < Int(rule.patterns.upper) {
                let pattern = code.patterns[entry]
                if code.matches(pattern.regex, keyNode, instance, tape, program) {
                    matched = true
                    if !check(pattern.schema, value) { return false }
                }
                entry &+= 1
            }
            if !matched, rule.additional >= 0, !check(rule.additional, value) { return false }
            keyNode = instance.next(value)
        }
        return seen & rule.requiredMask == rule.requiredMask
    }
}
