/// A 32-bit tag of a member name, stored in its tape node when parsed, so looking a name up
/// compares one integer per member and touches the bytes only on a likely match.
///
/// Computed in constant time from the length and the first and last four bytes of the decoded
/// name (so names of up to 8 bytes, most JSON keys, rarely share a tag unless equal). Equal names
/// always have equal tags; equal tags are confirmed byte by byte.
enum JSONKeyTag {
    /// The tag of a decoded name.
    @inline(__always)
    static func of(_ name: UnsafeBufferPointer<UInt8>) -> UInt32 {
        of(name.baseAddress, name.count)
    }

    /// The tag of the `count` bytes at `base` (which may be nil when `count` is 0).
    @inline(__always)
    static func of(_ base: UnsafePointer<UInt8>?, _ count: Int) -> UInt32 {
        var head: UInt32 = 0, tail: UInt32 = 0
        if let base, count >= 4 {
            head = UnsafeRawPointer(base).loadUnaligned(as: UInt32.self)
            tail = UnsafeRawPointer(base + count - 4).loadUnaligned(as: UInt32.self)
        } else if let base {
            for index in 0..<count { head = head << 8 | UInt32(base[index]) }
        }
        var mixed = UInt64(head) | UInt64(tail) << 32
        mixed ^= UInt64(count) &* 0x9E37_79B9_7F4A_7C15
        mixed = (mixed ^ (mixed >> 29)) &* 0xBF58_476D_1CE4_E5B9
        return UInt32(truncatingIfNeeded: mixed ^ (mixed >> 32))
    }

    /// The tag of a name given as a `String`.
    static func of(_ name: String) -> UInt32 {
        if let tag = name.utf8.withContiguousStorageIfAvailable({ of($0) }) { return tag }
        return Array(name.utf8).withUnsafeBufferPointer { of($0) }
    }
}
