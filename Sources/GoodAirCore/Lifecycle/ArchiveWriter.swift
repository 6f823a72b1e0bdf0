import Crypto
import Foundation

/// Packs a partition into `archive/<partition>.tar.gz` and writes its `.manifest.json`
/// (`verified_at` null until ``ArchiveVerifier`` has read it back).
///
/// The archive is a POSIX ustar tar of the partition's files, paths relative to the lake root,
/// sorted, with fixed metadata (``TarFormat``), gzip-compressed at zlib's level 6: the same files
/// give the same bytes. It is streamed to a hidden temporary beside its target, fsynced and
/// renamed, so a reader never sees half an archive; the manifest is written after it.
///
/// ```swift
/// let manifest = try ArchiveWriter(lake: lake, faults: nil).write(
///     origin: "bronze/source=aqicn/date=2026-07-14", inputs: inputs, createdAt: "2026-08-14T03:00:00Z")
/// ```
struct ArchiveWriter {
    /// One member to pack: its path relative to the lake root, and how to read its bytes.
    struct Input {
        var path: String
        var load: () throws -> [UInt8]

        /// The file at `path` in `lake`.
        static func file(_ path: String, in lake: Lake) -> Input {
            let full = lake.root.path + "/" + path
            return Input(path: path) { try LakeFiles.read(path: full) }
        }
    }

    let lake: Lake
    let faults: LifecycleFaults?

    /// Writes the archive of `origin` from `inputs` (any order), then its manifest; returns the manifest.
    func write(origin: String, inputs: [Input], createdAt: String) throws -> ArchiveManifest {
        let layout = ArchiveLayout(origin: origin)
        let sorted = inputs.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        let file = try StreamingAtomicFile(url: lake.root.appendingPathComponent(layout.archive), faults: faults)
        var members: [ArchiveManifest.Member] = []
        var hasher = SHA256()
        var archiveBytes: Int64 = 0
        do {
            let deflater = try GzipDeflater()
            func emit(_ chunk: [UInt8]) throws {
                hasher.update(data: chunk)
                archiveBytes += Int64(chunk.count)
                try file.append(chunk)
            }
            var tarBytes = 0
            func pack(_ bytes: [UInt8]) throws {
                try deflater.write(bytes, sink: emit)
                tarBytes += bytes.count
            }
            for (index, input) in sorted.enumerated() {
                if index == sorted.count / 2 { try faults.tick("write \(layout.archive)") }   // a kill leaves half a temporary
                let bytes = try input.load()
                try pack(try TarFormat.header(path: input.path, size: bytes.count))
                try pack(bytes)
                try pack([UInt8](repeating: 0, count: TarFormat.padding(after: bytes.count)))
                members.append(.init(path: input.path, bytes: Int64(bytes.count), sha256: SHA256.hash(data: bytes).hex))
            }
            try pack([UInt8](repeating: 0, count: 2 * TarFormat.block))
            try pack([UInt8](repeating: 0, count: TarFormat.padding(after: tarBytes, unit: TarFormat.record)))
            try deflater.finish(sink: emit)
            try file.commit()
        } catch {
            if !error.isInjectedKill { file.abandon() }
            throw error
        }
        let manifest = ArchiveManifest(partition: origin, archiveBytes: archiveBytes, archiveSHA256: hasher.finalize().hex,
                                       createdAt: createdAt, members: members)
        try faults.tick("write \(layout.manifest)")
        try manifest.write(to: lake.root.appendingPathComponent(layout.manifest))
        return manifest
    }
}
