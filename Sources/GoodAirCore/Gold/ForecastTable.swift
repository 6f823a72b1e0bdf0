import Foundation

/// `gold/forecasts/part-00000.csv` and `gold/forecast_scores/part-00000.csv`: the backtest of
/// baseline next-day forecasts (``NextDayForecast``) of each city's daily maximum temperature and
/// daily mean NO2 and PM2.5, from `city_daily` over complete UTC days, and their scores — mean
/// absolute error of the regression, persistence and climatology, and the regression's skill
/// against each (1 − MAE / MAE of the reference, over the days both have). A day counts when its
/// source was observed at least 18 hours.
enum ForecastTable {
    static let names = ["forecasts", "forecast_scores"]
    /// (target, city_daily column, hours-observed column).
    static let targets = [("tmax_c", "temperature_c_max", "hours_observed_weather"),
                          ("no2_mean_ugm3", "no2_ugm3_mean", "hours_observed_air_pollution"),
                          ("pm2_5_mean_ugm3", "pm2_5_ugm3_mean", "hours_observed_air_pollution")]
    static let forecastHeader = "city_id,target,target_date,observed,persistence,climatology,model"
    static let scoreHeader = "scope,target,n,mae_model,mae_persistence,mae_climatology,skill_vs_persistence,n_climatology,skill_vs_climatology"

    /// City → target → daily values from `firstDay`, read from the `city_daily` months given.
    static func load(lake: Lake, months: [UTCMonth], firstDay: Int, days: Int, read: inout [LineageFile]) throws -> [String: [String: [Double]]] {
        var out: [String: [String: [Double]]] = [:]
        for month in months {
            let url = lake.gold.appendingPathComponent("city_daily/month=\(month.name)/part-00000.csv")
            guard let data = FileManager.default.contents(atPath: url.path) else { continue }
            let bytes = Array(data)
            read.append(LineageFile(lake: lake, url: url, contents: bytes))
            var scanner = CSVScanner(bytes: bytes)
            var fields: [CSVScanner.Field] = []
            guard try scanner.next(into: &fields) else { continue }
            let header = fields.map { scanner.text($0) }
            func column(_ name: String) throws -> Int {
                guard let index = header.firstIndex(of: name) else {
                    throw AggregateError.goldFile(path: lake.relativePath(url), reason: "no column \(name)")
                }
                return index
            }
            let city = try column("city_id"), date = try column("date")
            let columns = try targets.map { (try column($0.1), try column($0.2)) }
            while try scanner.next(into: &fields) {
                guard let day = Timestamp.day(scanner.text(fields[date])), day >= firstDay, day < firstDay + days else { continue }
                let id = scanner.text(fields[city])
                for (target, (value, hours)) in zip(targets, columns) where scanner.number(fields[hours]) >= 18 {
                    if out[id]?[target.0] == nil { out[id, default: [:]][target.0] = [Double](repeating: .nan, count: days) }
                    out[id]![target.0]![day - firstDay] = scanner.number(fields[value])
                }
            }
        }
        return out
    }

    /// The two files' bytes.
    static func render(_ series: [String: [String: [Double]]], firstDay: Int) -> (forecasts: [UInt8], scores: [UInt8]) {
        var forecasts = Array((forecastHeader + "\r\n").utf8)
        var rowsByScope: [String: [String: [NextDayForecast.Row]]] = [:]
        for city in series.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            for (target, _, _) in targets.sorted(by: { $0.0 < $1.0 }) {
                guard let values = series[city]![target] else { continue }
                let rows = NextDayForecast.backtest(firstDay: firstDay, values: values)
                rowsByScope[city, default: [:]][target] = rows
                rowsByScope["all", default: [:]][target, default: []] += rows
                for row in rows {
                    var line = CSVLine()
                    line.appendText(city); line.comma(); line.appendText(target); line.comma(); line.appendDate(days: row.targetDay)
                    for value in [row.observed, row.persistence, row.climatology, row.model] {
                        line.comma()
                        if let value { line.appendExactDouble(value) }
                    }
                    forecasts += line.bytes + [0x0D, 0x0A]
                }
            }
        }
        var scores = Array((scoreHeader + "\r\n").utf8)
        for scope in rowsByScope.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            for target in rowsByScope[scope]!.keys.sorted() {
                let scored = rowsByScope[scope]![target]!.filter { $0.model != nil }
                guard !scored.isEmpty else { continue }
                func mae(_ rows: [NextDayForecast.Row], _ forecast: (NextDayForecast.Row) -> Double?) -> Double {
                    Summary.of(rows.map { abs(forecast($0)! - $0.observed) })!.mean
                }
                let model = mae(scored) { $0.model }, persistence = mae(scored) { $0.persistence }
                let withClimatology = scored.filter { $0.climatology != nil }
                var line = CSVLine()
                line.appendText(scope); line.comma(); line.appendText(target); line.comma(); line.appendInt(scored.count)
                for value in [model, persistence] { line.comma(); line.appendExactDouble(value) }
                line.comma()
                if !withClimatology.isEmpty { line.appendExactDouble(mae(withClimatology) { $0.climatology }) }
                line.comma(); if persistence > 0 { line.appendExactDouble(1 - model / persistence) }
                line.comma(); line.appendInt(withClimatology.count)
                line.comma()
                if !withClimatology.isEmpty {
                    let climatology = mae(withClimatology) { $0.climatology }
                    if climatology > 0 { line.appendExactDouble(1 - mae(withClimatology) { $0.model } / climatology) }
                }
                scores += line.bytes + [0x0D, 0x0A]
            }
        }
        return (forecasts, scores)
    }
}
