/// Strings and numbers: the byte loops where a JSON parser spends its time.
extension JSONParser {
    /// Parses a string (a value or a member name) starting at its opening quote. Plain runs are
    /// skipped eight bytes at a time; escapes are checked but decoded only when the string is read.
    /// A member name gets its ``JSONKeyTag`` in `count`.
    mutating func parseString(memberName: Bool = false) throws(JSONParseError) {
        let quote = position
        let count = bytes.count
        var index = quote + 1
        var flags: UInt8 = 0
        while true {
            if let base = bytes.baseAddress {
                while index + 8 <= count {
                    let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                    if Self.needsAttention(word) { break }
                    index += 8
                }
            }
            while index < count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80 { break }
                index += 1
            }
            guard index < count else { throw failure(at: quote, "unterminated string") }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { break }
            if byte == UInt8(ascii: "\\") {
                flags = JSONNode.escaped
                index = try scanEscape(at: index)
            } else if byte < 0x20 {
                throw failure(at: index, "unescaped control character (byte 0x\(String(byte, radix: 16, uppercase: true))) in a string")
            } else {
                index = try scanUTF8(at: index)
            }
        }
        var tag: UInt32 = 0
        if memberName {
            if flags == 0, let base = bytes.baseAddress {
                tag = JSONKeyTag.of(base + quote + 1, index - quote - 1)
            } else {
                tag = JSONTape.decode(bytes, from: quote + 1, to: index).withUnsafeBufferPointer { JSONKeyTag.of($0) }
            }
        }
        nodes.append(JSONNode(start: UInt32(quote + 1), end: UInt32(index), next: UInt32(nodes.count + 1), count: tag,
                              kind: .string, flags: flags))
        position = index + 1
    }

    /// True when any of the eight bytes is a quote, a backslash, a control character or non-ASCII.
    @inline(__always)
    static func needsAttention(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let hasQuote = (quote &- ones) & ~quote
        let hasBackslash = (backslash &- ones) & ~backslash
        let hasControl = (word &- ones &* 0x20) & ~word
        return ((hasQuote | hasBackslash | hasControl) & high) | (word & high) != 0
    }

    /// Checks the escape at `index` (a backslash); returns the index after it.
    private func scanEscape(at index: Int) throws(JSONParseError) -> Int {
        guard index + 1 < bytes.count else { throw failure(at: index, "unterminated escape sequence") }
        switch bytes[index + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
             UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return index + 2
        case UInt8(ascii: "u"):
            guard index + 6 <= bytes.count else { throw failure(at: index, "truncated \\u escape") }
            for offset in 2..<6 where JSONParser.hexValue(bytes[index + offset]) == nil {
                throw failure(at: index, "\\u must be followed by four hexadecimal digits")
            }
            return index + 6
        default:
            throw failure(at: index, "invalid escape sequence \\\(describe(index + 1))")
        }
    }

    /// Checks one multi-byte UTF-8 sequence at `index`; returns the index after it.
    private func scanUTF8(at index: Int) throws(JSONParseError) -> Int {
        let lead = bytes[index]
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
        guard index + length <= bytes.count else { throw failure(at: index, "truncated UTF-8 sequence") }
        let second = bytes[index + 1]
        var valid = second >= low && second <= high
        for offset in 2..<max(length, 2) where bytes[index + offset] & 0xC0 != 0x80 { valid = false }
        guard valid else { throw failure(at: index, "invalid UTF-8 sequence") }
        return index + length
    }

    /// Parses a number: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    mutating func parseNumber() throws(JSONParseError) {
        let start = position
        let count = bytes.count
        var index = start
        var flags: UInt8 = 0
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < count, Self.isDigit(bytes[index]) else {
            throw failure(at: index, "expected a digit after '-', found \(describe(index))")
        }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < count, Self.isDigit(bytes[index]) { throw failure(at: start, "leading zeros are not allowed") }
        } else {
            while index < count, Self.isDigit(bytes[index]) { index += 1 }
        }
        if index < count, bytes[index] == UInt8(ascii: ".") {
            flags |= JSONNode.fraction
            index += 1
            guard index < count, Self.isDigit(bytes[index]) else {
                throw failure(at: index, "expected a digit after the decimal point, found \(describe(index))")
            }
            while index < count, Self.isDigit(bytes[index]) { index += 1 }
        }
        if index < count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            flags |= JSONNode.exponent
            index += 1
            if index < count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < count, Self.isDigit(bytes[index]) else {
                throw failure(at: index, "expected a digit in the exponent, found \(describe(index))")
            }
            while index < count, Self.isDigit(bytes[index]) { index += 1 }
        }
        appendScalar(.number, start: start, end: index, flags: flags)
        position = index
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    /// The value of a hexadecimal digit, nil for any other byte.
    @inline(__always)
    static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte &- UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte &- UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte &- UInt8(ascii: "A") + 10)
        default: return nil
        }
    }
}
