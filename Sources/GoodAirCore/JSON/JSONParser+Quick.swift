/// The quick paths of the document loop: the common shapes of strings and numbers (plain ASCII,
/// no escape, no exponent, not at the very end of the document), read without throwing so they
/// stay in line in ``parseDocument()`` with their constants in registers. (Member names have
/// theirs in the loop itself, on ``plainName(at:)``.)
///
/// Each answers -1 for anything else — an escape, a non-ASCII byte, an exponent, a leading zero,
/// a malformed value — and the loop then reads the same bytes again on the general path
/// (``scanString(from:)``, ``scanNumber(from:)``), which decides and throws exactly as before.
/// So a quick path only has to be right about what it accepts.
extension JSONParser {
    /// The closing quote of the string whose opening quote is at `quote`, when no byte before it
    /// needs attention (see ``attentionMask(_:)``) and it is found a whole word before the end; -1 otherwise.
    @inline(__always)
    func quickString(from quote: Int) -> Int {
        var index = quote &+ 1
        while index &+ 8 <= count {
            let mask = Self.attentionMask(UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)))
            if mask != 0 {
                index &+= mask.trailingZeroBitCount &>> 3
                return base[index] == UInt8(ascii: "\"") ? index : -1
            }
            index &+= 8
        }
        return -1
    }

    /// The end and shape of the number at `start` when it is `-? (0 | [1-9][0-9]*) (. [0-9]+)?`
    /// followed by a byte that is not a digit, `.`, `e` or `E` (or the end); end -1 otherwise.
    /// Digits are read one at a time: payload numbers are short.
    @inline(__always)
    func quickNumber(from start: Int) -> (end: Int, flags: UInt8) {
        var index = start
        if base[index] == UInt8(ascii: "-") { index &+= 1 }
        guard index < count, Self.isDigit(base[index]) else { return (-1, 0) }
        let first = base[index]
        index &+= 1
        if first == UInt8(ascii: "0") {
            if index < count, Self.isDigit(base[index]) { return (-1, 0) }
        } else {
            while index < count, Self.isDigit(base[index]) { index &+= 1 }
        }
        var flags: UInt8 = 0
        if index < count, base[index] == UInt8(ascii: ".") {
            index &+= 1
            guard index < count, Self.isDigit(base[index]) else { return (-1, 0) }
            index &+= 1
            while index < count, Self.isDigit(base[index]) { index &+= 1 }
            flags = JSONNode.fraction
        }
        if index < count, base[index] | 0x20 == UInt8(ascii: "e") { return (-1, 0) }
        return (index, flags)
    }
}
