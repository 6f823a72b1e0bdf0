/// A JSON number in canonical decimal form: `sign × digits × 10^exponent`, with no leading or
/// trailing zero in `digits` (zero has no digits). `1`, `1.0`, `10e-1` and `0.1e1` are the same
/// value, so equality is exact whatever the spelling, for numbers of any size.
///
/// ```swift
/// let tape = try JSONTape(parsing: "[1.50, 15e-1]")
/// JSONDecimal(tape, 1) == JSONDecimal(tape, 2)   // true: digits [1, 5], exponent -1
/// ```
struct JSONDecimal: Hashable, Sendable {
    var negative: Bool
    /// Significant digits, 0…9 each.
    var digits: [UInt8]
    var exponent: Int

    /// The canonical form of a number node.
    init(_ tape: JSONTape, _ node: Int) {
        let record = tape.nodes[node]
        negative = false
        digits = []
        exponent = 0
        var trailingZeros = 0
        var fractionDigits = 0
        var explicitExponent = 0
        tape.bytes.withUnsafeBufferPointer { source in
            var index = Int(record.start)
            let end = Int(record.end)
            if source[index] == UInt8(ascii: "-") { negative = true; index += 1 }
            var inFraction = false
            while index < end {
                let byte = source[index]
                if byte == UInt8(ascii: ".") { inFraction = true; index += 1; continue }
                guard JSONParser.isDigit(byte) else { break }
                let digit = byte &- UInt8(ascii: "0")
                if inFraction { fractionDigits += 1 }
                if digit == 0 {
                    if !digits.isEmpty { trailingZeros += 1 }
                } else {
                    digits.append(contentsOf: repeatElement(0, count: trailingZeros))
                    trailingZeros = 0
                    digits.append(digit)
                }
                index += 1
            }
            if index < end { explicitExponent = Self.exponentValue(source, from: index + 1, to: end) }
        }
        if digits.isEmpty { negative = false; return }
        exponent = Self.clamp(explicitExponent - fractionDigits + trailingZeros)
    }

    /// The value as `Int` when it is an integer within range.
    var intValue: Int? {
        guard exponent >= 0 else { return nil }
        guard !digits.isEmpty else { return 0 }
        guard digits.count + exponent <= 19 else { return nil }
        var value = 0
        for digit in digits + repeatElement(0, count: exponent) {
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) = negative ? times.subtractingReportingOverflow(Int(digit)) : times.addingReportingOverflow(Int(digit))
            if overflow1 || overflow2 { return nil }
            value = next
        }
        return value
    }

    /// The exponent after `e`/`E` (optional sign), saturated far beyond any meaningful value.
    static func exponentValue(_ source: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        var index = start
        var negative = false
        if source[index] == UInt8(ascii: "+") { index += 1 } else if source[index] == UInt8(ascii: "-") { negative = true; index += 1 }
        var value = 0
        while index < end {
            value = min(value * 10 + Int(source[index] &- UInt8(ascii: "0")), 1 << 50)
            index += 1
        }
        return negative ? -value : value
    }

    static func clamp(_ exponent: Int) -> Int { max(-(1 << 52), min(1 << 52, exponent)) }
}
