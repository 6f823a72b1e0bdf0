import Foundation

/// At most `limit` calls in any sliding window of `window` seconds (OpenWeatherMap's free tier:
/// 60 a minute). Every attempt, retries included, takes a slot before it is sent.
///
/// It measures real elapsed time (a monotonic clock), not the job's logical clock: a replay with
/// `--now` still talks to a real server in real time.
///
/// ```swift
/// let limiter = RateLimiter(limit: 60, window: 60)
/// try await limiter.acquire()   // returns at once for the first 60 calls of a minute
/// ```
public actor RateLimiter {
    public let limit: Int
    public let window: Double
    private var sent: [ContinuousClock.Instant] = []
    private let clock = ContinuousClock()

    /// `limit` ≤ 0 means no limit.
    public init(limit: Int, window: Double = 60) {
        self.limit = limit
        self.window = window
    }

    /// Waits until a call may be sent, and counts it.
    public func acquire() async throws {
        guard limit > 0 else { return }
        while true {
            let now = clock.now
            let horizon = now - .milliseconds(Int64(window * 1000))
            sent.removeAll { $0 <= horizon }
            if sent.count < limit {
                sent.append(now)
                return
            }
            // The oldest call leaves the window at oldest + window; sleep until then.
            let wait = sent[0] + .milliseconds(Int64(window * 1000)) - now
            try await Task.sleep(for: wait + .milliseconds(1))
        }
    }
}
