import Foundation

/// Writes files so that they appear whole or not at all (LAKE.md §3): the bytes go to a hidden
/// temporary file beside the target (`.name.tmp-…`, which readers skip), are fsynced, then renamed
/// over the target, and the folder is fsynced (by `write`, or once for many files by the caller). A job killed at any instant leaves either the old
/// file, the new file, or a hidden temporary that `cleanTemporaries` removes on the next run.
///
/// ```swift
/// try AtomicFile.write(bytes, to: lake.snapshotFile(source: .aqicn, hour: hour, cityID: "paris"))
/// ```
public enum AtomicFile {
    /// The prefix of temporary files, so they are recognisable and skipped by readers.
    public static let temporaryMarker = ".tmp-"

    /// Writes `bytes` to `url` atomically, creating missing parent folders. With `syncFolder`
    /// false the caller fsyncs the folder itself (`syncFolder(_:)`) once after many files, before it
    /// writes anything that refers to them. With `durable` false nothing is fsynced: the file still
    /// appears whole or not at all, but a power cut may lose it — only for state that is safe to
    /// lose (a ledger whose loss means work is redone). `mode` is the file's permissions (default
    /// 644; 600 for a file only its owner may read, set before it appears).
    public static func write(_ bytes: some Collection<UInt8>, to url: URL, syncFolder: Bool = true, durable: Bool = true, mode: mode_t = 0o644) throws {
        let array = Array(bytes)
        try array.withUnsafeBytes { try write(buffers: [$0], to: url, syncFolder: syncFolder, durable: durable, mode: mode) }
    }

    /// Writes `buffers`, one after the other, to `url` atomically, as ``write(_:to:syncFolder:durable:)``
    /// does: a file spliced from pieces of an old one is written without joining them first.
    static func write(buffers: [UnsafeRawBufferPointer], to url: URL, syncFolder: Bool = true, durable: Bool = true, mode: mode_t = 0o644) throws {
        let folder = url.deletingLastPathComponent()
        try createFolder(folder)
        let temp = folder.appendingPathComponent(
            ".\(url.lastPathComponent)\(temporaryMarker)\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        let fd = open(temp.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw LakeError.io(operation: "create", path: temp.path, errno: errno) }
        if mode != 0o644 { fchmod(fd, mode) }   // the umask may have taken bits off
        var closed = false
        defer {
            if !closed { close(fd) }
        }
        do {
            for buffer in buffers {
                var offset = 0
                while offset < buffer.count {
                    let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                    if n < 0 {
                        if errno == EINTR { continue }
                        throw LakeError.io(operation: "write", path: temp.path, errno: errno)
                    }
                    offset += n
                }
            }
            guard !durable || fsync(fd) == 0 else { throw LakeError.io(operation: "fsync", path: temp.path, errno: errno) }
            closed = true
            guard close(fd) == 0 else { throw LakeError.io(operation: "close", path: temp.path, errno: errno) }
            guard rename(temp.path, url.path) == 0 else {
                throw LakeError.io(operation: "rename", path: url.path, errno: errno)
            }
        } catch {
            unlink(temp.path)
            throw error
        }
        if syncFolder && durable { try Self.syncFolder(folder) }
    }

    /// Writes a UTF-8 string atomically.
    public static func write(string: String, to url: URL) throws {
        try write(Array(string.utf8), to: url)
    }

    /// Creates `folder` and its missing parents.
    public static func createFolder(_ folder: URL) throws {
        // Nearly always there already, or only its last level missing: one system call.
        if mkdir(folder.path, 0o755) == 0 || errno == EEXIST { return }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw LakeError.io(operation: "mkdir", path: folder.path, errno: errno == 0 ? EIO : errno)
        }
    }

    /// Removes hidden temporaries left in `folder` by a killed writer; returns how many.
    @discardableResult
    public static func cleanTemporaries(in folder: URL) -> Int {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return 0 }
        var removed = 0
        for name in names where name.hasPrefix(".") && name.contains(temporaryMarker) {
            if unlink(folder.appendingPathComponent(name).path) == 0 { removed += 1 }
        }
        return removed
    }

    /// fsyncs a folder so the renames in it survive a power cut. Throws when the system says it
    /// could not: then nothing may yet refer to those files.
    public static func syncFolder(_ folder: URL) throws {
        let fd = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw LakeError.io(operation: "open folder", path: folder.path, errno: errno) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw LakeError.io(operation: "fsync folder", path: folder.path, errno: errno) }
    }
}
