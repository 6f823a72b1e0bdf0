import Foundation

/// Why a run cannot be made day by day (a month without silver left, a gold file missing or of
/// another layout, an episode of four weeks near the change): the aggregator then recomputes
/// whole months, which is always exact.
struct DayLevelUnavailable: Error, CustomStringConvertible {
    let reason: String
    var description: String { reason }
}

/// The run day by day: what it recomputes, and the month files it splices.
extension Aggregator {
    /// The most days from the first changed silver date to the last for a run day by day (7): the
    /// windows around them must stay shorter than a month (see ``aggregate(days:inventory:previous:thresholds:cities:report:)``).
    static let maximumDaySpan = 7

    /// Days of `city_hourly` read before and after the changed days for the event tables (7): the
    /// anomalies' week of past values, and the week after whose scores look back at the change.
    static let eventWindowDays = 7

    /// The day-level incremental run: the silver of `days` (day numbers) changed, every other day
    /// is as the last run left it. Recomputes, from the silver of those days only, their rows of
    /// `city_hourly` and `city_daily`, and `city_monthly` of their months from `city_hourly`; then
    /// from `city_hourly` of the days around them the event rows those days reach — anomalies of
    /// the changed days and the week after, features of the changed days and the day after,
    /// exceedance episodes and heatwaves that overlap the days whose rolling means changed — and
    /// splices them into the month files in key order. Every row it writes is computed on a span
    /// that holds all its inputs, so the files are those a rebuild writes; when it cannot know
    /// that (an episode near the change that the days read and the old rows do not bound, or one
    /// of four weeks), it throws ``DayLevelUnavailable``.
    func aggregate(days: Range<Int>, inventory: SilverInventory, previous: SilverInventory,
                   thresholds: [Threshold], cities: [String: City], report: inout AggregateReport) throws {
        let before = previous.months
        if let gone = before.subtracting(inventory.months).first {
            throw DayLevelUnavailable(reason: "month \(gone) has no silver left")
        }
        report.days = days.map(CivilTime.dateString(days:))
        logger.info("aggregate.start", metadata: ["run.id": "\(report.runID)", "days": "\(days.count)"])
        // Files are written on the writer's thread; lineage records them once all are on disk,
        // also when the run falls back to whole months (which then rewrites them).
        let writer = GoldFileWriter()
        func recordWritten() throws {
            for written in try writer.finish() {
                report.lineage.wrote(written.file, rows: written.rows, derivedFrom: written.derivedFrom)
            }
        }
        do {
            var hourly = CityHourlyMonths()
            for month in Self.months(overlapping: days.lowerBound * 24..<days.upperBound * 24) {
                let part = max(days.lowerBound, month.firstDay)..<min(days.upperBound, month.endDay)
                hourly.set(month, try cityTables(month: month, days: part, inventory: inventory, before: before,
                                                 writer: writer, report: &report))
            }
            try events(days: days, hourly: &hourly, inventory: inventory, before: before,
                       thresholds: thresholds, cities: cities, writer: writer, report: &report)
        } catch {
            try? recordWritten()
            throw error
        }
        let waiting = ContinuousClock.now
        try recordWritten()
        report.secondsPerStep["writes", default: 0] += (ContinuousClock.now - waiting).inSeconds
        report.months.sort()
        report.eventMonths.sort()
    }

    /// The months that overlap the hours `hours`, in order.
    static func months(overlapping hours: Range<Int>) -> [UTCMonth] {
        var months: [UTCMonth] = []
        var month = UTCMonth(containingDay: CivilTime.floorDiv(hours.lowerBound, 24))
        while month.firstHour < hours.upperBound {
            months.append(month)
            month = month.next
        }
        return months
    }

    /// `gold/<table>/month=YYYY-MM/part-00000.csv`.
    func goldURL(_ table: String, _ month: UTCMonth) -> URL {
        lake.gold.appendingPathComponent("\(table)/month=\(month.name)/part-00000.csv")
    }

    /// The rows of a month file as the last run left them: none for a month that had no silver
    /// then (not in `before`: all its silver is new, so all its rows are recomputed); the file,
    /// which must exist with `header`, otherwise.
    func existing(_ table: String, _ month: UTCMonth, header: String, before: Set<String>) throws -> GoldLines {
        guard before.contains(month.name) else { return .empty }
        let url = goldURL(table, month)
        guard let lines = try GoldLines.read(url) else {
            throw DayLevelUnavailable(reason: "\(lake.relativePath(url)) is missing")
        }
        guard lines.hasHeader(header.utf8) else {
            throw DayLevelUnavailable(reason: "\(lake.relativePath(url)) has another header")
        }
        return lines
    }

    /// Queues a spliced month file on `writer` unless it already holds those bytes (`hash` when
    /// the caller hashes it already), and counts it (rows, months written); returns whether it
    /// will be written.
    @discardableResult
    func write(_ spliced: SplicedFile, old: GoldLines, table: String, month: UTCMonth, derivedFrom: [String],
               hash: BackgroundValue<String>? = nil, writer: GoldFileWriter, report: inout AggregateReport,
               then: (@Sendable () -> Void)? = nil) -> Bool {
        guard !spliced.same(as: old) else { return false }
        let url = goldURL(table, month)
        let rows = max(0, spliced.lines - 1)
        writer.write(spliced, to: url, path: lake.relativePath(url), rows: rows, derivedFrom: derivedFrom, hash: hash, then: then)
        report.rows[table, default: 0] += rows
        if CityTables.names.contains(table) {
            if !report.months.contains(month.name) { report.months.append(month.name) }
        } else if !report.eventMonths.contains(month.name) {
            report.eventMonths.append(month.name)
        }
        return true
    }

    /// Adds the time since `start` to `table`'s.
    func timed(_ table: String, since start: ContinuousClock.Instant, extra: Duration = .zero, report: inout AggregateReport) {
        report.secondsPerTable[table, default: 0] += (ContinuousClock.now - start + extra).inSeconds
    }
}
