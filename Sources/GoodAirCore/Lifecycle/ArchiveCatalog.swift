import Foundation

/// The archives of a lake: what `archive/` holds, and which archive holds a given file.
///
/// ```swift
/// let catalog = ArchiveCatalog(lake: lake)
/// for entry in catalog.entries() { print(entry.layout.archive, entry.hasManifest) }
/// if let found = try catalog.archive(containing: "bronze/source=aqicn/date=2026-07-14/hour=10/paris.json.gz") {
///     print(found.entry.layout.archive, found.member.sha256)
/// }
/// ```
public struct ArchiveCatalog: Sendable {
    /// One archive: its `.tar.gz` and `.manifest.json`, either of which may be missing after a kill.
    public struct Entry: Sendable, Hashable {
        /// The archive as a partition of the archive zone.
        public let partition: LakePartition
        public let layout: ArchiveLayout
        public let archiveURL: URL
        public let manifestURL: URL
        public let hasArchive: Bool
        public let hasManifest: Bool

        /// The manifest (throws when it is missing or unreadable).
        public func manifest() throws -> ArchiveManifest { try ArchiveManifest.load(from: manifestURL) }
    }

    public let lake: Lake

    public init(lake: Lake) { self.lake = lake }

    /// Every archive, sorted by path.
    public func entries() -> [Entry] {
        var found: [Entry] = []
        for zone in LakeZone.allCases where zone.isArchivable {
            let zoneFolder = lake.archive.appendingPathComponent(zone.folder)
            let sources = (try? FileManager.default.contentsOfDirectory(atPath: zoneFolder.path)) ?? []
            for sourceName in sources.sorted() where sourceName.hasPrefix("source=") {
                let folder = zoneFolder.appendingPathComponent(sourceName)
                let names = Set((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
                var dates = Set<String>()
                for name in names where name.hasPrefix("date=") {
                    for suffix in [".tar.gz", ".manifest.json"] where name.hasSuffix(suffix) {
                        dates.insert(String(name.dropFirst(5).dropLast(suffix.count)))
                    }
                }
                for date in dates.sorted() {
                    guard let partition = LakePartition(zone: .archive, source: String(sourceName.dropFirst(7)), period: date,
                                                        originZone: zone) else { continue }
                    found.append(entry(partition, names: names))
                }
            }
        }
        return found
    }

    /// The archive of `origin` (`bronze/source=aqicn/date=2026-07-14`), nil when neither its
    /// archive nor its manifest exists.
    public func entry(for origin: String) -> Entry? {
        guard let packed = LakePartition(path: origin), packed.zone.isArchivable,
              let partition = LakePartition(zone: .archive, source: packed.source, period: packed.period, originZone: packed.zone)
        else { return nil }
        let found = entry(partition, names: nil)
        return found.hasArchive || found.hasManifest ? found : nil
    }

    /// The archive whose manifest lists `memberPath` (relative to the lake root), with the
    /// member's size and sha256; nil when no archive holds it.
    public func archive(containing memberPath: String) throws -> (entry: Entry, member: ArchiveManifest.Member)? {
        guard let origin = ArchiveLayout.origin(ofMember: memberPath), let entry = entry(for: origin), entry.hasManifest,
              let member = try entry.manifest().member(memberPath) else { return nil }
        return (entry, member)
    }

    /// The archives as partitions of the archive zone.
    func partitions() -> [LakePartition] { entries().map(\.partition) }

    private func entry(_ partition: LakePartition, names: Set<String>?) -> Entry {
        let layout = ArchiveLayout(origin: partition.origin ?? "")
        let archiveURL = lake.root.appendingPathComponent(layout.archive)
        let manifestURL = lake.root.appendingPathComponent(layout.manifest)
        func exists(_ url: URL) -> Bool {
            names.map { $0.contains(url.lastPathComponent) } ?? FileManager.default.fileExists(atPath: url.path)
        }
        return Entry(partition: partition, layout: layout, archiveURL: archiveURL, manifestURL: manifestURL,
                     hasArchive: exists(archiveURL), hasManifest: exists(manifestURL))
    }
}
