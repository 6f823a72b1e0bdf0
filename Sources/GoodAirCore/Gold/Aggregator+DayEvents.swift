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
    ///   the days whose 3-day means changed. Such an episode must start and end inside the hours
    ///   read, with the averages before and after it known: otherwise ``DayLevelUnavailable``.
    func events(days: Range<Int>, hourly: [UTCMonth: GoldLines?], inventory: SilverInventory, previous: SilverInventory,
                thresholds: [Threshold], cities: [String: City], report: inout AggregateReport) throws {
        let tick = ContinuousClock.now
        let window = (days.lowerBound - Self.eventWindowDays) * 24..<(days.upperBound + Self.eventWindowDays) * 24
        var frame = HourlyFrame(firstHour: window.lowerBound, hours: window.count)
        var sources: [String] = []
        for month in Self.months(overlapping: window) {
            let url = goldURL("city_hourly", month)
            var lines: GoldLines
            if let spliced = hourly[month] {
                guard let spliced else { continue }
                lines = spliced
            } else {
                guard let data = FileManager.default.contents(atPath: url.path) else { continue }
                lines = GoldLines(bytes: Array(data))
            }
            try frame.addCityHourly(lines, path: lake.relativePath(url))
            let file = LineageFile(lake: lake, url: url, contents: lines.bytes)
            report.lineage.read(file)
            sources.append(file.path)
        }
        let series = HourlySeries(frame: frame, variables: EventTables.variables(thresholds: thresholds))
        let read = (ContinuousClock.now - tick) / EventTables.names.count
        let withData = inventory.months
        // Rows at hours: anomalies, features.
        for (table, reach, hourField) in [("anomalies", EventTables.anomalyWindow, 2), (FeatureTable.name, 24, 1)] {
            let start = ContinuousClock.now
            let span = days.lowerBound * 24..<days.upperBound * 24 + reach
            for month in Self.months(overlapping: span) where withData.contains(month.name) {
                let part = max(span.lowerBound, month.firstHour)..<min(span.upperBound, month.endHour)
                let rendered = EventTables.render(table, series: series, monthStart: part.lowerBound, monthEnd: part.upperBound,
                                                  thresholds: thresholds, cities: cities)
                let bounds = (Array(CSVField.timestamp(part.lowerBound * 3600).utf8)[...], Array(CSVField.timestamp(part.upperBound * 3600).utf8)[...])
                try splice(table, month, keyFields: hourField + 1, new: GoldLines(bytes: rendered).lines, previous: previous,
                           derivedFrom: sources, report: &report) { old, row in Self.inRange(old.field(row, hourField), bounds) }
            }
            timed(table, since: start, extra: read, report: &report)
        }
        // Episodes: exceedances in hours, heatwaves in days.
        var start = ContinuousClock.now
        let averaging = thresholds.map(\.rule.averagingHours).max() ?? 1
        var rows: [EpisodeRow] = []
        for city in series.values.keys { rows += EventTables.exceedanceRows(city: city, series: series, thresholds: thresholds) }
        try spliceEpisodes("exceedances", rows, changed: days.lowerBound * 24...days.upperBound * 24 + averaging - 2,
                           window: window, settled: averaging, unit: 1, fields: (3, 8), previous: previous, withData: withData,
                           derivedFrom: sources, report: &report)
        timed("exceedances", since: start, extra: read, report: &report)
        start = ContinuousClock.now
        rows = []
        for city in series.values.keys {
            guard let reference = cities[city] else { continue }
            rows += EventTables.heatwaveRows(city: city, series: series, reference: reference)
        }
        try spliceEpisodes("heatwaves", rows, changed: days.lowerBound...days.upperBound + 1,
                           window: window.lowerBound / 24..<window.upperBound / 24, settled: 3, unit: 24, fields: (1, 2),
                           previous: previous, withData: withData, derivedFrom: sources, report: &report)
        timed("heatwaves", since: start, extra: read, report: &report)
    }

    /// Splices the episodes of `table` that overlap or touch `changed` (the hours, or days with
    /// `unit` 24, whose indicator changed) into the months of their start, replacing the old rows
    /// that did. `rows` were found in `window`; one of them is known whole only when it starts at
    /// least `settled` units after the window's start (its indicator the unit before it is known)
    /// and ends at least one unit before the window's end. `fields` are the columns of the start
    /// and end in the file.
    private func spliceEpisodes(_ table: String, _ rows: [EpisodeRow], changed: ClosedRange<Int>, window: Range<Int>, settled: Int,
                                unit: Int, fields: (start: Int, end: Int), previous: SilverInventory, withData: Set<String>,
                                derivedFrom: [String], report: inout AggregateReport) throws {
        let zone = changed.lowerBound - 1...changed.upperBound + 1
        let known = window.lowerBound + settled...window.upperBound - 2
        var byMonth: [UTCMonth: [[UInt8]]] = [:]
        for row in rows where row.start <= zone.upperBound && row.end >= zone.lowerBound {
            guard known.contains(row.start) && row.end <= known.upperBound else {
                throw DayLevelUnavailable(reason: "a \(table) episode runs beyond the days read around the change")
            }
            byMonth[UTCMonth(containingDay: CivilTime.floorDiv(row.start * unit, 24)), default: []].append(row.line)
        }
        let text = { (value: Int) -> ArraySlice<UInt8> in
            Array((unit == 1 ? CSVField.timestamp(value * 3600) : CivilTime.dateString(days: value)).utf8)[...]
        }
        let (zoneStart, zoneEnd, knownStart) = (text(zone.lowerBound), text(zone.upperBound), text(known.lowerBound))
        var months = Set(Self.months(overlapping: window.lowerBound * unit..<(zone.upperBound + 1) * unit))
        months.formUnion(byMonth.keys)
        for month in months.sorted() where withData.contains(month.name) {
            try splice(table, month, keyFields: fields.start + 1, new: byMonth[month] ?? [], previous: previous,
                       derivedFrom: derivedFrom, report: &report) { old, row in
                let start = old.field(row, fields.start)
                guard !zoneEnd.lexicographicallyPrecedes(start), !old.field(row, fields.end).lexicographicallyPrecedes(zoneStart) else { return false }
                guard !start.lexicographicallyPrecedes(knownStart) else {
                    throw DayLevelUnavailable(reason: "a \(table) episode runs beyond the days read around the change")
                }
                return true
            }
        }
    }

    /// Replaces the rows of `table`'s month file that `replacing` selects by `new` ones, in key order.
    private func splice(_ table: String, _ month: UTCMonth, keyFields: Int, new: [[UInt8]], previous: SilverInventory,
                        derivedFrom: [String], report: inout AggregateReport,
                        replacing: (GoldLines, Int) throws -> Bool) throws {
        let old = try existing(table, month, header: EventTables.header(table), previous: previous)
        var replaced = [Bool](repeating: false, count: old.rows.count)
        for row in old.rows.indices { replaced[row] = try replacing(old, row) }
        let spliced = try GoldLines.splice(old, header: Array(EventTables.header(table).utf8), keyFields: keyFields,
                                           path: lake.relativePath(goldURL(table, month)), replacing: { replaced[$0] }, with: new)
        try write(spliced, old: old, table: table, month: month, derivedFrom: derivedFrom, report: &report)
    }
}
