import Foundation

/// A value computed on a thread of its own from the moment it is made, while the caller goes on;
/// ``value`` waits for it. A Foundation thread, not a task or a Dispatch queue: on Linux the Swift
/// concurrency pool runs on Dispatch's workers, and a job waiting for work queued there must not
/// hold one. An hourly aggregation scans silver and hashes the 3 MB `city_hourly` month this way,
/// off its own path.
///
/// ```swift
/// let hash = BackgroundValue { spliced.sha256Hex }
/// // … other work …
/// hash.value   // waits for the thread the first time
/// ```
final class BackgroundValue<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    /// Written once by the thread before `done` is signalled; read only after waiting on it.
    private var result: Value?

    init(_ body: @escaping @Sendable () -> Value) {
        Thread { [self] in
            result = body()
            done.signal()
        }.start()
    }

    /// The value; waits for the thread the first time.
    var value: Value {
        done.wait()
        defer { done.signal() }   // for the next caller
        return result!
    }
}
