import Foundation

/// The file operations of lifecycle jobs: reading whole files, and removing files and the
/// folders they leave empty, each counted by the fault hook.
enum LakeFiles {
    /// The bytes of the file at `url`.
    static func read(_ url: URL) throws -> [UInt8] { try read(path: url.path) }

    /// The bytes of the file at `path` (one `fstat`, then `read(2)` into an array of its size):
    /// a string path, as `URL.appendingPathComponent` costs a `stat` of its own.
    static func read(path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw LakeError.io(operation: "open", path: path, errno: errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw LakeError.io(operation: "stat", path: path, errno: errno) }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var count = 0
        while true {
            if count == bytes.count { bytes.append(contentsOf: [UInt8](repeating: 0, count: 64 * 1024)) }   // grew meanwhile
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + count, $0.count - count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw LakeError.io(operation: "read", path: path, errno: errno)
            }
            if n == 0 { break }
            count += n
        }
        bytes.removeSubrange(count...)
        return bytes
    }

    /// Removes the file at `path`; nothing when it is already gone.
    static func remove(path: String, faults: LifecycleFaults?) throws {
        try faults.tick("unlink \(path)")
        guard unlink(path) == 0 || errno == ENOENT else { throw LakeError.io(operation: "unlink", path: path, errno: errno) }
    }

    /// Removes `folder` and the folders below it that are empty (hidden temporaries of killed
    /// writers removed first), then fsyncs its parent; a folder still holding a file stays.
    static func removeEmptyTree(_ folder: URL, faults: LifecycleFaults?) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else { return }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
            try removeEmptyTree(folder.appendingPathComponent(name), faults: faults)
        }
        AtomicFile.cleanTemporaries(in: folder)
        guard ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).isEmpty else { return }
        try faults.tick("rmdir \(folder.lastPathComponent)")
        guard rmdir(folder.path) == 0 || errno == ENOENT else { throw LakeError.io(operation: "rmdir", path: folder.path, errno: errno) }
        try AtomicFile.syncFolder(folder.deletingLastPathComponent())
    }
}
