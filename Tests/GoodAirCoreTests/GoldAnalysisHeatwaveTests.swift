@testable import GoodAirCore
import Testing

/// 2025-07-01 as a day number (date(2025, 7, 1) - date(1970, 1, 1) in Python).
private let firstDay = 20_270

/// 24 days: a heatwave on days 5…8 (reaching both thresholds exactly on day 8), hot days 11…14
/// (IBMx over its threshold, IBMn not), hot days 15…22 cut by a missing minimum on day 18.
private let tmin: [Double] = [
    15, 15, 15, 23, 24, 25, 24, 23, 16, 16, 16, 18, 18, 18, 18, 22, 23, 24, .nan, 24, 23, 22, 22, 15,
]
private let tmax: [Double] = [
    25, 25, 25, 33, 35, 36, 34, 33, 26, 26, 26, 36, 36, 36, 36, 33, 34, 35, 36, 35, 34, 33, 33, 20,
]

@Suite("GoldAnalysis: heatwaves")
struct GoldAnalysisHeatwaveTests {
    @Test("indicators are 3-day means, NaN unless all three days are present")
    func indicators() {
        // Reference: pd.Series(t).rolling(3).mean() (pandas 2).
        let expectedMin: [Double] = [
            .nan, .nan, 15.0, 17.666666666666668, 20.666666666666668, 24.0, 24.333333333333332, 24.0, 21.0,
            18.333333333333332, 16.0, 16.666666666666668, 17.333333333333332, 18.0, 18.0, 19.333333333333332,
            21.0, 23.0, .nan, .nan, .nan, 23.0, 22.333333333333332, 19.666666666666668,
        ]
        let expectedMax: [Double] = [
            .nan, .nan, 25.0, 27.666666666666668, 31.0, 34.666666666666664, 35.0, 34.333333333333336, 31.0,
            28.333333333333332, 26.0, 29.333333333333332, 32.666666666666664, 36.0, 36.0, 35.0,
            34.333333333333336, 34.0, 35.0, 35.333333333333336, 35.0, 34.0, 33.333333333333336, 28.666666666666668,
        ]
        let (ibmn, ibmx) = Heatwaves.indicators(tmin: tmin, tmax: tmax)
        #expect(ibmn.count == 24 && ibmx.count == 24)
        for day in 0..<24 {
            #expect(GoldAnalysisCheck.sameOrBothMissing(ibmn[day], expectedMin[day]), "IBMn day \(day)")
            #expect(GoldAnalysisCheck.sameOrBothMissing(ibmx[day], expectedMax[day]), "IBMx day \(day)")
        }
    }

    @Test("episodes need both indicators, and a missing day breaks them")
    func episodes() {
        // Reference: maximal runs of (IBMn >= 21) & (IBMx >= 31) on the pandas indicators.
        let waves = Heatwaves.episodes(firstDay: firstDay, tmin: tmin, tmax: tmax, thresholdMin: 21, thresholdMax: 31)
        #expect(waves.count == 3)
        #expect(waves.map(\.startDay) == [firstDay + 5, firstDay + 16, firstDay + 21])
        #expect(waves.map(\.endDay) == [firstDay + 8, firstDay + 17, firstDay + 22])
        #expect(waves.map(\.days) == [4, 2, 2])
        let expectedMin = [24.333333333333332, 23.0, 23.0]
        let expectedMax = [35.0, 34.333333333333336, 34.0]
        for (wave, (ibmn, ibmx)) in zip(waves, zip(expectedMin, expectedMax)) {
            #expect(GoldAnalysisCheck.close(wave.ibmnMax, ibmn))
            #expect(GoldAnalysisCheck.close(wave.ibmxMax, ibmx))
        }
    }

    @Test("too short a series has no indicator and no episode")
    func shortSeries() {
        let (ibmn, ibmx) = Heatwaves.indicators(tmin: [30, 30], tmax: [40, 40])
        #expect(ibmn.allSatisfy { $0.isNaN } && ibmx.allSatisfy { $0.isNaN })
        #expect(Heatwaves.episodes(firstDay: 0, tmin: [], tmax: [], thresholdMin: 0, thresholdMax: 0).isEmpty)
        #expect(Heatwaves.episodes(firstDay: 7, tmin: [22, 22, 22], tmax: [35, 35, 35], thresholdMin: 21, thresholdMax: 31)
            == [HeatwaveEpisode(startDay: 9, endDay: 9, ibmnMax: 22, ibmxMax: 35)])
    }
}
