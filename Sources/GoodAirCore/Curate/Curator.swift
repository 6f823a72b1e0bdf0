import Foundation
import Logging

/// The curation job, `goodair curate`: new bronze snapshots → typed, cleaned, deduplicated silver
/// tables, and anything unusable → quarantine with its reason (LAKE.md §3–4).
///
/// Incremental: a snapshot is curated once per content (its path and sha256 are recorded in
/// `_state/curate/`), and only the silver partitions its rows fall in are rewritten. Rows land in
/// the partition of their observation's UTC date. One row per primary key: the latest collection
/// wins, ties broken on content, so any order or batching of the same snapshots gives
/// byte-identical files, and `rebuild` gives what incremental runs gave.
///
/// ```swift
/// let report = try await Curator(lake: lake, configuration: .init(schemas: schemas), clock: .system, logger: logger).curate()
/// ```
public struct Curator: Sendable {
    public let lake: Lake
    public let configuration: CurateConfiguration
    public let clock: LakeClock
    public let logger: Logger

    public init(lake: Lake, configuration: CurateConfiguration, clock: LakeClock, logger: Logger) {
        self.lake = lake
        self.configuration = configuration
        self.clock = clock
        self.logger = logger
    }

    public func curate(progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) async throws -> CurateReport {
        if let from = configuration.from, let to = configuration.to, from > to {
            throw CurateError.badRange("--from \(from) is after --to \(to)")
        }
        let schemas = try CurationSchemas.load(from: configuration.schemas)
        let lock = try await RunLock.acquire(name: "curate", in: lake, wait: configuration.lockWait, clock: clock)
        defer { lock.release() }
        let started = ContinuousClock.now
        var report = CurateReport(runID: UUID().uuidString.lowercased())
        let run = try LineageRun.start(job: "curate", runID: report.runID, lake: lake, clock: clock,
                                       parameters: configuration.lineageParameters, schemas: LineageSchemas(folder: configuration.schemas))
        var lineage = LineageRecord()
        do {
            try curate(schemas: schemas, report: &report, lineage: &lineage, run: run, progress: progress)
            report.seconds = Double((ContinuousClock.now - started).milliseconds) / 1000
            try run.complete(lineage, quality: report.qualityFacet)
        } catch {
            run.fail(error, record: lineage, logger: logger)
            throw error
        }
        logger.info("curate.end", metadata: ["run.id": "\(report.runID)", "summary": "\(report.summary)"])
        return report
    }

    /// Curates batch after batch; each finished batch's lineage goes out as a `RUNNING` event, so
    /// memory stays bounded by the batch.
    private func curate(schemas: CurationSchemas, report: inout CurateReport, lineage: inout LineageRecord, run: LineageRun,
                        progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?) throws {
        let units = BronzeIndex.dates(lake: lake)
        let emptied = configuration.rebuild ? try resetForRebuild(dates: units) : []
        // Partition folders a rebuild emptied and did not fill again go once the rows are written.
        defer {
            for folder in emptied where rmdir(folder) != 0 && access(folder + "/" + SilverPartition.fileName, F_OK) != 0 {
                try? FileManager.default.removeItem(atPath: folder)   // no partition, only leftovers
            }
        }
        var stations = try StationsTable(lake: lake, builder: schemas.builders["stations"]!)
        let reader = try GzipFileReader()
        let selected = units.filter { unit in
            (configuration.from.map { unit.date >= $0 } ?? true) && (configuration.to.map { unit.date <= $0 } ?? true)
        }
        logger.info("curate.start", metadata: ["run.id": "\(report.runID)", "dates": "\(selected.count)"])
        var batch = CurateBatch(lake: lake, schemas: schemas, logger: logger)
        for (done, unit) in selected.enumerated() {
            try batch.add(unit, report: &report, stations: &stations, reader: reader, lineage: &lineage)
            if batch.rowCount >= CurateBatch.rowLimit || done == selected.count - 1 {
                try batch.finish(report: &report, stations: stations, lineage: &lineage)
                if done < selected.count - 1 {
                    try run.progress(lineage)
                    lineage = LineageRecord()
                }
            }
            progress?(done + 1, selected.count)
        }
    }

    /// Forgets what was curated and removes the silver files it made, so everything is curated
    /// again. With a date range, silver partitions of those observation dates are removed and
    /// every bronze date from the first on is curated again (a late observation in a later
    /// collection may belong to the range). Returns the partition folders it emptied: they are
    /// kept, since nearly all are filled again (creating a folder costs a journal write), and
    /// removed by the caller when still empty.
    private func resetForRebuild(dates: [BronzeIndex.Unit]) throws -> [String] {
        var emptied: [String] = []
        for table in CurationSchemas.tables where table != "stations" {
            let folder = lake.silver.appendingPathComponent(table)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where name.hasPrefix("date=") {
                let date = String(name.dropFirst(5))
                if (configuration.from.map { date >= $0 } ?? true) && (configuration.to.map { date <= $0 } ?? true) {
                    // A partition folder holds its one file: one system call; anything else, FileManager.
                    let path = folder.appendingPathComponent(name).path
                    if unlink(path + "/" + SilverPartition.fileName) == 0 {
                        emptied.append(path)
                    } else {
                        try FileManager.default.removeItem(atPath: path)
                    }
                }
            }
        }
        if configuration.from == nil && configuration.to == nil {
            try? FileManager.default.removeItem(at: lake.silver.appendingPathComponent("stations/stations.csv"))
        }
        for source in Source.allCases {
            let dates = configuration.from.map { from in Set(dates.filter { $0.source == source && $0.date >= from }.map(\.date)) }
            CurateLedger.reset(lake: lake, source: source, dates: dates)
        }
        return emptied
    }
}
