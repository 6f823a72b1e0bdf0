import Foundation
import GRDB
@testable import GoodAirCore
@testable import GoodAirWarehouse
import GoodAirTesting
import Testing

/// The serving database: loaded from gold, equal to it, idempotent, incremental = rebuild, and
/// queried through primary-key ranges.
@Suite("Warehouse")
struct WarehouseTests {
    @discardableResult
    func update(_ fixture: WarehouseFixture, _ months: [String] = [], rebuild: Bool = false) throws -> WarehouseReport {
        try Warehouse.update(lake: fixture.lake.lake, months: months, rebuild: rebuild, logger: .quiet)
    }

    func queries(_ fixture: WarehouseFixture) throws -> WarehouseQueries { try WarehouseQueries.open(lake: fixture.lake.lake) }

    /// Every table's rows, ordered by every column, as text.
    func dump(_ fixture: WarehouseFixture) throws -> [String: [String]] {
        try WarehouseCheck.dump(try Warehouse.open(lake: fixture.lake.lake))
    }

    /// Rows of a gold CSV file as dictionaries by column name.
    func gold(_ fixture: WarehouseFixture, _ table: String, _ month: String) throws -> [[String: String]] {
        let text = try String(contentsOf: fixture.gold.appendingPathComponent("\(table)/month=\(month)/part-00000.csv"), encoding: .utf8)
        let rows = try CSVReader.parse(text)
        return rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(rows[0].fields, $0.fields)) }
    }

    @Test("the warehouse holds exactly the gold values: every non-NULL hourly value, every aggregate and event")
    func contentEqualsGold() throws {
        let fixture = try WarehouseFixture()
        defer { fixture.lake.remove() }
        try fixture.writeAll()
        let report = try update(fixture, fixture.months)
        #expect(report.months == fixture.months)
        #expect(report.skippedRows == 0)
        let db = try Warehouse.open(lake: fixture.lake.lake)

        var expected: [String: Double] = [:]
        var expectedDaily: [String: [Double?]] = [:]
        for month in fixture.months {
            for row in try gold(fixture, "city_hourly", month) {
                let hour = Timestamp.seconds(row["hour"]!)!
                for variable in GoldVariable.all where !row[variable.name]!.isEmpty {
                    expected["\(row["city_id"]!) \(variable.name) \(hour)"] = Double(row[variable.name]!)!
                }
            }
            for row in try gold(fixture, "city_daily", month) {
                for variable in GoldVariable.all where variable.kind != .direction && !row["\(variable.name)_mean"]!.isEmpty {
                    expectedDaily["\(row["date"]!) \(row["city_id"]!) \(variable.name)"] =
                        ["mean", "min", "max", "sum"].map { row["\(variable.name)_\($0)"].flatMap { Double($0) } }
                        + [Double(row["hours_observed_\(variable.table)"]!)]
                }
            }
        }
        let actual = try db.read { db in
            try Row.fetchAll(db, sql: """
                SELECT m.city_id, v.name, m.hour, m.value FROM hourly_measurement m JOIN variables v USING (variable_id)
                """).reduce(into: [String: Double]()) { $0["\($1[0] as String) \($1[1] as String) \($1[2] as Int)"] = $1[3] }
        }
        #expect(actual.count == expected.count)
        #expect(actual == expected)
        #expect(report.rows["hourly_measurement"] == expected.count)
        let daily = try db.read { db in
            try Row.fetchAll(db, sql: """
                SELECT d.date, d.city_id, v.name, d.mean, d.min, d.max, d.sum, d.hours_observed
                FROM daily_aggregate d JOIN variables v USING (variable_id)
                """).reduce(into: [String: [Double?]]()) {
                $0["\($1[0] as String) \($1[1] as String) \($1[2] as String)"] = [$1[3], $1[4], $1[5], $1[6], $1[7]]
            }
        }
        #expect(daily.count == expectedDaily.count)
        #expect(daily == expectedDaily)

        let counts = try db.read { db in
            try ["cities", "stations", "sources", "variables", "thresholds", "monthly_aggregate", "exceedance", "heatwave",
                 "anomaly", "correlation"].reduce(into: [String: Int]()) { $0[$1] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \($1)") }
        }
        let citiesInFile = try fixture.lake.catalog().cities.count
        #expect(counts == ["cities": citiesInFile, "stations": 2, "sources": 3, "variables": GoldVariable.all.count,
                           "thresholds": try Threshold.load(from: fixture.lake.lake.reference.appendingPathComponent("thresholds.csv")).count,
                           "monthly_aggregate": 3 * 3 * 26, "exceedance": 3 * 2, "heatwave": 3, "anomaly": 3 * 2,
                           "correlation": 4 * 3])
        // A sample of the other tables, field by field.
        let exceedance = try #require(try db.read { try Row.fetchOne($0, sql: """
            SELECT e.city_id, e.start_hour, e.end_hour, e.hours, e.peak_ugm3, t.level, t.threshold_ugm3
            FROM exceedance e JOIN thresholds t USING (threshold_id, pollutant)
            WHERE e.pollutant = 'no2' AND e.start_hour >= ? ORDER BY e.start_hour LIMIT 1
            """, arguments: [Timestamp.seconds("2026-07-01T00:00:00Z")!]) })
        #expect(exceedance["city_id"] as String == fixture.cities[0])
        #expect(exceedance["start_hour"] as Int == Timestamp.seconds("2026-07-03T09:00:00Z")!)
        #expect(exceedance["end_hour"] as Int == Timestamp.seconds("2026-07-03T11:00:00Z")!)
        #expect(exceedance["hours"] as Int == 3 && exceedance["peak_ugm3"] as Double == 231.5)
        #expect(exceedance["level"] as String == "information" && exceedance["threshold_ugm3"] as Double == 200)
        let station = try #require(try db.read { try Row.fetchOne($0, sql: "SELECT * FROM stations WHERE station_id = 3095") })
        #expect(station["name"] as String == "Paris, Les Halles")
        #expect(station["first_seen"] as Int == Timestamp.seconds("2026-06-01T00:00:00Z")!)
        #expect(try db.read { try String.fetchOne($0, sql: "SELECT kind FROM variables WHERE name = 'rain_1h_mm'") } == "amount")
        #expect(try db.read { try String.fetchOne($0, sql: "SELECT source_id FROM variables WHERE name = 'pm25_aqi'") } == "aqicn")
        #expect(try db.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
    }

    @Test("foreign keys hold and are enforced")
    func foreignKeys() throws {
        let fixture = try WarehouseFixture()
        defer { fixture.lake.remove() }
        try fixture.writeAll()
        try update(fixture, fixture.months)
        let db = try Warehouse.open(lake: fixture.lake.lake)
        #expect(try db.read { try Row.fetchAll($0, sql: "PRAGMA foreign_key_check") }.isEmpty)
        #expect(try db.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") } == ["ok"])
        #expect(throws: DatabaseError.self) {
            try db.write { try $0.execute(sql: "INSERT INTO hourly_measurement VALUES ('atlantis', 1, 0, 1.0)") }
        }
    }

    /// A fixture with every month of gold written and loaded.
    func loaded() throws -> WarehouseFixture {
        let fixture = try WarehouseFixture()
        do {
            try fixture.writeAll()
            try update(fixture, fixture.months)
        } catch {
            fixture.lake.remove()
            throw error
        }
        return fixture
    }

    @Test("running twice gives the same content; one month reloaded after a change equals a rebuild")
    func incrementalEqualsRebuild() throws {
        var fixture = try loaded()
        defer { fixture.lake.remove() }
        let first = try dump(fixture)
        try update(fixture, fixture.months)
        #expect(try dump(fixture) == first, "idempotent")

        // July changes: every value shifts, a city loses its last day, a new correlation file.
        fixture.shift = 0.5
        try fixture.write(month: "2026-07")
        var hourly = try String(contentsOf: fixture.gold.appendingPathComponent("city_hourly/month=2026-07/part-00000.csv"), encoding: .utf8)
            .components(separatedBy: "\r\n")
        hourly.removeSubrange((hourly.count - 25)..<(hourly.count - 1))
        try fixture.put("city_hourly", "2026-07", Array(hourly.dropLast()))
        try fixture.writeCorrelations(r: 0.5)
        let report = try update(fixture, ["2026-07"])
        #expect(report.months == ["2026-07"] && report.correlationsReloaded)
        let incremental = try dump(fixture)
        #expect(incremental != first)

        try FileManager.default.removeItem(at: Warehouse.url(lake: fixture.lake.lake))
        let rebuilt = try update(fixture, rebuild: true)
        #expect(rebuilt.months == fixture.months)
        let scratch = try dump(fixture)
        for table in scratch.keys.sorted() { #expect(incremental[table] == scratch[table], "\(table)") }
        // A rebuild over an existing warehouse gives the same again.
        try update(fixture, rebuild: true)
        #expect(try dump(fixture) == scratch)
    }

    @Test("reloading the days and event months an aggregation day by day rewrote equals a rebuild, and loads only those days")
    func daysEqualRebuild() throws {
        var fixture = try loaded()
        defer { fixture.lake.remove() }
        let before = try dump(fixture)
        // July 14 and 15 change (and with them July's monthly aggregates and events).
        let day = CivilTime.days(year: 2026, month: 7, day: 14)
        fixture.shift = 2.5
        fixture.shiftedDays = day..<day + 2
        try fixture.write(month: "2026-07")
        let changes = GoldChanges(months: [], days: ["2026-07-14", "2026-07-15"], eventMonths: ["2026-07"])
        let report = try Warehouse.update(lake: fixture.lake.lake, changes: changes, rebuild: false, logger: .quiet)
        #expect(report.months.isEmpty && report.days == changes.days && report.eventMonths == ["2026-07"])
        #expect(report.rows["daily_aggregate"]! <= fixture.cities.count * 2 * GoldVariable.all.count)
        #expect(report.rows["hourly_measurement"]! <= fixture.cities.count * 48 * GoldVariable.all.count)
        #expect(report.rows["monthly_aggregate"]! > 0 && report.rows["exceedance"] == 2)
        let partial = try dump(fixture)
        #expect(partial != before)
        try update(fixture, rebuild: true)
        let scratch = try dump(fixture)
        for table in scratch.keys.sorted() { #expect(partial[table] == scratch[table], "\(table)") }
    }

    @Test("a month gone from gold loses its facts; correlations reload only when their file changed")
    func removalsAndCorrelations() throws {
        let fixture = try WarehouseFixture()
        defer { fixture.lake.remove() }
        try fixture.writeAll()
        try update(fixture, fixture.months)
        #expect(try update(fixture, ["2026-06"]).correlationsReloaded == false)
        for table in WarehouseMonth.goldTables {
            try FileManager.default.removeItem(at: fixture.gold.appendingPathComponent("\(table)/month=2026-08"))
        }
        try update(fixture, ["2026-08"])
        let db = try Warehouse.open(lake: fixture.lake.lake)
        let august = Timestamp.seconds("2026-08-01T00:00:00Z")!
        #expect(try db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM hourly_measurement WHERE hour >= ?", arguments: [august]) } == 0)
        #expect(try db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM daily_aggregate WHERE date >= '2026-08'") } == 0)
        #expect(try db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM heatwave WHERE start_date >= '2026-08'") } == 0)
        #expect(try db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM daily_aggregate WHERE date < '2026-08'") }! > 0)
        try FileManager.default.removeItem(at: fixture.gold.appendingPathComponent("correlations"))
        #expect(try update(fixture).correlationsReloaded)
        #expect(try db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM correlation") } == 0)
    }

    @Test("a failing update leaves the previous content whole")
    func failureChangesNothing() throws {
        let fixture = try WarehouseFixture()
        defer { fixture.lake.remove() }
        try fixture.writeAll()
        try update(fixture, fixture.months)
        let before = try dump(fixture)
        // August's daily file is broken: June and July (loaded before it) must not change either.
        try fixture.put("city_daily", "2026-08", [CityTables.header("city_daily").joined(separator: ","), "paris,2026-08-01,oops"])
        try fixture.put("city_hourly", "2026-06", [CityTables.header("city_hourly").joined(separator: ",")])
        #expect(throws: WarehouseError.self) { try update(fixture, fixture.months) }
        #expect(try dump(fixture) == before)
        #expect(throws: WarehouseError.self) { try update(fixture, ["2026-13"]) }
    }

    @Test("rows naming an unknown city are skipped and counted, not fatal")
    func unknownCity() throws {
        let fixture = try WarehouseFixture(months: ["2026-07"])
        defer { fixture.lake.remove() }
        try fixture.writeAll()
        let header = CityTables.header("city_hourly")
        try fixture.put("city_hourly", "2026-07", [header.joined(separator: ","),
            "atlantis,2026-07-01T00:00:00Z,12.5" + String(repeating: ",", count: header.count - 3),
            "atlantis,2026-07-01T01:00:00Z,12.5" + String(repeating: ",", count: header.count - 3)])
        let report = try update(fixture, ["2026-07"])
        #expect(report.skippedRows == 2)
        #expect(report.rows["hourly_measurement"] == 0)
    }
}
