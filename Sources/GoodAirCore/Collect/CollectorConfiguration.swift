/// How the collector behaves. Every field has a default suited to the real APIs.
///
/// ```swift
/// var configuration = CollectorConfiguration(endpoints: endpoints)
/// configuration.concurrency = 4
/// configuration.owmCallsPerWindow = 0   // no rate limit: talking to the local simulator
/// ```
public struct CollectorConfiguration: Sendable {
    public var endpoints: Endpoints
    /// Requests in flight at once (default 8).
    public var concurrency: Int
    /// Total time allowed for one request, in seconds (default 20).
    public var timeout: Double
    /// Retries and backoff (default: 4 attempts, 1 s base, 30 s max).
    public var retry: RetryPolicy
    /// OpenWeatherMap calls allowed in a window, retries included (default 60: the free tier's
    /// "60 calls a minute"). 0 means no limit, only for servers that do not count.
    public var owmCallsPerWindow: Int
    /// The window of that limit, in seconds (default 60).
    public var owmWindow: Double
    /// How long to wait for another collector's lock before giving up, in seconds (default 0).
    public var lockWait: Double

    public init(endpoints: Endpoints, concurrency: Int = 8, timeout: Double = 20, retry: RetryPolicy = RetryPolicy(),
                owmCallsPerWindow: Int = 60, owmWindow: Double = 60, lockWait: Double = 0) {
        self.endpoints = endpoints
        self.concurrency = max(1, concurrency)
        self.timeout = timeout
        self.retry = retry
        self.owmCallsPerWindow = owmCallsPerWindow
        self.owmWindow = owmWindow
        self.lockWait = lockWait
    }
}
