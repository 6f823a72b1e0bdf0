/// Where the archive of a partition lives (the layout the lineage code relies on):
///
/// ```swift
/// let layout = ArchiveLayout(origin: "bronze/source=aqicn/date=2026-07-14")
/// layout.archive    // "archive/bronze/source=aqicn/date=2026-07-14.tar.gz"
/// layout.manifest   // "archive/bronze/source=aqicn/date=2026-07-14.manifest.json"
/// ```
public struct ArchiveLayout: Sendable, Hashable {
    /// The packed partition, relative to the lake root.
    public let origin: String

    public init(origin: String) { self.origin = origin }

    /// `archive/<origin>`: the archive's partition path in plans.
    public var partition: String { "archive/" + origin }
    /// `archive/<origin>.tar.gz`.
    public var archive: String { partition + ".tar.gz" }
    /// `archive/<origin>.manifest.json`.
    public var manifest: String { partition + ".manifest.json" }

    /// The origin partition of a member path (`bronze/source=aqicn/date=2026-07-14/hour=10/paris.json.gz`
    /// → `bronze/source=aqicn/date=2026-07-14`), nil when the path is not inside one.
    public static func origin(ofMember path: String) -> String? {
        let parts = path.split(separator: "/", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "bronze" || parts[0] == "quarantine" else { return nil }
        return parts[0...2].joined(separator: "/")
    }
}
