/// Reading strings: decoded only when asked, compared without allocating when unescaped.
extension JSONTape {
    /// The decoded value of a string node (a value or a member name); nil for any other kind.
    /// `"\uD83D\uDE00"` gives "😀"; a lone surrogate gives U+FFFD.
    public func string(_ node: Int) -> String? {
        let record = nodes[node]
        guard record.kind == .string else { return nil }
        if record.flags & JSONNode.escaped == 0 {
            return bytes.withUnsafeBufferPointer {
                String(decoding: UnsafeBufferPointer(rebasing: $0[Int(record.start)..<Int(record.end)]), as: UTF8.self)
            }
        }
        return String(decoding: decodedBytes(node), as: UTF8.self)
    }

    /// Whether a string node decodes to `literal`, without allocating when the node has no escape.
    /// False for any other kind.
    ///
    /// ```swift
    /// tape.stringEquals(tape.member(tape.root, "status")!, "ok")
    /// ```
    public func stringEquals(_ node: Int, _ literal: String) -> Bool {
        if let result = literal.utf8.withContiguousStorageIfAvailable({ stringEquals(node, utf8: $0) }) { return result }
        return Array(literal.utf8).withUnsafeBufferPointer { stringEquals(node, utf8: $0) }
    }

    /// ``stringEquals(_:_:)`` against UTF-8 bytes.
    func stringEquals(_ node: Int, utf8 literal: UnsafeBufferPointer<UInt8>) -> Bool {
        let record = nodes[node]
        guard record.kind == .string else { return false }
        if record.flags & JSONNode.escaped == 0 {
            return Int(record.end - record.start) == literal.count && sourceEquals(Int(record.start), literal)
        }
        let decoded = decodedBytes(node)
        return decoded.count == literal.count && decoded.elementsEqual(literal)
    }

    /// Whether member name node `keyNode` is `name`, whose ``JSONKeyTag`` is `tag`: one integer
    /// comparison for most non-matching names.
    @inline(__always)
    func keyEquals(_ keyNode: Int, utf8 name: UnsafeBufferPointer<UInt8>, tag: UInt32) -> Bool {
        let record = nodes[keyNode]
        guard record.count == tag else { return false }
        if record.flags & JSONNode.escaped == 0 {
            return Int(record.end - record.start) == name.count && sourceEquals(Int(record.start), name)
        }
        let decoded = decodedBytes(keyNode)
        return decoded.count == name.count && decoded.elementsEqual(name)
    }

    /// Whether two string nodes (possibly of different tapes) decode to the same text.
    func stringEquals(_ node: Int, _ other: JSONTape, _ otherNode: Int) -> Bool {
        let record = other.nodes[otherNode]
        guard record.kind == .string else { return false }
        if record.flags & JSONNode.escaped == 0 {
            return other.bytes.withUnsafeBufferPointer {
                stringEquals(node, utf8: UnsafeBufferPointer(rebasing: $0[Int(record.start)..<Int(record.end)]))
            }
        }
        return other.decodedBytes(otherNode).withUnsafeBufferPointer { stringEquals(node, utf8: $0) }
    }

    /// Whether a string node holds an escape (then reading it allocates).
    func isEscaped(_ node: Int) -> Bool { nodes[node].flags & JSONNode.escaped != 0 }

    /// The number of Unicode code points of a string node (what JSON Schema's `minLength` and
    /// `maxLength` count); 0 for any other kind.
    public func unicodeScalarCount(_ node: Int) -> Int {
        let record = nodes[node]
        guard record.kind == .string else { return 0 }
        if record.flags & JSONNode.escaped == 0 {
            return bytes.withUnsafeBufferPointer { source in
                var count = 0
                for index in Int(record.start)..<Int(record.end) where source[index] & 0xC0 != 0x80 { count += 1 }
                return count
            }
        }
        var count = 0
        for byte in decodedBytes(node) where byte & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// The UTF-8 bytes of a string node with its escapes decoded (the raw bytes when it has none).
    func decodedBytes(_ node: Int) -> [UInt8] {
        let record = nodes[node]
        let start = Int(record.start), end = Int(record.end)
        guard record.flags & JSONNode.escaped != 0 else { return Array(bytes[start..<end]) }
        return bytes.withUnsafeBufferPointer { Self.decode($0, from: start, to: end) }
    }

    /// Decodes the escapes of the (already checked) string contents `start..<end` of `source`.
    static func decode(_ source: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(end - start)
        var index = start
        while index < end {
            let byte = source[index]
            guard byte == UInt8(ascii: "\\") else { output.append(byte); index += 1; continue }
            let escape = source[index + 1]
            index += 2
            switch escape {
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = hex4(source, index)
                index += 4
                if (0xD800...0xDBFF).contains(scalar), index + 6 <= end,
                   source[index] == UInt8(ascii: "\\"), source[index + 1] == UInt8(ascii: "u") {
                    let low = hex4(source, index + 2)
                    if (0xDC00...0xDFFF).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        index += 6
                    }
                }
                appendUTF8(Unicode.Scalar(scalar) ?? "\u{FFFD}", to: &output)
            default: output.append(escape)   // \" \\ \/
            }
        }
        return output
    }

    private static func hex4(_ source: UnsafeBufferPointer<UInt8>, _ index: Int) -> UInt32 {
        var value: UInt32 = 0
        for offset in 0..<4 { value = value << 4 | (JSONParser.hexValue(source[index + offset]) ?? 0) }
        return value
    }

    private static func appendUTF8(_ scalar: Unicode.Scalar, to output: inout [UInt8]) {
        let value = scalar.value
        switch value {
        case 0..<0x80:
            output.append(UInt8(value))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | value >> 6)); output.append(UInt8(0x80 | value & 0x3F))
        case 0x800..<0x10000:
            output.append(UInt8(0xE0 | value >> 12)); output.append(UInt8(0x80 | value >> 6 & 0x3F))
            output.append(UInt8(0x80 | value & 0x3F))
        default:
            output.append(UInt8(0xF0 | value >> 18)); output.append(UInt8(0x80 | value >> 12 & 0x3F))
            output.append(UInt8(0x80 | value >> 6 & 0x3F)); output.append(UInt8(0x80 | value & 0x3F))
        }
    }
}
