import GoodAirCore
import Foundation
import GRDB
import Logging

/// The normalized serving database, `gold/warehouse.sqlite` (SQLite, WAL mode, foreign keys on):
/// the gold CSV tables loaded into dimension and fact tables indexed for the dashboard, which
/// reads them through ``WarehouseQueries``. `docs/warehouse.md` documents the schema.
///
/// The database is derived data: gold stays the reference, and the warehouse can always be made
/// again from it with `rebuild`.
///
/// ```swift
/// let report = try Warehouse.update(lake: lake, months: ["2026-07"], rebuild: false, logger: logger)
/// let queries = try WarehouseQueries.open(lake: lake)
/// ```
public struct Warehouse: Sendable {
    /// `gold/warehouse.sqlite`.
    public static func url(lake: Lake) -> URL { lake.gold.appendingPathComponent("warehouse.sqlite") }

    /// Opens (creating it when missing) and migrates the warehouse of `lake`; a write connection.
    /// Internal, like every GRDB type here: the warehouse is its own target so that only its
    /// clients load GRDB, whose operators (`>=`, `&&`… on `SQLExpressible`, to which `Double` and
    /// `Int` conform) join every comparison they type-check and can make expressions too complex
    /// to check.
    ///
    /// ```swift
    /// let dbQueue = try Warehouse.open(lake: lake)
    /// try dbQueue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM cities") }
    /// ```
    static func open(lake: Lake) throws -> DatabaseQueue {
        try AtomicFile.createFolder(lake.gold)
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.label = "warehouse"
        // Another writer (a second update) is waited for, not failed at once; readers never block.
        configuration.busyMode = .timeout(30)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            // In WAL mode, NORMAL never corrupts the database: a power cut may lose the last commit.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        let dbQueue = try DatabaseQueue(path: url(lake: lake).path, configuration: configuration)
        try WarehouseSchema.migrator.migrate(dbQueue)
        return dbQueue
    }

    /// Brings the warehouse up to date with gold, in one write transaction: reloads the
    /// dimensions, then for each month deletes its facts and inserts them again from
    /// `gold/<table>/month=<month>/`, and reloads `correlation` when its file changed. A run that
    /// fails or is killed leaves the previous content; running it twice gives the same content.
    ///
    /// - parameter months: the months to reload, `YYYY-MM` (a month gone from gold loses its facts).
    /// - parameter rebuild: when true, empties every fact table and loads every month found in gold
    ///   (and `months`), and the correlations whatever their state. Default for a new lake: false
    ///   with the months `goodair aggregate` just wrote.
    ///
    /// ```swift
    /// try Warehouse.update(lake: lake, months: [], rebuild: true, logger: logger)            // from scratch
    /// try Warehouse.update(lake: lake, months: ["2026-07"], rebuild: false, logger: logger)  // one month
    /// ```
    @discardableResult
    public static func update(lake: Lake, months: [String], rebuild: Bool, logger: Logger) throws -> WarehouseReport {
        try update(lake: lake, changes: GoldChanges(months: months), rebuild: rebuild, logger: logger)
    }

    /// ``update(lake:months:rebuild:logger:)`` for what an aggregation rewrote: the whole months of
    /// `changes.months`; for `changes.days`, only the hourly and daily facts of those days and
    /// their months' monthly aggregates; for `changes.eventMonths`, those months' events.
    ///
    /// ```swift
    /// let report = try await aggregator.aggregate()
    /// try Warehouse.update(lake: lake, changes: report.changes, rebuild: false, logger: logger)
    /// ```
    @discardableResult
    public static func update(lake: Lake, changes: GoldChanges, rebuild: Bool, logger: Logger) throws -> WarehouseReport {
        let started = ContinuousClock.now
        var selected = Set(try changes.months.map(WarehouseMonth.init))
        if rebuild { selected.formUnion(WarehouseMonth.inGold(lake: lake)) }
        var report = WarehouseReport()
        report.months = selected.sorted().map(\.name)
        let days = try dayParts(changes.days).filter { !selected.contains($0) }
        let events = try changes.eventMonths.map(WarehouseMonth.init).filter { !selected.contains($0) }
        report.days = changes.days.filter { day in days.contains { $0.name == day.prefix(7) } }
        report.eventMonths = events.map(\.name).sorted()
        logger.info("warehouse.start", metadata: ["months": "\(selected.count)", "days": "\(report.days.count)", "rebuild": "\(rebuild)"])
        let dbQueue = try open(lake: lake)
        try dbQueue.write { db in
            try db.execute(sql: "PRAGMA cache_size = -65536")   // 64 MiB while loading
            report.rows = try WarehouseDimensions.load(db, lake: lake, logger: logger)
            var keys = try WarehouseKeys(db, logger: logger)
            if rebuild {
                for table in WarehouseSchema.factTables { try db.execute(sql: "DELETE FROM \(table)") }
            }
            for month in selected.sorted() {
                let rows = try load(db, lake: lake, month: month, keys: &keys)
                report.rows.merge(rows, uniquingKeysWith: +)
                logger.debug("warehouse.month", metadata: ["month": "\(month.name)", "rows": "\(rows.values.reduce(0, +))"])
            }
            for part in days {
                report.rows.merge(try loadCityFacts(db, lake: lake, month: part, keys: &keys), uniquingKeysWith: +)
            }
            for month in events {
                report.rows.merge(try loadEvents(db, lake: lake, month: month, keys: &keys), uniquingKeysWith: +)
            }
            if let rows = try WarehouseCorrelations.refresh(db, lake: lake, force: rebuild, keys: &keys) {
                report.rows["correlation"] = rows
                report.correlationsReloaded = true
            }
            report.skippedRows = keys.skipped
        }
        // Folds the write-ahead log back into the database file, so a big load leaves no big WAL.
        try? dbQueue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        let spent = (ContinuousClock.now - started).components
        report.seconds = Double(spent.seconds) + Double(spent.attoseconds) / 1e18
        logger.info("warehouse.end", metadata: ["summary": "\(report.summary)"])
        return report
    }

    /// The months of `dates` (`YYYY-MM-DD`), each narrowed to the span from its first date to its last.
    private static func dayParts(_ dates: [String]) throws -> [WarehouseMonth] {
        var spans: [String: Range<Int>] = [:]
        for date in dates {
            guard date.utf8.count == 10, let day = Timestamp.day(date) else {
                throw WarehouseError(reason: "day '\(date)': expected YYYY-MM-DD")
            }
            let month = String(date.prefix(7))
            let span = spans[month] ?? day..<day + 1
            spans[month] = min(span.lowerBound, day)..<max(span.upperBound, day + 1)
        }
        return try spans.keys.sorted().map { try WarehouseMonth($0).days(spans[$0]!) }
    }

    /// Deletes then inserts again the hourly and daily facts of the days `month` covers, and the
    /// month's monthly aggregates; returns the rows inserted per table.
    private static func loadCityFacts(_ db: Database, lake: Lake, month: WarehouseMonth, keys: inout WarehouseKeys) throws -> [String: Int] {
        try WarehouseHourly.delete(db, month: month)
        try WarehouseAggregates.daily.delete(db, month: month)
        try WarehouseAggregates.monthly.delete(db, month: month)
        return ["hourly_measurement": try WarehouseHourly.load(db, lake: lake, month: month, keys: &keys),
                "daily_aggregate": try WarehouseAggregates.daily.load(db, lake: lake, month: month, keys: &keys),
                "monthly_aggregate": try WarehouseAggregates.monthly.load(db, lake: lake, month: month, keys: &keys)]
    }

    /// Deletes then inserts again the facts of `month`; returns the rows inserted per table.
    private static func load(_ db: Database, lake: Lake, month: WarehouseMonth, keys: inout WarehouseKeys) throws -> [String: Int] {
        var rows = try loadEvents(db, lake: lake, month: month, keys: &keys)
        rows.merge(try loadCityFacts(db, lake: lake, month: month, keys: &keys), uniquingKeysWith: +)
        return rows
    }

    /// Deletes then inserts again the events of `month`; returns the rows inserted per table.
    private static func loadEvents(_ db: Database, lake: Lake, month: WarehouseMonth, keys: inout WarehouseKeys) throws -> [String: Int] {
        try WarehouseEvents.delete(db, month: month)
        return try WarehouseEvents.load(db, lake: lake, month: month, keys: &keys)
    }
}
