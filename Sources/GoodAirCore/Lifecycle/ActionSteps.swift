import Crypto
import Foundation
import Logging

/// The steps of one partition's actions in an apply: pack, verify, delete, expire. A new value
/// per partition, so "verified in this run" never carries over to another partition.
struct ActionSteps {
    let lake: Lake
    let faults: LifecycleFaults?
    let now: Date
    let logger: Logger
    /// Whether this partition's archive was read back and matched, in this run.
    private(set) var verified = false

    init(lake: Lake, faults: LifecycleFaults?, now: Date, logger: Logger) {
        self.lake = lake
        self.faults = faults
        self.now = now
        self.logger = logger
    }

    mutating func perform(_ action: LifecycleAction, partition: LakePartition) throws -> ApplyReport.Done {
        switch action.kind {
        case .archive: return try archive(partition)
        case .verify: return try verify(partition)
        case .delete: return try delete(partition, archived: action.archive != nil)
        case .expireArchive: return try expire(partition)
        }
    }

    /// The originals of a partition with the sha256 of each.
    private func originals(_ files: [PartitionFile]) throws -> [(file: PartitionFile, sha256: String)] {
        let root = lake.root.path + "/"
        return try files.map { file in (file, SHA256.hash(data: try LakeFiles.read(path: root + file.path)).hex) }
    }

    /// The manifest of `layout` when both it and the archive exist.
    private func manifest(_ layout: ArchiveLayout) -> ArchiveManifest? {
        guard FileManager.default.fileExists(atPath: lake.root.appendingPathComponent(layout.archive).path) else { return nil }
        return try? ArchiveManifest.load(from: lake.root.appendingPathComponent(layout.manifest))
    }

    /// The first original the archive lacks (nil when it holds them all); throws when one differs.
    private func missing(from manifest: ArchiveManifest, _ originals: [(file: PartitionFile, sha256: String)]) throws -> String? {
        let members = Dictionary(manifest.members.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        for (file, sha256) in originals {
            guard let member = members[file.path] else { return file.path }
            guard member.sha256 == sha256, member.bytes == file.bytes else { throw LifecycleError.differsFromArchive(path: file.path) }
        }
        return nil
    }

    /// Packs the partition unless an archive already holds every original.
    mutating func archive(_ partition: LakePartition) throws -> ApplyReport.Done {
        let layout = ArchiveLayout(origin: partition.path)
        AtomicFile.cleanTemporaries(in: lake.root.appendingPathComponent(layout.archive).deletingLastPathComponent())
        let files = LakeInventory(lake: lake).files(of: partition)
        let bytes = files.reduce(Int64(0)) { $0 + $1.bytes }
        let existing = manifest(layout)
        if let existing, try missing(from: existing, try originals(files)) == nil {
            return done(.archive, partition, layout, bytes: bytes, files: files.count, sha256: existing.archiveSHA256, reused: true)
        }
        let written = try pack(partition, files: files, keeping: existing)
        return done(.archive, partition, layout, bytes: bytes, files: files.count, sha256: written.archiveSHA256, reused: false)
    }

    /// Writes the archive from the originals, plus the members of `previous` that are no longer
    /// among them (a rerun after a kill during delete): nothing once archived is dropped.
    private func pack(_ partition: LakePartition, files: [PartitionFile], keeping previous: ArchiveManifest?) throws -> ArchiveManifest {
        let layout = ArchiveLayout(origin: partition.path)
        var inputs = files.map { ArchiveWriter.Input.file($0.path, in: lake) }
        let present = Set(files.map(\.path))
        if let previous, previous.members.contains(where: { !present.contains($0.path) }) {
            let check = try ArchiveVerifier.verify(manifestURL: lake.root.appendingPathComponent(layout.manifest))
            guard check.isValid else {
                throw LifecycleError.corruptArchive(path: layout.archive, reason: "\(check.problem ?? "") — and the originals no longer hold all of it, so it is not packed again")
            }
            var kept: [String: [UInt8]] = [:]
            _ = try ArchiveReader.read(lake.root.appendingPathComponent(layout.archive)) { member in
                if !present.contains(member.path) { kept[member.path] = member.bytes }
            }
            inputs += kept.map { path, bytes in ArchiveWriter.Input(path: path) { bytes } }
        }
        let manifest = try ArchiveWriter(lake: lake, faults: faults).write(origin: partition.path, inputs: inputs,
                                                                          createdAt: Timestamp.format(now))
        logger.debug("lifecycle.archive", metadata: ["partition": "\(partition.path)", "members": "\(manifest.members.count)",
                                                     "bytes": "\(manifest.archiveBytes)"])
        return manifest
    }

    /// Reads the archive back against its manifest and the originals; repairs what can be
    /// repaired from the originals; records `verified_at`.
    mutating func verify(_ partition: LakePartition) throws -> ApplyReport.Done {
        let layout = ArchiveLayout(origin: partition.path)
        let manifestURL = lake.root.appendingPathComponent(layout.manifest)
        guard var manifest = manifest(layout) else { throw StepRefusal(reason: "no archive with a manifest to verify") }
        let originals = try self.originals(LakeInventory(lake: lake).files(of: partition))
        var check = try ArchiveVerifier.verify(manifestURL: manifestURL)
        if !check.isValid {
            let present = Dictionary(originals.map { ($0.file.path, $0.sha256) }, uniquingKeysWith: { first, _ in first })
            guard manifest.members.allSatisfy({ present[$0.path] == $0.sha256 }) else {
                throw LifecycleError.corruptArchive(path: layout.archive, reason: "\(check.problem ?? ""); the originals do not hold all of it, so nothing is deleted")
            }
            logger.warning("lifecycle.repack", metadata: ["archive": "\(layout.archive)", "problem": "\(check.problem ?? "")"])
            manifest = try pack(partition, files: originals.map(\.file), keeping: nil)
            check = try ArchiveVerifier.verify(manifestURL: manifestURL)
        } else if try missing(from: manifest, originals) != nil {
            manifest = try pack(partition, files: originals.map(\.file), keeping: manifest)
            check = try ArchiveVerifier.verify(manifestURL: manifestURL)
        }
        guard check.isValid else { throw LifecycleError.corruptArchive(path: layout.archive, reason: check.problem ?? "") }
        if let path = try missing(from: manifest, originals) { throw StepRefusal(reason: "\(path) is not in the archive") }
        manifest.verifiedAt = Timestamp.format(now)
        try faults.tick("write \(layout.manifest)")
        try manifest.write(to: manifestURL)
        verified = true
        return done(.verify, partition, layout, bytes: check.bytes, files: check.members, sha256: manifest.archiveSHA256, reused: false)
    }

    /// Removes the partition's files, its hours' `_manifest.json` last, then its empty folders.
    /// With an archiving rule, only after ``verify(_:)`` succeeded in this run.
    mutating func delete(_ partition: LakePartition, archived: Bool) throws -> ApplyReport.Done {
        if archived {
            guard verified else { throw StepRefusal(reason: "not deleted: its archive was not verified in this run") }
        }
        let files = LakeInventory(lake: lake).files(of: partition)
        if archived, let manifest = manifest(ArchiveLayout(origin: partition.path)) {
            let members = Dictionary(manifest.members.map { ($0.path, $0.bytes) }, uniquingKeysWith: { first, _ in first })
            if let stranger = files.first(where: { members[$0.path] != $0.bytes }) {
                throw StepRefusal(reason: "not deleted: \(stranger.path) appeared after the archive was verified")
            }
        }
        let ordered = files.filter { !$0.path.hasSuffix("/" + HourManifest.fileName) } + files.filter { $0.path.hasSuffix("/" + HourManifest.fileName) }
        for file in ordered { try LakeFiles.remove(path: lake.root.path + "/" + file.path, faults: faults) }
        try LakeFiles.removeEmptyTree(lake.root.appendingPathComponent(partition.path), faults: faults)
        logger.debug("lifecycle.delete", metadata: ["partition": "\(partition.path)", "files": "\(files.count)"])
        return ApplyReport.Done(kind: .delete, partition: partition.path, inputs: [partition.path], outputs: [],
                                bytes: files.reduce(0) { $0 + $1.bytes }, files: files.count, archiveSHA256: nil)
    }

    /// Removes an archive: its manifest first (so no manifest ever names a missing archive), then the `.tar.gz`.
    mutating func expire(_ partition: LakePartition) throws -> ApplyReport.Done {
        let layout = ArchiveLayout(origin: partition.origin ?? "")
        let files = LakeInventory(lake: lake).files(of: partition)
        for path in [layout.manifest, layout.archive] { try LakeFiles.remove(path: lake.root.path + "/" + path, faults: faults) }
        logger.debug("lifecycle.expire", metadata: ["archive": "\(layout.archive)"])
        return ApplyReport.Done(kind: .expireArchive, partition: partition.path, inputs: [layout.archive, layout.manifest], outputs: [],
                                bytes: files.reduce(0) { $0 + $1.bytes }, files: files.count, archiveSHA256: nil)
    }

    private func done(_ kind: LifecycleAction.Kind, _ partition: LakePartition, _ layout: ArchiveLayout, bytes: Int64, files: Int,
                      sha256: String, reused: Bool) -> ApplyReport.Done {
        ApplyReport.Done(kind: kind, partition: partition.path, inputs: [kind == .archive ? partition.path : layout.archive],
                         outputs: kind == .archive && !reused ? [layout.archive, layout.manifest] : (kind == .verify ? [layout.manifest] : []),
                         bytes: bytes, files: files, archiveSHA256: sha256, reused: reused)
    }
}
