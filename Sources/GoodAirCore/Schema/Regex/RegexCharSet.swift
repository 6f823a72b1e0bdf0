/// A set of Unicode scalars for the built-in regex matcher: sorted, merged ranges, with a bitmap
/// for ASCII so the common case is one bit test.
struct RegexCharSet: Sendable {
    private(set) var ranges: [ClosedRange<UInt32>]
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    static let maximumScalar: UInt32 = 0x10FFFF

    /// The set of `ranges` (any order, may overlap), or everything else when `negated`.
    init(_ ranges: [ClosedRange<UInt32>], negated: Bool = false) {
        var merged: [ClosedRange<UInt32>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, range.lowerBound <= last.upperBound &+ 1 {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        self.ranges = negated ? Self.complement(merged) : merged
        for range in self.ranges where range.lowerBound < 128 {
            for scalar in range.lowerBound...min(range.upperBound, 127) {
                if scalar < 64 { low |= 1 << UInt64(scalar) } else { high |= 1 << UInt64(scalar - 64) }
            }
        }
    }

    @inline(__always)
    func contains(_ scalar: UInt32) -> Bool {
        if scalar < 64 { return low & (1 << UInt64(scalar)) != 0 }
        if scalar < 128 { return high & (1 << UInt64(scalar - 64)) != 0 }
        var lower = 0, upper = ranges.count
        while lower < upper {
            let middle = (lower + upper) / 2
            if ranges[middle].upperBound < scalar { lower = middle + 1 } else { upper = middle }
        }
        return lower < ranges.count && ranges[lower].contains(scalar)
    }

    private static func complement(_ merged: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
        var result: [ClosedRange<UInt32>] = []
        var next: UInt32 = 0
        for range in merged {
            if range.lowerBound > next { result.append(next...range.lowerBound - 1) }
            next = range.upperBound &+ 1
            if range.upperBound >= maximumScalar { return result }
        }
        result.append(next...maximumScalar)
        return result
    }

    /// ECMA-262 `\d`, `\w`, `\s` (ASCII digits and word characters; Unicode white space).
    static let digitRanges: [ClosedRange<UInt32>] = [0x30...0x39]
    static let wordRanges: [ClosedRange<UInt32>] = [0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A]
    static let spaceRanges: [ClosedRange<UInt32>] = [
        0x09...0x0D, 0x20...0x20, 0xA0...0xA0, 0x1680...0x1680, 0x2000...0x200A, 0x2028...0x2029,
        0x202F...0x202F, 0x205F...0x205F, 0x3000...0x3000, 0xFEFF...0xFEFF,
    ]
    /// Line terminators, which `.` does not match.
    static let lineTerminators: [ClosedRange<UInt32>] = [0x0A...0x0A, 0x0D...0x0D, 0x2028...0x2029]

    /// Whether a scalar is an ECMA-262 word character (for `\b`).
    @inline(__always)
    static func isWord(_ scalar: UInt32) -> Bool {
        (scalar >= 0x30 && scalar <= 0x39) || (scalar >= 0x41 && scalar <= 0x5A) || scalar == 0x5F || (scalar >= 0x61 && scalar <= 0x7A)
    }
}
