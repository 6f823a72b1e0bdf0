/// One declared quality check (`schemas/quality/checks.json`): what it measures (`kind`), how
/// serious a violation is (`severity`), and the limit its kind takes.
///
/// ```json
/// { "id": "freshness", "kind": "freshness", "severity": "warn", "max_age_hours": 3 }
/// ```
public struct QualityRule: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case freshness, completeness, gaps
        case missingRuns = "missing_runs", sourceDown = "source_down", fetchFailureRate = "fetch_failure_rate"
        case quarantineRate = "quarantine_rate", corrections, ranges
        case primaryKey = "primary_key", referential, stuck
        case schemaDrift = "schema_drift", pipelineRuns = "pipeline_runs", diskSpace = "disk_space"
    }

    /// `warn` makes `goodair check` exit 3; `fail` exits 1.
    public enum Severity: String, Codable, Sendable, Comparable {
        case warn, fail
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .warn && rhs == .fail }
    }

    public var id: String
    public var kind: Kind
    public var severity: Severity
    public var description: String?
    public var maxAgeHours: Double?
    public var minRatio: Double?
    public var maxRatio: Double?
    public var maxGapHours: Int?
    public var hours: Int?
    public var baselineHours: Int?
    public var minFreeGB: Double?
    public var columns: [String]?
    /// Schema drift: payload field paths whose coming and going is expected (OWM's `rain`…).
    public var ignoreFields: [String]?

    enum CodingKeys: String, CodingKey {
        case id, kind, severity, description, columns, hours, ignoreFields = "ignore_fields"
        case maxAgeHours = "max_age_hours", minRatio = "min_ratio", maxRatio = "max_ratio", maxGapHours = "max_gap_hours"
        case baselineHours = "baseline_hours", minFreeGB = "min_free_gb"
    }
}

/// The checks of `schemas/quality/checks.json`.
public struct QualityRules: Codable, Sendable {
    public var version: Int
    /// Hours before now that hourly checks look at (default 24).
    public var windowHours: Int?
    public var checks: [QualityRule]

    enum CodingKeys: String, CodingKey {
        case version, checks, windowHours = "window_hours"
    }
}
