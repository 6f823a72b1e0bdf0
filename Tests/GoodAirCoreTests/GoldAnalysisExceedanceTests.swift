@testable import GoodAirCore
import Testing

/// 2025-11-29T00:00Z as an hour index (1_764_374_400 s / 3600).
private let firstHour = 490_104

/// Three days of PM10: about 35 µg/m³, then about 68, then about 21. Hour 5 is missing (so the
/// 24-hour mean first exists at hour 18, not 17), and hours 30…35 are missing (the windows that
/// hold them keep exactly the 18 hours required).
private let pm10: [Double] = [
    30, 37, 31, 38, 32, .nan, 33, 40, 34, 41, 35, 42, 36, 30, 37, 31, 38, 32, 39, 33, 40, 34, 41, 35,
    61, 66, 71, 76, 64, 69, .nan, .nan, .nan, .nan, .nan, .nan, 70, 75, 63, 68, 73, 61, 66, 71, 76, 64, 69, 74,
    20, 21, 22, 20, 21, 22, 20, 21, 22, 20, 21, 22, 20, 21, 22, 20, 21, 22, 20, 21, 22, 20, 21, 22,
]

/// pd.Series(pm10).rolling(24, min_periods=18).mean() (pandas 2), from hour 18 on; NaN before.
private let pm10Rolling24: [Double] = [
    35.333333333333336, 35.21052631578947, 35.45, 35.38095238095238, 35.63636363636363, 35.608695652173914,
    36.95652173913044, 38.21739130434783, 39.95652173913044, 41.608695652173914, 43.0, 44.083333333333336,
    44.56521739130435, 44.77272727272727, 45.285714285714285, 45.5, 46.05263157894737, 46.27777777777778,
    48.166666666666664, 50.666666666666664, 52.111111111111114, 54.166666666666664, 56.111111111111114,
    57.72222222222222, 59.22222222222222, 61.333333333333336, 63.333333333333336, 65.0, 66.55555555555556,
    68.72222222222223, 66.44444444444444, 63.94444444444444, 61.22222222222222, 58.111111111111114,
    55.72222222222222, 53.111111111111114, 51.36842105263158, 49.85, 48.523809523809526, 47.22727272727273,
    46.08695652173913, 45.083333333333336, 43.0, 40.75, 39.041666666666664, 37.041666666666664, 34.875,
    33.25, 31.333333333333332, 29.25, 27.0, 25.166666666666668, 23.166666666666668, 21.0,
]

private let no2Alert = ExceedanceRule(
    pollutant: "no2", level: "alert", thresholdUgm3: 400,
    averagingHours: 1, minimumValidHours: 1, consecutiveHours: 3)

@Suite("GoldAnalysis: exceedances")
struct GoldAnalysisExceedanceTests {
    @Test("the NO2 alert needs 3 consecutive hours strictly over 400; a missing hour breaks a run")
    func consecutiveHours() {
        let no2: [Double] = [
            100, 410, 420, 100,             // 2 hours over: no episode
            401, 450, 402, 100,             // 3 hours over: an episode, peak 450
            405, 406, .nan, 407, 408, 409, 410, 100, // 2 hours, a gap, then 4 hours
            400, 400, 400, 400,             // at the threshold is not over it
            500, 501, 502,                  // a run still open at the end of the series
        ]
        let episodes = Exceedances.episodes(hourly: no2, firstHour: firstHour, rule: no2Alert)
        #expect(episodes == [
            ExceedanceEpisode(start: firstHour + 4, end: firstHour + 6, peak: 450),
            ExceedanceEpisode(start: firstHour + 11, end: firstHour + 14, peak: 410),
            ExceedanceEpisode(start: firstHour + 20, end: firstHour + 22, peak: 502),
        ])
        #expect(episodes.map(\.hours) == [3, 4, 3])
    }

    @Test("one hour over is an episode when the rule asks for one hour")
    func singleHour() {
        let information = ExceedanceRule(pollutant: "no2", level: "information", thresholdUgm3: 200)
        let episodes = Exceedances.episodes(hourly: [150, 201, 150, .nan, 250, 260], firstHour: 0, rule: information)
        #expect(episodes == [
            ExceedanceEpisode(start: 1, end: 1, peak: 201),
            ExceedanceEpisode(start: 4, end: 5, peak: 260),
        ])
        #expect(Exceedances.episodes(hourly: [], firstHour: 0, rule: information).isEmpty)
    }

    @Test("rolling 24-hour mean with 18 valid hours required matches pandas")
    func rolling24() {
        let means = Exceedances.rollingMean(pm10, hours: 24, minimumValid: 18)
        #expect(means.count == pm10.count)
        #expect(means[0..<18].allSatisfy { $0.isNaN })
        let expected = [Double](repeating: .nan, count: 18) + pm10Rolling24
        for (k, (actual, reference)) in zip(means, expected).enumerated() {
            #expect(GoldAnalysisCheck.sameOrBothMissing(actual, reference), "hour \(k)")
        }
    }

    @Test("a window short of its minimum gives no mean")
    func shortWindows() {
        let means = Exceedances.rollingMean([10, .nan, .nan, 40, 50], hours: 3, minimumValid: 2)
        #expect(means[0].isNaN && means[1].isNaN && means[2].isNaN && means[3].isNaN)
        #expect(means[4] == 45)
        #expect(Exceedances.rollingMean([10, .nan, 30, 50], hours: 2, minimumValid: 1)[1...] == [10, 30, 40])
        let valued = Exceedances.rollingMean([10, .nan, 30, 50], hours: 2, minimumValid: 1, atValuesOnly: true)
        #expect(valued[1].isNaN && valued[0] == 10 && valued[2...] == [30, 40])
    }

    @Test("24-hour PM10 episode: start, end and peak of the averaged values")
    func pm10Episode() {
        // Reference: the run of pandas' rolling mean > 50 is hours 37…54, peak 68.72222222222223.
        let information = ExceedanceRule(
            pollutant: "pm10", level: "information", thresholdUgm3: 50,
            averagingHours: 24, minimumValidHours: 18, consecutiveHours: 1)
        let episodes = Exceedances.episodes(hourly: pm10, firstHour: firstHour, rule: information)
        #expect(episodes.count == 1)
        #expect(episodes.first?.start == firstHour + 37)
        #expect(episodes.first?.end == firstHour + 54)
        #expect(episodes.first?.hours == 18)
        #expect(GoldAnalysisCheck.close(episodes.first?.peak ?? 0, 68.72222222222223))
        // The 18-hour run does not make a 19-hour episode.
        var longer = information
        longer.consecutiveHours = 19
        #expect(Exceedances.episodes(hourly: pm10, firstHour: firstHour, rule: longer).isEmpty)
        longer.consecutiveHours = 18
        #expect(Exceedances.episodes(hourly: pm10, firstHour: firstHour, rule: longer).count == 1)
    }
}
