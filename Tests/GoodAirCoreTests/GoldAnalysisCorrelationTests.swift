@testable import GoodAirCore
import Testing

/// Twenty hours with missing values on both sides and many ties.
private let x: [Double] = [
    3.2, 1.5, .nan, 4.0, 4.0, 2.2, 7.1, 4.0, .nan, 5.5, 1.5, 6.3, 2.2, 8.0, 3.3, 4.0, 9.1, 0.5, 2.2, 6.3,
]
private let y: [Double] = [
    10, 12, 9, .nan, 15, 11, 20, 15, 14, 18, 11, .nan, 13, 22, 12, 15, 25, 8, 13, 19,
]

@Suite("GoldAnalysis: correlation")
struct GoldAnalysisCorrelationTests {
    @Test("Pearson and Spearman on complete pairs match pandas and SciPy")
    func knownValues() throws {
        // Reference: pandas 2 — pd.Series(x).corr(pd.Series(y)) and .corr(..., method="spearman");
        // scipy.stats.pearsonr / spearmanr on the 16 complete pairs agree to 1e-16.
        let pearson = try #require(Correlation.pearson(x, y))
        #expect(pearson.n == 16)
        #expect(GoldAnalysisCheck.close(pearson.r, 0.9642618109351856))
        let spearman = try #require(Correlation.spearman(x, y))
        #expect(spearman.n == 16)
        #expect(GoldAnalysisCheck.close(spearman.r, 0.9166676816142612))
    }

    @Test("lagged correlations pair x[i] with y[i + lag]", arguments: [
        // Reference: pandas 2 — ys = pd.Series(y).shift(-lag); pd.Series(x).corr(ys) and
        // .corr(ys, method="spearman"); n = (x.notna() & ys.notna()).sum().
        (0, 0.9642618109351856, 0.9166676816142612, 16),
        (1, -0.3603435782392833, -0.29649396942301587, 16),
        (3, 0.3070828431806223, 0.13774219384009612, 14),
        (-2, -0.19618241491557187, -0.12892668350780437, 14),
    ])
    func lagged(lag: Int, pearson: Double, spearman: Double, n: Int) throws {
        let p = try #require(Correlation.lagged(x, y, lag: lag, method: .pearson))
        #expect(p.n == n)
        #expect(GoldAnalysisCheck.close(p.r, pearson))
        let s = try #require(Correlation.lagged(x, y, lag: lag, method: .spearman))
        #expect(s.n == n)
        #expect(GoldAnalysisCheck.close(s.r, spearman))
    }

    @Test("two-pass Pearson keeps its precision on large offsets")
    func largeOffsets() throws {
        // Reference: pandas 2 and scipy.stats.pearsonr, p = 1013.25 + 0.01·i·(−1)^i, q = 1e6 + 0.5·i.
        let p: [Double] = [1013.25, 1013.24, 1013.27, 1013.22, 1013.29, 1013.2, 1013.31, 1013.18, 1013.33, 1013.16]
        let q = (0..<10).map { 1e6 + 0.5 * Double($0) }
        let result = try #require(Correlation.pearson(p, q))
        #expect(result.n == 10)
        #expect(GoldAnalysisCheck.close(result.r, -0.1473826353092639))
    }

    @Test("nil with fewer than 3 pairs or a constant side")
    func degenerate() {
        #expect(Correlation.pearson([1, 2, .nan, 4], [1, .nan, 3, 5]) == nil)
        #expect(Correlation.spearman([1, 2], [2, 1]) == nil)
        #expect(Correlation.pearson([0.1, 0.1, 0.1, 0.1], [1, 2, 3, 4]) == nil)
        #expect(Correlation.spearman([1, 2, 3, 4], [7, 7, 7, 7]) == nil)
        #expect(Correlation.lagged([1, 2, 3], [1, 2, 3], lag: 1, method: .pearson) == nil)
        #expect(Correlation.lagged([1, 2, 3], [1, 2, 3], lag: 5, method: .spearman) == nil)
        #expect(LaggedCorrelator([1, 2, 3], [1, 2, 3]).correlations(lags: 1...5, method: .spearman)
            .allSatisfy { $0 == nil })
    }

    @Test("perfect monotonic association gives ρ = ±1 exactly")
    func monotonic() throws {
        let hours = (0..<50).map(Double.init)
        let cubes = hours.map { $0 * $0 * $0 }
        #expect(try #require(Correlation.spearman(hours, cubes)).r == 1)
        #expect(try #require(Correlation.spearman(hours, cubes.map { -$0 })).r == -1)
    }

    @Test("LaggedCorrelator equals lagged() on random data with NaNs and ties", arguments: [
        (UInt64(1), 300), (UInt64(2), 1000), (UInt64(3), 40),
    ])
    func correlatorMatchesLagged(seed: UInt64, count: Int) {
        var random = GoldAnalysisRandom(seed: seed)
        // Values on a coarse grid (many ties), about 15 % missing on each side.
        func series() -> [Double] {
            (0..<count).map { _ in
                Double.random(in: 0..<1, using: &random) < 0.15 ? .nan : Double(Int.random(in: 0..<12, using: &random)) * 0.5
            }
        }
        let a = series(), b = series()
        let correlator = LaggedCorrelator(a, b)
        for method in CorrelationMethod.allCases {
            let results = correlator.correlations(lags: -3...24, method: method)
            #expect(results.count == 28)
            for (offset, lag) in (-3...24).enumerated() {
                let expected = Correlation.lagged(a, b, lag: lag, method: method)
                let actual = results[offset]
                #expect((actual == nil) == (expected == nil), "lag \(lag) \(method)")
                if let actual, let expected {
                    #expect(actual.lag == lag)
                    #expect(actual.n == expected.n)
                    // Same ranks (exact half-integers) summed in the same order: bit-for-bit equal.
                    #expect(actual.r == expected.r, "lag \(lag) \(method)")
                }
            }
            if count >= 300 { #expect(results.allSatisfy { $0 != nil }) }
        }
    }

    @Test("LaggedCorrelator reproduces the pandas reference values")
    func correlatorKnownValues() throws {
        // Same pandas references as `lagged`.
        let results = LaggedCorrelator(x, y).correlations(lags: -2...3, method: .spearman)
        let minusTwo = try #require(results[0]), one = try #require(results[3]), three = try #require(results[5])
        #expect(minusTwo.lag == -2 && minusTwo.n == 14 && GoldAnalysisCheck.close(minusTwo.r, -0.12892668350780437))
        #expect(one.lag == 1 && one.n == 16 && GoldAnalysisCheck.close(one.r, -0.29649396942301587))
        #expect(three.lag == 3 && three.n == 14 && GoldAnalysisCheck.close(three.r, 0.13774219384009612))
    }
}
