import Foundation

/// `gold/correlations/part-00000.csv`: Pearson and Spearman correlations between weather
/// variables (x, at hour t) and pollution variables (y, at hour t + lag, lag 0…24 h: pollution
/// after weather), per city and over all cities pooled, over the whole history and per season
/// (the season of hour t), with the number of complete pairs n. Only correlations over at least
/// ``minimumPairs`` pairs are written.
///
/// One file, not month partitions: a correlation is over the whole history. It covers complete
/// UTC days only (hours before the run's midnight), so hourly runs recompute it once a day.
enum CorrelationTable {
    static let name = "correlations"
    static let weather = ["temperature_c", "humidity_pct", "pressure_hpa", "wind_speed_ms", "rain_1h_mm"]
    static let pollution = ["no2_ugm3", "o3_ugm3", "pm2_5_ugm3", "pm10_ugm3", "aqi"]
    static let lags = 0...24
    /// Fewest complete pairs for a correlation to be written (default 30).
    static let minimumPairs = 30
    static let header = "scope,period,variable_x,variable_y,method,lag_hours,n,r"

    /// The CSV bytes for `series` (which holds ``weather`` then ``pollution``).
    static func render(_ series: HourlySeries) -> [UInt8] {
        let cities = series.values.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let gap = lags.upperBound
        // "all": the cities one after the other, a day of gaps between two so no lag crosses them.
        var pooled = [[Double]](repeating: [], count: series.variables.count)
        var pooledHours: [Int] = []
        for city in cities {
            for (index, values) in series.values[city]!.enumerated() {
                pooled[index] += values + [Double](repeating: .nan, count: gap)
            }
            pooledHours += (0..<series.hours).map { series.firstHour + $0 } + [Int](repeating: -1, count: gap)
        }
        let scopes = ([("all", pooled, pooledHours)]
            + cities.map { ($0, series.values[$0]!, (0..<series.hours).map { series.firstHour + $0 }) })
            .sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
        // Scopes are independent: one per core at a time, written back in order.
        let parts = Parts(count: scopes.count)
        let variables = series.variables
        DispatchQueue.concurrentPerform(iterations: scopes.count) { index in
            let (scope, values, hours) = scopes[index]
            parts.set(index, render(scope: scope, values: values, hours: hours, variables: variables))
        }
        var out = Array((header + "\r\n").utf8)
        for index in 0..<scopes.count { out += parts.get(index) }
        return out
    }

    /// The rows of one scope (a city, or all cities pooled with gaps, whose hours are -1).
    static func render(scope: String, values: [[Double]], hours: [Int], variables: [String]) -> [UInt8] {
        var out: [UInt8] = []
        let gap = lags.upperBound
        let periods = (["all"] + Season.allCases.map(\.rawValue)).sorted()
        let seasons = hours.map { $0 < 0 ? "" : Season.of(month: CivilTime.civil(days: CivilTime.floorDiv($0, 24)).month).rawValue }
        for period in periods {
            let (xIndexes, yIndexes) = gathers(seasons, period: period, gap: gap)
            func gather(_ variable: String, _ indexes: [Int]) -> [Double] {
                let source = values[variables.firstIndex(of: variable)!]
                return indexes.map { $0 < 0 ? .nan : source[$0] }
            }
            let xs = Dictionary(uniqueKeysWithValues: weather.map { ($0, gather($0, xIndexes)) })
            let ys = Dictionary(uniqueKeysWithValues: pollution.map { ($0, gather($0, yIndexes)) })
            let xOrders = xs.mapValues(LaggedCorrelator.order), yOrders = ys.mapValues(LaggedCorrelator.order)
            for x in weather.sorted() {
                for y in pollution.sorted() {
                    let correlator = LaggedCorrelator(xs[x]!, ys[y]!, xOrder: xOrders[x]!, yOrder: yOrders[y]!)
                    for method in CorrelationMethod.allCases {
                        for case let (lag, r, n)? in correlator.correlations(lags: lags, method: method) where n >= minimumPairs {
                            var line = CSVLine()
                            for text in [scope, period, x, y, method.rawValue] { line.appendText(text); line.comma() }
                            line.appendInt(lag); line.comma(); line.appendInt(n); line.comma(); line.appendExactDouble(r)
                            out += line.bytes + [0x0D, 0x0A]
                        }
                    }
                }
            }
        }
        return out
    }

    /// Where to take x and y from for `period`: each run of hours in the period (season of hour
    /// t, or any hour but gaps for "all"), followed by `gap` hours where x is missing and y goes
    /// on, so that x[t] pairs with y[t + lag] for t in the period and no pair crosses two runs.
    /// -1 means missing.
    static func gathers(_ seasons: [String], period: String, gap: Int) -> (x: [Int], y: [Int]) {
        var x: [Int] = [], y: [Int] = []
        var t = 0
        while t < seasons.count {
            guard !seasons[t].isEmpty && (period == "all" || seasons[t] == period) else { t += 1; continue }
            let start = t
            while t < seasons.count, !seasons[t].isEmpty && (period == "all" || seasons[t] == period) { t += 1 }
            x += Array(start..<t) + [Int](repeating: -1, count: gap)
            y += (start..<(t + gap)).map { $0 < seasons.count && !seasons[$0].isEmpty ? $0 : -1 }
        }
        return (x, y)
    }
}

/// One result slot per scope, each written by exactly one `concurrentPerform` iteration and read
/// after all of them: no two threads touch the same slot, so no lock is needed.
private final class Parts: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<[UInt8]>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: [])
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func set(_ index: Int, _ bytes: [UInt8]) { slots[index] = bytes }
    func get(_ index: Int) -> [UInt8] { slots[index] }
}
