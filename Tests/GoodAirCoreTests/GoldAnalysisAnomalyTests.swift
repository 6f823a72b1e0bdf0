@testable import GoodAirCore
import Testing

/// 400 hours on a repeating integer pattern (many ties, exact in binary), every 50th hour
/// from hour 7 missing, a spike to 120 at hour 300 and a drop to −40 at hour 350.
private let series: [Double] = (0..<400).map { i in
    if i % 50 == 7 { return .nan }
    if i == 300 { return 120 }
    if i == 350 { return -40 }
    return 20 + Double((i * 37) % 23) * 0.5 + Double((i * 11) % 7)
}

@Suite("GoldAnalysis: robust anomalies")
struct GoldAnalysisAnomalyTests {
    /// Reference: numpy — for each i, w = s[max(0, i-168):i] without NaN; when len(w) >= 72,
    /// med = np.median(w), mad = np.median(np.abs(w - med)), score = (s[i] - med) / (1.4826 * mad).
    @Test("scores match numpy medians and MADs of the past week")
    func scores() throws {
        let scores = RobustAnomalies.scores(series)
        #expect(scores.count == 400)
        #expect(scores.compactMap { $0 }.count == 320)
        #expect(scores.firstIndex { $0 != nil } == 74)
        #expect(scores[72] == nil)
        #expect(scores[57] == nil) // missing value
        let expected: [(Int, Double, Double)] = [
            (100, 28.25, 0.6744907594765952),
            (200, 28.5, 0.44966050631773014),
            (300, 28.5, 20.571968164036154),
            (301, 28.5, -1.3489815189531904),
            (350, 28.5, -15.400872341382257),
            (399, 28.5, 0.3372453797382976),
        ]
        for (index, baseline, score) in expected {
            let actual = try #require(scores[index])
            #expect(actual.baseline == baseline, "baseline at \(index)")
            #expect(GoldAnalysisCheck.close(actual.score, score), "score at \(index)")
        }
    }

    @Test("detect finds the spike and the drop, nothing else")
    func detect() {
        let anomalies = RobustAnomalies.detect(series)
        #expect(anomalies.map(\.index) == [300, 350])
        #expect(anomalies.map(\.value) == [120, -40])
        #expect(anomalies.map(\.baseline) == [28.5, 28.5])
        #expect(GoldAnalysisCheck.close(anomalies[0].score, 20.571968164036154))
        #expect(GoldAnalysisCheck.close(anomalies[1].score, -15.400872341382257))
        // The largest other |score| is 2.29 (numpy), so a threshold of 2 finds more, of 2.3 none.
        #expect(RobustAnomalies.detect(series, threshold: 2.3).count == 2)
        #expect(RobustAnomalies.detect(series, threshold: 2).count > 2)
    }

    @Test("scoring from an index gives the same scores there, and none before")
    func scoredFrom() {
        let all = RobustAnomalies.scores(series)
        let late = RobustAnomalies.scores(series, scoredFrom: 320)
        #expect(late[..<320].allSatisfy { $0 == nil })
        for index in 320..<400 {
            #expect(late[index]?.baseline == all[index]?.baseline && late[index]?.score == all[index]?.score, "at \(index)")
        }
        // Whatever the first scored index, the window it starts from is the same.
        for from in stride(from: 0, to: 400, by: 37) {
            let scored = RobustAnomalies.scores(series, scoredFrom: from)
            #expect(scored.indices.allSatisfy { scored[$0]?.score == (($0 >= from) ? all[$0]?.score : nil) }, "from \(from)")
        }
        #expect(RobustAnomalies.detect(series, scoredFrom: 320).map(\.index) == [350])
        #expect(RobustAnomalies.detect(series, scoredFrom: 300).map(\.index) == [300, 350])
    }

    @Test("a zero enters the window as +0, in whatever order -0 and +0 come")
    func signedZeros() {
        var one = SortedWindow(), other = SortedWindow()
        for value in [-0.0, 0.0, 1.0] { one.insert(value) }
        for value in [0.0, -0.0, 1.0] { other.insert(value) }
        #expect(one.median().sign == .plus && other.median().sign == .plus)
        one.remove(-0.0)
        #expect(one.values == [0, 1] && one.values[0].sign == .plus)
        var filled = SortedWindow()
        filled.fill([1, -0.0, 0.0])
        #expect(filled.values.allSatisfy { $0.sign == .plus })
    }

    @Test("a flat window has MAD 0 and no score")
    func flatWindow() {
        let flat = [Double](repeating: 10, count: 100) + [50]
        #expect(RobustAnomalies.scores(flat, window: 24, minimumValid: 12).allSatisfy { $0 == nil })
    }

    @Test("sorted window: medians and MADs of odd and even counts")
    func sortedWindow() {
        var window = SortedWindow()
        for value in [5.0, 1, 9, 3] { window.insert(value) }
        // [1, 3, 5, 9]: median 4, deviations [3, 1, 1, 5] → MAD 2.
        #expect(window.median() == 4)
        #expect(window.medianAbsoluteDeviation(from: 4) == 2)
        window.remove(9)
        // [1, 3, 5]: median 3, deviations [2, 0, 2] → MAD 2.
        #expect(window.values == [1, 3, 5])
        #expect(window.median() == 3)
        #expect(window.medianAbsoluteDeviation(from: 3) == 2)
    }
}
