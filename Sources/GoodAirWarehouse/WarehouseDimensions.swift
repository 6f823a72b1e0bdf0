import GoodAirCore
import Foundation
import GRDB
import Logging

/// Loads the dimension tables from the référentiel and silver: `sources`, `variables` (from
/// ``GoldVariable/all``), `cities` (`reference/cities.csv`), `thresholds`
/// (`reference/thresholds.csv`) and `stations` (`silver/stations/stations.csv`).
///
/// Rows are upserted on their natural key, never deleted while facts may name them: a city that
/// left the référentiel keeps its row with `listed = 0`, so its past facts keep their foreign key,
/// and a variable keeps the `variable_id` it was first given. Stations, which nothing references,
/// are replaced whole. A missing `thresholds.csv` or stations file loads none (with a warning).
///
/// ```swift
/// let counts = try WarehouseDimensions.load(db, lake: lake, logger: logger)   // ["cities": 26, …]
/// ```
enum WarehouseDimensions {
    /// The source each silver table comes from, with what it holds.
    static let sources: [(id: String, api: String, table: String, description: String)] = [
        ("aqicn", "aqicn", "air_quality",
         "World Air Quality Index city feed: AQI and US-EPA sub-indices per pollutant (indices, not concentrations)."),
        ("owm_air", "openweathermap", "air_pollution",
         "OpenWeatherMap air pollution: concentrations in µg/m³ and OpenWeatherMap's 1-5 index."),
        ("owm_weather", "openweathermap", "weather",
         "OpenWeatherMap current weather, metric units."),
    ]

    /// Loads every dimension; returns the rows written per table.
    static func load(_ db: Database, lake: Lake, logger: Logger) throws -> [String: Int] {
        var rows: [String: Int] = [:]
        rows["sources"] = try loadSources(db)
        rows["variables"] = try loadVariables(db)
        rows["cities"] = try loadCities(db, lake: lake)
        rows["thresholds"] = try loadThresholds(db, lake: lake, logger: logger)
        rows["stations"] = try loadStations(db, lake: lake, logger: logger)
        return rows
    }

    private static func loadSources(_ db: Database) throws -> Int {
        for source in sources {
            try db.execute(sql: """
                INSERT INTO sources (source_id, api, description) VALUES (?, ?, ?)
                ON CONFLICT (source_id) DO UPDATE SET api = excluded.api, description = excluded.description
                """, arguments: [source.id, source.api, source.description])
        }
        return sources.count
    }

    private static func loadVariables(_ db: Database) throws -> Int {
        for variable in GoldVariable.all {
            let source = sources.first { $0.table == variable.table }!.id
            let kind = switch variable.kind { case .level: "level"; case .amount: "amount"; case .direction: "direction" }
            try db.execute(sql: """
                INSERT INTO variables (name, unit, source_id, silver_table, kind) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (name) DO UPDATE SET unit = excluded.unit, source_id = excluded.source_id,
                    silver_table = excluded.silver_table, kind = excluded.kind
                """, arguments: [variable.name, variable.unit, source, variable.table, kind])
        }
        return GoldVariable.all.count
    }

    private static func loadCities(_ db: Database, lake: Lake) throws -> Int {
        let catalog = try CityCatalog.load(from: lake.citiesFile)
        let timezones = try self.timezones(lake: lake)
        try db.execute(sql: "UPDATE cities SET listed = 0")
        for city in catalog.cities {
            try db.execute(sql: """
                INSERT INTO cities (city_id, name, insee_code, department_code, region, lat, lon, population,
                                    heatwave_tmin_c, heatwave_tmax_c, aqicn_uid, timezone, listed)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
                ON CONFLICT (city_id) DO UPDATE SET name = excluded.name, insee_code = excluded.insee_code,
                    department_code = excluded.department_code, region = excluded.region, lat = excluded.lat,
                    lon = excluded.lon, population = excluded.population, heatwave_tmin_c = excluded.heatwave_tmin_c,
                    heatwave_tmax_c = excluded.heatwave_tmax_c, aqicn_uid = excluded.aqicn_uid,
                    timezone = excluded.timezone, listed = 1
                """, arguments: [city.id, city.name, city.inseeCode, city.departmentCode, city.region, city.latitude,
                                 city.longitude, city.population, city.heatwaveTminC, city.heatwaveTmaxC, city.aqicnUID,
                                 timezones[city.id]])
        }
        return catalog.cities.count
    }

    /// The optional `timezone` column of cities.csv (``City`` does not carry it), by city id.
    private static func timezones(lake: Lake) throws -> [String: String] {
        guard var csv = try WarehouseCSV.open(lake.citiesFile, lake: lake), let zone = csv.optionalColumn("timezone") else {
            return [:]
        }
        let id = try csv.column("city_id")
        var zones: [String: String] = [:]
        while try csv.next() { zones[csv.text(id)] = csv.optionalText(zone) }
        return zones
    }

    private static func loadThresholds(_ db: Database, lake: Lake, logger: Logger) throws -> Int {
        let url = lake.reference.appendingPathComponent("thresholds.csv")
        guard FileManager.default.fileExists(atPath: url.path) else {
            logger.warning("warehouse.thresholds.missing", metadata: ["file": "\(lake.relativePath(url))"])
            return 0
        }
        let thresholds = try Threshold.load(from: url)
        for threshold in thresholds {
            let rule = threshold.rule
            try db.execute(sql: """
                INSERT INTO thresholds (threshold_id, pollutant, level, threshold_ugm3, averaging_hours,
                                        minimum_valid_hours, consecutive_hours, authority, text)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (threshold_id, pollutant) DO UPDATE SET level = excluded.level,
                    threshold_ugm3 = excluded.threshold_ugm3, averaging_hours = excluded.averaging_hours,
                    minimum_valid_hours = excluded.minimum_valid_hours, consecutive_hours = excluded.consecutive_hours,
                    authority = excluded.authority, text = excluded.text
                """, arguments: [threshold.id, rule.pollutant, rule.level, rule.thresholdUgm3, rule.averagingHours,
                                 rule.minimumValidHours, rule.consecutiveHours, threshold.authority, threshold.text])
        }
        return thresholds.count
    }

    private static func loadStations(_ db: Database, lake: Lake, logger: Logger) throws -> Int {
        try db.execute(sql: "DELETE FROM stations")
        let url = lake.silver.appendingPathComponent("stations/stations.csv")
        guard var csv = try WarehouseCSV.open(url, lake: lake) else {
            logger.info("warehouse.stations.missing", metadata: ["file": "\(lake.relativePath(url))"])
            return 0
        }
        let columns = try ["station_id", "name", "lat", "lon", "url", "attribution", "first_seen", "last_seen"].map(csv.column)
        let insert = try WarehouseInsert(db, sql: """
            INSERT INTO stations (station_id, name, lat, lon, url, attribution, first_seen, last_seen)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        var count = 0
        while try csv.next() {
            insert.bind(1, try csv.integer(columns[0]))
            insert.bind(2, csv.optionalText(columns[1]))
            insert.bind(3, nullable: try csv.number(columns[2]))
            insert.bind(4, nullable: try csv.number(columns[3]))
            insert.bind(5, csv.optionalText(columns[4]))
            insert.bind(6, csv.optionalText(columns[5]))
            insert.bind(7, try csv.timestamp(columns[6]))
            insert.bind(8, try csv.timestamp(columns[7]))
            try insert.run()
            count += 1
        }
        return count
    }
}
