/// The `isValid` walk: a yes/no over a compiled schema, stopping at the first failure.
///
/// The same decisions as ``SchemaValidator`` with `collect == false`, without its reporting
/// machinery. Each schema node is evaluated by its ``SchemaCheckPlan``: its type, member pass
/// and pattern straight from the plan, its other ops (bounds, items, applicators, references) in
/// one small switch; the rare ones (`multipleOf`, string lengths, `uniqueItems`, `contains`,
/// `propertyNames`, `dependent…`) are handed to a ``SchemaValidator`` at the same nesting depth,
/// so they are decided by the very same code. Nothing is allocated; tables and instance are read
/// through raw pointers, and the nesting depth travels as an argument.
struct SchemaChecker {
    let program: SchemaProgram
    let code: SchemaCode
    let tape: JSONTape
    let instance: SchemaInstance

    init(_ program: SchemaProgram, _ tape: JSONTape, _ instance: SchemaInstance) {
        self.program = program
        self.code = program.code
        self.tape = tape
        self.instance = instance
    }

    /// Whether instance `node` matches schema node `schema`, evaluated at nesting `depth`. Chains
    /// of indirections are skipped (their levels still count towards the depth limit, see
    /// ``SchemaNodeInfo``), and a node that only checks the type is decided here.
    @inline(__always)
    func check(_ schema: Int32, _ node: Int, _ depth: Int) -> Bool {
        let info = code.info[Int(schema)]
        if info.types != 0 {
            return depth &+ Int(info.skipped) < SchemaValidator.maximumDepth
                && code.matches(SchemaTypes(rawValue: info.types), node, instance, tape)
        }
        return reach(info.target, skipped: Int(info.skipped), node, depth)
    }

    /// ``check(_:_:_:)`` of a node whose chain of `skipped` indirections leads to `target`.
    @inline(__always)
    func reach(_ target: Int32, skipped: Int, _ node: Int, _ depth: Int) -> Bool {
        if skipped == 0 { return evaluate(target, node, depth) }
        if code.plans[Int(target)].empty { return depth &+ skipped <= SchemaValidator.maximumDepth }
        return evaluate(target, node, depth &+ skipped)
    }

    /// ``check(_:_:_:)`` on the node itself, by its plan, one level deeper.
    func evaluate(_ schema: Int32, _ node: Int, _ depth: Int) -> Bool {
        let plan = code.plans[Int(schema)]
        if plan.empty { return true }
        let depth = depth &+ 1
        guard depth <= SchemaValidator.maximumDepth else { return false }
        let record = instance.nodes[node]
        guard plan.accepts(record, node, tape) else { return false }
        switch record.kind {
        case .object:
            if plan.rule >= 0, !checkMembers(node, Int(plan.rule), depth) { return false }
        case .string:
            if plan.pattern >= 0, !code.matches(plan.pattern, node, instance, tape, program) { return false }
        case .number:
            if plan.whole || plan.bounds >= 0, !checkNumber(plan, record, node) { return false }
        default:
            break
        }
        return plan.rest.lower == plan.rest.upper || applyRest(plan.rest, schema, node, depth)
    }

    /// A plan's `multipleOf: 1` and bounds, on number `node` (whose record is `record`).
    @inline(never)
    private func checkNumber(_ plan: SchemaCheckPlan, _ record: JSONNode, _ node: Int) -> Bool {
        if plan.whole, record.flags != 0, !tape.isIntegral(node) { return false }
        return plan.bounds < 0 || code.bounds[Int(plan.bounds)].holds(code.double(node, instance, tape))
    }

    /// The ops of a plan's rest, in order.
    @inline(never)
    private func applyRest(_ rest: Span, _ schema: Int32, _ node: Int, _ depth: Int) -> Bool {
        var index = Int(rest.lower)
        while index < Int(rest.upper) {
            if !apply(code.restOps[index], schema, node, depth) { return false }
            index &+= 1
        }
        return true
    }

    /// One op of a plan's rest, decided as ``SchemaValidator`` decides it.
    @inline(__always)
    private func apply(_ op: SchemaOp, _ schema: Int32, _ node: Int, _ depth: Int) -> Bool {
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
            return checkItems(node, prefix: prefix, rest: rest, depth)
        case .members(let rule):
            return instance.kind(node) != .object || checkMembers(node, Int(rule), depth)
        case .required(let keys):
            return instance.kind(node) != .object || hasMembers(node, keys)
        case .allOf(let list):
            for index in Int(list.lower)..<Int(list.upper) where !check(code.children[index], node, depth) { return false }
            return true
        case .anyOf(let list):
            for index in Int(list.lower)..<Int(list.upper) where check(code.children[index], node, depth) { return true }
            return false
        case .oneOf(let list):
            var matched = 0
            for index in Int(list.lower)..<Int(list.upper) where check(code.children[index], node, depth) {
                matched &+= 1
                if matched > 1 { return false }
            }
            return matched == 1
        case .not(let negated):
            return !check(negated, node, depth)
        case .conditional(let condition, let then, let otherwise):
            let branch = check(condition, node, depth) ? then : otherwise
            return branch < 0 || check(branch, node, depth)
        case .ref(let target):
            return check(target, node, depth)
        case .multipleOf, .minLength, .maxLength, .uniqueItems, .contains, .propertyNames, .dependentRequired, .dependentSchemas:
            return handOver(op, schema, node, depth)
        }
    }

    /// A rare op, decided by ``SchemaValidator`` (without collecting) at the current depth.
    @inline(never)
    private func handOver(_ op: SchemaOp, _ schema: Int32, _ node: Int, _ depth: Int) -> Bool {
        var validator = SchemaValidator(program, tape, instance, collect: false, depth: depth)
        return validator.apply(op, schema, node)
    }

    /// `prefixItems` and `items`.
    private func checkItems(_ array: Int, prefix: Span, rest: Int32, _ depth: Int) -> Bool {
        guard instance.kind(array) == .array else { return true }
        var element = array &+ 1
        for index in 0..<instance.count(array) {
            if index < prefix.count {
                if !check(code.children[Int(prefix.lower) &+ index], element, depth) { return false }
            } else if rest < 0 {
                return true
            } else if !check(rest, element, depth) {
                return false
            }
            element = instance.next(element)
        }
        return true
    }
}
