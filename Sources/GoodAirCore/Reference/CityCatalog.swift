import Foundation

/// The référentiel of cities, loaded from `reference/cities.csv` and validated: a broken file is
/// refused with a message naming its line and column, never half-used.
///
/// ```swift
/// let catalog = try CityCatalog.load(from: lake.citiesFile)
/// catalog.cities.count                 // 25
/// try catalog.select(["paris", "lyon"]) // those two, in the file's order
/// ```
public struct CityCatalog: Sendable {
    /// The cities in the file's order.
    public let cities: [City]

    /// Columns the file must have (LAKE.md §2); others are allowed and ignored.
    public static let requiredColumns = [
        "city_id", "name", "insee_code", "department_code", "region", "lat", "lon", "population",
        "heatwave_tmin_c", "heatwave_tmax_c", "aqicn_uid",
    ]

    public init(cities: [City]) { self.cities = cities }

    /// Loads and validates the CSV file at `url`.
    public static func load(from url: URL) throws -> CityCatalog {
        let file = url.lastPathComponent
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ReferenceError(file: url.path, line: nil, reason: "cannot read the file (missing or unreadable)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ReferenceError(file: file, line: nil, reason: "not UTF-8 text")
        }
        return try parse(text, file: file)
    }

    /// Validates CSV text; `file` names it in errors.
    public static func parse(_ text: String, file: String = "cities.csv") throws -> CityCatalog {
        let rows: [CSVReader.Row]
        do { rows = try CSVReader.parse(text) } catch let error as CSVReader.SyntaxError {
            throw ReferenceError(file: file, line: error.line, reason: error.reason)
        }
        guard let header = rows.first else { throw ReferenceError(file: file, line: nil, reason: "the file is empty") }
        var column: [String: Int] = [:]
        for (index, name) in header.fields.enumerated() {
            let key = name.trimmingCharacters(in: .whitespaces)
            if column[key] != nil { throw ReferenceError(file: file, line: header.line, reason: "column '\(key)' appears twice") }
            column[key] = index
        }
        let missing = requiredColumns.filter { column[$0] == nil }
        guard missing.isEmpty else {
            throw ReferenceError(file: file, line: header.line, reason: "missing column(s): \(missing.joined(separator: ", "))")
        }
        var cities: [City] = []
        var seenIDs: Set<String> = [], seenINSEE: Set<String> = []
        for row in rows.dropFirst() {
            guard row.fields.count == header.fields.count else {
                throw ReferenceError(file: file, line: row.line,
                                     reason: "\(row.fields.count) fields where the header has \(header.fields.count)")
            }
            let reader = RowReader(row: row, column: column, file: file)
            let city = try reader.city()
            guard seenIDs.insert(city.id).inserted else {
                throw ReferenceError(file: file, line: row.line, reason: "city_id '\(city.id)' appears twice")
            }
            guard seenINSEE.insert(city.inseeCode).inserted else {
                throw ReferenceError(file: file, line: row.line, reason: "insee_code '\(city.inseeCode)' appears twice")
            }
            cities.append(city)
        }
        guard !cities.isEmpty else { throw ReferenceError(file: file, line: nil, reason: "no city in the file") }
        return CityCatalog(cities: cities)
    }

    /// The cities whose ids are in `ids`, in the file's order; an unknown id is an error naming it.
    /// An empty list selects every city.
    public func select(_ ids: [String]) throws -> [City] {
        guard !ids.isEmpty else { return cities }
        let known = Set(cities.map(\.id))
        if let unknown = ids.first(where: { !known.contains($0) }) {
            throw ReferenceError(file: "cities.csv", line: nil,
                                 reason: "unknown city '\(unknown)' (see reference/cities.csv for the list)")
        }
        let wanted = Set(ids)
        return cities.filter { wanted.contains($0.id) }
    }
}

/// A broken référentiel: which file, which line, what is wrong.
public struct ReferenceError: Error, CustomStringConvertible, Sendable {
    public let file: String
    public let line: Int?
    public let reason: String
    public var description: String {
        if let line { return "\(file), line \(line): \(reason)" }
        return "\(file): \(reason)"
    }
}
