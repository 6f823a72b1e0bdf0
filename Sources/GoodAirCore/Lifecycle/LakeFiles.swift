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

    /// Removes the empty folders from `folder` up to (not including) `stop`, hidden temporaries
    /// of killed writers included, and fsyncs the first folder left standing.
    static func removeEmptyFolders(from folder: URL, upTo stop: URL, faults: LifecycleFaults?) throws {
        var current = folder.standardizedFileURL
        let end = stop.standardizedFileURL.path
        while current.path.hasPrefix(end + "/") {
            AtomicFile.cleanTemporaries(in: current)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: current.path)) ?? []
            guard names.isEmpty, FileManager.default.fileExists(atPath: current.path) else { break }
            try faults.tick("rmdir \(current.lastPathComponent)")
            guard rmdir(current.path) == 0 || errno == ENOENT else { throw LakeError.io(operation: "rmdir", path: current.path, errno: errno) }
            current = current.deletingLastPathComponent()
        }
        if FileManager.default.fileExists(atPath: current.path) { try AtomicFile.syncFolder(current) }
    }
}
