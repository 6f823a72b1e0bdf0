import Foundation

/// Runs blocking work (file writes with fsync, gzip of a large body) on a thread of its own, so
/// it never holds one of the few threads of Swift's cooperative pool, which the simulator and
/// every other task share.
///
/// ```swift
/// let stored = try await BlockingWork.run { try Gzip.compress(body) }
/// ```
public enum BlockingWork {
    public static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread { continuation.resume(with: Result { try body() }) }
            thread.stackSize = 1 << 20
            thread.start()
        }
    }
}
