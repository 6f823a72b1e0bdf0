/// JSON value equality as JSON Schema defines it (`const`, `enum`, `uniqueItems`): numbers by
/// value (`1 == 1.0`), strings after decoding escapes, objects regardless of member order.
extension JSONTape {
    /// Whether value `node` of this tape equals value `otherNode` of `other` (which may be this tape).
    public func valueEquals(_ node: Int, _ other: JSONTape, _ otherNode: Int) -> Bool {
        let kind = nodes[node].kind
        guard kind == other.nodes[otherNode].kind else { return false }
        switch kind {
        case .null, .true, .false:
            return true
        case .string:
            return stringEquals(node, other, otherNode)
        case .number:
            if rawBytes(node) == other.rawBytes(otherNode) { return true }
            return JSONDecimal(self, node) == JSONDecimal(other, otherNode)
        case .array:
            guard count(node) == other.count(otherNode) else { return false }
            var mine = node + 1, theirs = otherNode + 1
            for _ in 0..<count(node) {
                if !valueEquals(mine, other, theirs) { return false }
                mine = next(mine)
                theirs = other.next(theirs)
            }
            return true
        case .object:
            guard count(node) == other.count(otherNode) else { return false }
            var keyNode = node + 1
            for _ in 0..<count(node) {
                guard let match = other.member(otherNode, matching: keyNode, of: self),
                      valueEquals(keyNode + 1, other, match) else { return false }
                keyNode = next(keyNode + 1)
            }
            return true
        }
    }

    /// The value node of the member of `object` whose name equals string node `keyNode` of `tape`.
    func member(_ object: Int, matching keyNode: Int, of tape: JSONTape) -> Int? {
        let record = tape.nodes[keyNode]
        if record.flags & JSONNode.escaped == 0 {
            return tape.bytes.withUnsafeBufferPointer {
                member(object, utf8: UnsafeBufferPointer(rebasing: $0[Int(record.start)..<Int(record.end)]), tag: record.count)
            }
        }
        return tape.decodedBytes(keyNode).withUnsafeBufferPointer { member(object, utf8: $0, tag: record.count) }
    }

    /// A hash consistent with ``valueEquals(_:_:_:)``: equal values hash alike.
    func valueHash(_ node: Int) -> UInt64 {
        let record = nodes[node]
        switch record.kind {
        case .null: return 0x6E75_6C6C
        case .true: return 0x7472_7565
        case .false: return 0x6661_6C73
        case .string:
            return Self.fnv(record.flags & JSONNode.escaped == 0 ? Array(bytes[Int(record.start)..<Int(record.end)]) : decodedBytes(node), seed: 3)
        case .number:
            let decimal = JSONDecimal(self, node)
            var hash = Self.fnv(decimal.digits, seed: decimal.negative ? 5 : 7)
            hash = Self.mix(hash ^ UInt64(bitPattern: Int64(decimal.exponent)))
            return hash
        case .array:
            var hash: UInt64 = 11
            var element = node + 1
            for _ in 0..<record.count {
                hash = Self.mix(hash &* 31 &+ valueHash(element))
                element = next(element)
            }
            return hash
        case .object:
            var hash: UInt64 = 13
            var keyNode = node + 1
            for _ in 0..<record.count {
                hash = hash &+ Self.mix(valueHash(keyNode) &* 0x9E37_79B9 ^ valueHash(keyNode + 1))
                keyNode = next(keyNode + 1)
            }
            return hash
        }
    }

    private static func fnv(_ bytes: [UInt8], seed: UInt64) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ seed
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }

    private static func mix(_ value: UInt64) -> UInt64 {
        var x = value
        x = (x ^ (x >> 30)) &* 0xBF58_476D_1CE4_E5B9
        x = (x ^ (x >> 27)) &* 0x94D0_49BB_1331_11EB
        return x ^ (x >> 31)
    }
}
