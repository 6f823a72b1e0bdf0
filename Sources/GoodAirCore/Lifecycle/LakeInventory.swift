import Crypto
import Foundation

/// One file of a partition: what a plan's fingerprint and an archive's members are made of.
public struct PartitionFile: Sendable, Codable, Hashable {
    /// Relative to the lake root: `bronze/source=aqicn/date=2026-07-14/hour=10/paris.json.gz`.
    public var path: String
    public var bytes: Int64
    /// Modification time in nanoseconds since 1970.
    public var modified: Int64
}

/// What the lake holds, zone by zone, in the units retention acts on.
///
/// Listing partitions reads folder names only; ``files(of:)`` walks one partition when its size
/// or fingerprint is needed, so a plan over a year of bronze stats only what it acts on.
///
/// ```swift
/// let inventory = LakeInventory(lake: lake)
/// for partition in inventory.partitions() where partition.zone == .bronze { … }
/// ```
public struct LakeInventory: Sendable {
    public let lake: Lake

    public init(lake: Lake) { self.lake = lake }

    /// Every partition of every zone, sorted by path. Folders whose names are not partitions
    /// (`silver/stations`, `gold/reports`, hidden temporaries) are not listed.
    public func partitions() -> [LakePartition] {
        var found: [LakePartition] = []
        for zone in [LakeZone.bronze, .quarantine] {
            for source in names(zone.folder, prefix: "source=") {
                for date in names("\(zone.folder)/source=\(source)", prefix: "date=") {
                    if let partition = LakePartition(zone: zone, source: source, period: date) { found.append(partition) }
                }
            }
        }
        for (zone, key) in [(LakeZone.silver, "date="), (.gold, "month=")] {
            for table in names(zone.folder, prefix: "") where !table.contains("=") {
                for period in names("\(zone.folder)/\(table)", prefix: key) {
                    if let partition = LakePartition(zone: zone, table: table, period: period) { found.append(partition) }
                }
            }
        }
        for date in names("_lineage", prefix: "date=") {
            if let partition = LakePartition(zone: .lineage, period: date) { found.append(partition) }
        }
        found += ArchiveCatalog(lake: lake).partitions()
        return found.sorted()
    }

    /// The files of `partition`, sorted by path (hidden temporaries of killed writers left out).
    /// For an archive: its `.tar.gz` and `.manifest.json`, those that exist.
    public func files(of partition: LakePartition) -> [PartitionFile] {
        if partition.zone == .archive {
            let paths = ArchiveLayout(origin: partition.origin ?? "")
            return [paths.archive, paths.manifest].compactMap { file(at: $0) }
        }
        var files: [PartitionFile] = []
        walk(partition.path, into: &files)
        return files.sorted { $0.path < $1.path }
    }

    /// The sha256 of the files' paths, sizes and modification times: a change of any of them
    /// changes it.
    public static func fingerprint(_ files: [PartitionFile]) -> String {
        var hasher = SHA256()
        for file in files { hasher.update(data: Data("\(file.path)\t\(file.bytes)\t\(file.modified)\n".utf8)) }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// The file at `path` (relative to the root), or nil when there is none.
    func file(at path: String) -> PartitionFile? {
        var info = stat()
        guard lstat(lake.root.path + "/" + path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return PartitionFile(path: path, bytes: Int64(info.st_size),
                             modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
    }

    /// Adds the regular files below folder `relative`, with `readdir` and one `fstatat` per file.
    private func walk(_ relative: String, into files: inout [PartitionFile]) {
        guard let folder = opendir(lake.root.path + "/" + relative) else { return }
        defer { closedir(folder) }
        let fd = dirfd(folder)
        var folders: [String] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard name != ".", name != "..", !Self.isTemporary(name) else { continue }
            var info = stat()
            guard fstatat(fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFREG:
                files.append(PartitionFile(path: relative + "/" + name, bytes: Int64(info.st_size),
                                           modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)))
            case S_IFDIR:
                folders.append(relative + "/" + name)
            default:
                continue
            }
        }
        for path in folders { walk(path, into: &files) }
    }

    /// The names in folder `relative` starting with `prefix`, without it, sorted.
    private func names(_ relative: String, prefix: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: lake.root.path + "/" + relative)) ?? []
        return names.filter { $0.hasPrefix(prefix) && !$0.hasPrefix(".") }.map { String($0.dropFirst(prefix.count)) }.sorted()
    }

    /// A hidden temporary of ``AtomicFile`` or of an archive being written.
    static func isTemporary(_ name: String) -> Bool {
        name.hasPrefix(".") && name.contains(AtomicFile.temporaryMarker)
    }
}
