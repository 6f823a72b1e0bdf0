import Foundation

/// A file written in pieces that appears whole or not at all, like ``AtomicFile`` (same hidden
/// temporary beside the target, fsync, rename, fsync of the folder), for archives too large to
/// hold in memory.
///
/// ```swift
/// let file = try StreamingAtomicFile(url: target, faults: nil)
/// try file.append(chunk)
/// try file.commit()   // or the temporary is removed by abandon(), or by cleanTemporaries after a kill
/// ```
final class StreamingAtomicFile {
    let url: URL
    private let temporary: URL
    private var fd: Int32
    private let faults: LifecycleFaults?

    init(url: URL, faults: LifecycleFaults?) throws {
        self.url = url
        self.faults = faults
        let folder = url.deletingLastPathComponent()
        try AtomicFile.createFolder(folder)
        temporary = folder.appendingPathComponent(
            ".\(url.lastPathComponent)\(AtomicFile.temporaryMarker)\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try faults.tick("create \(temporary.lastPathComponent)")
        fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw LakeError.io(operation: "create", path: temporary.path, errno: errno) }
    }

    deinit { if fd >= 0 { close(fd) } }

    /// Appends `bytes` to the temporary file.
    func append(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw LakeError.io(operation: "write", path: temporary.path, errno: errno)
            }
            offset += n
        }
    }

    /// fsyncs the temporary, renames it over the target and fsyncs the folder.
    func commit() throws {
        guard fsync(fd) == 0 else { throw LakeError.io(operation: "fsync", path: temporary.path, errno: errno) }
        let closing = fd
        fd = -1
        guard close(closing) == 0 else { throw LakeError.io(operation: "close", path: temporary.path, errno: errno) }
        try faults.tick("rename \(url.lastPathComponent)")
        guard rename(temporary.path, url.path) == 0 else { throw LakeError.io(operation: "rename", path: url.path, errno: errno) }
        try AtomicFile.syncFolder(url.deletingLastPathComponent())
    }

    /// Removes the temporary (after an error).
    func abandon() {
        if fd >= 0 { close(fd); fd = -1 }
        unlink(temporary.path)
    }
}
