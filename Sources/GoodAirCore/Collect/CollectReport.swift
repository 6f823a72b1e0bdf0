/// What a collection did: the metrics value `Collector.collect` returns.
public struct CollectReport: Sendable {
    /// One failed fetch, for the summary.
    public struct Failure: Sendable, Equatable {
        public var source: Source
        public var hour: Hour
        public var cityID: String
        public var error: String
    }

    public var runID: String
    public var hours: Int = 0
    /// Fetches that stored a good snapshot in this run.
    public var fetched: Int = 0
    /// Fetches skipped because a good snapshot was already there.
    public var skipped: Int = 0
    /// Fetches that failed (their records say why).
    public var failures: [Failure] = []
    /// HTTP requests sent, retries included.
    public var requests: Int = 0
    /// APIs that refused their key in this run.
    public var refusedCredentials: Set<API> = []
    public var rawBytes: Int = 0
    public var storedBytes: Int = 0
    public var seconds: Double = 0
    /// What the run read (the APIs) and wrote (snapshots, manifests), for its lineage.
    public var lineage = LineageRecord()

    public init(runID: String) { self.runID = runID }

    /// The job's outcome (LAKE.md §5): all good, some failures, or nothing collected at all.
    public var status: JobStatus {
        if !refusedCredentials.isEmpty { return .misconfigured }
        if failures.isEmpty { return .success }
        if fetched + skipped > 0 { return .partial }
        return .failed
    }

    /// One line for a person: `collect: 75 fetched, 0 skipped, 0 failed (75 requests, 412 KB stored) in 1.2 s`.
    public var summary: String {
        let kb = (storedBytes + 512) / 1024
        return "collect: \(hours) hour(s), \(fetched) fetched, \(skipped) already there, \(failures.count) failed "
            + "(\(requests) requests, \(kb) KiB stored) in \(String(format: "%.1f", seconds)) s"
    }
}

/// The outcome of a job, mapped to exit codes by the command (LAKE.md §5).
public enum JobStatus: Sendable, Equatable {
    /// Exit 0.
    case success
    /// Exit 3: finished, but some inputs failed or were quarantined.
    case partial
    /// Exit 1: nothing could be done.
    case failed
    /// Exit 2: the configuration is wrong (an API refused its key, say).
    case misconfigured

    public var exitCode: Int32 {
        switch self {
        case .success: return 0
        case .partial: return 3
        case .failed: return 1
        case .misconfigured: return 2
        }
    }
}

/// Progress of a long collection, reported after each hour.
public struct CollectProgress: Sendable {
    public var hoursDone: Int
    public var hoursTotal: Int
    public var fetched: Int
    public var skipped: Int
    public var failed: Int
}
