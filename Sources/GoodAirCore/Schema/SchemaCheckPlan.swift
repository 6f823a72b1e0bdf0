/// How ``SchemaChecker`` evaluates one schema node: the ops every payload schema uses — its
/// `type`, its member pass, its `pattern`, its numeric bounds (``SchemaBounds``, the number read
/// once for all of them), `multipleOf: 1` — lifted out of the op list into fields it reads
/// directly, and the node's other ops in a list of their own (``SchemaCode/restOps``).
///
/// A node's ops all have to hold and none has a side effect, so lifting some out changes only
/// the order in which they are decided, never the answer. Only the first op of each lifted kind
/// is lifted; a repeated keyword (a schema object with a duplicate key) stays in the rest.
struct SchemaCheckPlan {
    /// The kinds of instance the first `type` op allows, one bit per ``JSONKind`` raw value, plus
    /// ``integral`` for numbers without fractional part (`integer`); ``anyKind`` without a `type` op.
    var kinds: UInt8
    /// The node has no op at all (it accepts everything and adds no nesting level).
    var empty: Bool
    /// The node's first `.members` op (an index in `objectRules`), -1: none.
    var rule: Int32
    /// The node's first `.pattern` op (an index in `regexes`), -1: none.
    var pattern: Int32
    /// The node's first bound of each kind (an index in ``SchemaCode/bounds``), -1: none.
    var bounds: Int32
    /// The node has a `multipleOf` of exactly 1: numbers must have no fractional part, which
    /// ``SchemaDivisor/divides(_:_:)`` decides exactly as ``JSONTape/isIntegral(_:)`` does.
    var whole: Bool
    /// The node's other ops: a range of ``SchemaCode/restOps``.
    var rest: Span

    /// The ``kinds`` bit of numbers without fractional part (`integer` without `number`).
    static let integral: UInt8 = 0x80
    /// Every kind (no `type` op).
    static let anyKind: UInt8 = 0xFF

    /// Whether instance `node`, whose record is `record`, is of one of ``kinds`` (as
    /// ``SchemaCode/matches(_:_:_:_:)`` decides for the `type` op).
    @inline(__always)
    func accepts(_ record: JSONNode, _ node: Int, _ tape: JSONTape) -> Bool {
        Self.accepts(kinds, record, node, tape)
    }

    /// Whether instance `node`, whose record is `record`, is of one of the kinds `kinds`.
    @inline(__always)
    static func accepts(_ kinds: UInt8, _ record: JSONNode, _ node: Int, _ tape: JSONTape) -> Bool {
        if kinds & (1 &<< record.kind.rawValue) != 0 { return true }
        return record.kind == .number && kinds & integral != 0 && (record.flags == 0 || tape.isIntegral(node))
    }

    /// The ``kinds`` bits of a `type` op.
    static func kinds(_ types: SchemaTypes) -> UInt8 {
        var bits: UInt8 = 0
        func allow(_ kind: JSONKind) { bits |= 1 << kind.rawValue }
        if types.contains(.null) { allow(.null) }
        if types.contains(.boolean) { allow(.true); allow(.false) }
        if types.contains(.object) { allow(.object) }
        if types.contains(.array) { allow(.array) }
        if types.contains(.string) { allow(.string) }
        if types.contains(.number) { allow(.number) }
        if types.contains(.integer) { bits |= integral }
        return bits
    }

    /// The plan of every node of `tables`, the ops left to their rest lists, and the bounds.
    static func build(_ tables: SchemaTables) -> ([SchemaCheckPlan], [SchemaOp], [SchemaBounds]) {
        var plans: [SchemaCheckPlan] = []
        var restOps: [SchemaOp] = []
        var allBounds: [SchemaBounds] = []
        plans.reserveCapacity(tables.nodes.count)
        for span in tables.nodes {
            var plan = SchemaCheckPlan(kinds: anyKind, empty: span.count == 0, rule: -1, pattern: -1, bounds: -1, whole: false, rest: .empty)
            var typed = false
            var bounds = SchemaBounds()
            let start = Int32(restOps.count)
            for op in tables.ops[Int(span.lower)..<Int(span.upper)] {
                switch op {
                case .type(let types) where !typed:
                    plan.kinds = kinds(types)
                    typed = true
                case .members(let rule) where plan.rule < 0:
                    plan.rule = rule
                case .pattern(let regex) where plan.pattern < 0:
                    plan.pattern = regex
                case .multipleOf(let index) where !plan.whole && tables.divisors[Int(index)].isOne:
                    plan.whole = true
                default:
                    if !bounds.lift(op) { restOps.append(op) }
                }
            }
            if bounds.present != 0 {
                plan.bounds = Int32(allBounds.count)
                allBounds.append(bounds)
            }
            plan.rest = Span(lower: start, upper: Int32(restOps.count))
            plans.append(plan)
        }
        return (plans, restOps, allBounds)
    }
}
