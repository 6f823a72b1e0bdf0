/// The gold tables of events, per month of their start: `exceedances` (episodes over the
/// thresholds of `reference/thresholds.csv`, on OpenWeatherMap's µg/m³ — never on AQICN's
/// indices), `heatwaves` (Météo-France's method on daily minimum and maximum temperatures) and
/// `anomalies` (extreme variations: robust scores against the past week) — and the `features` of
/// ``FeatureTable``, which need the month before too.
///
/// Month M's events are computed on `city_hourly` of M-1, M and M+1, so rolling windows have their
/// past and an episode starting in M is followed into the next month: the same in a run by whole
/// months (which recomputes M when any of the three changed) and in a rebuild. A run day by day
/// recomputes only the rows a change reaches, on the days around it (`Aggregator+DayEvents.swift`).
enum EventTables {
    static let names = ["exceedances", "heatwaves", "anomalies", FeatureTable.name]

    /// The tables that look back only (their month depends on it and the month before).
    static let lookingBack: Set<String> = ["anomalies", FeatureTable.name]

    /// Hours of past values an anomaly score is computed against (a week).
    static let anomalyWindow = 168

    /// The variables anomalies are looked for in.
    static let anomalyVariables = ["temperature_c", "pressure_hpa", "humidity_pct", "wind_speed_ms",
                                   "no2_ugm3", "o3_ugm3", "pm2_5_ugm3", "pm10_ugm3", "so2_ugm3", "co_ugm3", "aqi"]

    static func variables(thresholds: [Threshold]) -> [String] {
        var names = ["temperature_c"] + anomalyVariables + FeatureTable.variables
        for threshold in thresholds { names.append("\(threshold.rule.pollutant)_ugm3") }
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }

    static func header(_ table: String) -> String {
        switch table {
        case "exceedances":
            return "city_id,pollutant,threshold,start,level,threshold_ugm3,averaging,consecutive_hours,end,hours,peak_ugm3"
        case FeatureTable.name:
            return FeatureTable.header.joined(separator: ",")
        case "heatwaves":
            return "city_id,start_date,end_date,days,ibmn_max_c,ibmx_max_c,threshold_tmin_c,threshold_tmax_c"
        default:
            return "city_id,variable,hour,value,baseline,score,threshold"
        }
    }

    /// The CSV bytes of `table` for the events starting in the month that begins at hour
    /// `monthStart` and ends before `monthEnd`, found in `series`.
    static func render(_ table: String, series: HourlySeries, monthStart: Int, monthEnd: Int,
                       thresholds: [Threshold], cities: [String: City]) -> [UInt8] {
        var lines: [[UInt8]] = []
        for city in series.values.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            let values = series.values[city]!
            func column(_ name: String) -> [Double] { values[series.variables.firstIndex(of: name)!] }
            switch table {
            case "exceedances":
                lines += exceedanceRows(city: city, series: series, thresholds: thresholds)
                    .filter { $0.start >= monthStart && $0.start < monthEnd }.map(\.line)
            case FeatureTable.name:
                let byName = Dictionary(uniqueKeysWithValues: series.variables.enumerated().map { ($1, values[$0]) })
                lines += FeatureTable.rows(city: city, values: byName, present: series.present[city]!, firstHour: series.firstHour,
                                           monthStart: monthStart, monthEnd: monthEnd)
            case "heatwaves":
                guard let reference = cities[city] else { continue }
                lines += heatwaveRows(city: city, series: series, reference: reference)
                    .filter { $0.start * 24 >= monthStart && $0.start * 24 < monthEnd }.map(\.line)
            default:
                // Scores of the month's hours need only the week before: that span alone, scored from the month's start.
                let from = max(0, monthStart - series.firstHour - anomalyWindow)
                let to = max(from, min(series.hours, monthEnd - series.firstHour))
                for variable in anomalyVariables.sorted() {
                    for anomaly in RobustAnomalies.detect(Array(column(variable)[from..<to]), window: anomalyWindow,
                                                          scoredFrom: monthStart - series.firstHour - from) {
                        let hour = series.firstHour + from + anomaly.index
                        var line = CSVLine()
                        line.appendText(city); line.comma(); line.appendText(variable); line.comma()
                        line.appendTimestamp(hour * 3600); line.comma(); line.appendExactDouble(anomaly.value); line.comma()
                        line.appendExactDouble(anomaly.baseline); line.comma(); line.appendExactDouble(anomaly.score); line.comma()
                        line.appendExactDouble(RobustAnomalies.defaultThreshold)
                        lines.append(line.bytes)
                    }
                }
            }
        }
        var out = Array((header(table) + "\r\n").utf8)
        for line in lines { out += line + [0x0D, 0x0A] }
        return out
    }

    /// Daily minimum and maximum of hourly temperatures per UTC day (NaN for a day with fewer than
    /// 18 hours: an extreme over a few hours is not the day's).
    static func dailyExtremes(_ hourly: [Double], firstHour: Int) -> (tmin: [Double], tmax: [Double]) {
        precondition(firstHour % 24 == 0, "series start at midnight UTC")
        var tmin: [Double] = [], tmax: [Double] = []
        for start in stride(from: 0, to: hourly.count, by: 24) {
            let day = hourly[start..<min(start + 24, hourly.count)].filter { !$0.isNaN }
            tmin.append(day.count >= 18 ? day.min()! : .nan)
            tmax.append(day.count >= 18 ? day.max()! : .nan)
        }
        return (tmin, tmax)
    }
}
