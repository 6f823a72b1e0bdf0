/// Eight steps of a fixed-length pattern (a ``SchemaAutomaton`` template, such as
/// `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`), checked on eight bytes at once: the steps that allow one byte
/// (`-`, `:`) by one comparison, the steps that allow the ten digits by one digit test, and only
/// the others byte by byte on the template.
struct SchemaTemplateChunk {
    /// 0xFF at each step allowing a single byte, whose value is in ``literal``.
    var literalMask: UInt64 = 0
    var literal: UInt64 = 0
    /// 0x80 at each step allowing exactly the digits `0`…`9`.
    var digitMask: UInt64 = 0
    /// 0xFF at each other step (checked on the template).
    var tableMask: UInt64 = 0
    /// 0x80 at each step of the chunk (the last chunk may have fewer than eight).
    var stepMask: UInt64 = 0

    /// The chunks of a template's steps (`allowed[step][byte]`), eight steps each.
    static func chunks(_ allowed: [[Bool]]) -> [SchemaTemplateChunk] {
        stride(from: 0, to: allowed.count, by: 8).map { first in
            var chunk = SchemaTemplateChunk()
            for step in first..<min(first + 8, allowed.count) {
                let shift = UInt64(8 * (step - first))
                let bytes = allowed[step].indices.filter { allowed[step][$0] }
                chunk.stepMask |= 0x80 << shift
                if bytes.count == 1 {
                    chunk.literalMask |= 0xFF << shift
                    chunk.literal |= UInt64(bytes[0]) << shift
                } else if bytes == Array(Int(UInt8(ascii: "0"))...Int(UInt8(ascii: "9"))) {
                    chunk.digitMask |= 0x80 << shift
                } else {
                    chunk.tableMask |= 0xFF << shift
                }
            }
            return chunk
        }
    }

    /// What the chunk says of the eight text bytes in `word` (little-endian) for the steps from
    /// `first` on: nil when one of them is not ASCII (the byte-by-byte loop then decides), else
    /// whether every step allows its byte. `template` is the automaton's `step * 128 + byte` table.
    @inline(__always)
    func allows(_ word: UInt64, first: Int, _ template: UnsafePointer<UInt8>) -> Bool? {
        if word & stepMask != 0 { return nil }
        if (word ^ literal) & literalMask != 0 { return false }
        let low = word & 0x7F7F_7F7F_7F7F_7F7F
        let digits = (low &+ 0x5050_5050_5050_5050) & ~(low &+ 0x4646_4646_4646_4646)   // high bit: '0'…'9'
        if ~digits & digitMask != 0 { return false }
        var others = tableMask
        while others != 0 {
            let step = others.trailingZeroBitCount &>> 3
            let byte = Int((word &>> UInt64(step &* 8)) & 0xFF)
            if template[(first &+ step) &* 128 &+ byte] == 0 { return false }
            others &= ~(0xFF &<< UInt64(step &* 8))
        }
        return true
    }
}
