/// A 32-bit tag of a member name, stored in its tape node when parsed, so looking a name up
/// compares one integer per member and touches the bytes only on a likely match.
///
/// Computed in constant time from the length and the bytes of the decoded name: a name of up to
/// seven bytes (most JSON keys) as one word, its bytes in order from the lowest and zeros above
/// (so such names share a tag only by the final fold); a longer one from its first and last
/// eight bytes. Equal names always have equal tags; equal tags are confirmed byte by byte. The
/// parser builds the tag of a name of up to 15 bytes straight from the words it scanned (see
/// ``short(_:_:)`` and ``long(_:_:_:)``).
enum JSONKeyTag {
    /// The tag of a decoded name.
    @inline(__always)
    static func of(_ name: UnsafeBufferPointer<UInt8>) -> UInt32 {
        of(name.baseAddress, name.count)
    }

    /// The tag of the `count` bytes at `base` (which may be nil when `count` is 0).
    @inline(__always)
    static func of(_ base: UnsafePointer<UInt8>?, _ count: Int) -> UInt32 {
        guard let base, count > 0 else { return short(0, 0) }
        if count >= 8 {
            let head = UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(as: UInt64.self))
            let tail = UInt64(littleEndian: UnsafeRawPointer(base + (count &- 8)).loadUnaligned(as: UInt64.self))
            return long(head, tail, count)
        }
        var word: UInt64 = 0
        for index in 0..<count { word |= UInt64(base[index]) << (8 * UInt64(index)) }
        return short(word, count)
    }

    /// The tag of a name of `count` bytes (at most 7) held in `word`: its first byte in the lowest
    /// eight bits, the next above, zeros above the last.
    @inline(__always)
    static func short(_ word: UInt64, _ count: Int) -> UInt32 {
        mix(word, count)
    }

    /// The tag of a name of `count` bytes (at least 8) whose first eight bytes are `head` and last
    /// eight bytes `tail` (little-endian words).
    @inline(__always)
    static func long(_ head: UInt64, _ tail: UInt64, _ count: Int) -> UInt32 {
        mix(head ^ (tail << 29 | tail >> 35), count)
    }

    /// Spreads every bit of `word` and `count` over the 32 bits of the tag (the low bits of a tag
    /// pick a member table's slot).
    @inline(__always)
    private static func mix(_ word: UInt64, _ count: Int) -> UInt32 {
        let mixed = (word ^ UInt64(truncatingIfNeeded: count) &* 0x9E37_79B9_7F4A_7C15) &* 0xBF58_476D_1CE4_E5B9
        return UInt32(truncatingIfNeeded: mixed ^ (mixed >> 32))
    }

    /// The tag of a name given as a `String`.
    static func of(_ name: String) -> UInt32 {
        if let tag = name.utf8.withContiguousStorageIfAvailable({ of($0) }) { return tag }
        return Array(name.utf8).withUnsafeBufferPointer { of($0) }
    }
}
