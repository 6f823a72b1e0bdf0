import Foundation

/// The silver and gold tables that have partitions, read from the table descriptions in
/// `schemas/table/*.table.json` (`table`, `zone`, and a `path` partitioned by `date=` or
/// `month=`), so a retention rule naming a table that does not exist is refused.
///
/// ```swift
/// let tables = KnownTables.load(schemas: URL(fileURLWithPath: "schemas"))
/// tables?.names(in: .silver)   // ["air_pollution", "air_quality", "weather"]
/// ```
public struct KnownTables: Sendable, Equatable {
    /// Table names by zone.
    public var tables: [LakeZone: Set<String>]

    public init(_ tables: [LakeZone: Set<String>]) { self.tables = tables }

    /// The tables of `zone`, sorted.
    public func names(in zone: LakeZone) -> [String] { (tables[zone] ?? []).sorted() }

    /// The partitioned tables described in `schemas/table/`; nil when the folder has none.
    public static func load(schemas: URL) -> KnownTables? {
        let folder = schemas.appendingPathComponent("table")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var tables: [LakeZone: Set<String>] = [:]
        for name in names where name.hasSuffix(".table.json") {
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path),
                  let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let table = object["table"] as? String, let zone = (object["zone"] as? String).flatMap(LakeZone.init),
                  let path = object["path"] as? String, path.contains("/date=") || path.contains("/month=") else { continue }
            tables[zone, default: []].insert(table)
        }
        return tables.isEmpty ? nil : KnownTables(tables)
    }
}
