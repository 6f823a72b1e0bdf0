import Foundation
import Logging

/// Brings an archived partition back into its zone, byte for byte, so curation can rebuild from
/// it (`goodair lifecycle restore bronze/source=aqicn/date=2026-07-14`).
///
/// The archive is verified against its manifest first; a file already in place is left alone
/// when it matches, and the restore is refused before anything is written when one differs.
/// Snapshot files are written before their hour's `_manifest.json`, each atomically, then
/// checked against the manifest once on disk. Running it again does nothing. The archive stays:
/// the next `apply` removes the restored originals again once they match it, unless a hold lists
/// the partition.
///
/// ```swift
/// let report = try await Restorer(lake: lake, clock: clock, logger: logger).restore("bronze/source=aqicn/date=2026-07-14")
/// report.restored   // files written
/// ```
public struct Restorer: Sendable {
    public let lake: Lake
    public let configuration: LifecycleConfiguration
    public let clock: LakeClock
    public let logger: Logger

    public init(lake: Lake, configuration: LifecycleConfiguration = LifecycleConfiguration(), clock: LakeClock, logger: Logger) {
        self.lake = lake
        self.configuration = configuration
        self.clock = clock
        self.logger = logger
    }

    /// What a restore did.
    public struct Report: Sendable, Codable, Equatable {
        public var partition: String
        public var archive: String
        /// Files written, and their bytes.
        public var restored: Int
        public var bytes: Int64
        /// Files that were already in place with the archive's bytes.
        public var alreadyPresent: Int

        public var summary: String {
            "lifecycle restore: \(partition) — \(restored) files restored (\(LifecyclePlan.size(bytes))), "
                + "\(alreadyPresent) already in place, byte-identical to \(archive), which is kept"
        }
    }

    /// Restores `path`: a partition as plans print it, or its archive's partition path.
    public func restore(_ path: String) async throws -> Report {
        let origin = path.hasPrefix("archive/") ? String(path.dropFirst(8)) : path
        guard let partition = LakePartition(path: origin), partition.zone.isArchivable else { throw LifecycleError.badPartition(path) }
        let layout = ArchiveLayout(origin: partition.path)
        guard FileManager.default.fileExists(atPath: lake.root.appendingPathComponent(layout.manifest).path) else {
            throw LifecycleError.notArchived(partition.path)
        }
        let lock = try await RunLock.acquire(name: "lifecycle", in: lake, wait: configuration.lockWait, clock: clock)
        defer { lock.release() }
        return try await BlockingWork.run { [self] in try self.run(partition, layout) }
    }

    private func run(_ partition: LakePartition, _ layout: ArchiveLayout) throws -> Report {
        let check = try ArchiveVerifier.verify(manifestURL: lake.root.appendingPathComponent(layout.manifest))
        guard check.isValid else { throw LifecycleError.corruptArchive(path: layout.archive, reason: check.problem ?? "") }
        let manifest = try ArchiveManifest.load(from: lake.root.appendingPathComponent(layout.manifest))
        var report = Report(partition: partition.path, archive: layout.archive, restored: 0, bytes: 0, alreadyPresent: 0)
        var wanted = Set<String>()
        for member in manifest.members {
            guard !member.path.hasPrefix("/"), !member.path.split(separator: "/").contains(".."),
                  member.path.hasPrefix(partition.path + "/") else {
                throw LifecycleError.corruptArchive(path: layout.archive, reason: "\(member.path) lies outside \(partition.path)")
            }
            let url = lake.root.appendingPathComponent(member.path)
            guard FileManager.default.fileExists(atPath: url.path) else {
                wanted.insert(member.path)
                continue
            }
            guard Checksum.sha256(of: try LakeFiles.read(url), matches: member.sha256) else { throw LifecycleError.conflict(path: member.path) }
            report.alreadyPresent += 1
        }
        var manifests: [ArchiveReader.Member] = []
        var folders = Set<URL>()
        func write(_ member: ArchiveReader.Member) throws {
            let url = lake.root.appendingPathComponent(member.path)
            try configuration.faults.tick("write \(member.path)")
            try AtomicFile.write(member.bytes, to: url, syncFolder: false)
            folders.insert(url.deletingLastPathComponent())
            report.restored += 1
            report.bytes += Int64(member.bytes.count)
        }
        _ = try ArchiveReader.read(lake.root.appendingPathComponent(layout.archive)) { member in
            guard wanted.contains(member.path) else { return }
            if member.path.hasSuffix("/" + HourManifest.fileName) { manifests.append(member) } else { try write(member) }
        }
        for folder in folders { try AtomicFile.syncFolder(folder) }
        for member in manifests { try write(member) }
        for folder in folders { try AtomicFile.syncFolder(folder) }
        for member in manifest.members where wanted.contains(member.path) {
            guard Checksum.sha256(of: try LakeFiles.read(lake.root.appendingPathComponent(member.path)), matches: member.sha256) else {
                throw LifecycleError.corruptArchive(path: layout.archive, reason: "\(member.path) does not read back as archived")
            }
        }
        logger.info("lifecycle.restore", metadata: ["partition": "\(partition.path)", "files": "\(report.restored)"])
        return report
    }
}
