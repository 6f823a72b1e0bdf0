#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Walking objects and arrays.
extension JSONTape {
    /// The value node of member `key` in `object`; nil when absent or when `object` is not an object.
    /// Names are compared as bytes (escaped names are decoded first). When a name repeats, the
    /// first one wins.
    ///
    /// ```swift
    /// let tape = try JSONTape(parsing: #"{"a\/b":1,"c":2}"#)
    /// tape.member(tape.root, "a/b")   // the node of 1
    /// ```
    public func member(_ object: Int, _ key: String) -> Int? {
        guard nodes[object].kind == .object else { return nil }
        if let found = key.utf8.withContiguousStorageIfAvailable({ member(object, utf8: $0) }) { return found }
        return Array(key.utf8).withUnsafeBufferPointer { member(object, utf8: $0) }
    }

    /// ``member(_:_:)`` with the name as UTF-8 bytes.
    /// Names are compared by tag first (one integer per member), then by length and bytes.
    func member(_ object: Int, utf8 key: UnsafeBufferPointer<UInt8>, tag: UInt32? = nil) -> Int? {
        let record = nodes[object]
        guard record.kind == .object else { return nil }
        let tag = tag ?? JSONKeyTag.of(key)
        return nodes.withUnsafeBufferPointer { nodes in
            var keyNode = object &+ 1
            for _ in 0..<record.count {
                let name = nodes[keyNode]
                if name.count == tag {
                    if name.flags & JSONNode.escaped == 0 {
                        if Int(name.end &- name.start) == key.count, sourceEquals(Int(name.start), key) { return keyNode &+ 1 }
                    } else if keyEquals(keyNode, utf8: key, tag: tag) {
                        return keyNode &+ 1
                    }
                }
                keyNode = Int(nodes[keyNode &+ 1].next)
            }
            return nil
        }
    }

    /// Members in document order, with decoded names (allocates; for reports and validators'
    /// messages, not for hot loops — use ``forEachMember(_:_:)`` there).
    public func members(_ object: Int) -> [(key: String, value: Int)] {
        var result: [(key: String, value: Int)] = []
        guard nodes[object].kind == .object else { return result }
        result.reserveCapacity(Int(nodes[object].count))
        forEachMember(object) { key, value in result.append((string(key) ?? "", value)) }
        return result
    }

    /// Calls `body` with each member's name node and value node, in document order. The name node
    /// is a string node: read it with ``string(_:)`` or ``stringEquals(_:_:)``.
    public func forEachMember(_ object: Int, _ body: (_ keyNode: Int, _ value: Int) throws -> Void) rethrows {
        let record = nodes[object]
        guard record.kind == .object else { return }
        var keyNode = object + 1
        for _ in 0..<record.count {
            try body(keyNode, keyNode + 1)
            keyNode = Int(nodes[keyNode + 1].next)
        }
    }

    /// The element nodes of an array, in order (empty for any other value).
    public func elements(_ array: Int) -> [Int] {
        var result: [Int] = []
        guard nodes[array].kind == .array else { return result }
        result.reserveCapacity(Int(nodes[array].count))
        forEachElement(array) { result.append($0) }
        return result
    }

    /// Calls `body` with each element node of an array, in order.
    public func forEachElement(_ array: Int, _ body: (_ element: Int) throws -> Void) rethrows {
        let record = nodes[array]
        guard record.kind == .array else { return }
        var element = array + 1
        for _ in 0..<record.count {
            try body(element)
            element = Int(nodes[element].next)
        }
    }

    /// The node of element `index` of an array (walks the elements before it), nil when out of range.
    public func element(_ array: Int, _ index: Int) -> Int? {
        let record = nodes[array]
        guard record.kind == .array, index >= 0, index < Int(record.count) else { return nil }
        var element = array + 1
        for _ in 0..<index { element = Int(nodes[element].next) }
        return element
    }

    /// Byte comparison of two ranges of the source.
    /// Short runs (member names) are compared in line, longer ones with `memcmp`.
    @inline(__always)
    func sourceEquals(_ start: Int, _ other: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { source in
            guard let base = source.baseAddress, let otherBase = other.baseAddress else { return other.isEmpty }
            let count = other.count
            guard count <= 16 else { return memcmp(base + start, otherBase, count) == 0 }
            for index in 0..<count where base[start + index] != otherBase[index] { return false }
            return true
        }
    }
}
