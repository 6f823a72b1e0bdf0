/// What the `isValid` walk can know about a schema node before seeing any instance: where a
/// chain of in-place indirections leads, and whether the node only checks the type.
///
/// A node whose only op is `$ref`, or `allOf` with a single non-trivial member (`allOf` beside a
/// `$comment`), evaluates its target on the same instance value one level deeper. ``SchemaChecker``
/// jumps to the end of such a chain directly and adds the levels it skipped to its depth, so the
/// nesting limit gives exactly the same answers.
struct SchemaNodeInfo {
    /// The node at the end of the chain (the node itself when it is not an indirection).
    var target: Int32
    /// How many indirections were skipped.
    var skipped: Int32
    /// When the target's only op is `type`: its ``SchemaTypes`` bits; 0 otherwise.
    var types: UInt8

    /// The information of every node of `tables`.
    static func build(_ tables: SchemaTables) -> [SchemaNodeInfo] {
        (0..<tables.nodes.count).map { start in
            var node = Int32(start)
            var skipped: Int32 = 0
            while skipped < Int32(tables.nodes.count), let next = indirection(tables, node) {
                node = next
                skipped += 1
            }
            var types: UInt8 = 0
            let span = tables.nodes[Int(node)]
            if span.count == 1, case .type(let bits) = tables.ops[Int(span.lower)], bits.rawValue != 0 { types = bits.rawValue }
            return SchemaNodeInfo(target: node, skipped: skipped, types: types)
        }
    }

    /// The node that `node` evaluates in place as its only effect, if it is such an indirection.
    private static func indirection(_ tables: SchemaTables, _ node: Int32) -> Int32? {
        let span = tables.nodes[Int(node)]
        guard span.count == 1 else { return nil }
        switch tables.ops[Int(span.lower)] {
        case .ref(let target):
            return target
        case .allOf(let list):
            let members = (Int(list.lower)..<Int(list.upper)).map { tables.children[$0] }.filter { !tables.isTrue($0) }
            return members.count == 1 ? members[0] : nil
        default:
            return nil
        }
    }
}
