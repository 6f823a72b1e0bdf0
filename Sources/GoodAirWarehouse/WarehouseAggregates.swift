import GoodAirCore
import GRDB

/// `daily_aggregate` from `gold/city_daily` and `monthly_aggregate` from `gold/city_monthly`:
/// one row per period, city and variable with `mean`, `min`, `max`, `sum` (amounts only, else
/// NULL) and `hours_observed` (the hours of the period the variable's source observed, from
/// `hours_observed_<silver table>`). A variable with no value in the period has no row; wind
/// direction has no daily statistics in gold, so none here.
///
/// The primary key starts with the period, so "all cities on one day" is one range of it, and so
/// is deleting a month.
///
/// ```swift
/// try WarehouseAggregates.daily.delete(db, month: month)
/// let rows = try WarehouseAggregates.daily.load(db, lake: lake, month: month, keys: &keys)
/// ```
struct WarehouseAggregates {
    /// The warehouse table.
    let table: String
    /// The gold table it is loaded from.
    let goldTable: String
    /// The period column, in gold and in the warehouse.
    let period: String

    static let daily = WarehouseAggregates(table: "daily_aggregate", goldTable: "city_daily", period: "date")
    static let monthly = WarehouseAggregates(table: "monthly_aggregate", goldTable: "city_monthly", period: "month")

    func delete(_ db: Database, month: WarehouseMonth) throws {
        if period == "date" {
            try db.execute(sql: "DELETE FROM \(table) WHERE date >= ? AND date < ?", arguments: [month.dates.lowerBound, month.dates.upperBound])
        } else {
            try db.execute(sql: "DELETE FROM \(table) WHERE month = ?", arguments: [month.name])
        }
    }

    /// Inserts the month's aggregates (daily: of the days it covers); returns the rows inserted.
    func load(_ db: Database, lake: Lake, month: WarehouseMonth, keys: inout WarehouseKeys) throws -> Int {
        guard var csv = try WarehouseCSV.open(month.file(goldTable, lake: lake), lake: lake) else { return 0 }
        let cityColumn = try csv.column("city_id"), periodColumn = try csv.column(period)
        typealias Columns = (id: Int, mean: Int, min: Int, max: Int, sum: Int?, hours: Int)
        var columns: [Columns] = []
        for variable in GoldVariable.all where variable.kind != .direction {
            guard let id = keys.variableIDs[variable.name], let mean = csv.optionalColumn("\(variable.name)_mean"),
                  let min = csv.optionalColumn("\(variable.name)_min"), let max = csv.optionalColumn("\(variable.name)_max") else { continue }
            let hours = try csv.column("hours_observed_\(variable.table)")
            columns.append((id, mean, min, max, csv.optionalColumn("\(variable.name)_sum"), hours))
        }
        columns.sort { $0.id < $1.id }
        let insert = try WarehouseInsert(db, sql: """
            INSERT INTO \(table) (\(period), city_id, variable_id, mean, min, max, sum, hours_observed)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        var inserted = 0
        while try csv.next() {
            let key = csv.text(periodColumn)
            let inMonth = period == "date" ? key.hasPrefix(month.name + "-") && key.utf8.count == 10 : key == month.name
            guard inMonth else { throw csv.fail("\(period) \(key) is not in month \(month.name)") }
            guard period != "date" || month.dates.contains(key) else { continue }
            let city = csv.text(cityColumn)
            guard keys.knowsCity(city, in: csv.path) else { continue }
            insert.bind(1, key)
            insert.bind(2, city)
            for column in columns {
                let mean = try csv.number(column.mean), min = try csv.number(column.min), max = try csv.number(column.max)
                let sum = try column.sum.map { try csv.number($0) } ?? .nan
                guard !(mean.isNaN && min.isNaN && max.isNaN && sum.isNaN) else { continue }
                insert.bind(3, column.id)
                insert.bind(4, nullable: mean)
                insert.bind(5, nullable: min)
                insert.bind(6, nullable: max)
                insert.bind(7, nullable: sum)
                insert.bind(8, try csv.integer(column.hours))
                try insert.run()
                inserted += 1
            }
        }
        return inserted
    }
}
