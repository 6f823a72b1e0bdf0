import Foundation
import Testing
@testable import GoodAirCore

@Suite("GoldAnalysis: next-day forecasts backtested without look-ahead")
struct GoldAnalysisForecastTests {
    /// y(d+1) = 2 + 0.5·y(d) + 3·sin + 1·cos of the target's day of year: what the regression models.
    private func exactSeries(firstDay: Int, days: Int) -> [Double] {
        var values = [20.0]
        for d in 1..<days {
            let x = NextDayForecast.features(previous: values[d - 1], targetDay: firstDay + d)
            values.append(2 * x[0] + 0.5 * x[1] + 3 * x[2] + 1 * x[3])
        }
        return values
    }

    @Test("the regression recovers a series it can model exactly, once it has 20 pairs")
    func exactRecovery() {
        let firstDay = CivilTime.validDays(year: 2026, month: 1, day: 1)!
        let rows = NextDayForecast.backtest(firstDay: firstDay, values: exactSeries(firstDay: firstDay, days: 120))
        #expect(rows.count == 119)
        #expect(rows.prefix(NextDayForecast.minimumPairs).allSatisfy { $0.model == nil }, "fewer than 20 past pairs: no model")
        for row in rows.dropFirst(NextDayForecast.minimumPairs + 5) {
            let model = try! #require(row.model)
            #expect(abs(model - row.observed) <= 1e-6 * abs(row.observed), "day \(row.targetDay)")
        }
    }

    @Test("persistence is yesterday's value; climatology the mean of earlier days within ±15 days of year")
    func references() {
        let firstDay = CivilTime.validDays(year: 2025, month: 6, day: 1)!
        var values = (0..<400).map { Double($0 % 7) }
        values[200] = .nan
        let rows = NextDayForecast.backtest(firstDay: firstDay, values: values)
        let row = rows.first { $0.targetDay == firstDay + 370 }!
        #expect(row.persistence == values[369])
        // Earlier days within 15 days of year of day 370: days 0…15+5 of the first year, by hand.
        let targetDoy = NextDayForecast.dayOfYear(firstDay + 370)
        let near = (0...369).filter {
            let distance = abs(NextDayForecast.dayOfYear(firstDay + $0) - targetDoy)
            return min(distance, 365 - distance) <= 15 && values[$0].isFinite
        }
        #expect(row.climatology == near.map { values[$0] }.reduce(0, +) / Double(near.count))
        #expect(!rows.contains { $0.targetDay == firstDay + 200 || $0.targetDay == firstDay + 201 }, "a missing day is neither target nor base")
    }

    @Test("a forecast never depends on what comes after the day it is issued")
    func noLookAhead() {
        let firstDay = CivilTime.validDays(year: 2026, month: 3, day: 1)!
        var generator = SystemRandomNumberGenerator()
        let values = (0..<200).map { d in 15 + 8 * sin(Double(d) / 20) + Double(generator.next() % 1000) / 250 }
        let full = NextDayForecast.backtest(firstDay: firstDay, values: values)
        var changed = values
        for d in 121..<200 { changed[d] = values[d] * 3 + 50 }
        let other = NextDayForecast.backtest(firstDay: firstDay, values: changed)
        for (a, b) in zip(full, other) where a.targetDay <= firstDay + 120 { #expect(a == b) }
    }
}
