import Foundation

/// `gold/features`: a model-ready hourly table per city, the door kept open for heatwave and
/// pollution forecasting. One row per city and hour that `city_hourly` has, with calendar
/// encodings (hour of day, ISO day of week, month, day of year, season, weekend), daily and annual
/// harmonics, and for each of ``variables``: the value, its value 1 h and 24 h before, and its mean
/// over the 24 hours ending at the hour (with at least 18 of them). Lags and means look back only,
/// so a model trained on them never sees the future.
///
/// The annual phase is continuous: 2π × (hours since 1970) / 8766 (365.25 days), so it needs no
/// calendar to be recomputed; the daily phase is 2π × hour of day / 24.
enum FeatureTable {
    static let name = "features"
    static let variables = ["temperature_c", "humidity_pct", "wind_speed_ms", "pressure_hpa", "rain_1h_mm",
                            "no2_ugm3", "o3_ugm3", "pm2_5_ugm3", "pm10_ugm3"]
    static let calendar = ["hour_of_day", "day_of_week", "month", "day_of_year", "season", "is_weekend",
                           "daily_sin", "daily_cos", "annual_sin", "annual_cos"]

    static var header: [String] {
        ["city_id", "hour"] + calendar + variables.flatMap { [$0, "\($0)_lag_1h", "\($0)_lag_24h", "\($0)_mean_24h"] }
    }

    /// The rows of the hours in [`monthStart`, `monthEnd`) of `series` (which must start at least
    /// a day before), for the cities and hours `present` says have a `city_hourly` row.
    static func rows(city: String, values: [String: [Double]], present: [Bool], firstHour: Int,
                     monthStart: Int, monthEnd: Int) -> [[UInt8]] {
        let rows = max(monthStart, firstHour)..<min(monthEnd, firstHour + present.count)
        let columns = variables.map { values[$0]! }
        let means = columns.map { column in
            Exceedances.rollingMean(column, hours: 24, minimumValid: 18, indexes: rows.lowerBound - firstHour..<rows.upperBound - firstHour)
        }
        var lines: [[UInt8]] = []
        for hour in rows where present[hour - firstHour] {
            let index = hour - firstHour
            let days = CivilTime.floorDiv(hour, 24)
            let (year, month, _) = CivilTime.civil(days: days)
            let hourOfDay = hour - days * 24
            let dayOfWeek = ((days + 3) % 7 + 7) % 7 + 1   // 1970-01-01 was a Thursday (4)
            let dayOfYear = days - CivilTime.validDays(year: year, month: 1, day: 1)! + 1
            let daily = 2 * Double.pi * Double(hourOfDay) / 24
            let annual = 2 * Double.pi * Double(hour) / 8766
            var line = CSVLine()
            line.appendText(city); line.comma(); line.appendTimestamp(hour * 3600)
            for number in [hourOfDay, dayOfWeek, month, dayOfYear] { line.comma(); line.appendInt(number) }
            line.comma(); line.appendText(Season.of(month: month).rawValue)
            line.comma(); line.appendInt(dayOfWeek >= 6 ? 1 : 0)
            for number in [sin(daily), cos(daily), sin(annual), cos(annual)] { line.comma(); line.appendExactDouble(number) }
            for (series, mean) in zip(columns, means) {
                for value in [series[index], index >= 1 ? series[index - 1] : .nan, index >= 24 ? series[index - 24] : .nan, mean[index]] {
                    line.comma()
                    line.appendExactDouble(value)
                }
            }
            lines.append(line.bytes)
        }
        return lines
    }
}
