import Foundation

extension Aggregator {
    /// Recomputes the event rows that the change of `days` reaches, from `city_hourly` of the
    /// days around them (``eventWindowDays`` before and after; `hourly` holds the month files just
    /// spliced), and splices them into the months that have silver:
    ///
    /// - anomalies of the changed days' hours and the week after (a score looks back one week);
    /// - features of the changed days and the day after (lags and means look back 24 hours);
    /// - exceedance episodes that overlap, or touch, the hours whose rolling mean changed (the
    ///   changed days and the longest averaging after them), and heatwaves that overlap, or touch,
    ///   the days whose 3-day means changed (``spliceEpisodes(_:window:series:hourly:before:withData:derivedFrom:writer:report:)``).
    func events(days: Range<Int>, hourly: inout CityHourlyMonths, inventory: SilverInventory, before: Set<String>,
                thresholds: [Threshold], cities: [String: City], writer: GoldFileWriter, report: inout AggregateReport) throws {
        let tick = ContinuousClock.now
        let variables = EventTables.variables(thresholds: thresholds)
        guard variables.allSatisfy({ name in GoldVariable.all.contains { $0.name == name } }) else {
            throw DayLevelUnavailable(reason: "a threshold's pollutant is not a city_hourly column")
        }
        let window = (days.lowerBound - Self.eventWindowDays) * 24..<(days.upperBound + Self.eventWindowDays) * 24
        let (series, files) = try hourly.series(window, variables: variables, lake: lake)
        for file in files { report.lineage.read(file) }
        let sources = files.map(\.path)
        let read = (ContinuousClock.now - tick) / EventTables.names.count
        let withData = inventory.months
        // Rows at hours: features first (the largest file: its write and fsync overlap the rest), anomalies.
        for (table, reach, hourField) in [(FeatureTable.name, 24, 1), ("anomalies", EventTables.anomalyWindow, 2)] {
            let start = ContinuousClock.now
            let span = days.lowerBound * 24..<days.upperBound * 24 + reach
            for month in Self.months(overlapping: span) where withData.contains(month.name) {
                let part = max(span.lowerBound, month.firstHour)..<min(span.upperBound, month.endHour)
                let rendered = EventTables.render(table, series: series, monthStart: part.lowerBound, monthEnd: part.upperBound,
                                                  thresholds: thresholds, cities: cities)
                let bounds = (Array(CSVField.timestamp(part.lowerBound * 3600).utf8)[...], Array(CSVField.timestamp(part.upperBound * 3600).utf8)[...])
                let old = try existing(table, month, header: EventTables.header(table), before: before)
                let spliced = try GoldLines.splice(old, header: Array(EventTables.header(table).utf8), keyFields: hourField + 1,
                                                   path: lake.relativePath(goldURL(table, month)),
                                                   replacing: { row in old.withField(row, hourField) { Self.inRange($0, bounds) } },
                                                   with: GoldLines(bytes: rendered).lines)
                write(spliced, old: old, table: table, month: month, derivedFrom: sources, writer: writer, report: &report)
            }
            timed(table, since: start, extra: read, report: &report)
        }
        // Episodes: exceedances in hours, heatwaves in days.
        let averaging = thresholds.map(\.rule.averagingHours).max() ?? 1
        let splices = [
            EpisodeSplice(table: "exceedances", unit: 1, settled: averaging, fields: (3, 8),
                          changed: days.lowerBound * 24...days.upperBound * 24 + averaging - 2) { series in
                series.values.keys.flatMap { EventTables.exceedanceRows(city: $0, series: series, thresholds: thresholds) }
            },
            EpisodeSplice(table: "heatwaves", unit: 24, settled: 3, fields: (1, 2), changed: days.lowerBound...days.upperBound + 1) { series in
                series.values.keys.flatMap { city in
                    cities[city].map { EventTables.heatwaveRows(city: city, series: series, reference: $0) } ?? []
                }
            },
        ]
        for splice in splices {
            let start = ContinuousClock.now
            try spliceEpisodes(splice, window: window, series: series, hourly: &hourly, before: before, withData: withData,
                               derivedFrom: sources, writer: writer, report: &report)
            timed(splice.table, since: start, extra: read, report: &report)
        }
    }
}
