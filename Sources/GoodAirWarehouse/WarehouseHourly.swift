import GoodAirCore
import GRDB

/// `hourly_measurement` from `gold/city_hourly`: the wide gold rows (one per city and hour, a
/// column per variable) turned long and narrow — one row per city, variable and hour with a
/// value; NULLs are not stored.
///
/// A month's file is read one city at a time and inserted in primary-key order (city, variable,
/// hour), so each B-tree page is filled once. Deleting a month is one range seek per city and
/// variable in the primary key, never a scan.
///
/// ```swift
/// try WarehouseHourly.delete(db, month: month)
/// let rows = try WarehouseHourly.load(db, lake: lake, month: month, keys: &keys)
/// ```
enum WarehouseHourly {
    static func delete(_ db: Database, month: WarehouseMonth) throws {
        try db.execute(sql: """
            DELETE FROM hourly_measurement
            WHERE city_id IN (SELECT city_id FROM cities) AND variable_id IN (SELECT variable_id FROM variables)
              AND hour >= ? AND hour < ?
            """, arguments: [month.seconds.lowerBound, month.seconds.upperBound])
    }

    /// Inserts the month's values (of the days it covers); returns the rows inserted (0 when the
    /// month has no file).
    static func load(_ db: Database, lake: Lake, month: WarehouseMonth, keys: inout WarehouseKeys) throws -> Int {
        guard var csv = try WarehouseCSV.open(month.file("city_hourly", lake: lake), lake: lake) else { return 0 }
        let cityColumn = try csv.column("city_id"), hourColumn = try csv.column("hour")
        // The variable columns, in variable_id order (the primary key's order).
        let columns = csv.header.enumerated()
            .compactMap { column, name in keys.variableIDs[name].map { (column: column, id: $0) } }
            .sorted { $0.id < $1.id }
        let insert = try WarehouseInsert(db, sql: "INSERT INTO hourly_measurement (city_id, variable_id, hour, value) VALUES (?, ?, ?, ?)")
        var city: [UInt8] = [], known = false
        var hours: [Int] = [], values = [[Double]](repeating: [], count: columns.count)
        var inserted = 0

        func flush() throws {
            defer {
                hours.removeAll(keepingCapacity: true)
                for index in values.indices { values[index].removeAll(keepingCapacity: true) }
            }
            guard known, !hours.isEmpty else { return }
            insert.bind(1, String(decoding: city, as: UTF8.self))
            for (index, column) in columns.enumerated() {
                insert.bind(2, column.id)
                for (hour, value) in zip(hours, values[index]) where !value.isNaN {
                    insert.bind(3, hour)
                    insert.bind(4, value)
                    try insert.run()
                    inserted += 1
                }
            }
        }

        while try csv.next() {
            if city.isEmpty || !csv.equals(cityColumn, city) {
                try flush()
                city = Array(csv.bytes(cityColumn))
                known = keys.knowsCity(String(decoding: city, as: UTF8.self), in: csv.path)
            } else if !known {
                keys.skip(rows: 1)
            }
            let hour = try csv.timestamp(hourColumn)
            guard hour >= month.firstSecond && hour < month.nextSecond else {
                throw csv.fail("hour \(csv.text(hourColumn)) is not in month \(month.name)")
            }
            guard known, month.seconds.contains(hour) else { continue }
            hours.append(hour)
            for (index, column) in columns.enumerated() { values[index].append(try csv.number(column.column)) }
        }
        try flush()
        return inserted
    }
}
