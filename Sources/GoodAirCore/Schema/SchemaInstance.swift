#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The nodes and bytes of a ``JSONTape`` as raw pointers, for the length of one validation
/// (see ``JSONTape/withInstance(_:)``): reading a node costs one load, no bounds check and no
/// reference counting. Node indices must be valid (the validator only follows the tape's links).
struct SchemaInstance {
    let nodes: UnsafePointer<JSONNode>
    let source: UnsafePointer<UInt8>
    /// How many bytes `source` holds.
    let count: Int

    @inline(__always)
    func kind(_ node: Int) -> JSONKind { nodes[node].kind }

    /// Members or elements of a container (its kind must have been checked).
    @inline(__always)
    func count(_ node: Int) -> Int { Int(nodes[node].count) }

    @inline(__always)
    func next(_ node: Int) -> Int { Int(nodes[node].next) }

    /// The bytes of a string node without escapes, or of a number.
    @inline(__always)
    func text(_ node: Int) -> UnsafeBufferPointer<UInt8> {
        let record = nodes[node]
        return UnsafeBufferPointer(start: source + Int(record.start), count: Int(record.end &- record.start))
    }

    /// Whether string or number nodes `node` and `other` (of `instance`) have the same bytes.
    @inline(__always)
    func sameText(_ node: Int, _ instance: SchemaInstance, _ other: Int) -> Bool {
        let mine = nodes[node], theirs = instance.nodes[other]
        let length = Int(mine.end &- mine.start)
        guard length == Int(theirs.end &- theirs.start) else { return false }
        return SchemaInstance.equal(source + Int(mine.start), instance.source + Int(theirs.start), length)
    }

    /// Whether `count` bytes at `a` and `b` are equal (short runs in line, long ones with `memcmp`).
    @inline(__always)
    static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        if count > 16 { return memcmp(a, b, count) == 0 }
        var index = 0
        while index &+ 8 <= count {
            if UnsafeRawPointer(a + index).loadUnaligned(as: UInt64.self) != UnsafeRawPointer(b + index).loadUnaligned(as: UInt64.self) {
                return false
            }
            index &+= 8
        }
        while index < count {
            if a[index] != b[index] { return false }
            index &+= 1
        }
        return true
    }
}

extension JSONTape {
    /// Calls `body` with this tape's nodes and bytes as a ``SchemaInstance``.
    @inline(__always)
    func withInstance<Result>(_ body: (SchemaInstance) -> Result) -> Result {
        nodes.withUnsafeBufferPointer { nodes in
            bytes.withUnsafeBufferPointer { bytes in
                body(SchemaInstance(nodes: nodes.baseAddress!, source: bytes.baseAddress!, count: bytes.count))
            }
        }
    }
}
