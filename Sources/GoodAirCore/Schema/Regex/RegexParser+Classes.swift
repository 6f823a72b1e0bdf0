/// Escapes and character classes of the built-in matcher's ECMA-262 subset.
extension RegexParser {
    /// What an escape stands for: one scalar, or a class (`\d`, `\W`…).
    enum Escaped {
        case scalar(UInt32)
        case ranges([ClosedRange<UInt32>], negated: Bool)
    }

    /// An escape outside a class (the backslash is consumed).
    mutating func escape() throws(Unsupported) -> RegexNode {
        guard let next = peekScalar else { throw Unsupported() }
        switch next {
        case 0x62: advance(); return .wordBoundary(true)    // \b
        case 0x42: advance(); return .wordBoundary(false)   // \B
        default:
            switch try escaped(inClass: false) {
            case .scalar(let scalar): return .scalar(scalar)
            case .ranges(let ranges, let negated): return addClass(RegexCharSet(ranges, negated: negated))
            }
        }
    }

    /// `[…]`, `[^…]` (the bracket is consumed). `[]` matches nothing and `[^]` anything, as in ECMA-262.
    mutating func characterClass() throws(Unsupported) -> RegexNode {
        var negated = false
        if peekScalar == 0x5E { negated = true; advance() }
        var ranges: [ClosedRange<UInt32>] = []
        while true {
            guard let first = peekScalar else { throw Unsupported() }   // unterminated
            if first == 0x5D { advance(); break }                       // ]
            let lower = try classAtom()
            if peekScalar == 0x2D, let after = lookahead(1), after != 0x5D {   // a-b
                advance()
                let upper = try classAtom()
                guard case .scalar(let low) = lower, case .scalar(let high) = upper, low <= high else { throw Unsupported() }
                ranges.append(low...high)
                continue
            }
            switch lower {
            case .scalar(let scalar): ranges.append(scalar...scalar)
            case .ranges(let more, let inner):
                ranges.append(contentsOf: inner ? RegexCharSet(more, negated: true).ranges : more)
            }
        }
        return addClass(RegexCharSet(ranges, negated: negated))
    }

    private mutating func classAtom() throws(Unsupported) -> Escaped {
        guard let scalar = peekScalar else { throw Unsupported() }
        advance()
        guard scalar == 0x5C else { return .scalar(scalar) }
        if peekScalar == 0x62 { advance(); return .scalar(0x08) }   // \b is backspace in a class
        if peekScalar == 0x2D { advance(); return .scalar(0x2D) }   // \-
        return try escaped(inClass: true)
    }

    /// The escape after a backslash: classes, control characters, hexadecimal and Unicode
    /// escapes, escaped syntax characters. Letters and digits with no meaning here (and
    /// backreferences) are unsupported.
    private mutating func escaped(inClass: Bool) throws(Unsupported) -> Escaped {
        guard let scalar = peekScalar else { throw Unsupported() }
        advance()
        switch scalar {
        case 0x64: return .ranges(RegexCharSet.digitRanges, negated: false)   // d
        case 0x44: return .ranges(RegexCharSet.digitRanges, negated: true)    // D
        case 0x77: return .ranges(RegexCharSet.wordRanges, negated: false)    // w
        case 0x57: return .ranges(RegexCharSet.wordRanges, negated: true)     // W
        case 0x73: return .ranges(RegexCharSet.spaceRanges, negated: false)   // s
        case 0x53: return .ranges(RegexCharSet.spaceRanges, negated: true)    // S
        case 0x6E: return .scalar(0x0A)   // n
        case 0x72: return .scalar(0x0D)   // r
        case 0x74: return .scalar(0x09)   // t
        case 0x66: return .scalar(0x0C)   // f
        case 0x76: return .scalar(0x0B)   // v
        case 0x30:                        // \0, not followed by a digit
            if let next = peekScalar, (0x30...0x39).contains(next) { throw Unsupported() }
            return .scalar(0)
        case 0x63:                        // \cX
            guard let letter = peekScalar, (0x41...0x5A).contains(letter) || (0x61...0x7A).contains(letter) else { throw Unsupported() }
            advance()
            return .scalar(letter % 32)
        case 0x78: return .scalar(try hexDigits(2))   // \xHH
        case 0x75:                                    // \uHHHH, a surrogate pair as one scalar
            let unit = try hexDigits(4)
            if (0xD800...0xDBFF).contains(unit), peekScalar == 0x5C, lookahead(1) == 0x75 {
                let saved = position
                advance(2)
                if let low = try? hexDigits(4), (0xDC00...0xDFFF).contains(low) {
                    return .scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
                }
                position = saved
            }
            guard !(0xD800...0xDFFF).contains(unit) else { throw Unsupported() }
            return .scalar(unit)
        default:
            let isLetterOrDigit = (0x30...0x39).contains(scalar) || (0x41...0x5A).contains(scalar) || (0x61...0x7A).contains(scalar)
            guard !isLetterOrDigit, scalar < 0x80 else { throw Unsupported() }
            return .scalar(scalar)   // \. \/ \\ \( …
        }
    }

    private mutating func hexDigits(_ count: Int) throws(Unsupported) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<count {
            guard let scalar = peekScalar, scalar < 0x80, let digit = JSONParser.hexValue(UInt8(scalar)) else { throw Unsupported() }
            value = value << 4 | digit
            advance()
        }
        return value
    }
}
