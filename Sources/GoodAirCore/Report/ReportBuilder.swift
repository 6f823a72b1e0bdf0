import Foundation
import Logging

/// Builds the static HTML reports of the gold zone into `gold/reports/`: `index.html` and the
/// reports it links (`indicateurs.html`, `extremes.html`, `correlations.html`, `alertes.html`). Pages are
/// self-contained (inline CSS and SVG, no script, nothing fetched from the network), in French,
/// and deterministic: the same gold zone and options give the same bytes. Each file is written
/// atomically; `index.html` last.
///
/// ```swift
/// var builder = ReportBuilder(lake: lake, logger: logger)
/// builder.now = clock.now()                                   // the lake's --now, shown as the stamp
/// let summary = try builder.build(cities: ["paris", "lyon"], from: "2026-07-01", to: "2026-07-15")
/// ```
public struct ReportBuilder {
    public let lake: Lake
    public let logger: Logger
    /// The instant the reports describe the lake at (`--now`), printed in their subtitle; nil
    /// prints no stamp, so that output depends on the gold zone only.
    public var now: Date?

    public init(lake: Lake, logger: Logger) {
        self.lake = lake
        self.logger = logger
    }

    /// `gold/reports/`.
    public var folder: URL { lake.gold.appendingPathComponent("reports", isDirectory: true) }

    /// Builds the reports for `cities` (ids, comma-separated lists allowed; nil or empty: every
    /// city of the référentiel) from `from` to `to` (`YYYY-MM-DD`, both included; nil: the first or
    /// last day of the gold zone).
    public func build(cities: [String]?, from: String?, to: String?) throws -> ReportSummary {
        let fromDay = try from.map { try day($0, option: "--from") }, toDay = try to.map { try day($0, option: "--to") }
        if let fromDay, let toDay, fromDay > toDay { throw ReportError.emptyPeriod(from: from!, to: to!) }
        let ids = (cities ?? []).flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let chosen = try CityCatalog.load(from: lake.citiesFile).select(ids)
        let wanted = Set(chosen.map(\.id))
        let thresholdsFile = lake.reference.appendingPathComponent("thresholds.csv")
        var thresholds: [Threshold] = []
        if FileManager.default.fileExists(atPath: thresholdsFile.path) {
            thresholds = try Threshold.load(from: thresholdsFile)
        } else {
            logger.warning("no reference/thresholds.csv: the threshold texts are left out")
        }

        // The period: as asked, else the days present in city_daily.
        let requested = (fromDay ?? -100_000)...(toDay ?? 100_000)   // days: years 1696…2243
        var daily = try GoldReader.series(lake.gold.appendingPathComponent("city_daily"), time: "date",
                                          columns: IndicatorsReport.dailyColumns, cities: wanted, days: requested)
        let present = daily.values.flatMap(\.times).map { $0 / 86_400 }
        let fallback = now.map { Int($0.timeIntervalSince1970) / 86_400 } ?? 0
        let first = fromDay ?? present.min() ?? toDay ?? fallback
        let period = first...max(first, toDay ?? present.max() ?? first)
        daily = daily.filter { !$0.value.times.isEmpty }
        var context = ReportContext(lake: lake, cities: chosen, citiesChosen: !ids.isEmpty, period: period,
                                    now: now.map { Int($0.timeIntervalSince1970.rounded(.down)) }, thresholds: thresholds, logger: logger)
        logger.info("building reports", metadata: ["from": "\(CivilTime.dateString(days: period.lowerBound))",
                                                  "to": "\(CivilTime.dateString(days: period.upperBound))", "cities": "\(chosen.count)"])

        // city_hourly: the period, a week before (anomaly baselines) and a few days after (episodes' ends).
        var hourlyColumns = IndicatorsReport.hourlyColumns + EventTables.anomalyVariables
        hourlyColumns += thresholds.map { "\($0.rule.pollutant)_ugm3" }
        hourlyColumns = hourlyColumns.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
        let hourly = try GoldReader.series(lake.gold.appendingPathComponent("city_hourly"), time: "hour", columns: hourlyColumns,
                                           cities: wanted, days: (period.lowerBound - 8)...(period.upperBound + 3))
        let events = try ReportEvents.load(context)
        context.logger = logger

        let facts = try CorrelationFacts(lake: lake)
        let scope = chosen.count == 1 && !ids.isEmpty ? chosen[0].id : "all"
        let scatterCities = scope == "all" ? wanted : [scope]
        let history = try GoldReader.series(lake.gold.appendingPathComponent("city_hourly"), time: "hour",
                                            columns: CorrelationFacts.weather + CorrelationFacts.pollution, cities: scatterCities, days: nil)

        let inPeriod = { (series: GoldReader.Series) -> GoldReader.Series in
            var copy = series
            let keep = series.times.indices.filter { series.times[$0] >= context.firstSecond && series.times[$0] <= context.lastHour + 3599 }
            copy.times = keep.map { series.times[$0] }
            copy.values = series.values.map { column in keep.map { column[$0] } }
            return copy
        }
        let pages: [(String, String)] = [
            (IndicatorsReport.file, IndicatorsReport(context: context, daily: daily,
                                                     hourly: context.hourly ? hourly.mapValues(inPeriod) : nil).render()),
            (ExtremesReport.file, ExtremesReport(context: context, events: events, hourly: hourly).render()),
            (CorrelationsReport.file, CorrelationsReport(context: context, facts: facts, hourly: history, scope: scope).render()),
            (AlertsReport.file, AlertsReport(book: try IncidentBook.load(from: lake), now: now).render()),
            (IndexReport.file, IndexReport(context: context, events: events, daysWithData: present.count).render()),
        ]
        var files: [URL] = []
        try AtomicFile.createFolder(folder)
        AtomicFile.cleanTemporaries(in: folder)
        for (name, text) in pages {
            let url = folder.appendingPathComponent(name)
            if name == IndexReport.file { try AtomicFile.syncFolder(folder) }   // the others are visible before the index links them
            try AtomicFile.write(Array(text.utf8), to: url, syncFolder: name == IndexReport.file)
            logger.debug("wrote report", metadata: ["file": "\(lake.relativePath(url))", "bytes": "\(text.utf8.count)"])
            files.append(url)
        }
        let summary = ReportSummary(folder: folder, files: files, from: CivilTime.dateString(days: period.lowerBound),
                                    to: CivilTime.dateString(days: period.upperBound), cities: chosen.map(\.id),
                                    exceedances: events.exceedances.count, heatwaves: events.heatwaves.count,
                                    anomalies: events.anomalies.count, correlationScope: scope)
        logger.info("reports written", metadata: ["folder": "\(lake.relativePath(folder))", "files": "\(files.count)"])
        return summary
    }

    private func day(_ text: String, option: String) throws -> Int {
        guard let day = Timestamp.day(text) else { throw ReportError.badDate(option: option, value: text) }
        return day
    }
}
