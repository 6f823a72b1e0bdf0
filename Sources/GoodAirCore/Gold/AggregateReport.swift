/// What an aggregation did: the metrics value `Aggregator.aggregate` returns.
public struct AggregateReport: Sendable {
    public var runID: String
    /// The dates (`YYYY-MM-DD`) recomputed day by day; empty when whole months were.
    public var days: [String] = []
    /// Months whose city tables were recomputed because their silver changed (all of them with
    /// `--rebuild`); day by day, the months whose city tables were rewritten.
    public var months: [String] = []
    /// Months whose event tables (exceedances, heatwaves, anomalies, features) were recomputed: the
    /// months above and their neighbours; day by day, the months whose event files were rewritten.
    public var eventMonths: [String] = []
    /// Every month whose gold files this run rewrote or removed.
    public var monthsWritten: [String] { Array(Set(months + eventMonths)).sorted() }
    /// What the warehouse reloads: the months written, or after a run day by day its days (their
    /// city facts) and the months whose events it rewrote.
    public var changes: GoldChanges {
        days.isEmpty ? GoldChanges(months: monthsWritten) : GoldChanges(months: [], days: days, eventMonths: eventMonths)
    }
    /// Silver partition files read.
    public var silverFilesRead = 0
    /// Months whose `city_hourly` values a run day by day took from ``CityHourlyCache`` rather
    /// than parsing the month file.
    public var monthsFromCache: [String] = []
    /// Rows written per gold table (in the months recomputed).
    public var rows: [String: Int] = [:]
    /// Seconds spent per gold table.
    public var secondsPerTable: [String: Double] = [:]
    /// Seconds spent outside the tables: `setup` (lineage start, silver fingerprints, référentiel),
    /// `writes` (waiting for the month files still being written, in a run day by day), `finish`
    /// (state, lineage), and `other` (the rest: what the tables share, the months' bookkeeping).
    public var secondsPerStep: [String: Double] = [:]
    public var seconds = 0.0
    /// What the run read and wrote, for its lineage.
    public var lineage = LineageRecord()

    public init(runID: String) { self.runID = runID }

    public var summary: String {
        let tables = rows.keys.sorted().map { "\($0) \(rows[$0]!)" }.joined(separator: ", ")
        let span = !days.isEmpty ? "\(days.count) day(s) \(days.first!)…\(days.last!)"
            : months.isEmpty ? "nothing new" : "\(months.count) month(s) \(months.first!)…\(months.last!)"
        return "aggregate: \(span); \(silverFilesRead) silver files read; rows \(tables.isEmpty ? "none" : tables); "
            + "in \(Int((seconds * 1000).rounded())) ms"
    }
}
