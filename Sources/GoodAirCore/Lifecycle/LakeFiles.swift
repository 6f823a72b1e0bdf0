import Foundation

/// The file operations of lifecycle jobs: reading whole files, and removing files and the
/// folders they leave empty, each counted by the fault hook.
enum LakeFiles {
    /// The bytes of the file at `url`.
    static func read(_ url: URL) throws -> [UInt8] {
        do { return Array(try Data(contentsOf: url)) } catch {
            throw LakeError.io(operation: "read", path: url.path, errno: (error as NSError).code == NSFileReadNoSuchFileError ? ENOENT : EIO)
        }
    }

    /// Removes the file at `url`; nothing when it is already gone.
    static func remove(_ url: URL, faults: LifecycleFaults?) throws {
        try faults.tick("unlink \(url.lastPathComponent)")
        guard unlink(url.path) == 0 || errno == ENOENT else { throw LakeError.io(operation: "unlink", path: url.path, errno: errno) }
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
