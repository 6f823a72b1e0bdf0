import Foundation

/// The sha256 of a spliced month file, computed on a thread of its own from the moment it is
/// made, while the run computes the next tables; ``value`` waits for it. An hourly run hashes the
/// 3 MB `city_hourly` month for lineage this way, off its own path (about 3 ms).
///
/// ```swift
/// let hash = BackgroundHash(spliced)
/// // … other work …
/// hash.value   // the hex sha256, as spliced.sha256Hex gives it
/// ```
final class BackgroundHash: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    /// Written once by the hashing thread before `done` is signalled; read only after waiting on it.
    private var result = ""

    init(_ file: SplicedFile) {
        Thread { [self] in
            result = file.sha256Hex
            done.signal()
        }.start()
    }

    /// The hex sha256; waits for the thread the first time.
    var value: String {
        done.wait()
        defer { done.signal() }   // for the next caller
        return result
    }
}
