import Foundation

/// The retention policy of `retention.yml` (LAKE.md §6): which partitions are archived or deleted
/// after how many days, and which are held whatever the rules say.
///
/// The first rule that matches a partition decides for it; a partition no rule matches is kept.
/// Nothing younger than ``minimumAgeDays`` is deleted, and nothing a hold lists is archived away
/// or deleted, without `--force`.
///
/// ```swift
/// let policy = try RetentionPolicy.load(from: URL(fileURLWithPath: "retention.yml"))
/// policy.rule(for: partition)?.name   // "bronze-to-archive"
/// policy.hold(for: partition)?.reason // "summer 2026 heatwave study"
/// ```
public struct RetentionPolicy: Sendable, Codable, Equatable {
    /// The format version, 1.
    public var version: Int
    /// Nothing younger is deleted, whatever a rule says, without `--force`. Default 7.
    public var minimumAgeDays: Int
    /// The rules, in the order of the file: the first that matches a partition decides.
    public var rules: [RetentionRule]
    /// Paths never archived away or deleted while listed.
    public var holds: [RetentionHold]

    /// `minimum_age_days` when the file does not say: 7.
    public static let defaultMinimumAgeDays = 7

    public init(version: Int = 1, minimumAgeDays: Int = Self.defaultMinimumAgeDays,
                rules: [RetentionRule] = [], holds: [RetentionHold] = []) {
        self.version = version
        self.minimumAgeDays = minimumAgeDays
        self.rules = rules
        self.holds = holds
    }

    /// The first rule that matches `partition`, or nil when none does (the partition is kept).
    public func rule(for partition: LakePartition) -> RetentionRule? {
        rules.first { $0.matches(partition) }
    }

    /// The first hold that lists `partition` (its path, a folder above it, or for an archive the
    /// partition it holds), or nil.
    public func hold(for partition: LakePartition) -> RetentionHold? {
        let candidates = partition.holdCandidates
        return holds.first { hold in candidates.contains { hold.matches($0) } }
    }
}

/// One rule of `retention.yml`.
///
/// ```yaml
/// - name: bronze-to-archive
///   zone: bronze
///   sources: [aqicn, owm_weather, owm_air]
///   archive_after_days: 30
/// ```
public struct RetentionRule: Sendable, Codable, Equatable {
    /// The rule's name, unique in the file; plans say which rule chose each action.
    public var name: String
    public var zone: LakeZone
    /// Only these sources (bronze, quarantine, archive); nil: every source.
    public var sources: [String]?
    /// Only these tables (silver, gold); nil: every table.
    public var tables: [String]?
    /// Pack the partition into `archive/` once it is this many days old (bronze, quarantine).
    /// Without ``deleteAfterDays`` the originals are removed once the archive is verified.
    public var archiveAfterDays: Int?
    /// Delete the partition once it is this many days old. With ``archiveAfterDays`` the
    /// originals stay beside their archive until then; in the archive zone it expires archives.
    public var deleteAfterDays: Int?
    /// The line of the rule in its file (0 when built in code).
    public var line: Int

    public init(name: String, zone: LakeZone, sources: [String]? = nil, tables: [String]? = nil,
                archiveAfterDays: Int? = nil, deleteAfterDays: Int? = nil, line: Int = 0) {
        self.name = name
        self.zone = zone
        self.sources = sources
        self.tables = tables
        self.archiveAfterDays = archiveAfterDays
        self.deleteAfterDays = deleteAfterDays
        self.line = line
    }

    /// Whether the rule applies to `partition`: same zone, and within its filter.
    public func matches(_ partition: LakePartition) -> Bool {
        guard partition.zone == zone else { return false }
        if let sources, !sources.contains(partition.source ?? "") { return false }
        if let tables, !tables.contains(partition.table ?? "") { return false }
        return true
    }

    /// The age at which the originals go: ``deleteAfterDays``, else ``archiveAfterDays``.
    public var removalAfterDays: Int? { deleteAfterDays ?? archiveAfterDays }

    /// Whether every partition this rule matches is also matched by `other` (same zone, a filter
    /// at least as wide).
    func isCovered(by other: RetentionRule) -> Bool {
        guard other.zone == zone else { return false }
        func within(_ mine: [String]?, _ theirs: [String]?) -> Bool {
            guard let theirs else { return true }
            guard let mine else { return false }
            return Set(mine).isSubset(of: Set(theirs))
        }
        return within(sources, other.sources) && within(tables, other.tables)
    }
}

/// A path held back from archiving and deletion, with the reason.
///
/// ```yaml
/// - path: bronze/source=aqicn/date=2026-07-*
///   reason: summer 2026 heatwave study
/// ```
public struct RetentionHold: Sendable, Codable, Equatable {
    /// A path relative to the lake root; `*`, `?` and `[…]` match within one folder name
    /// (`fnmatch(3)`). A hold on a folder holds everything below it.
    public var path: String
    /// Why, as plans print it.
    public var reason: String
    /// The line of the hold in its file (0 when built in code).
    public var line: Int

    public init(path: String, reason: String, line: Int = 0) {
        self.path = path
        self.reason = reason
        self.line = line
    }

    /// Whether the hold lists `path` or a folder above it.
    public func matches(_ path: String) -> Bool {
        var candidate = Substring(path)
        while !candidate.isEmpty {
            if fnmatch(self.path, String(candidate), FNM_PATHNAME) == 0 { return true }
            guard let slash = candidate.lastIndex(of: "/") else { break }
            candidate = candidate[..<slash]
        }
        return false
    }
}
