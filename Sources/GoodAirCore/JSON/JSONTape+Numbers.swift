/// Reading numbers, converted only when asked. The source text stays exact (``rawText(_:)``).
extension JSONTape {
    /// The number as a `Double` (nearest value; ±infinity beyond its range); nil if not a number.
    public func double(_ node: Int) -> Double? {
        let record = nodes[node]
        guard record.kind == .number else { return nil }
        return bytes.withUnsafeBufferPointer { source in
            let text = UnsafeBufferPointer(rebasing: source[Int(record.start)..<Int(record.end)])
            return Self.fastDouble(text) ?? Double(String(decoding: text, as: UTF8.self)) ?? .nan
        }
    }

    /// The number as an exact `Int`: `4`, `4.0`, `1e2` and `-0` are integers; `4.5`, `1e-1` and
    /// values beyond `Int`'s range give nil, as does any other kind.
    public func int(_ node: Int) -> Int? {
        let record = nodes[node]
        guard record.kind == .number else { return nil }
        if record.flags == 0 {
            return bytes.withUnsafeBufferPointer { source in
                Self.exactInteger(UnsafeBufferPointer(rebasing: source[Int(record.start)..<Int(record.end)]))
            }
        }
        return JSONDecimal(self, node).intValue
    }

    /// Whether a number has no fractional part (JSON Schema's `integer`: `1.0` and `1e3` are
    /// integers, and so is `123456789012345678901234567890`); false for any other kind.
    public func isIntegral(_ node: Int) -> Bool {
        let record = nodes[node]
        guard record.kind == .number else { return false }
        return record.flags == 0 || JSONDecimal(self, node).exponent >= 0
    }

    /// Clinger's fast path: exact for up to 19 significant digits below 2^53 and a power of ten
    /// below 10^23 — which covers the numbers of API payloads. Nil when it does not apply.
    @inline(__always)
    static func fastDouble(_ text: UnsafeBufferPointer<UInt8>) -> Double? {
        let base = text.baseAddress!, count = text.count   // a number node is never empty
        var index = 0
        let negative = base[0] == UInt8(ascii: "-")
        if negative { index = 1 }
        var mantissa: UInt64 = 0
        var digits = 0
        var scale = 0
        while index < count, JSONParser.isDigit(base[index]) {
            mantissa = mantissa &* 10 &+ UInt64(base[index] &- UInt8(ascii: "0"))
            digits &+= 1
            index &+= 1
        }
        if index < count, base[index] == UInt8(ascii: ".") {
            index &+= 1
            let first = index
            while index < count, JSONParser.isDigit(base[index]) {
                mantissa = mantissa &* 10 &+ UInt64(base[index] &- UInt8(ascii: "0"))
                index &+= 1
            }
            digits &+= index &- first
            scale = first &- index
        }
        if index < count { return nil }   // an exponent: leave it to the full conversion
        guard digits <= 19, mantissa < 1 << 53, scale >= -22 else { return nil }
        let value = scale == 0 ? Double(mantissa) : Double(mantissa) / powerOfTen(-scale)
        return negative ? -value : value
    }

    /// 10^`exponent` for 0 … 22, each exact in a `Double` (a constant table, no lazy global).
    @inline(__always)
    static func powerOfTen(_ exponent: Int) -> Double {
        switch exponent {
        case 0: return 1
        case 1: return 1e1
        case 2: return 1e2
        case 3: return 1e3
        case 4: return 1e4
        case 5: return 1e5
        case 6: return 1e6
        case 7: return 1e7
        case 8: return 1e8
        case 9: return 1e9
        case 10: return 1e10
        case 11: return 1e11
        case 12: return 1e12
        case 13: return 1e13
        case 14: return 1e14
        case 15: return 1e15
        case 16: return 1e16
        case 17: return 1e17
        case 18: return 1e18
        case 19: return 1e19
        case 20: return 1e20
        case 21: return 1e21
        default: return 1e22
        }
    }

    /// An integer literal (no fraction, no exponent) as `Int`, nil on overflow.
    static func exactInteger(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        let negative = text[0] == UInt8(ascii: "-")
        var value = 0
        for index in (negative ? 1 : 0)..<text.count {
            let digit = Int(text[index] &- UInt8(ascii: "0"))
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) = negative ? times.subtractingReportingOverflow(digit) : times.addingReportingOverflow(digit)
            if overflow1 || overflow2 { return nil }
            value = next
        }
        return value
    }
}
