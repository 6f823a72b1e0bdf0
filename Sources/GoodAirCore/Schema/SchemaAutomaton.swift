/// A pattern's ``RegexDFA`` as raw tables in ``SchemaCode``: matching ASCII text is one load per
/// byte, without reaching the ``SchemaRegex`` object. Text with a non-ASCII byte (or a pattern
/// without automaton) goes to ``SchemaRegex/matches(utf8:)``, which decides as before.
struct SchemaAutomaton {
    /// `state * 128 + byte` → next state, with bit 15 set when a match has been found there
    /// (``RegexDFA/dead``: no match possible); nil: no automaton.
    var transitions: UnsafePointer<UInt16>?
    /// Per state: bit 0 matched already, bit 1 matched if the text ends here.
    var states: UnsafePointer<UInt8>?
    /// Where this automaton's tables start in the shared arrays (while building).
    var transitionStart = -1, stateStart = -1
    /// When the automaton is a chain of ``templateLength`` steps that must each take one byte of a
    /// set (a fixed-length pattern such as `^[0-9]{4}-[0-9]{2}$`): `position * 128 + byte` → 1
    /// when the byte is allowed there. Checking a text then has no chain of dependent loads.
    var template: UnsafePointer<UInt8>?
    var templateLength = 0
    var templateStart = -1
    /// The template's steps eight at a time (see ``SchemaTemplateChunk``).
    var chunks: UnsafePointer<SchemaTemplateChunk>?
    var chunkStart = -1

    /// Appends the automaton of `regex` (if it has one) to the shared arrays.
    static func append(_ regex: SchemaRegex, _ transitions: inout [UInt16], _ states: inout [UInt8],
                       _ templates: inout [UInt8], _ chunks: inout [SchemaTemplateChunk]) -> SchemaAutomaton {
        guard let dfa = regex.dfa else { return SchemaAutomaton() }
        var automaton = SchemaAutomaton(transitionStart: transitions.count, stateStart: states.count)
        if let chain = SchemaAutomaton.chain(dfa) {
            automaton.templateStart = templates.count
            automaton.templateLength = chain.count
            for allowed in chain { templates.append(contentsOf: allowed.map { $0 ? 1 : 0 }) }
            automaton.chunkStart = chunks.count
            chunks.append(contentsOf: SchemaTemplateChunk.chunks(chain))
        }
        transitions.append(contentsOf: dfa.transitions.map { next in
            next == RegexDFA.dead || !dfa.matched[Int(next)] ? next : next | Self.found
        })
        for (matched, atEnd) in zip(dfa.matched, dfa.matchedAtEnd) { states.append((matched ? 1 : 0) | (atEnd ? 2 : 0)) }
        return automaton
    }

    /// The automaton pointing into the final copies of the shared arrays.
    func located(_ transitions: UnsafePointer<UInt16>, _ states: UnsafePointer<UInt8>, _ templates: UnsafePointer<UInt8>,
                 _ chunks: UnsafePointer<SchemaTemplateChunk>) -> SchemaAutomaton {
        guard transitionStart >= 0 else { return SchemaAutomaton() }
        var located = SchemaAutomaton(transitions: transitions + transitionStart, states: states + stateStart)
        if templateStart >= 0 {
            located.template = templates + templateStart
            located.templateLength = templateLength
            located.chunks = chunks + chunkStart
        }
        return located
    }

    /// The allowed bytes of each step when `dfa` is a chain: from the start, each state either
    /// moves to one next state (never seen before) on some bytes and dies on the others, or dies
    /// on every byte; no state has matched before the end, only the last one matches at the end.
    static func chain(_ dfa: RegexDFA) -> [[Bool]]? {
        var steps: [[Bool]] = []
        var state = 0
        var visited: Set<Int> = []
        guard !dfa.matched[0] else { return nil }
        while visited.insert(state).inserted, steps.count <= 64 {
            let row = dfa.transitions[state * 128 ..< state * 128 + 128]
            let targets = Set(row.filter { $0 != RegexDFA.dead })
            if targets.isEmpty { return dfa.matchedAtEnd[state] && !steps.isEmpty ? steps : nil }
            guard targets.count == 1, let next = targets.first, !dfa.matchedAtEnd[state], !dfa.matched[Int(next)] else { return nil }
            steps.append(row.map { $0 != RegexDFA.dead })
            state = Int(next)
        }
        return nil
    }

    /// Whether the pattern matches ASCII `text`; nil when there is no automaton or the text has a
    /// non-ASCII byte (as ``RegexDFA/matches(_:)``). `readable` bytes can be read from the start
    /// of `text` (at least its count): a text of a template's length with room for whole words
    /// is checked a chunk at a time.
    @inline(__always)
    func matches(_ text: UnsafeBufferPointer<UInt8>, readable: Int) -> Bool? {
        if let template {
            let length = templateLength, count = text.count
            if count == length, let chunks, let base = text.baseAddress, readable >= (length &+ 7) & ~7 {
                var first = 0, chunk = chunks
                while first < length {
                    let word = UInt64(littleEndian: UnsafeRawPointer(base + first).loadUnaligned(as: UInt64.self))
                    guard let allowed = chunk.pointee.allows(word, first: first, template) else { break }   // not ASCII
                    if !allowed { return false }
                    (first, chunk) = (first &+ 8, chunk + 1)
                }
                if first >= length { return true }
            }
            for index in 0..<min(count, length) {
                let byte = text[index]
                if byte >= 0x80 { return nil }
                if template[index &* 128 &+ Int(byte)] == 0 { return false }
            }
            if count <= length { return count == length }
            return text[length] >= 0x80 ? nil : false
        }
        guard let transitions, let states else { return nil }
        var state = 0
        if states[0] & 1 != 0 { return true }
        for byte in text {
            guard byte < 0x80 else { return nil }
            let next = transitions[state &* 128 &+ Int(byte)]
            if next >= Self.found { return next != RegexDFA.dead }
            state = Int(next)
        }
        return states[state] & 2 != 0
    }

    /// The flag of a transition into a state where a match has been found (states number at most
    /// ``RegexDFA/maximumStates``, so it never clashes with a state or ``RegexDFA/dead``).
    static let found: UInt16 = 0x8000
}
