/// The checks both walks share (``SchemaChecker`` for `isValid`, ``SchemaValidator`` for the
/// failure report), on raw tables and a raw instance, so both give the same answers.
extension SchemaCode {
    /// Whether a value is of one of `types` (`integer`: a number without fractional part).
    @inline(__always)
    func matches(_ types: SchemaTypes, _ node: Int, _ instance: SchemaInstance, _ tape: JSONTape) -> Bool {
        let record = instance.nodes[node]
        switch record.kind {
        case .null: return types.contains(.null)
        case .true, .false: return types.contains(.boolean)
        case .object: return types.contains(.object)
        case .array: return types.contains(.array)
        case .string: return types.contains(.string)
        case .number:
            return types.contains(.number) || (types.contains(.integer) && (record.flags == 0 || tape.isIntegral(node)))
        }
    }

    /// Whether instance `node` equals value `value` of the schema document (`const`, `enum`):
    /// literals, unescaped strings and same-spelled numbers are compared here, the rest by
    /// ``JSONTape/valueEquals(_:_:_:)`` against `program`'s document.
    @inline(__always)
    func equals(_ node: Int, _ value: Int, _ instance: SchemaInstance, _ tape: JSONTape, _ program: SchemaProgram) -> Bool {
        let mine = instance.nodes[node], theirs = document.nodes[value]
        guard mine.kind == theirs.kind else { return false }
        switch mine.kind {
        case .null, .true, .false:
            return true
        case .string where (mine.flags | theirs.flags) & JSONNode.escaped == 0:
            return instance.sameText(node, document, value)
        case .number where instance.sameText(node, document, value):
            return true
        default:
            return tape.valueEquals(node, program.tables.document, value)
        }
    }

    /// Whether regex `index` matches string node `node`: on its automaton for ASCII text without
    /// escapes, else on `program`'s ``SchemaRegex``.
    @inline(__always)
    func matches(_ index: Int32, _ node: Int, _ instance: SchemaInstance, _ tape: JSONTape, _ program: SchemaProgram) -> Bool {
        let record = instance.nodes[node]
        if record.flags & JSONNode.escaped == 0,
           let result = automata[Int(index)].matches(instance.text(node), readable: instance.count &- Int(record.start)) {
            return result
        }
        return tape.matches(program.tables.regexes[Int(index)], node)
    }

    /// A number node as a `Double` (as ``JSONTape/double(_:)``).
    @inline(__always)
    func double(_ node: Int, _ instance: SchemaInstance, _ tape: JSONTape) -> Double {
        JSONTape.fastDouble(instance.text(node)) ?? tape.double(node) ?? .nan
    }
}
