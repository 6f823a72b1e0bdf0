import GRDB
@testable import GoodAirCore
@testable import GoodAirWarehouse

/// Helpers of the warehouse tests: dumps and query plans.
enum WarehouseCheck {
    /// Every table's rows (dimensions, facts, load state), ordered by all their columns, as text.
    static func dump(_ reader: any DatabaseReader) throws -> [String: [String]] {
        try reader.read { db in
            var tables: [String: [String]] = [:]
            for table in WarehouseSchema.dimensionTables + WarehouseSchema.factTables + ["load_state"] {
                let columns = try db.columns(in: table).count
                let order = (1...columns).map(String.init).joined(separator: ", ")
                tables[table] = try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY \(order)").map(\.description)
            }
            return tables
        }
    }

    /// The `detail` lines of `EXPLAIN QUERY PLAN sql`.
    static func plan(_ reader: any DatabaseReader, _ sql: String, _ arguments: StatementArguments) throws -> [String] {
        try reader.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).map { $0["detail"] as String }
        }
    }

    /// Whether a plan reads every fact table it touches through an index or primary key: no `SCAN`
    /// of one (a scan of a small dimension, such as the cities of the latest view, is fine).
    static func usesIndexes(_ plan: [String]) -> Bool {
        let facts = ["hourly_measurement", "daily_aggregate", "m", "h", "d"]
        return !plan.contains { line in
            let words = line.split(separator: " ")
            return words.first == "SCAN" && words.count > 1 && facts.contains(String(words[1]))
        } && plan.contains { $0.contains("PRIMARY KEY") || $0.contains("INDEX") }
    }
}
