import Foundation

/// The table schemas (`schemas/table/*.table.json`) that give silver and gold datasets their
/// `schema` facet. A folder that is missing or unreadable gives no facet rather than no lineage.
public struct LineageSchemas: Sendable {
    private var tables: [String: TableSchema] = [:]

    /// No schema: datasets get no `schema` facet.
    public static let none = LineageSchemas()

    private init() {}

    /// Loads every table schema of `folder` (the `schemas` folder, or its `table/` subfolder).
    public init(folder: URL) {
        let tableFolder = FileManager.default.fileExists(atPath: folder.appendingPathComponent("table").path)
            ? folder.appendingPathComponent("table") : folder
        for name in (try? FileManager.default.contentsOfDirectory(atPath: tableFolder.path)) ?? [] where name.hasSuffix(".table.json") {
            if let schema = try? TableSchema.load(from: tableFolder.appendingPathComponent(name)) {
                tables[schema.table] = schema
            }
        }
    }

    /// The `schema` facet of a silver or gold dataset, when its table has a schema.
    func facet(forDataset name: String) -> SchemaFacet? {
        guard let table = LineageFile.table(of: name + "/x"), let schema = tables[table] else { return nil }
        return SchemaFacet(fields: schema.columns.map { column in
            .init(name: column.name, type: column.type.rawValue,
                  description: [column.unit.map { "[\($0)]" }, column.description].compactMap { $0 }.joined(separator: " "))
        })
    }
}
