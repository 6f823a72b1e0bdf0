/// The parsed form of a pattern for the built-in matcher.
indirect enum RegexNode {
    case scalar(UInt32)
    /// A character class: an index in the parser's sets.
    case set(Int)
    case start, end
    /// `\b` (true) or `\B` (false).
    case wordBoundary(Bool)
    case sequence([RegexNode])
    case alternation([RegexNode])
    /// `min` to `max` (nil: unbounded) repetitions; greediness does not matter for a yes/no match.
    case repetition(RegexNode, min: Int, max: Int?)
}

/// Parses the ECMA-262 subset the built-in matcher runs. Anything else — lookaround,
/// backreferences, named groups, `\p{…}`, inline flags, unknown escapes, or a syntax error — is
/// `unsupported`, and the pattern goes to `NSRegularExpression` instead (which also reports
/// genuine errors).
struct RegexParser {
    struct Unsupported: Error {}

    private let scalars: [UInt32]
    private var index = 0
    private(set) var sets: [RegexCharSet] = []

    /// For the class and escape readers.
    var position: Int {
        get { index }
        set { index = newValue }
    }
    var peekScalar: UInt32? { peek }
    func lookahead(_ offset: Int) -> UInt32? { index + offset < scalars.count ? scalars[index + offset] : nil }
    mutating func advance(_ count: Int = 1) { index += count }
    mutating func addClass(_ set: RegexCharSet) -> RegexNode { addSet(set) }

    init(_ pattern: String) { scalars = pattern.unicodeScalars.map(\.value) }

    mutating func parse() throws(Unsupported) -> RegexNode {
        let node = try alternation()
        guard index == scalars.count else { throw Unsupported() }   // an unbalanced ')'
        return node
    }

    private var peek: UInt32? { index < scalars.count ? scalars[index] : nil }

    private mutating func alternation() throws(Unsupported) -> RegexNode {
        var branches = [try sequence()]
        while peek == 0x7C {   // |
            index += 1
            branches.append(try sequence())
        }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    private mutating func sequence() throws(Unsupported) -> RegexNode {
        var items: [RegexNode] = []
        while let next = peek, next != 0x7C, next != 0x29 {   // | )
            let atom = try self.atom()
            items.append(try quantified(atom))
        }
        return items.count == 1 ? items[0] : .sequence(items)
    }

    private mutating func atom() throws(Unsupported) -> RegexNode {
        let scalar = scalars[index]
        index += 1
        switch scalar {
        case 0x5E: return .start                    // ^
        case 0x24: return .end                      // $
        case 0x2E: return addSet(RegexCharSet(RegexCharSet.lineTerminators, negated: true))   // .
        case 0x28:                                  // (
            if peek == 0x3F {                       // (?
                guard index + 1 < scalars.count, scalars[index + 1] == 0x3A else { throw Unsupported() }   // only (?:
                index += 2
            }
            let inner = try alternation()
            guard peek == 0x29 else { throw Unsupported() }
            index += 1
            return inner
        case 0x5B: return try characterClass()      // [
        case 0x5C: return try escape()              // \
        case 0x2A, 0x2B, 0x3F: throw Unsupported()  // * + ? with nothing to repeat
        case 0x7B where quantifierBounds(at: index - 1) != nil: throw Unsupported()
        default: return .scalar(scalar)             // includes a literal { } ] (Annex B)
        }
    }

    private mutating func quantified(_ atom: RegexNode) throws(Unsupported) -> RegexNode {
        guard let next = peek else { return atom }
        var bounds: (min: Int, max: Int?, length: Int)
        switch next {
        case 0x2A: bounds = (0, nil, 1)
        case 0x2B: bounds = (1, nil, 1)
        case 0x3F: bounds = (0, 1, 1)
        case 0x7B:
            guard let counted = quantifierBounds(at: index) else { return atom }
            bounds = counted
        default: return atom
        }
        switch atom {
        case .start, .end, .wordBoundary: throw Unsupported()
        default: break
        }
        index += bounds.length
        if peek == 0x3F { index += 1 }   // lazy: same yes/no answer
        if let next = peek, [0x2A, 0x2B, 0x3F].contains(next) || (next == 0x7B && quantifierBounds(at: index) != nil) {
            throw Unsupported()
        }
        if let max = bounds.max, max < bounds.min { throw Unsupported() }
        return .repetition(atom, min: bounds.min, max: bounds.max)
    }

    /// `{n}`, `{n,}` or `{n,m}` at `start`, with its length; nil when the brace is a literal.
    private func quantifierBounds(at start: Int) -> (min: Int, max: Int?, length: Int)? {
        var position = start + 1
        func number() -> Int? {
            var value: Int?
            while position < scalars.count, (0x30...0x39).contains(scalars[position]) {
                value = min((value ?? 0) * 10 + Int(scalars[position] - 0x30), 100_000)
                position += 1
            }
            return value
        }
        guard let lower = number() else { return nil }
        var upper: Int? = lower
        if position < scalars.count, scalars[position] == 0x2C {   // ,
            position += 1
            upper = number()
        }
        guard position < scalars.count, scalars[position] == 0x7D else { return nil }
        return (lower, upper, position + 1 - start)
    }

    private mutating func addSet(_ set: RegexCharSet) -> RegexNode {
        sets.append(set)
        return .set(sets.count - 1)
    }
}
