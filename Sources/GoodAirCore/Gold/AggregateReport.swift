/// What an aggregation did: the metrics value `Aggregator.aggregate` returns.
public struct AggregateReport: Sendable {
    public var runID: String
    /// Months recomputed because their silver changed (all of them with `--rebuild`).
    public var months: [String] = []
    /// Months whose event tables (exceedances, heatwaves, anomalies) were recomputed: the months
    /// above and their neighbours.
    public var eventMonths: [String] = []
    /// Every month whose gold files this run rewrote or removed (what the warehouse reloads).
    public var monthsWritten: [String] { Array(Set(months + eventMonths)).sorted() }
    /// Silver partition files read.
    public var silverFilesRead = 0
    /// Rows written per gold table (in the months recomputed).
    public var rows: [String: Int] = [:]
    /// Seconds spent per gold table.
    public var secondsPerTable: [String: Double] = [:]
    public var seconds = 0.0
    /// What the run read and wrote, for its lineage.
    public var lineage = LineageRecord()

    public init(runID: String) { self.runID = runID }

    public var summary: String {
        let tables = rows.keys.sorted().map { "\($0) \(rows[$0]!)" }.joined(separator: ", ")
        let span = months.isEmpty ? "nothing new" : "\(months.count) month(s) \(months.first!)…\(months.last!)"
        return "aggregate: \(span); \(silverFilesRead) silver files read; rows \(tables.isEmpty ? "none" : tables); "
            + "in \(Int((seconds * 1000).rounded())) ms"
    }
}
