/// The rows of the gold event tables (`exceedances`, `heatwaves`, `anomalies`) of the chosen
/// cities that overlap the period, each table sorted newest first (then by city and name, so the
/// order is the same on every run).
struct ReportEvents {
    /// An episode over a threshold (µg/m³, OpenWeatherMap).
    struct Exceedance {
        var city: String, pollutant: String, threshold: String, level: String, averaging: String
        /// Seconds of the first and last exceeding hours (inclusive).
        var start: Int, end: Int
        var hours: Int, consecutiveHours: Int
        var thresholdUgm3: Double, peak: Double
        var anchor: String { HTML.identifier("dep-\(city)-\(pollutant)-\(threshold)-\(start)") }
    }

    /// A heatwave (Météo-France indicators on daily extremes).
    struct Heatwave {
        var city: String
        /// Day numbers, both included.
        var startDay: Int, endDay: Int, days: Int
        var ibmnMax: Double, ibmxMax: Double, thresholdMin: Double, thresholdMax: Double
        var anchor: String { HTML.identifier("canicule-\(city)-\(startDay)") }
    }

    /// A value far from the past week's median.
    struct Anomaly {
        var city: String, variable: String
        var hour: Int
        var value: Double, baseline: Double, score: Double, threshold: Double
        var anchor: String { HTML.identifier("anomalie-\(city)-\(variable)-\(hour)") }
    }

    var exceedances: [Exceedance] = []
    var heatwaves: [Heatwave] = []
    var anomalies: [Anomaly] = []

    /// Loads the three tables for `context`'s cities and period.
    static func load(_ context: ReportContext) throws -> ReportEvents {
        let gold = context.lake.gold
        let wanted = Set(context.cities.map(\.id))
        let firstSecond = context.firstSecond, lastSecond = context.lastHour + 3599
        // Events start in their month's partition; an episode may begin the month before the period.
        let days = (context.period.lowerBound - 31)...context.period.upperBound
        func rows(_ table: String) throws -> [[String: String]] {
            let folder = gold.appendingPathComponent(table)
            return try GoldReader.rows(GoldReader.months(folder, days: days).map { GoldReader.file(folder, month: $0) })
                .filter { wanted.contains($0["city_id"] ?? "") }
        }
        func number(_ row: [String: String], _ key: String) -> Double { row[key].flatMap { Double($0) } ?? .nan }
        func seconds(_ row: [String: String], _ key: String) -> Int? { row[key].flatMap { Timestamp.seconds($0) } }
        var events = ReportEvents()
        for row in try rows("exceedances") {
            guard let start = seconds(row, "start"), let end = seconds(row, "end"), end >= firstSecond, start <= lastSecond else { continue }
            events.exceedances.append(Exceedance(
                city: row["city_id"]!, pollutant: row["pollutant"] ?? "", threshold: row["threshold"] ?? "", level: row["level"] ?? "",
                averaging: row["averaging"] ?? "", start: start, end: end, hours: Int(row["hours"] ?? "") ?? (end - start) / 3600 + 1,
                consecutiveHours: Int(row["consecutive_hours"] ?? "") ?? 1, thresholdUgm3: number(row, "threshold_ugm3"),
                peak: number(row, "peak_ugm3")))
        }
        for row in try rows("heatwaves") {
            guard let start = row["start_date"].flatMap(Timestamp.day), let end = row["end_date"].flatMap(Timestamp.day),
                  end >= context.period.lowerBound, start <= context.period.upperBound else { continue }
            events.heatwaves.append(Heatwave(
                city: row["city_id"]!, startDay: start, endDay: end, days: Int(row["days"] ?? "") ?? end - start + 1,
                ibmnMax: number(row, "ibmn_max_c"), ibmxMax: number(row, "ibmx_max_c"),
                thresholdMin: number(row, "threshold_tmin_c"), thresholdMax: number(row, "threshold_tmax_c")))
        }
        for row in try rows("anomalies") {
            guard let hour = seconds(row, "hour"), hour >= firstSecond, hour <= lastSecond else { continue }
            events.anomalies.append(Anomaly(
                city: row["city_id"]!, variable: row["variable"] ?? "", hour: hour, value: number(row, "value"),
                baseline: number(row, "baseline"), score: number(row, "score"), threshold: number(row, "threshold")))
        }
        events.exceedances.sort { ($1.start, $0.city, $0.pollutant, $0.threshold) < ($0.start, $1.city, $1.pollutant, $1.threshold) }
        events.heatwaves.sort { ($1.startDay, $0.city) < ($0.startDay, $1.city) }
        events.anomalies.sort { ($1.hour, $0.city, $0.variable) < ($0.hour, $1.city, $1.variable) }
        return events
    }
}
