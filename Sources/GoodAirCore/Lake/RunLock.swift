import Foundation
import Synchronization

/// An exclusive lock on the lake for one kind of job, held with `flock(2)` on `_state/<name>.lock`.
///
/// The kernel releases the lock when the holder dies, so a crashed job never blocks the next one.
/// The file records who holds it (pid and start time) for the message a second job prints.
///
/// ```swift
/// let lock = try await RunLock.acquire(name: "collect", in: lake, wait: 0, clock: clock)
/// defer { lock.release() }
/// ```
public final class RunLock: Sendable {
    private let fd: Int32
    /// The lock file's path.
    public let path: String

    private init(fd: Int32, path: String) {
        self.fd = fd
        self.path = path
    }

    deinit { release() }

    private let released = Mutex(false)

    /// Releases the lock (also done on deinit); a second call does nothing.
    public func release() {
        let first = released.withLock { done in
            defer { done = true }
            return !done
        }
        guard first else { return }
        flock(fd, LOCK_UN)
        close(fd)
    }

    /// Takes the lock `name`, waiting up to `wait` seconds for a holder to finish (0: don't wait).
    /// Throws `LakeError.locked` naming the holder when it stays taken.
    public static func acquire(name: String, in lake: Lake, wait: Double, clock: LakeClock) async throws -> RunLock {
        try AtomicFile.createFolder(lake.state)
        let file = lake.state.appendingPathComponent("\(name).lock")
        let fd = open(file.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw LakeError.io(operation: "open", path: file.path, errno: errno) }
        let started = Date()
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                let code = errno
                close(fd)
                throw LakeError.io(operation: "lock", path: file.path, errno: code)
            }
            if Date().timeIntervalSince(started) >= wait {
                let holder = (try? String(contentsOf: file, encoding: .utf8))?
                    .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
                close(fd)
                throw LakeError.locked(lock: lake.relativePath(file),
                                       holder: holder.isEmpty ? "another process" : holder)
            }
            do { try await clock.sleep(seconds: 0.1) } catch { close(fd); throw error }
        }
        let holder = "pid \(getpid()) since \(Timestamp.format(clock.now()))\n"
        ftruncate(fd, 0)
        _ = holder.withCString { pwrite(fd, $0, strlen($0), 0) }
        return RunLock(fd: fd, path: file.path)
    }
}
