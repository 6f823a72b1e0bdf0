import Foundation
import Logging

/// The aggregation job, `goodair aggregate`: silver → the gold tables (LAKE.md §4), partitioned
/// by month, `gold/<table>/month=YYYY-MM/part-00000.csv`.
///
/// Incremental, by day: the silver partitions whose fingerprint changed since the last run
/// (`_state/aggregate/silver.tsv`) name the changed dates. When they lie within a week of each
/// other (an hourly run changes today's, sometimes yesterday's), only the rows they reach are
/// recomputed and spliced into the month files (``aggregate(days:inventory:previous:thresholds:cities:report:)``):
/// `city_hourly` and `city_daily` rows of those days from their silver, `city_monthly` of their
/// months from `city_hourly`, and from `city_hourly` of the week around them the anomalies,
/// features, exceedance episodes and heatwaves the change reaches. Otherwise (a first run, a
/// backfill of many days, a month whose silver is gone, an episode of four weeks near the change) it
/// recomputes whole months: the changed months' city tables from their silver, and the event
/// tables of those months and their neighbours. `rebuild` recomputes every month. Either way the
/// files are byte-identical to a rebuild's. Each file is written atomically, the state last, so a
/// job killed at any point is finished by running it again.
///
/// ```swift
/// let report = try await Aggregator(lake: lake, configuration: .init(), clock: .system, logger: logger).aggregate()
/// ```
public struct Aggregator: Sendable {
    public let lake: Lake
    public let configuration: AggregateConfiguration
    public let clock: LakeClock
    public let logger: Logger

    public init(lake: Lake, configuration: AggregateConfiguration, clock: LakeClock, logger: Logger) {
        self.lake = lake
        self.configuration = configuration
        self.clock = clock
        self.logger = logger
    }

    public func aggregate() async throws -> AggregateReport {
        let lock = try await RunLock.acquire(name: "aggregate", in: lake, wait: configuration.lockWait, clock: clock)
        defer { lock.release() }
        let started = ContinuousClock.now
        var report = AggregateReport(runID: UUID().uuidString.lowercased())
        // Silver is scanned (about 1,100 fstatat a year) while the run starts and reads its references.
        let scanned = BackgroundValue { [self] in scan() }
        let run = try LineageRun.start(job: "aggregate", runID: report.runID, lake: lake, clock: clock,
                                       parameters: ["rebuild": "\(configuration.rebuild)"], schemas: LineageSchemas(folder: configuration.schemas))
        do {
            let finishing = try aggregate(report: &report, started: started, scanned: scanned)
            try run.complete(report.lineage)
            report.seconds = (ContinuousClock.now - started).inSeconds
            report.secondsPerStep["finish"] = (ContinuousClock.now - finishing).inSeconds
            report.secondsPerStep["other"] = max(0, report.seconds - report.secondsPerStep.values.reduce(0, +)
                - report.secondsPerTable.values.reduce(0, +))
        } catch {
            run.fail(error, record: report.lineage, logger: logger)
            throw error
        }
        logger.info("aggregate.end", metadata: ["run.id": "\(report.runID)", "summary": "\(report.summary)"])
        return report
    }

    /// What silver holds now, and the correlations' inputs and whether they changed.
    private func scan() -> (inventory: SilverInventory, correlations: CorrelationInputs) {
        let inventory = SilverInventory.scan(lake: lake)
        return (inventory, correlationInputs(inventory))
    }

    /// The run once started; returns when its tables were done (what follows is the finish: the
    /// state, then lineage).
    private func aggregate(report: inout AggregateReport, started: ContinuousClock.Instant,
                           scanned background: BackgroundValue<(inventory: SilverInventory, correlations: CorrelationInputs)>) throws
        -> ContinuousClock.Instant {
        let previous = configuration.rebuild ? SilverInventory() : SilverInventory.load(lake: lake)
        let thresholds = try Threshold.load(from: lake.reference.appendingPathComponent("thresholds.csv"))
        let cities = Dictionary(try CityCatalog.load(from: lake.citiesFile).cities.map { ($0.id, $0) }) { first, _ in first }
        let scanned = background.value
        let inventory = scanned.inventory
        report.secondsPerStep["setup"] = (ContinuousClock.now - started).inSeconds
        if !previous.files.isEmpty, let days = inventory.changedDays(since: previous), let first = days.min(), let last = days.max(),
           last - first < Self.maximumDaySpan {
            do {
                try aggregate(days: first..<last + 1, inventory: inventory, previous: previous, thresholds: thresholds, cities: cities,
                              report: &report)
                try correlations(scanned.correlations, report: &report)
                let finishing = ContinuousClock.now
                try inventory.save(lake: lake)
                CityHourlyCache.remove(lake: lake, keeping: Set(Self.months(overlapping: first * 24..<(last + 1) * 24).map(\.name)))
                return finishing
            } catch let unavailable as DayLevelUnavailable {
                logger.info("aggregate.by_month", metadata: ["run.id": "\(report.runID)", "reason": "\(unavailable)"])
                let lineage = report.lineage, setup = report.secondsPerStep["setup"]
                report = AggregateReport(runID: report.runID)
                report.lineage = lineage
                report.secondsPerStep["setup"] = setup
            }
        }
        CityHourlyCache.remove(lake: lake)   // made by runs day by day, for the files they wrote
        var months = inventory.changedMonths(since: previous)
        if configuration.rebuild { months.formUnion(goldMonths()) }
        report.months = months.sorted()
        logger.info("aggregate.start", metadata: ["run.id": "\(report.runID)", "months": "\(months.count)"])
        let changed = Set(months.compactMap(UTCMonth.init))
        for month in changed.sorted() {
            try aggregate(month: month, inventory: inventory, report: &report)
        }
        // Events of a month depend on the months around it.
        let withData = Set(inventory.months.compactMap(UTCMonth.init))
        var eventMonths = Set<UTCMonth>()
        for month in changed {
            for candidate in [month.previous, month, month.next] where withData.contains(candidate) || changed.contains(candidate) {
                eventMonths.insert(candidate)
            }
        }
        report.eventMonths = eventMonths.sorted().map(\.name)
        var cache: [UTCMonth: HourlySeries] = [:]   // month → its city_hourly series, a few at a time
        let variables = EventTables.variables(thresholds: thresholds)
        for month in eventMonths.sorted() {
            let around = [month.previous, month, month.next]
            for needed in around where cache[needed] == nil {
                cache[needed] = try HourlySeries.load(lake: lake, months: [needed], variables: variables)
            }
            cache = cache.filter { around.contains($0.key) || $0.key > month }
            // Anomalies and features look back, never ahead: the month before a change keeps its own.
            let tables = changed.contains(month) || changed.contains(month.previous)
                ? EventTables.names : EventTables.names.filter { !EventTables.lookingBack.contains($0) }
            try events(month: month, tables: tables, series: HourlySeries.joined(around.map { cache[$0]! }),
                       hasData: withData.contains(month), thresholds: thresholds, cities: cities, report: &report)
        }
        try correlations(scanned.correlations, report: &report)
        let finishing = ContinuousClock.now
        try inventory.save(lake: lake)
        return finishing
    }

    /// Recomputes the month tables of `month` (`YYYY-MM`) from its silver partitions.
    private func aggregate(month: UTCMonth, inventory: SilverInventory, report: inout AggregateReport) throws {
        let tick = ContinuousClock.now
        var frame = HourlyFrame(firstHour: month.firstHour, hours: month.endHour - month.firstHour)
        var silverPaths: [String] = []
        for table in GoldVariable.sources {
            for date in inventory.dates(of: table, in: month.name) {
                let url = SilverPartition.url(lake: lake, table: table, date: date)
                guard let data = FileManager.default.contents(atPath: url.path) else { continue }
                let bytes = Array(data)
                try frame.add(bytes, table: table, path: lake.relativePath(url))
                let file = LineageFile(lake: lake, url: url, contents: bytes)
                report.lineage.read(file)
                silverPaths.append(file.path)
                report.silverFilesRead += 1
            }
        }
        let read = ContinuousClock.now - tick
        for table in CityTables.names {
            let tableStart = ContinuousClock.now
            let url = lake.gold.appendingPathComponent("\(table)/month=\(month.name)/part-00000.csv")
            AtomicFile.cleanTemporaries(in: url.deletingLastPathComponent())
            if frame.cities.isEmpty {
                try? FileManager.default.removeItem(at: url.deletingLastPathComponent())
                report.lineage.removed(dataset: lake.relativePath(url.deletingLastPathComponent()))
                continue
            }
            let bytes = CityTables.render(table, frame: frame)
            try AtomicFile.write(bytes, to: url)
            report.lineage.wrote(LineageFile(lake: lake, url: url, contents: bytes), rows: Self.dataRows(bytes), derivedFrom: silverPaths)
            report.rows[table, default: 0] += Self.dataRows(bytes)
            let spent = ContinuousClock.now - tableStart + read / CityTables.names.count
            report.secondsPerTable[table, default: 0] += spent.inSeconds
        }
    }

    /// Recomputes the event tables of `month` from `series`, `city_hourly` of the month and its
    /// neighbours.
    private func events(month: UTCMonth, tables: [String], series: HourlySeries, hasData: Bool, thresholds: [Threshold], cities: [String: City],
                        report: inout AggregateReport) throws {
        let sources = series.sources.map(\.path)
        if hasData { for file in series.sources { report.lineage.read(file) } }
        for table in tables {
            let tableStart = ContinuousClock.now
            let url = lake.gold.appendingPathComponent("\(table)/month=\(month.name)/part-00000.csv")
            AtomicFile.cleanTemporaries(in: url.deletingLastPathComponent())
            guard hasData else {
                try? FileManager.default.removeItem(at: url.deletingLastPathComponent())
                report.lineage.removed(dataset: lake.relativePath(url.deletingLastPathComponent()))
                continue
            }
            let bytes = EventTables.render(table, series: series, monthStart: month.firstHour, monthEnd: month.endHour,
                                           thresholds: thresholds, cities: cities)
            try AtomicFile.write(bytes, to: url)
            report.lineage.wrote(LineageFile(lake: lake, url: url, contents: bytes), rows: Self.dataRows(bytes), derivedFrom: sources)
            report.rows[table, default: 0] += Self.dataRows(bytes)
            report.secondsPerTable[table, default: 0] += (ContinuousClock.now - tableStart).inSeconds
        }
    }

    /// The rows of a CSV file's bytes, header excluded.
    static func dataRows(_ bytes: [UInt8]) -> Int { max(0, bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } - 1) }

    /// The months the month-partitioned gold tables have now.
    private func goldMonths() -> Set<String> {
        var months = Set<String>()
        for table in CityTables.names + EventTables.names {
            let folder = lake.gold.appendingPathComponent(table).path
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasPrefix("month=") {
                months.insert(String(name.dropFirst(6)))
            }
        }
        return months
    }
}
