/// Numbers and the literals `true`, `false`, `null`.
extension JSONParser {
    /// Scans a number starting at `start`: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    /// Returns the index after it and its shape (``JSONNode/fraction``, ``JSONNode/exponent``);
    /// it is converted only when read.
    @inline(__always)
    func scanNumber(from start: Int) throws(JSONParseError) -> (end: Int, flags: UInt8) {
        var index = start
        var flags: UInt8 = 0
        if base[index] == UInt8(ascii: "-") { index &+= 1 }
        guard index < count, Self.isDigit(base[index]) else {
            throw failure(at: index, "expected a digit after '-', found \(describe(index))")
        }
        if base[index] == UInt8(ascii: "0") {
            index &+= 1
            if index < count, Self.isDigit(base[index]) { throw failure(at: start, "leading zeros are not allowed") }
        } else {
            index = skipDigits(from: index &+ 1)
        }
        if index < count, base[index] == UInt8(ascii: ".") {
            flags |= JSONNode.fraction
            index &+= 1
            guard index < count, Self.isDigit(base[index]) else {
                throw failure(at: index, "expected a digit after the decimal point, found \(describe(index))")
            }
            index = skipDigits(from: index &+ 1)
        }
        if index < count, base[index] | 0x20 == UInt8(ascii: "e") {
            flags |= JSONNode.exponent
            index &+= 1
            if index < count, base[index] == UInt8(ascii: "+") || base[index] == UInt8(ascii: "-") { index &+= 1 }
            guard index < count, Self.isDigit(base[index]) else {
                throw failure(at: index, "expected a digit in the exponent, found \(describe(index))")
            }
            index = skipDigits(from: index &+ 1)
        }
        return (index, flags)
    }

    /// The index of the first non-digit at or after `index`: eight bytes at a time (exact per
    /// byte: no carry crosses a byte), then one at a time near the end of the document.
    @inline(__always)
    private func skipDigits(from index: Int) -> Int {
        var index = index
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F, high: UInt64 = 0x8080_8080_8080_8080
        while index &+ 8 <= count {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
            let low = word & low7
            let atLeastZero = low &+ 0x5050_5050_5050_5050    // high bit: byte >= '0'
            let aboveNine = low &+ 0x4646_4646_4646_4646      // high bit: byte > '9'
            let nonDigits = ~(atLeastZero & ~aboveNine & ~word) & high
            if nonDigits != 0 { return index &+ nonDigits.trailingZeroBitCount &>> 3 }
            index &+= 8
        }
        while index < count, Self.isDigit(base[index]) { index &+= 1 }
        return index
    }

    /// Checks the literal `word` (`true`, `false` or `null`) at `start`, whose first byte has been
    /// seen; returns the index after it.
    @inline(__always)
    func scanLiteral(_ word: StaticString, at start: Int) throws(JSONParseError) -> Int {
        let length = word.utf8CodeUnitCount
        if start &+ length <= count {
            let head = UnsafeRawPointer(base + start).loadUnaligned(as: UInt32.self)
            let expected = UnsafeRawPointer(word.utf8Start).loadUnaligned(as: UInt32.self)
            if head == expected, length == 4 || base[start &+ 4] == word.utf8Start[4] { return start &+ length }
        }
        guard start + length <= count else { throw failure(at: start, "expected \(word), found \(describe(start))") }
        for offset in 0..<length where base[start + offset] != word.utf8Start[offset] {
            throw failure(at: start, "expected \(word), found \(describe(start))")
        }
        return start + length
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
