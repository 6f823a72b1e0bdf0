/// One fetch of one city from one source, as `_manifest.json` records it (LAKE.md §2).
///
/// The URL is the one sent with every secret replaced by `REDACTED`. Sizes and the checksum are
/// those of the body as received (`raw_bytes`, `sha256`) and of the gzip file (`stored_bytes`).
public struct FetchRecord: Codable, Sendable, Equatable {
    public enum Outcome: String, Codable, Sendable {
        /// A good snapshot is stored: it will never be fetched again or overwritten.
        case ok
        /// The fetch failed; a rerun of the hour fetches it again. A body, if any, is kept for diagnosis.
        case failed
    }

    public var cityID: String
    public var url: String
    public var outcome: Outcome
    /// The HTTP status of the last attempt; nil when no response came (timeout, network).
    public var httpStatus: Int?
    /// The API's own status: AQICN `status`, OpenWeatherMap `cod` (as text).
    public var apiStatus: String?
    public var attempts: Int
    /// One line per failed attempt, e.g. `HTTP 503`, `timeout: …`, in order.
    public var attemptErrors: [String]
    /// When the first attempt started (ISO 8601 UTC, milliseconds).
    public var startedAt: String
    /// From the first attempt's start to the last response, in milliseconds, backoff included.
    public var latencyMs: Int
    /// The file written, relative to the hour folder: `<city_id>.json.gz` for a good snapshot,
    /// `_failed/<city_id>-<run_id>.json.gz` for the body of a failed fetch; nil when none was kept.
    public var file: String?
    public var rawBytes: Int?
    public var storedBytes: Int?
    /// SHA-256 of the raw body (before gzip), lowercase hex.
    public var sha256: String?
    /// Why it failed, with every secret redacted; nil when ok.
    public var error: String?
    /// The run that made this record.
    public var runID: String
    /// Anything else worth knowing, e.g. that the snapshot was adopted after an interrupted run.
    public var note: String? = nil

    public init(cityID: String, url: String, outcome: Outcome, httpStatus: Int?, apiStatus: String?, attempts: Int,
                attemptErrors: [String], startedAt: String, latencyMs: Int, file: String?, rawBytes: Int?,
                storedBytes: Int?, sha256: String?, error: String?, runID: String, note: String? = nil) {
        self.cityID = cityID
        self.url = url
        self.outcome = outcome
        self.httpStatus = httpStatus
        self.apiStatus = apiStatus
        self.attempts = attempts
        self.attemptErrors = attemptErrors
        self.startedAt = startedAt
        self.latencyMs = latencyMs
        self.file = file
        self.rawBytes = rawBytes
        self.storedBytes = storedBytes
        self.sha256 = sha256
        self.error = error
        self.runID = runID
        self.note = note
    }

    enum CodingKeys: String, CodingKey {
        case cityID = "city_id", url, outcome, httpStatus = "http_status", apiStatus = "api_status"
        case attempts, attemptErrors = "attempt_errors", startedAt = "started_at", latencyMs = "latency_ms"
        case file, rawBytes = "raw_bytes", storedBytes = "stored_bytes", sha256, error, runID = "run_id", note
    }
}
