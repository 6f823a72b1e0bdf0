import Foundation
import Synchronization

/// The table schemas (`schemas/table/*.table.json`) that give silver and gold datasets their
/// `schema` facet. A folder that is missing or unreadable gives no facet rather than no lineage.
///
/// The files are read on a thread of their own as soon as the value is made, since a job needs
/// the facets only when it completes; the first facet asked for waits for them.
public struct LineageSchemas: Sendable {
    /// The tables' schemas, once loaded.
    private final class Loading: Sendable {
        private let done = DispatchSemaphore(value: 0)
        private let loaded = Mutex<[String: TableSchema]?>(nil)

        init(folder: URL) {
            // A thread of its own, not a Dispatch queue: on Linux the Swift concurrency pool runs
            // on Dispatch's worker threads, which a job waiting here could all be holding.
            Thread { [self] in
                let tables = Self.load(folder)
                loaded.withLock { $0 = tables }
                done.signal()
            }.start()
        }

        var tables: [String: TableSchema] {
            if let tables = loaded.withLock({ $0 }) { return tables }
            done.wait()
            done.signal()   // for any later caller
            return loaded.withLock { $0 } ?? [:]
        }

        private static func load(_ folder: URL) -> [String: TableSchema] {
            let tableFolder = FileManager.default.fileExists(atPath: folder.appendingPathComponent("table").path)
                ? folder.appendingPathComponent("table") : folder
            var tables: [String: TableSchema] = [:]
            for name in (try? FileManager.default.contentsOfDirectory(atPath: tableFolder.path)) ?? [] where name.hasSuffix(".table.json") {
                if let schema = try? TableSchema.load(from: tableFolder.appendingPathComponent(name)) {
                    tables[schema.table] = schema
                }
            }
            return tables
        }
    }

    private let loading: Loading?

    /// No schema: datasets get no `schema` facet.
    public static let none = LineageSchemas(loading: nil)

    private init(loading: Loading?) {
        self.loading = loading
    }

    /// Loads every table schema of `folder` (the `schemas` folder, or its `table/` subfolder), in
    /// the background.
    public init(folder: URL) {
        self.init(loading: Loading(folder: folder))
    }

    /// The `schema` facet of a silver or gold dataset, when its table has a schema.
    func facet(forDataset name: String) -> SchemaFacet? {
        guard let table = LineageFile.table(of: name + "/x"), let schema = loading?.tables[table] else { return nil }
        return SchemaFacet(fields: schema.columns.map { column in
            .init(name: column.name, type: column.type.rawValue,
                  description: [column.unit.map { "[\($0)]" }, column.description].compactMap { $0 }.joined(separator: " "))
        })
    }
}
