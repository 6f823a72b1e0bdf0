import Foundation

/// A CSV line built as bytes: the one implementation of how the lake writes values (LAKE.md §3),
/// which ``CSVField`` also uses for single values. Appending allocates nothing beyond the line's
/// own storage, so curation can write a hundred thousand rows a second.
///
/// ```swift
/// var line = CSVLine()
/// line.appendText("Lyon, France"); line.comma(); line.appendDouble(12.30); line.comma(); line.appendTimestamp(0)
/// String(decoding: line.bytes, as: UTF8.self)   // "\"Lyon, France\",12.3,1970-01-01T00:00:00Z"
/// ```
public struct CSVLine: Sendable {
    public var bytes: [UInt8] = []

    public init(capacity: Int = 160) { bytes.reserveCapacity(capacity) }

    @inline(__always)
    public mutating func comma() { bytes.append(UInt8(ascii: ",")) }

    /// A text field, quoted when it holds a comma, a quote, CR or LF (quotes doubled).
    public mutating func appendText(_ value: String) {
        var value = value
        value.withUTF8 { appendText(utf8: $0) }
    }

    /// ``appendText(_:)`` for UTF-8 bytes.
    public mutating func appendText(utf8: UnsafeBufferPointer<UInt8>) {
        guard utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
            bytes.append(contentsOf: utf8)
            return
        }
        bytes.append(0x22)
        for byte in utf8 {
            if byte == 0x22 { bytes.append(0x22) }
            bytes.append(byte)
        }
        bytes.append(0x22)
    }

    public mutating func appendInt(_ value: Int) {
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
            appendDigits(value.magnitude, minimumWidth: 1)
        } else {
            appendDigits(UInt(value), minimumWidth: 1)
        }
    }

    /// A number in plain decimal notation (never exponent notation), at most `decimals` places
    /// (default 6), trailing zeros dropped but always one decimal kept, so every file of a float
    /// column reads as a float: 12.30 → `12.3`, 1021 → `1021.0`, -0 → `0.0`. NaN and infinities
    /// are NULL (nothing appended).
    public mutating func appendDouble(_ value: Double, decimals: Int = 6) {
        guard value.isFinite else { return }
        let places = max(0, min(decimals, 15))
        let scale = Self.powers[places]
        let scaled = (value * scale).rounded()
        // Integer arithmetic when it is exact (|scaled| < 2^53); beyond, String(format:).
        guard abs(scaled) < 9_007_199_254_740_992 else {
            bytes.append(contentsOf: Self.formatted(scaled / scale, places: places).utf8)
            return
        }
        var units = Int64(scaled)
        if units == 0 {
            bytes.append(contentsOf: [UInt8(ascii: "0"), UInt8(ascii: "."), UInt8(ascii: "0")])
            return
        }
        if units < 0 {
            bytes.append(UInt8(ascii: "-"))
            units = -units
        }
        let divisor = Int64(scale)
        var fraction = units % divisor
        var digits = places
        while digits > 0 && fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        appendDigits(UInt(units / divisor), minimumWidth: 1)
        bytes.append(UInt8(ascii: "."))
        if digits == 0 {
            bytes.append(UInt8(ascii: "0"))
        } else {
            appendDigits(UInt(fraction), minimumWidth: digits)
        }
    }

    /// A number with every digit needed to read back the same `Double` (the shortest such, as
    /// Swift prints it), in plain decimal notation: `12.345678912345679`, `3.0`, `0.00001`; NaN
    /// and infinities are NULL. For gold aggregates, which researchers compare to 1e-9.
    public mutating func appendExactDouble(_ value: Double) {
        guard value.isFinite else { return }
        if value == 0 {
            bytes.append(contentsOf: [UInt8(ascii: "0"), UInt8(ascii: "."), UInt8(ascii: "0")])
            return
        }
        // Fast path: a value that is exactly its 6-decimal rounding divided by 10^6 (most
        // measurements and many means) reads back from that decimal text: division by a power of
        // ten is correctly rounded, so the nearest double to the text is the value itself.
        let scaled = (value * 1e6).rounded()
        if abs(scaled) < 9_007_199_254_740_992, scaled / 1e6 == value {
            appendDouble(value, decimals: 6)
            return
        }
        let text = Array(value.description.utf8)
        guard let e = text.firstIndex(of: UInt8(ascii: "e")) else {
            bytes.append(contentsOf: text)
            return
        }
        // d.ddddde±x → plain decimal.
        var mantissa = Array(text[..<e])
        var exponent = Int(String(decoding: text[(e + 1)...], as: UTF8.self)) ?? 0
        if mantissa.first == UInt8(ascii: "-") {
            bytes.append(UInt8(ascii: "-"))
            mantissa.removeFirst()
        }
        var digits = mantissa.filter { $0 != UInt8(ascii: ".") }
        let point = mantissa.firstIndex(of: UInt8(ascii: ".")) ?? mantissa.count
        exponent += point   // the decimal point sits after `exponent` digits
        if exponent <= 0 {
            bytes.append(contentsOf: [UInt8(ascii: "0"), UInt8(ascii: ".")])
            bytes.append(contentsOf: [UInt8](repeating: UInt8(ascii: "0"), count: -exponent))
            bytes.append(contentsOf: digits)
        } else {
            if digits.count <= exponent { digits += [UInt8](repeating: UInt8(ascii: "0"), count: exponent - digits.count + 1) }
            bytes.append(contentsOf: digits[..<exponent])
            bytes.append(UInt8(ascii: "."))
            bytes.append(contentsOf: digits[exponent...])
        }
    }

    /// Decimal digits of `value`, left-padded with zeros to `minimumWidth`.
    @inline(__always)
    mutating func appendDigits(_ value: UInt, minimumWidth: Int) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)   // 24 bytes: room for any UInt
        withUnsafeMutableBytes(of: &digits) { buffer in
            var end = buffer.count, rest = value
            repeat {
                end -= 1
                buffer[end] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            while buffer.count - end < minimumWidth {
                end -= 1
                buffer[end] = UInt8(ascii: "0")
            }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[end...]))
        }
    }

    private static let powers: [Double] = (0...15).map { places in
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return scale
    }

    private static func formatted(_ value: Double, places: Int) -> String {
        var text = String(format: "%.\(places)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text += "0" }
        } else {
            text += ".0"
        }
        return text == "-0.0" ? "0.0" : text
    }
}
