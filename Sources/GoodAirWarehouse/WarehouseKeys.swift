import GoodAirCore
import GRDB
import Logging

/// The dimension keys facts are checked against while loading: a gold row naming a city,
/// variable or threshold the dimensions do not hold is skipped (and counted, with one warning per
/// file and key) rather than failing the whole load on a foreign key.
///
/// ```swift
/// var keys = try WarehouseKeys(db, logger: logger)
/// keys.variableIDs["temperature_c"]          // 1
/// keys.knowsCity("paris", in: path)          // true
/// ```
struct WarehouseKeys {
    /// `variables.variable_id` by name.
    let variableIDs: [String: Int]
    let cities: Set<String>
    /// `threshold_id` and `pollutant` joined by a NUL.
    let thresholds: Set<String>
    private let logger: Logger
    /// Gold rows skipped because a key was unknown.
    private(set) var skipped = 0
    private var warned = Set<String>()

    init(_ db: Database, logger: Logger) throws {
        variableIDs = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT name, variable_id FROM variables")
            .map { ($0[0] as String, $0[1] as Int) })
        cities = Set(try String.fetchAll(db, sql: "SELECT city_id FROM cities"))
        thresholds = Set(try Row.fetchAll(db, sql: "SELECT threshold_id, pollutant FROM thresholds")
            .map { "\($0[0] as String)\u{0}\($0[1] as String)" })
        self.logger = logger
    }

    /// Whether `city` is in `cities`; when not, counts the row as skipped.
    mutating func knowsCity(_ city: String, in path: String) -> Bool {
        if cities.contains(city) { return true }
        skip("city", city, path)
        return false
    }

    /// The id of variable `name`; when unknown, counts the row as skipped.
    mutating func variable(_ name: String, in path: String) -> Int? {
        if let id = variableIDs[name] { return id }
        skip("variable", name, path)
        return nil
    }

    /// Whether threshold `id` of `pollutant` is in `thresholds`; when not, counts the row as skipped.
    mutating func knowsThreshold(_ id: String, pollutant: String, in path: String) -> Bool {
        if thresholds.contains("\(id)\u{0}\(pollutant)") { return true }
        skip("threshold", "\(id)/\(pollutant)", path)
        return false
    }

    /// Counts `rows` more rows skipped for an unknown key already reported.
    mutating func skip(rows: Int) { skipped += rows }

    private mutating func skip(_ kind: String, _ key: String, _ path: String) {
        skipped += 1
        if warned.insert("\(path)\u{0}\(kind)\u{0}\(key)").inserted {
            logger.warning("warehouse.unknown-key", metadata: ["file": "\(path)", "kind": "\(kind)", "key": "\(key)"])
        }
    }
}
