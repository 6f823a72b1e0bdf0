@testable import GoodAirCore
import Testing

/// Helpers shared by the gold analysis tests.
enum GoldAnalysisCheck {
    /// True when `actual` equals `expected` to 1e-9 relative (exactly when `expected` is 0).
    static func close(_ actual: Double, _ expected: Double, relative: Double = 1e-9) -> Bool {
        abs(actual - expected) <= relative * abs(expected)
    }

    /// True when both are NaN, or both are numbers `close` to each other.
    static func sameOrBothMissing(_ actual: Double, _ expected: Double) -> Bool {
        actual.isNaN ? expected.isNaN : !expected.isNaN && close(actual, expected)
    }
}

/// SplitMix64: a tiny deterministic generator, so that random tests replay identically.
struct GoldAnalysisRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("GoldAnalysis: seasons and summaries")
struct GoldAnalysisTests {
    @Test("every month falls in its meteorological season")
    func seasons() {
        let expected: [Season] = [.djf, .djf, .mam, .mam, .mam, .jja, .jja, .jja, .son, .son, .son, .djf]
        #expect((1...12).map { Season.of(month: $0) } == expected)
        #expect(Season.allCases.map(\.frenchLabel) == ["hiver", "printemps", "été", "automne"])
        #expect(Season.allCases.map(\.rawValue) == ["djf", "mam", "jja", "son"])
    }

    @Test("summary ignores NaN and matches pandas")
    func summary() throws {
        // Reference: pandas 2 — s = pd.Series(values); s.count(), s.mean(), s.min(), s.max();
        // the exact sum from math.fsum (pandas' pairwise s.sum() gives 100123456.53999999).
        let values: [Double] = Array(repeating: 0.1, count: 10) + [.nan, 1e8, 2.5, -3.75, .nan, 1e-3, 123_456.789]
        let summary = try #require(Summary.of(values))
        #expect(summary.count == 15)
        #expect(GoldAnalysisCheck.close(summary.mean, 6_674_897.102666666))
        #expect(GoldAnalysisCheck.close(summary.sum, 100_123_456.54))
        #expect(summary.min == -3.75)
        #expect(summary.max == 1e8)
    }

    @Test("compensated summation keeps what a plain sum loses")
    func compensation() throws {
        // Exact: 1e16 + 1 + 1 - 1e16 = 2 (math.fsum); a plain left-to-right sum gives 0.
        let summary = try #require(Summary.of([1e16, 1, 1, -1e16]))
        #expect(summary.sum == 2)
        #expect(summary.mean == 0.5)
    }

    @Test("summary of nothing, or of missing values only, is nil")
    func emptySummary() {
        #expect(Summary.of([Double]()) == nil)
        #expect(Summary.of([Double.nan, .nan]) == nil)
        #expect(Summary.of([42.0]) == Summary(count: 1, mean: 42, min: 42, max: 42, sum: 42))
        // Any sequence, not only arrays.
        #expect(Summary.of((1...4).lazy.map(Double.init))?.mean == 2.5)
    }
}
