/// An episode row of an event table, with its span: exceedances count in hours (since 1970),
/// heatwaves in days. What the month render filters by start, and what a day-level run splices
/// by overlap with the days it recomputes.
struct EpisodeRow {
    /// The first hour (exceedances) or day (heatwaves) of the episode.
    var start: Int
    /// The last hour or day, included.
    var end: Int
    /// The CSV line, without line end.
    var line: [UInt8]
}

extension EventTables {
    /// The exceedance episodes of `city` in `series`, over every threshold, in the file's order
    /// (pollutant, threshold, start).
    static func exceedanceRows(city: String, series: HourlySeries, thresholds: [Threshold]) -> [EpisodeRow] {
        let values = series.values[city]!
        var rows: [(key: [UInt8], row: EpisodeRow)] = []
        var averages: [String: [Double]] = [:]   // thresholds of one pollutant and averaging share them
        for threshold in thresholds {
            let rule = threshold.rule
            let hourly = values[series.variables.firstIndex(of: "\(rule.pollutant)_ugm3")!]
            let averaging = "\(rule.pollutant) \(rule.averagingHours) \(rule.minimumValidHours)"
            let averaged = averages[averaging] ?? Exceedances.averaged(hourly, rule: rule)
            averages[averaging] = averaged
            for episode in Exceedances.episodes(hourly: hourly, averaged: averaged, firstHour: series.firstHour, rule: rule) {
                var line = CSVLine()
                line.appendText(city); line.comma(); line.appendText(rule.pollutant); line.comma()
                line.appendText(threshold.id); line.comma(); line.appendTimestamp(episode.start * 3600); line.comma()
                line.appendText(rule.level); line.comma(); line.appendExactDouble(rule.thresholdUgm3); line.comma()
                line.appendText(rule.averagingHours == 1 ? "1h" : "\(rule.averagingHours)h rolling mean"); line.comma()
                line.appendInt(rule.consecutiveHours); line.comma()
                line.appendTimestamp(episode.end * 3600); line.comma(); line.appendInt(episode.hours); line.comma()
                line.appendExactDouble(episode.peak)
                rows.append((Array("\(rule.pollutant)\u{0}\(threshold.id)\u{0}\(episode.start)".utf8),
                             EpisodeRow(start: episode.start, end: episode.end, line: line.bytes)))
            }
        }
        return rows.sorted { RowKey.precedes($0.key, $1.key) }.map(\.row)
    }

    /// The heatwaves of `city` in `series` (which starts at a UTC midnight) against the thresholds
    /// of its département, in order of start.
    static func heatwaveRows(city: String, series: HourlySeries, reference: City) -> [EpisodeRow] {
        let temperatures = series.values[city]![series.variables.firstIndex(of: "temperature_c")!]
        let (tmin, tmax) = dailyExtremes(temperatures, firstHour: series.firstHour)
        let firstDay = CivilTime.floorDiv(series.firstHour, 24)
        return Heatwaves.episodes(firstDay: firstDay, tmin: tmin, tmax: tmax,
                                  thresholdMin: reference.heatwaveTminC, thresholdMax: reference.heatwaveTmaxC).map { episode in
            var line = CSVLine()
            line.appendText(city); line.comma(); line.appendDate(days: episode.startDay); line.comma()
            line.appendDate(days: episode.endDay); line.comma(); line.appendInt(episode.days); line.comma()
            line.appendExactDouble(episode.ibmnMax); line.comma(); line.appendExactDouble(episode.ibmxMax); line.comma()
            line.appendExactDouble(reference.heatwaveTminC); line.comma(); line.appendExactDouble(reference.heatwaveTmaxC)
            return EpisodeRow(start: episode.startDay, end: episode.endDay, line: line.bytes)
        }
    }
}
