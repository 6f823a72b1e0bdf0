import Foundation

/// At most `limit` calls in any sliding window of `window` seconds (OpenWeatherMap's free tier:
/// 60 a minute). Every attempt, retries included, takes a slot before it is sent.
///
/// It measures real time, never the job's logical clock: a replay with `--now` still talks to a
/// real server in real time. A slot is stamped when it is granted, which can be a little before
/// the server sees the call, so the window is widened by `margin` seconds (default 2 % of it).
/// Calls of earlier runs are carried over through `history`/`preload` (see `RateLimitLedger`),
/// so back-to-back runs cannot together exceed the limit.
///
/// ```swift
/// let limiter = RateLimiter(limit: 60, window: 60)
/// try await limiter.acquire()   // returns at once for the first 60 calls of a minute
/// ```
public actor RateLimiter {
    public let limit: Int
    public let window: Double
    public let margin: Double
    private var sent: [ContinuousClock.Instant] = []
    private let clock = ContinuousClock()

    /// `limit` ≤ 0 means no limit.
    public init(limit: Int, window: Double = 60, margin: Double? = nil) {
        self.limit = limit
        self.window = window
        self.margin = margin ?? window * 0.02
    }

    private var span: Duration { .milliseconds(Int64((window + margin) * 1000)) }

    /// Waits until a call may be sent, and counts it.
    public func acquire() async throws {
        guard limit > 0 else { return }
        while true {
            let now = clock.now
            sent.removeAll { $0 <= now - span }
            if sent.count < limit {
                sent.append(now)
                return
            }
            // The oldest call leaves the window at oldest + span; sleep until then.
            try await Task.sleep(for: sent[0] + span - now + .milliseconds(1))
        }
    }

    /// The calls still inside the window, as wall-clock instants (`now` is the real time).
    public func history(now: Date) -> [Date] {
        let mono = clock.now
        return sent.filter { $0 > mono - span }.map { instant in
            let ago = mono - instant
            return now.addingTimeInterval(-(Double(ago.components.seconds) + Double(ago.components.attoseconds) / 1e18))
        }
    }

    /// Counts calls made before this limiter existed (by an earlier run), given as wall-clock
    /// instants with `now` the real time. Instants in the future or out of the window are ignored.
    public func preload(_ calls: [Date], now: Date) {
        let mono = clock.now
        for call in calls {
            let ago = now.timeIntervalSince(call)
            guard ago >= 0, ago < window + margin else { continue }
            sent.append(mono - .milliseconds(Int64(ago * 1000)))
        }
        sent.sort()
    }
}
