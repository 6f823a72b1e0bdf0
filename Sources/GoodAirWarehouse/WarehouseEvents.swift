import GoodAirCore
import GRDB

/// The event tables, per month of their start: `exceedance` (from `gold/exceedances`),
/// `heatwave` (`gold/heatwaves`) and `anomaly` (`gold/anomalies`). Timestamps become Unix seconds
/// (`start_hour`, `end_hour`, `hour`); an exceedance keeps only what is its own — the threshold's
/// level, value, averaging and duration are in `thresholds`, reached by its foreign key.
///
/// ```swift
/// try WarehouseEvents.delete(db, month: month)
/// let rows = try WarehouseEvents.load(db, lake: lake, month: month, keys: &keys)   // ["exceedance": 3, …]
/// ```
enum WarehouseEvents {
    static func delete(_ db: Database, month: WarehouseMonth) throws {
        try db.execute(sql: "DELETE FROM exceedance WHERE start_hour >= ? AND start_hour < ?",
                       arguments: [month.firstSecond, month.nextSecond])
        try db.execute(sql: "DELETE FROM heatwave WHERE start_date >= ? AND start_date < ?",
                       arguments: [month.firstDate, month.nextDate])
        try db.execute(sql: "DELETE FROM anomaly WHERE hour >= ? AND hour < ?",
                       arguments: [month.firstSecond, month.nextSecond])
    }

    /// Inserts the month's events; returns the rows inserted per table.
    static func load(_ db: Database, lake: Lake, month: WarehouseMonth, keys: inout WarehouseKeys) throws -> [String: Int] {
        [
            "exceedance": try exceedances(db, lake: lake, month: month, keys: &keys),
            "heatwave": try heatwaves(db, lake: lake, month: month, keys: &keys),
            "anomaly": try anomalies(db, lake: lake, month: month, keys: &keys),
        ]
    }

    private static func exceedances(_ db: Database, lake: Lake, month: WarehouseMonth, keys: inout WarehouseKeys) throws -> Int {
        guard var csv = try WarehouseCSV.open(month.file("exceedances", lake: lake), lake: lake) else { return 0 }
        let c = try ["city_id", "pollutant", "threshold", "start", "end", "hours", "peak_ugm3"].map(csv.column)
        let insert = try WarehouseInsert(db, sql: """
            INSERT INTO exceedance (city_id, pollutant, threshold_id, start_hour, end_hour, hours, peak_ugm3)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        var inserted = 0
        while try csv.next() {
            let city = csv.text(c[0]), pollutant = csv.text(c[1]), threshold = csv.text(c[2])
            let start = try csv.timestamp(c[3])
            guard start >= month.firstSecond && start < month.nextSecond else { throw csv.fail("start is not in month \(month.name)") }
            guard keys.knowsCity(city, in: csv.path), keys.knowsThreshold(threshold, pollutant: pollutant, in: csv.path) else { continue }
            insert.bind(1, city); insert.bind(2, pollutant); insert.bind(3, threshold); insert.bind(4, start)
            insert.bind(5, try csv.timestamp(c[4])); insert.bind(6, try csv.integer(c[5])); insert.bind(7, try csv.requiredNumber(c[6]))
            try insert.run()
            inserted += 1
        }
        return inserted
    }

    private static func heatwaves(_ db: Database, lake: Lake, month: WarehouseMonth, keys: inout WarehouseKeys) throws -> Int {
        guard var csv = try WarehouseCSV.open(month.file("heatwaves", lake: lake), lake: lake) else { return 0 }
        let c = try ["city_id", "start_date", "end_date", "days", "ibmn_max_c", "ibmx_max_c", "threshold_tmin_c", "threshold_tmax_c"]
            .map(csv.column)
        let insert = try WarehouseInsert(db, sql: """
            INSERT INTO heatwave (city_id, start_date, end_date, days, ibmn_max_c, ibmx_max_c, threshold_tmin_c, threshold_tmax_c)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        var inserted = 0
        while try csv.next() {
            let city = csv.text(c[0]), start = csv.text(c[1])
            guard start.hasPrefix(month.name + "-") else { throw csv.fail("start_date \(start) is not in month \(month.name)") }
            guard keys.knowsCity(city, in: csv.path) else { continue }
            insert.bind(1, city); insert.bind(2, start); insert.bind(3, csv.text(c[2])); insert.bind(4, try csv.integer(c[3]))
            for index in 4...7 { insert.bind(Int32(index + 1), try csv.requiredNumber(c[index])) }
            try insert.run()
            inserted += 1
        }
        return inserted
    }

    private static func anomalies(_ db: Database, lake: Lake, month: WarehouseMonth, keys: inout WarehouseKeys) throws -> Int {
        guard var csv = try WarehouseCSV.open(month.file("anomalies", lake: lake), lake: lake) else { return 0 }
        let c = try ["city_id", "variable", "hour", "value", "baseline", "score", "threshold"].map(csv.column)
        let insert = try WarehouseInsert(db, sql: """
            INSERT INTO anomaly (city_id, variable_id, hour, value, baseline, score, threshold) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        var inserted = 0
        while try csv.next() {
            let city = csv.text(c[0]), hour = try csv.timestamp(c[2])
            guard hour >= month.firstSecond && hour < month.nextSecond else { throw csv.fail("hour is not in month \(month.name)") }
            guard keys.knowsCity(city, in: csv.path), let variable = keys.variable(csv.text(c[1]), in: csv.path) else { continue }
            insert.bind(1, city); insert.bind(2, variable); insert.bind(3, hour)
            for index in 3...6 { insert.bind(Int32(index + 1), try csv.requiredNumber(c[index])) }
            try insert.run()
            inserted += 1
        }
        return inserted
    }
}
