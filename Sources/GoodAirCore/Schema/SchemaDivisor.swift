/// A compiled `multipleOf`: decided exactly in decimal, whatever the size of the instance.
///
/// A divisor `b × 10^eb` (`b` without trailing zeros, up to 19 digits) divides an instance
/// `a × 10^ea` (`a` without trailing zeros) exactly when `ea ≥ eb` and `b` divides
/// `a × 10^(ea − eb)` — computed modulo `b`, so `0.0075` is a multiple of `0.0001`, `1e308` is
/// not a multiple of `0.123456789`, and any integer is a multiple of `1e-8`, without rounding.
/// Divisors of more than 19 significant digits fall back to `Double` division (a non-finite
/// quotient then counts as a multiple).
struct SchemaDivisor: Sendable {
    /// The `multipleOf` value node in the schema document.
    let node: Int32
    let value: Double
    /// `b`, 0 when the divisor is too long for exact arithmetic.
    let significand: UInt64
    /// `eb`.
    let exponent: Int

    init(_ document: JSONTape, node: Int) {
        self.node = Int32(node)
        value = document.double(node) ?? 1
        let decimal = JSONDecimal(document, node)
        var b: UInt64 = 0
        if decimal.digits.count <= 19 {
            for digit in decimal.digits { b = b * 10 + UInt64(digit) }
        }
        significand = b
        exponent = decimal.exponent
    }

    /// Whether the divisor is exactly 1 (`1`, `1.0`, `10e-1`…): then ``divides(_:_:)`` holds
    /// exactly for the numbers without fractional part (``JSONTape/isIntegral(_:)``).
    var isOne: Bool { significand == 1 && exponent == 0 }

    /// Whether number node `node` of `tape` is a multiple of this divisor.
    func divides(_ tape: JSONTape, _ node: Int) -> Bool {
        guard significand > 0 else {
            let quotient = (tape.double(node) ?? 0) / value
            return !quotient.isFinite || quotient == quotient.rounded()
        }
        let b = significand
        let record = tape.nodes[node]
        var remainder: UInt64 = 0
        var remainderAtLastNonzero: UInt64 = 0
        var sawNonzero = false
        var trailingZeros = 0, fractionDigits = 0, explicitExponent = 0
        tape.bytes.withUnsafeBufferPointer { source in
            var index = Int(record.start)
            let end = Int(record.end)
            var inFraction = false
            while index < end {
                let byte = source[index]
                index += 1
                if byte == UInt8(ascii: "-") { continue }
                if byte == UInt8(ascii: ".") { inFraction = true; continue }
                guard JSONParser.isDigit(byte) else {
                    explicitExponent = JSONDecimal.exponentValue(source, from: index, to: end)
                    break
                }
                let digit = UInt64(byte &- UInt8(ascii: "0"))
                if inFraction { fractionDigits += 1 }
                remainder = Self.mulMod(remainder, 10, b)
                remainder = (remainder + digit % b) % b
                if digit != 0 {
                    remainderAtLastNonzero = remainder
                    trailingZeros = 0
                    sawNonzero = true
                } else {
                    trailingZeros += 1
                }
            }
        }
        guard sawNonzero else { return true }   // zero is a multiple of anything
        let instanceExponent = JSONDecimal.clamp(explicitExponent - fractionDigits + trailingZeros)
        guard instanceExponent >= exponent else { return false }
        return Self.mulMod(remainderAtLastNonzero, Self.powMod(10, instanceExponent - exponent, b), b) == 0
    }

    /// `(x × y) mod m` without overflow (x, y < m).
    static func mulMod(_ x: UInt64, _ y: UInt64, _ m: UInt64) -> UInt64 {
        let product = x.multipliedFullWidth(by: y)
        return m.dividingFullWidth((high: product.high, low: product.low)).remainder
    }

    /// `base^exponent mod m` by squaring.
    static func powMod(_ base: UInt64, _ exponent: Int, _ m: UInt64) -> UInt64 {
        guard m > 1 else { return 0 }
        var result: UInt64 = 1, square = base % m, remaining = exponent
        while remaining > 0 {
            if remaining & 1 == 1 { result = mulMod(result, square, m) }
            square = mulMod(square, square, m)
            remaining >>= 1
        }
        return result
    }
}
