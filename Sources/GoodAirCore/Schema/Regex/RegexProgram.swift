/// One instruction of the built-in matcher's program (a Thompson NFA).
enum RegexInstruction: Sendable {
    case scalar(UInt32)
    /// A character class: an index in the program's sets.
    case set(Int32)
    /// Continue at both targets.
    case split(Int32, Int32)
    case jump(Int32)
    case assertStart, assertEnd
    case wordBoundary, notWordBoundary
    case match
}

/// A pattern of the ECMA-262 subset (see ``RegexParser``) compiled to a Thompson NFA, run as a Pike
/// VM by ``matches(_:)``: linear in the length of the text (no catastrophic backtracking), on the
/// UTF-8 bytes directly, with its thread lists on the stack. ASCII text runs on a ``RegexDFA``
/// when the pattern has one.
///
/// ```swift
/// let date = ECMARegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")!
/// Array("2026-11-29".utf8).withUnsafeBufferPointer { date.matches($0) }   // true
/// ECMARegex("(?<=a)b")                                                     // nil: lookbehind is left to ICU
/// ```
struct ECMARegex: Sendable {
    /// Longest program compiled (counted repetitions are unrolled); longer ones go to ICU.
    static let maximumProgram = 2_000

    let program: [RegexInstruction]
    let sets: [RegexCharSet]
    /// Whether every match must start at the beginning (the pattern begins with `^`).
    let anchored: Bool
    /// The same pattern as a DFA over ASCII text, when small enough.
    let dfa: RegexDFA?

    /// Compiles `pattern`; nil when it is outside the supported subset or too long.
    init?(_ pattern: String) {
        var parser = RegexParser(pattern)
        guard let tree = try? parser.parse() else { return nil }
        var builder = Builder()
        guard (try? builder.emit(tree)) != nil else { return nil }
        builder.program.append(.match)
        program = builder.program
        sets = parser.sets
        if case .sequence(let items) = tree, case .start? = items.first { anchored = true }
        else if case .start = tree { anchored = true }
        else { anchored = false }
        dfa = RegexDFA(program, sets, anchored: anchored)
    }

    private struct Builder {
        var program: [RegexInstruction] = []

        mutating func emit(_ node: RegexNode) throws(RegexParser.Unsupported) {
            guard program.count <= ECMARegex.maximumProgram else { throw RegexParser.Unsupported() }
            switch node {
            case .scalar(let scalar): program.append(.scalar(scalar))
            case .set(let index): program.append(.set(Int32(index)))
            case .start: program.append(.assertStart)
            case .end: program.append(.assertEnd)
            case .wordBoundary(let yes): program.append(yes ? .wordBoundary : .notWordBoundary)
            case .sequence(let items): for item in items { try emit(item) }
            case .alternation(let branches):
                var exits: [Int] = []
                for (offset, branch) in branches.enumerated() {
                    guard offset < branches.count - 1 else { try emit(branch); break }
                    let split = program.count
                    program.append(.split(Int32(split + 1), 0))
                    try emit(branch)
                    exits.append(program.count)
                    program.append(.jump(0))
                    program[split] = .split(Int32(split + 1), Int32(program.count))
                }
                for exit in exits { program[exit] = .jump(Int32(program.count)) }
            case .repetition(let item, let min, let max):
                for _ in 0..<min { try emit(item) }
                if let max {
                    var splits: [Int] = []
                    for _ in min..<max {
                        splits.append(program.count)
                        program.append(.split(0, 0))
                        try emit(item)
                    }
                    for split in splits { program[split] = .split(Int32(split + 1), Int32(program.count)) }
                } else {
                    let loop = program.count
                    program.append(.split(0, 0))
                    try emit(item)
                    program.append(.jump(Int32(loop)))
                    program[loop] = .split(Int32(loop + 1), Int32(program.count))
                }
            }
            guard program.count <= ECMARegex.maximumProgram else { throw RegexParser.Unsupported() }
        }
    }
}
