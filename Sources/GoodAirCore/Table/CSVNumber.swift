/// Numbers and timestamps read back from the lake's CSV bytes, without building strings.
///
/// A plain decimal (`-12.345`, `1021.0`, `7`) whose digits make an integer of at most 2^53 is read
/// exactly as `Double("…")` would (an integer mantissa divided by a power of ten, both exact, is
/// correctly rounded); anything else goes through `Double(String)`. Empty means NULL: NaN.
///
/// ```swift
/// Array("12.5".utf8).withUnsafeBufferPointer { CSVNumber.parse($0) }           // 12.5
/// Array("2026-11-29T14:00:00Z".utf8).withUnsafeBufferPointer { CSVNumber.timestamp($0) }   // 1795960800
/// ```
public enum CSVNumber {
    private static let powers: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// The number in `text`, NaN when empty or not a number.
    @inline(__always)
    public static func parse(_ text: UnsafeBufferPointer<UInt8>) -> Double {
        let count = text.count
        guard count > 0 else { return .nan }
        var index = 0, negative = false
        if text[0] == UInt8(ascii: "-") { negative = true; index = 1 }
        var mantissa: UInt64 = 0, digits = 0, decimals = 0, seenPoint = false
        while index < count {
            let byte = text[index]
            if byte >= 0x30 && byte <= 0x39 {
                mantissa = mantissa &* 10 &+ UInt64(byte &- 0x30)
                digits += 1
                if seenPoint { decimals += 1 }
            } else if byte == UInt8(ascii: "."), !seenPoint {
                seenPoint = true
            } else {
                return slow(text)
            }
            index += 1
        }
        return exact(mantissa: mantissa, digits: digits, decimals: decimals, negative: negative) ?? slow(text)
    }

    /// The number of the field that starts at `start` in `text` (up to the next comma, or the
    /// end), as ``parse(_:)`` reads it, and where the field ends (its comma's index, or
    /// `text.count`): one pass over its bytes, for readers of whole rows.
    @inline(__always)
    static func field(_ text: UnsafeBufferPointer<UInt8>, from start: Int) -> (value: Double, end: Int) {
        let count = text.count
        var index = start, negative = false
        if index < count && text[index] == UInt8(ascii: "-") { negative = true; index += 1 }
        var mantissa: UInt64 = 0, digits = 0, decimals = 0, seenPoint = false, plain = true
        while index < count {
            let byte = text[index]
            if byte == 0x2C { break }
            let digit = byte &- 0x30
            if digit < 10 {
                mantissa = mantissa &* 10 &+ UInt64(digit)
                digits += 1
                if seenPoint { decimals += 1 }
            } else if byte == UInt8(ascii: "."), !seenPoint {
                seenPoint = true
            } else {
                plain = false
            }
            index += 1
        }
        guard index > start else { return (.nan, index) }
        if plain, let value = exact(mantissa: mantissa, digits: digits, decimals: decimals, negative: negative) { return (value, index) }
        return (parse(UnsafeBufferPointer(rebasing: text[start..<index])), index)
    }

    /// `mantissa` (made of `digits` digits, `decimals` of them after the point) / 10^`decimals`,
    /// negated when `negative`: correctly rounded when both are exact doubles (the mantissa at most
    /// 2^53, the power at most 10^22); nil otherwise, or without digits.
    @inline(__always)
    static func exact(mantissa: UInt64, digits: Int, decimals: Int, negative: Bool) -> Double? {
        guard digits > 0, digits <= 19, mantissa <= 1 << 53, decimals <= 22 else { return nil }
        let value = Double(mantissa) / powers[decimals]
        return negative ? -value : value
    }

    private static func slow(_ text: UnsafeBufferPointer<UInt8>) -> Double {
        Double(String(decoding: text, as: UTF8.self)) ?? .nan
    }

    /// Seconds since 1970 of `YYYY-MM-DDTHH:MM:SSZ` (the lake's timestamps); nil for anything else.
    public static func timestamp(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        guard text.count == 20, text[4] == 0x2D, text[7] == 0x2D, text[10] == 0x54, text[13] == 0x3A,
              text[16] == 0x3A, text[19] == 0x5A else { return nil }
        let year = digits(text, 0, 4), month = digits(text, 5, 2), day = digits(text, 8, 2)
        let hour = digits(text, 11, 2), minute = digits(text, 14, 2), second = digits(text, 17, 2)
        guard year >= 0, month >= 0, day >= 0, hour >= 0 && hour < 24, minute >= 0 && minute < 60, second >= 0 && second < 61,
              let days = CivilTime.validDays(year: year, month: month, day: day) else { return nil }
        return days * 86_400 + hour * 3600 + minute * 60 + second
    }

    /// The decimal number of `length` digits at `start`, or -1.
    @inline(__always)
    private static func digits(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ length: Int) -> Int {
        var value = 0
        for index in start..<(start + length) {
            let digit = Int(text[index]) - 0x30
            guard digit >= 0 && digit <= 9 else { return -1 }
            value = value * 10 + digit
        }
        return value
    }
}
