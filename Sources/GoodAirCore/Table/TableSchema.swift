import Foundation

/// A table's description from `schemas/table/<table>.table.json`: columns in order, their type,
/// unit, nullability and allowed physical range, and the primary key. Curation writes exactly
/// these columns and turns values outside a range into NULL (counted as corrections).
///
/// ```swift
/// let weather = try TableSchema.load(from: URL(fileURLWithPath: "schemas/table/weather.table.json"))
/// weather.header                        // "city_id,observed_at,collected_at,temperature_c,…"
/// ```
public struct TableSchema: Codable, Sendable, Equatable {
    public enum ColumnType: String, Codable, Sendable {
        case string, integer, float, timestamp, date, boolean
    }

    public struct Column: Codable, Sendable, Equatable {
        public var name: String
        public var type: ColumnType
        public var nullable: Bool
        public var unit: String?
        public var min: Double?
        public var max: Double?
        public var description: String?
    }

    public var table: String
    public var zone: String?
    public var source: String?
    public var description: String?
    public var primaryKey: [String]
    public var columns: [Column]

    enum CodingKeys: String, CodingKey {
        case table, zone, source, description, primaryKey = "primary_key", columns
    }

    /// The CSV header line (no line end).
    public var header: String { columns.map(\.name).joined(separator: ",") }

    /// The position of column `name`, or nil.
    public func index(of name: String) -> Int? { columns.firstIndex { $0.name == name } }

    /// Loads and checks a table file: every primary-key column exists and is not nullable,
    /// names are unique, min ≤ max. The error names the file and what is wrong.
    public static func load(from url: URL) throws -> TableSchema {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw TableSchemaError(file: url.path, reason: "cannot read it (\(error.localizedDescription))")
        }
        let schema: TableSchema
        do { schema = try JSONDecoder().decode(TableSchema.self, from: data) } catch let DecodingError.keyNotFound(key, context) {
            throw TableSchemaError(file: url.lastPathComponent, reason: "missing \(Self.path(context.codingPath + [key]))")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.dataCorrupted(context) {
            throw TableSchemaError(file: url.lastPathComponent, reason: "bad value at \(Self.path(context.codingPath)): \(context.debugDescription)")
        } catch {
            throw TableSchemaError(file: url.lastPathComponent, reason: "not a table description (\(error))")
        }
        try schema.check(file: url.lastPathComponent)
        return schema
    }

    func check(file: String) throws {
        var seen = Set<String>()
        for column in columns where !seen.insert(column.name).inserted {
            throw TableSchemaError(file: file, reason: "column '\(column.name)' appears twice")
        }
        for key in primaryKey {
            guard let column = columns.first(where: { $0.name == key }) else {
                throw TableSchemaError(file: file, reason: "primary key column '\(key)' is not a column")
            }
            guard !column.nullable else { throw TableSchemaError(file: file, reason: "primary key column '\(key)' is nullable") }
        }
        for column in columns {
            if let min = column.min, let max = column.max, min > max {
                throw TableSchemaError(file: file, reason: "column '\(column.name)': min \(min) > max \(max)")
            }
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        "/" + keys.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: "/")
    }
}

/// A table description that cannot be used: which file, what is wrong.
public struct TableSchemaError: Error, CustomStringConvertible, Sendable {
    public let file: String
    public let reason: String
    public var description: String { "\(file): \(reason)" }
}
