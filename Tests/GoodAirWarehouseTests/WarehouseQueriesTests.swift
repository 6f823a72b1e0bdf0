import Foundation
import GRDB
@testable import GoodAirCore
@testable import GoodAirWarehouse
import GoodAirTesting
import Testing

/// The three dashboard queries: right values, and plans that seek the primary keys.
@Suite("WarehouseQueries")
struct WarehouseQueriesTests {
    func loaded() throws -> (WarehouseFixture, WarehouseQueries) {
        let fixture = try WarehouseFixture()
        try fixture.writeAll()
        try Warehouse.update(lake: fixture.lake.lake, months: fixture.months, rebuild: false, logger: .quiet)
        return (fixture, try WarehouseQueries.open(lake: fixture.lake.lake))
    }

    @Test("(a) a city's hourly series of a variable over a time range")
    func hourlySeries() throws {
        let (fixture, queries) = try loaded()
        defer { fixture.lake.remove() }
        let from = Timestamp.seconds("2026-06-15T00:00:00Z")!, to = Timestamp.seconds("2026-08-15T00:00:00Z")!
        let variable = GoldVariable.index(of: "no2_ugm3")!
        let series = try queries.hourlySeries(city: fixture.cities[1], variable: "no2_ugm3", from: from, to: to)
        let expected = stride(from: from, to: to, by: 3600).compactMap { hour -> (Int, Double)? in
            let value = fixture.value(city: 1, hour: hour, variable: variable)
            return value.isNaN ? nil : (hour, value)
        }
        #expect(series.count == expected.count)
        #expect(series.map(\.hour) == expected.map(\.0))
        #expect(series.map(\.value) == expected.map(\.1))
        #expect(series.count < (to - from) / 3600, "NULL hours are absent")
        #expect(try queries.hourlySeries(city: "nowhere", variable: "no2_ugm3", from: from, to: to).isEmpty)
        #expect(try queries.hourlySeries(city: fixture.cities[1], variable: "nothing", from: from, to: to).isEmpty)
    }

    @Test("(b) every city's daily aggregates on one day")
    func day() throws {
        let (fixture, queries) = try loaded()
        defer { fixture.lake.remove() }
        let values = try queries.day("2026-07-14")
        let variables = GoldVariable.all.filter { $0.kind != .direction }
        #expect(values.count == fixture.cities.count * variables.count)
        #expect(values.map(\.city) == values.map(\.city).sorted())
        let hours = Array(stride(from: Timestamp.seconds("2026-07-14T00:00:00Z")!, to: Timestamp.seconds("2026-07-15T00:00:00Z")!, by: 3600))
        let temperature = GoldVariable.index(of: "temperature_c")!
        let expected = hours.map { fixture.value(city: 2, hour: $0, variable: temperature) }.filter { !$0.isNaN }
        let row = try #require(values.first { $0.city == fixture.cities[2] && $0.variable == "temperature_c" })
        #expect(row.min == expected.min() && row.max == expected.max())
        #expect(abs(row.mean! - expected.reduce(0, +) / Double(expected.count)) < 1e-12)
        #expect(row.sum == nil && row.hoursObserved == 24)
        let rain = try queries.day("2026-07-14", variable: "rain_1h_mm")
        #expect(rain.count == fixture.cities.count && rain.allSatisfy { $0.sum != nil && $0.variable == "rain_1h_mm" })
        #expect(try queries.day("1999-01-01").isEmpty)
    }

    @Test("(c) each city's latest value of a variable, also through the latest_measurement view")
    func latest() throws {
        let (fixture, queries) = try loaded()
        defer { fixture.lake.remove() }
        let variable = GoldVariable.index(of: "pm10_ugm3")!
        let latest = try queries.latest(variable: "pm10_ugm3")
        #expect(latest.map(\.city) == fixture.cities)
        for (c, value) in latest.enumerated() {
            // The last hour of August with a value.
            var hour = Timestamp.seconds("2026-08-31T23:00:00Z")!
            while fixture.value(city: c, hour: hour, variable: variable).isNaN { hour -= 3600 }
            #expect(value.hour == hour)
            #expect(value.value == fixture.value(city: c, hour: hour, variable: variable))
        }
        #expect(try queries.latest(variable: "nothing").isEmpty)
    }

    @Test("EXPLAIN QUERY PLAN: each query seeks a primary key, never scans a fact table")
    func plans() throws {
        let (fixture, queries) = try loaded()
        defer { fixture.lake.remove() }
        let reader = queries.reader
        let checks: [(String, StatementArguments)] = [
            (WarehouseQueries.hourlySeriesSQL, ["paris", "no2_ugm3", 0, 1]),
            (WarehouseQueries.daySQL, ["2026-07-14", nil]),
            (WarehouseQueries.latestSQL, ["no2_ugm3"]),
        ]
        for (sql, arguments) in checks {
            let plan = try WarehouseCheck.plan(reader, sql, arguments)
            #expect(WarehouseCheck.usesIndexes(plan), "\(plan)")
        }
        let hourly = try WarehouseCheck.plan(reader, WarehouseQueries.hourlySeriesSQL, ["paris", "no2_ugm3", 0, 1])
        #expect(hourly.contains { $0.hasPrefix("SEARCH hourly_measurement USING PRIMARY KEY (city_id=? AND variable_id=? AND hour>? AND hour<?)") })
        let delete = try WarehouseCheck.plan(reader, """
            DELETE FROM hourly_measurement
            WHERE city_id IN (SELECT city_id FROM cities) AND variable_id IN (SELECT variable_id FROM variables)
              AND hour >= ? AND hour < ?
            """, [0, 1])
        #expect(delete.contains { $0.hasPrefix("SEARCH hourly_measurement USING PRIMARY KEY") }, "\(delete)")
    }
}
