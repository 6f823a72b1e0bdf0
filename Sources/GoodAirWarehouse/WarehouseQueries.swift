import GoodAirCore
import Foundation
import GRDB
import GRDBSQLite

/// The dashboard's queries on the warehouse, returning plain Swift values: a city's hourly
/// series of a variable, every city's daily aggregates on a day, and each city's latest value of a
/// variable. Each is a range or a few seeks of a primary key (see `docs/warehouse.md`).
///
/// Safe to share between tasks: it reads through a GRDB `DatabaseReader`, by default a
/// `DatabasePool`, whose readers run in parallel with ``Warehouse/update(lake:months:rebuild:logger:)``
/// and see its last committed content.
///
/// ```swift
/// let queries = try WarehouseQueries.open(lake: lake)
/// let series = try queries.hourlySeries(city: "paris", variable: "no2_ugm3",
///                                       from: 1_767_225_600, to: 1_798_761_600)   // 2026
/// ```
public struct WarehouseQueries: Sendable {
    /// The connection, behind a class of this module: GRDB is imported implementation-only (see
    /// ``Warehouse``), so no type of it may appear in the layout of a type clients see.
    private let connection: WarehouseConnection
    /// A connection to a migrated warehouse.
    var reader: any DatabaseReader { connection.reader }

    init(reader: any DatabaseReader) { connection = WarehouseConnection(reader: reader) }

    /// Opens `gold/warehouse.sqlite` of `lake` with a `DatabasePool`; an error when it does not
    /// exist yet (run ``Warehouse/update(lake:months:rebuild:logger:)`` first).
    public static func open(lake: Lake) throws -> WarehouseQueries {
        let url = Warehouse.url(lake: lake)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw WarehouseError(file: lake.relativePath(url), reason: "no warehouse yet: run the aggregation first")
        }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.label = "warehouse-queries"
        return WarehouseQueries(reader: try DatabasePool(path: url.path, configuration: configuration))
    }

    /// The hourly values of `variable` in `city` for the hours in `[from, to)` (Unix seconds),
    /// in time order; hours without a value are absent.
    public func hourlySeries(city: String, variable: String, from: Int, to: Int) throws -> [(hour: Int, value: Double)] {
        try reader.read { db in
            // Stepped through SQLite's C API: a year is 8 760 rows, and a GRDB `Row` per row would
            // cost more than SQLite's own work.
            let statement = try db.cachedStatement(sql: Self.hourlySeriesSQL)
            try statement.setArguments([city, variable, from, to])
            defer { sqlite3_reset(statement.sqliteStatement) }
            var series: [(hour: Int, value: Double)] = []
            series.reserveCapacity(max(0, min((to - from) / 3600, 100_000)))
            while true {
                let code = sqlite3_step(statement.sqliteStatement)
                guard code == SQLITE_ROW else {
                    guard code == SQLITE_DONE else {
                        throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
                    }
                    return series
                }
                series.append((Int(sqlite3_column_int64(statement.sqliteStatement, 0)), sqlite3_column_double(statement.sqliteStatement, 1)))
            }
        }
    }

    /// The daily aggregates of every city on `date` (`YYYY-MM-DD`, UTC), by city then variable;
    /// only `variable` when given.
    public func day(_ date: String, variable: String? = nil) throws -> [WarehouseDailyValue] {
        try reader.read { db in
            let statement = try db.cachedStatement(sql: Self.daySQL)
            return try Row.fetchAll(statement, arguments: [date, variable]).map { row in
                WarehouseDailyValue(city: row[0], variable: row[1], mean: row[2], min: row[3], max: row[4],
                                    sum: row[5], hoursObserved: row[6])
            }
        }
    }

    /// Each city's latest hourly value of `variable`, by city; a city without any has no entry.
    public func latest(variable: String) throws -> [WarehouseLatestValue] {
        try reader.read { db in
            let statement = try db.cachedStatement(sql: Self.latestSQL)
            return try Row.fetchAll(statement, arguments: [variable]).map { row in
                WarehouseLatestValue(city: row[0], hour: row[1], value: row[2])
            }
        }
    }

    /// Query (a): one range of `hourly_measurement`'s primary key (city_id, variable_id, hour).
    static let hourlySeriesSQL = """
        SELECT hour, value FROM hourly_measurement
        WHERE city_id = ? AND variable_id = (SELECT variable_id FROM variables WHERE name = ?)
          AND hour >= ? AND hour < ?
        ORDER BY hour
        """

    /// Query (b): one range of `daily_aggregate`'s primary key (date, city_id, variable_id).
    static let daySQL = """
        SELECT d.city_id, v.name, d.mean, d.min, d.max, d.sum, d.hours_observed
        FROM daily_aggregate AS d JOIN variables AS v ON v.variable_id = d.variable_id
        WHERE d.date = ?1 AND (?2 IS NULL OR v.name = ?2)
        ORDER BY d.city_id, d.variable_id
        """

    /// Query (c): the `latest_measurement` view, two primary-key seeks per city.
    static let latestSQL = """
        SELECT city_id, hour, value FROM latest_measurement WHERE variable = ? ORDER BY city_id
        """
}

/// Holds a GRDB reader for ``WarehouseQueries``: a reference, whose layout clients need not know.
final class WarehouseConnection: Sendable {
    let reader: any DatabaseReader
    init(reader: any DatabaseReader) { self.reader = reader }
}
