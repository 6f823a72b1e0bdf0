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
        // "all": the cities one after the other, a day of gaps between two so no lag crosses them.
        var pooled = [[Double]](repeating: [], count: series.variables.count)
        var pooledHours: [Int] = []
        for city in cities {
            for (index, values) in series.values[city]!.enumerated() {
                pooled[index] += values + [Double](repeating: .nan, count: lags.upperBound)
            }
            pooledHours += (0..<series.hours).map { series.firstHour + $0 } + [Int](repeating: -1, count: lags.upperBound)
        }
        var out = Array((header + "\r\n").utf8)
        let scopes = [("all", pooled, pooledHours)]
            + cities.map { ($0, series.values[$0]!, (0..<series.hours).map { series.firstHour + $0 }) }
        for (scope, values, hours) in scopes.sorted(by: { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }) {
            let seasons = hours.map { $0 < 0 ? nil : Season.of(month: CivilTime.civil(days: CivilTime.floorDiv($0, 24)).month) }
            for period in ["all"] + Season.allCases.map(\.rawValue) {
                for x in weather.sorted() {
                    var xs = values[series.variables.firstIndex(of: x)!]
                    if period != "all" {
                        for index in xs.indices where seasons[index]?.rawValue != period { xs[index] = .nan }
                    }
                    for y in pollution.sorted() {
                        let correlator = LaggedCorrelator(xs, values[series.variables.firstIndex(of: y)!])
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
        }
        return out
    }
}
