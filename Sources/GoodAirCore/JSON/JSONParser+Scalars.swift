/// Strings: the byte loop where a JSON parser spends most of its time.
extension JSONParser {
    /// Scans a string whose opening quote is at `quote`: the index of its closing quote, and
    /// ``JSONNode/escaped`` when it holds a backslash escape. Plain ASCII runs are skipped eight
    /// bytes at a time, jumping straight to the first quote, backslash, control or non-ASCII
    /// byte; escapes are checked but decoded only when the string is read, UTF-8 is checked only
    /// from a non-ASCII byte on.
    @inline(__always)
    func scanString(from quote: Int) throws(JSONParseError) -> (end: Int, flags: UInt8) {
        var index = quote &+ 1
        var flags: UInt8 = 0
        while true {
            while index &+ 8 <= count {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                let mask = Self.attentionMask(word)
                if mask != 0 {
                    index &+= mask.trailingZeroBitCount &>> 3
                    break
                }
                index &+= 8
            }
            while index < count {
                let byte = base[index]
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80 { break }
                index &+= 1
            }
            guard index < count else { throw failure(at: quote, "unterminated string") }
            let byte = base[index]
            if byte == UInt8(ascii: "\"") { return (index, flags) }
            if byte == UInt8(ascii: "\\") {
                flags = JSONNode.escaped
                index = try scanEscape(at: index)
            } else if byte < 0x20 {
                throw failure(at: index, "unescaped control character (byte 0x\(String(byte, radix: 16, uppercase: true))) in a string")
            } else {
                index = try scanUTF8(at: index)
            }
        }
    }

    /// The end (closing quote) and ``JSONKeyTag`` of a name starting at `start` when it has at most
    /// 15 bytes, all plain ASCII (no escape); nil otherwise, and near the end of the document. Its
    /// closing quote is the first byte of its one or two words that needs attention (see
    /// ``attentionMask(_:)``), and its tag is made from those words.
    @inline(__always)
    func plainName(at start: Int) -> (end: Int, tag: UInt32)? {
        guard start &+ 16 <= count else { return nil }
        let word = UInt64(littleEndian: UnsafeRawPointer(base + start).loadUnaligned(as: UInt64.self))
        let length = Self.attentionMask(word).trailingZeroBitCount &>> 3   // 8: none in this word
        if length < 8 {
            guard base[start &+ length] == UInt8(ascii: "\"") else { return nil }
            return (start &+ length, JSONKeyTag.short(word & ((1 &<< UInt64(length &* 8)) &- 1), length))
        }
        let next = UInt64(littleEndian: UnsafeRawPointer(base + (start &+ 8)).loadUnaligned(as: UInt64.self))
        let more = Self.attentionMask(next).trailingZeroBitCount &>> 3
        guard more < 8, base[start &+ 8 &+ more] == UInt8(ascii: "\"") else { return nil }
        let tail = UInt64(littleEndian: UnsafeRawPointer(base + (start &+ more)).loadUnaligned(as: UInt64.self))
        return (start &+ 8 &+ more, JSONKeyTag.long(word, tail, 8 &+ more))
    }

    /// The ``JSONKeyTag`` of a member name spanning `start..<end` (decoded first when escaped).
    @inline(__always)
    func keyTag(_ start: Int, _ end: Int, flags: UInt8) -> UInt32 {
        if flags == 0 { return JSONKeyTag.of(base + start, end &- start) }
        return JSONTape.decode(bytes, from: start, to: end).withUnsafeBufferPointer { JSONKeyTag.of($0) }
    }

    /// The high bit of each of the eight bytes (little-endian order) that is a quote, a backslash,
    /// a control character or non-ASCII. Bytes above the first flagged one may be flagged wrongly
    /// (borrows), so only the lowest flag is meaningful.
    @inline(__always)
    static func attentionMask(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let hasQuote = (quote &- ones) & ~quote
        let hasBackslash = (backslash &- ones) & ~backslash
        let hasControl = (word &- ones &* 0x20) & ~word
        return (hasQuote | hasBackslash | hasControl | word) & high
    }

    /// Checks the escape at `index` (a backslash); returns the index after it.
    private func scanEscape(at index: Int) throws(JSONParseError) -> Int {
        guard index + 1 < count else { throw failure(at: index, "unterminated escape sequence") }
        switch base[index + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
             UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return index + 2
        case UInt8(ascii: "u"):
            guard index + 6 <= count else { throw failure(at: index, "truncated \\u escape") }
            for offset in 2..<6 where JSONParser.hexValue(base[index + offset]) == nil {
                throw failure(at: index, "\\u must be followed by four hexadecimal digits")
            }
            return index + 6
        default:
            throw failure(at: index, "invalid escape sequence \\\(describe(index + 1))")
        }
    }

    /// Checks one multi-byte UTF-8 sequence at `index`; returns the index after it.
    private func scanUTF8(at index: Int) throws(JSONParseError) -> Int {
        let lead = base[index]
        let length: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xED: length = 3; high = 0x9F
        case 0xE1...0xEF: length = 3
        case 0xF0: length = 4; low = 0x90
        case 0xF4: length = 4; high = 0x8F
        case 0xF1...0xF3: length = 4
        default: throw failure(at: index, "invalid UTF-8 byte 0x\(String(lead, radix: 16, uppercase: true))")
        }
        guard index + length <= count else { throw failure(at: index, "truncated UTF-8 sequence") }
        let second = base[index + 1]
        var valid = second >= low && second <= high
        for offset in 2..<max(length, 2) where base[index + offset] & 0xC0 != 0x80 { valid = false }
        guard valid else { throw failure(at: index, "invalid UTF-8 sequence") }
        return index + length
    }
}
