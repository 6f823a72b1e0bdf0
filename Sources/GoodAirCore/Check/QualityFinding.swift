/// The result of one check on one partition (a source and hour, a city and table, a run…): one
/// row of `gold/quality`.
public struct QualityFinding: Codable, Sendable, Equatable {
    public enum Status: String, Codable, Sendable, Comparable {
        case pass, warn, fail
        public static func < (lhs: Status, rhs: Status) -> Bool { lhs.rank < rhs.rank }
        var rank: Int { self == .pass ? 0 : self == .warn ? 1 : 2 }
    }

    /// The check's id (`freshness`, `source-down`…).
    public var check: String
    public var kind: QualityRule.Kind
    public var status: Status
    /// What was checked: `owm_air`, `weather/paris`, `aqicn/2026-11-29T14`, a run id…
    public var subject: String
    /// The period it covers: an hour `2026-11-29T14:00:00Z`, or the window `start/end`.
    public var period: String
    /// The measured value and the limit it is held to, when the check has numbers.
    public var value: Double?
    public var limit: Double?
    /// What was found, in plain words (English; the reports show it as is).
    public var detail: String

    /// The row's key in `gold/quality`.
    var key: String { "\(check)\u{1}\(subject)\u{1}\(period)" }
}
