/// A deterministic automaton for ASCII text, built from an ``ECMARegex`` program when the pattern
/// is compiled: matching is then one table lookup per byte. Built only for patterns without
/// `\b`/`\B` and while it stays small (``maximumStates``); text with a non-ASCII byte is left to
/// the Pike VM (``matches(_:)`` returns nil).
///
/// A state is the set of NFA threads alive after some input (the subset construction), with the
/// `$` assertions waiting for the end; an unanchored pattern restarts a thread at every position.
struct RegexDFA: Sendable {
    static let maximumStates = 256
    static let dead = UInt16.max

    /// `state * 128 + byte` → next state.
    let transitions: [UInt16]
    /// States in which a match has been found (the rest of the text does not matter).
    let matched: [Bool]
    /// States that match if the text ends there.
    let matchedAtEnd: [Bool]

    init?(_ program: [RegexInstruction], _ sets: [RegexCharSet], anchored: Bool) {
        var builder = Builder(program: program, sets: sets, anchored: anchored)
        guard let tables = builder.build() else { return nil }
        (transitions, matched, matchedAtEnd) = tables
    }

    /// Whether the pattern matches ASCII `text`; nil when the text has a non-ASCII byte.
    func matches(_ text: UnsafeBufferPointer<UInt8>) -> Bool? {
        transitions.withUnsafeBufferPointer { table in
            var state = 0
            if matched[0] { return true }
            for byte in text {
                guard byte < 0x80 else { return nil }
                let next = table[state &* 128 &+ Int(byte)]
                if next == Self.dead { return false }
                state = Int(next)
                if matched[state] { return true }
            }
            return matchedAtEnd[state]
        }
    }

    private struct State: Hashable {
        var start: Bool
        var threads: [Int32]
        var pendingEnds: [Int32]
        var match: Bool
    }

    private struct Builder {
        let program: [RegexInstruction]
        let sets: [RegexCharSet]
        let anchored: Bool
        var states: [State] = []
        var index: [State: UInt16] = [:]
        var matched: [Bool] = []

        /// The threads reachable from `seeds` without consuming; nil on a word boundary.
        func closure(_ seeds: [Int32], atStart: Bool, atEnd: Bool) -> (threads: [Int32], ends: [Int32], match: Bool)? {
            var seen = [Bool](repeating: false, count: program.count)
            var threads: [Int32] = [], ends: [Int32] = [], match = false
            var stack = seeds.reversed() as [Int32]
            while let pc = stack.popLast() {
                guard !seen[Int(pc)] else { continue }
                seen[Int(pc)] = true
                switch program[Int(pc)] {
                case .jump(let target): stack.append(target)
                case .split(let first, let second): stack.append(second); stack.append(first)
                case .assertStart: if atStart { stack.append(pc + 1) }
                case .assertEnd: if atEnd { stack.append(pc + 1) } else { ends.append(pc) }
                case .wordBoundary, .notWordBoundary: return nil
                case .match: match = true
                case .scalar, .set: threads.append(pc)
                }
            }
            return (threads.sorted(), ends.sorted(), match)
        }

        mutating func state(_ state: State) -> UInt16? {
            if let existing = index[state] { return existing }
            guard states.count < RegexDFA.maximumStates else { return nil }
            index[state] = UInt16(states.count)
            states.append(state)
            matched.append(state.match)
            return UInt16(states.count - 1)
        }

        /// ASCII bytes grouped by how every instruction treats them (the class of each byte, and
        /// one byte of each class): the automaton is built per class, not per byte.
        func byteClasses() -> (classOf: [UInt8], representatives: [UInt32]) {
            var classes: [[Bool]: UInt8] = [:]
            var classOf: [UInt8] = []
            var representatives: [UInt32] = []
            for byte in UInt32(0)..<128 {
                let signature: [Bool] = program.map { instruction in
                    switch instruction {
                    case .scalar(let expected): return expected == byte
                    case .set(let set): return sets[Int(set)].contains(byte)
                    default: return false
                    }
                }
                if let known = classes[signature] {
                    classOf.append(known)
                } else {
                    classes[signature] = UInt8(representatives.count)
                    classOf.append(UInt8(representatives.count))
                    representatives.append(byte)
                }
            }
            return (classOf, representatives)
        }

        mutating func build() -> ([UInt16], [Bool], [Bool])? {
            guard let first = closure([0], atStart: true, atEnd: false),
                  state(State(start: true, threads: first.threads, pendingEnds: first.ends, match: first.match)) != nil else { return nil }
            let (classOf, representatives) = byteClasses()
            var transitions: [UInt16] = []
            var done = 0
            while done < states.count {
                let current = states[done]
                var targets: [UInt16] = []
                for byte in representatives {
                    var seeds: [Int32] = []
                    for pc in current.threads {
                        switch program[Int(pc)] {
                        case .scalar(let expected) where expected == byte: seeds.append(pc + 1)
                        case .set(let set) where sets[Int(set)].contains(byte): seeds.append(pc + 1)
                        default: break
                        }
                    }
                    if !anchored { seeds.append(0) }
                    guard let next = closure(seeds, atStart: false, atEnd: false) else { return nil }
                    if next.threads.isEmpty, next.ends.isEmpty, !next.match {
                        targets.append(RegexDFA.dead)
                        continue
                    }
                    guard let target = state(State(start: false, threads: next.threads, pendingEnds: next.ends, match: next.match)) else {
                        return nil
                    }
                    targets.append(target)
                }
                transitions.append(contentsOf: classOf.map { targets[Int($0)] })
                done += 1
            }
            var matchedAtEnd: [Bool] = []
            for state in states {
                let seeds = state.pendingEnds.map { $0 + 1 }
                guard let end = closure(seeds, atStart: state.start, atEnd: true) else { return nil }
                matchedAtEnd.append(end.match)
            }
            return (transitions, matched, matchedAtEnd)
        }
    }
}
