/// What a curation did: the metrics value `Curator.curate` returns.
public struct CurateReport: Sendable {
    public var runID: String
    /// Snapshots read and judged in this run.
    public var snapshotsRead = 0
    /// Snapshots skipped because an earlier run curated them (same path, same sha256).
    public var alreadyCurated = 0
    /// New primary keys per table.
    public var rowsAdded: [String: Int] = [:]
    /// Rows whose primary key was already there (the same observation fetched twice): merged.
    public var duplicatesMerged = 0
    /// Values outside their column's physical range turned into NULL, per `table.column`.
    public var corrections: [String: Int] = [:]
    public var quarantined: [QuarantineReason: Int] = [:]
    /// Silver partition files rewritten.
    public var partitionsWritten = 0
    public var seconds = 0.0

    public init(runID: String) { self.runID = runID }

    public var status: JobStatus { quarantined.isEmpty ? .success : .partial }

    public var summary: String {
        let rows = rowsAdded.keys.sorted().map { "\($0) +\(rowsAdded[$0]!)" }.joined(separator: ", ")
        let fixes = corrections.values.reduce(0, +)
        let bad = quarantined.keys.sorted().map { "\($0.rawValue) \(quarantined[$0]!)" }.joined(separator: ", ")
        return "curate: \(snapshotsRead) snapshots read (\(alreadyCurated) already curated); rows \(rows.isEmpty ? "none" : rows); "
            + "\(duplicatesMerged) duplicates merged, \(fixes) values corrected, "
            + "quarantined \(bad.isEmpty ? "none" : bad); \(partitionsWritten) partitions written in \(String(format: "%.1f", seconds)) s"
    }

    /// The run's data quality counts, for its lineage.
    var qualityFacet: GoodAirQualityFacet {
        GoodAirQualityFacet(snapshotsRead: snapshotsRead,
                            quarantined: Dictionary(uniqueKeysWithValues: quarantined.map { ($0.key.rawValue, $0.value) }),
                            corrected: corrections, duplicatesMerged: duplicatesMerged)
    }
}
