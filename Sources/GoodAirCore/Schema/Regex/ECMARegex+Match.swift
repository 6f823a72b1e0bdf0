/// The Pike VM: all threads advance together, one scalar at a time.
extension ECMARegex {
    /// Whether the pattern matches somewhere in `text` (valid UTF-8).
    func matches(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        if let dfa, let result = dfa.matches(text) { return result }
        return simulate(text)
    }

    /// The Pike VM on its own (any text).
    func simulate(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let size = program.count
        return program.withUnsafeBufferPointer { code in
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: size * 5 + 4) { memory in
                RegexMachine(code: code, sets: sets, text: text, memory: memory, size: size).run(anchored: anchored)
            }
        }
    }
}

/// The state of one match: two thread lists, a mark per instruction (the step that last added
/// it), and a stack for following splits — all in one block of stack memory.
private struct RegexMachine {
    let code: UnsafeBufferPointer<RegexInstruction>
    let sets: [RegexCharSet]
    let text: UnsafeBufferPointer<UInt8>
    let lists: (UnsafeMutablePointer<Int32>, UnsafeMutablePointer<Int32>)
    let marks: UnsafeMutablePointer<Int32>
    let stack: UnsafeMutablePointer<Int32>

    init(code: UnsafeBufferPointer<RegexInstruction>, sets: [RegexCharSet], text: UnsafeBufferPointer<UInt8>,
         memory: UnsafeMutableBufferPointer<Int32>, size: Int) {
        self.code = code
        self.sets = sets
        self.text = text
        let base = memory.baseAddress!
        lists = (base, base + size)
        marks = base + 2 * size
        stack = base + 3 * size
        marks.initialize(repeating: -1, count: size)
    }

    func run(anchored: Bool) -> Bool {
        var current = lists.0, next = lists.1
        var currentCount = 0, nextCount = 0
        var step: Int32 = 0
        var position = 0
        var (scalar, length) = decode(at: 0)
        if add(0, to: current, &currentCount, step: step, position: 0, previous: 0x0A, following: scalar) { return true }
        while position < text.count {
            step += 1
            nextCount = 0
            let after = position + length
            let (following, followingLength) = decode(at: after)
            for index in 0..<currentCount {
                let pc = Int(current[index])
                let accepts: Bool
                switch code[pc] {
                case .scalar(let expected): accepts = scalar == expected
                case .set(let set): accepts = sets[Int(set)].contains(scalar)
                default: accepts = false
                }
                if accepts, add(Int32(pc + 1), to: next, &nextCount, step: step, position: after, previous: scalar, following: following) {
                    return true
                }
            }
            if !anchored, add(0, to: next, &nextCount, step: step, position: after, previous: scalar, following: following) {
                return true
            }
            swap(&current, &next)
            currentCount = nextCount
            if currentCount == 0, anchored { return false }
            position = after
            (scalar, length) = (following, followingLength)
        }
        return false
    }

    /// Adds the threads reachable from `start` without consuming (splits, jumps, assertions at
    /// `position`) to a list; true as soon as one reaches `match`.
    private func add(_ start: Int32, to list: UnsafeMutablePointer<Int32>, _ count: inout Int, step: Int32, position: Int,
                     previous: UInt32, following: UInt32) -> Bool {
        stack[0] = start
        var depth = 1
        while depth > 0 {
            depth -= 1
            let pc = Int(stack[depth])
            if marks[pc] == step { continue }
            marks[pc] = step
            switch code[pc] {
            case .jump(let target):
                stack[depth] = target; depth += 1
            case .split(let first, let second):
                stack[depth] = second; stack[depth + 1] = first; depth += 2
            case .assertStart:
                if position == 0 { stack[depth] = Int32(pc + 1); depth += 1 }
            case .assertEnd:
                if position == text.count { stack[depth] = Int32(pc + 1); depth += 1 }
            case .wordBoundary, .notWordBoundary:
                let before = position > 0 && RegexCharSet.isWord(previous)
                let after = position < text.count && RegexCharSet.isWord(following)
                var wanted = false
                if case .wordBoundary = code[pc] { wanted = true }
                if (before != after) == wanted { stack[depth] = Int32(pc + 1); depth += 1 }
            case .match:
                return true
            case .scalar, .set:
                list[count] = Int32(pc)
                count += 1
            }
        }
        return false
    }

    /// The scalar starting at byte `offset` and its length in bytes (0 and 1 past the end).
    @inline(__always)
    private func decode(at offset: Int) -> (UInt32, Int) {
        guard offset < text.count else { return (0, 1) }
        let lead = UInt32(text[offset])
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | UInt32(text[offset + 1] & 0x3F), 2) }
        if lead < 0xF0 {
            return ((lead & 0x0F) << 12 | UInt32(text[offset + 1] & 0x3F) << 6 | UInt32(text[offset + 2] & 0x3F), 3)
        }
        return ((lead & 0x07) << 18 | UInt32(text[offset + 1] & 0x3F) << 12 | UInt32(text[offset + 2] & 0x3F) << 6
                | UInt32(text[offset + 3] & 0x3F), 4)
    }
}
