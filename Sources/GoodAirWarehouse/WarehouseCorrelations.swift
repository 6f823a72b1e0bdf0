import GoodAirCore
import Foundation
import GRDB

/// `correlation` from `gold/correlations/part-00000.csv`, which is one file over the whole
/// history: reloaded whole when its size or modification time differs from the `load_state` row
/// kept for it (or on a rebuild), emptied when the file is gone. `scope` is `all` or a city id,
/// so it has no foreign key; the two variables have.
///
/// ```swift
/// let rows = try WarehouseCorrelations.refresh(db, lake: lake, force: false, keys: &keys)   // nil: unchanged
/// ```
enum WarehouseCorrelations {
    static let item = "correlations/part-00000.csv"

    /// Reloads the table if the file changed; returns the rows inserted, nil when nothing changed.
    static func refresh(_ db: Database, lake: Lake, force: Bool, keys: inout WarehouseKeys) throws -> Int? {
        let url = lake.gold.appendingPathComponent(item)
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        let size = (attributes?[.size] as? NSNumber)?.intValue
        let mtime = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970
        let state = try Row.fetchOne(db, sql: "SELECT size, mtime FROM load_state WHERE item = ?", arguments: [item])
        let unchanged = state.map { ($0["size"] as Int?) == size && ($0["mtime"] as Double?) == mtime } ?? (size == nil)
        if unchanged && !force { return nil }
        try db.execute(sql: "DELETE FROM correlation")
        try db.execute(sql: "DELETE FROM load_state WHERE item = ?", arguments: [item])
        guard let size, let mtime, var csv = try WarehouseCSV.open(url, lake: lake) else { return 0 }
        let c = try ["scope", "period", "variable_x", "variable_y", "method", "lag_hours", "n", "r"].map(csv.column)
        let insert = try WarehouseInsert(db, sql: """
            INSERT INTO correlation (scope, period, variable_x_id, variable_y_id, method, lag_hours, n, r)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        var inserted = 0
        while try csv.next() {
            guard let x = keys.variable(csv.text(c[2]), in: csv.path), let y = keys.variable(csv.text(c[3]), in: csv.path) else { continue }
            insert.bind(1, csv.text(c[0])); insert.bind(2, csv.text(c[1])); insert.bind(3, x); insert.bind(4, y)
            insert.bind(5, csv.text(c[4])); insert.bind(6, try csv.integer(c[5])); insert.bind(7, try csv.integer(c[6]))
            insert.bind(8, try csv.requiredNumber(c[7]))
            try insert.run()
            inserted += 1
        }
        try db.execute(sql: "INSERT INTO load_state (item, size, mtime) VALUES (?, ?, ?)", arguments: [item, size, mtime])
        return inserted
    }
}
