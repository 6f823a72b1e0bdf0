import Foundation

/// Errors of the lake's file layer: writing files, folders and locks.
///
/// Descriptions name the path and the system's reason; they never hold file contents.
public enum LakeError: Error, CustomStringConvertible, Sendable {
    /// A system call on `path` failed with `errno`.
    case io(operation: String, path: String, errno: Int32)
    /// Another job holds the lock.
    case locked(lock: String, holder: String)

    public var description: String {
        switch self {
        case let .io(operation, path, code):
            return "\(operation) \(path) failed: \(String(cString: strerror(code)))"
        case let .locked(lock, holder):
            return "the lake is busy: \(lock) is held by \(holder)"
        }
    }
}
