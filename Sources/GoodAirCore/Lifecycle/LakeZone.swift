/// A zone of the lake that `retention.yml` can name (LAKE.md §2, §6).
///
/// ```swift
/// LakeZone(rawValue: "bronze")   // .bronze
/// LakeZone.lineage.folder        // "_lineage"
/// ```
public enum LakeZone: String, Sendable, Codable, CaseIterable, Comparable {
    /// Raw snapshots, one partition per source and collection date.
    case bronze
    /// Snapshots that failed validation, same shape as bronze.
    case quarantine
    /// Curated tables, one partition per table and observation date.
    case silver
    /// Aggregates, one partition per table and month.
    case gold
    /// Packed, checksummed copies of bronze and quarantine partitions.
    case archive
    /// OpenLineage run events, one partition per date.
    case lineage

    /// The zone's folder below the lake root.
    public var folder: String { self == .lineage ? "_lineage" : rawValue }

    /// Whether a rule may filter this zone by `sources` (else by `tables`, or not at all).
    public var filtersBySource: Bool { self == .bronze || self == .quarantine || self == .archive }

    /// Whether a rule may filter this zone by `tables`.
    public var filtersByTable: Bool { self == .silver || self == .gold }

    /// Whether `archive_after_days` means something here: only raw zones are packed.
    public var isArchivable: Bool { self == .bronze || self == .quarantine }

    public static func < (lhs: LakeZone, rhs: LakeZone) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
