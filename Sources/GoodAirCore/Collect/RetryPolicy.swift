import Foundation

/// When and how long to wait before trying a fetch again.
///
/// Retries follow exponential backoff with "equal" jitter: attempt n waits a random time in
/// `[0.5, 1] × min(maxDelay, baseDelay × 2^(n-1))`. A `Retry-After` from the server wins when it is
/// longer, capped by `retryAfterCap` so a hostile or broken header cannot stall a run for hours.
///
/// Defaults: 4 attempts, 1 s base, 30 s max, Retry-After capped at 120 s.
public struct RetryPolicy: Sendable {
    /// Attempts in all, the first included (default 4).
    public var maxAttempts: Int
    /// The first backoff, in seconds (default 1).
    public var baseDelay: Double
    /// The longest backoff, in seconds (default 30).
    public var maxDelay: Double
    /// The longest wait a `Retry-After` header may impose, in seconds (default 120).
    public var retryAfterCap: Double

    public init(maxAttempts: Int = 4, baseDelay: Double = 1, maxDelay: Double = 30, retryAfterCap: Double = 120) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = max(0, baseDelay)
        self.maxDelay = max(0, maxDelay)
        self.retryAfterCap = max(0, retryAfterCap)
    }

    /// The wait before attempt `attempt + 1`, after attempt `attempt` (1-based) failed.
    /// `jitter` is a number in [0, 1) (random in production, fixed in tests).
    public func delay(afterAttempt attempt: Int, retryAfter: Double?, jitter: Double) -> Double {
        let ceiling = min(maxDelay, baseDelay * pow2(min(max(0, attempt - 1), 60)))
        let backoff = ceiling * (0.5 + 0.5 * min(max(jitter, 0), 1))
        if let retryAfter, retryAfter > 0 {
            return max(backoff, min(retryAfter, retryAfterCap))
        }
        return backoff
    }

    /// Parses a `Retry-After` value given in seconds (the form both APIs use). HTTP dates are not
    /// honoured: they are ignored, and the backoff applies.
    public static func parseRetryAfter(_ value: String?) -> Double? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), let seconds = Double(value),
              seconds.isFinite, seconds >= 0 else { return nil }
        return seconds
    }

    private func pow2(_ n: Int) -> Double { Double(UInt64(1) << UInt64(n)) }
}
