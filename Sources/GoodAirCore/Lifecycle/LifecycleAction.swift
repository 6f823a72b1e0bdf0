/// One step of a plan: what is done to which partition, by which rule, and why.
///
/// A bronze partition past its rule's window is three actions, done in this order by `apply`:
/// `archive` (pack it), `verify` (read the archive back against its manifest), `delete` (remove
/// the originals). `expire-archive` removes an archive past the archive zone's window.
public struct LifecycleAction: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable, Comparable {
        case archive
        case verify
        case delete
        case expireArchive = "expire-archive"

        public static func < (lhs: Kind, rhs: Kind) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    public var kind: Kind
    /// The partition acted on (an archive's partition path for `expire-archive`).
    public var partition: String
    public var zone: LakeZone
    /// Whole days since the end of the partition's period, at the plan's `now`.
    public var ageDays: Int
    /// Size and files of what the action reads or removes.
    public var bytes: Int64
    public var files: Int
    /// The rule that chose the action.
    public var rule: String
    /// Why, in plain words: "48 days old, archive after 30".
    public var reason: String
    /// The archive written, verified, relied on (`delete` after `archive`) or expired.
    public var archive: String?
    /// sha256 of the paths, sizes and modification times of the partition's files when planned:
    /// `apply --plan` refuses the plan when they changed.
    public var fingerprint: String

    public init(kind: Kind, partition: String, zone: LakeZone, ageDays: Int, bytes: Int64, files: Int,
                rule: String, reason: String, archive: String?, fingerprint: String) {
        self.kind = kind
        self.partition = partition
        self.zone = zone
        self.ageDays = ageDays
        self.bytes = bytes
        self.files = files
        self.rule = rule
        self.reason = reason
        self.archive = archive
        self.fingerprint = fingerprint
    }

    enum CodingKeys: String, CodingKey {
        case kind, partition, zone, bytes, files, rule, reason, archive, fingerprint
        case ageDays = "age_days"
    }
}

/// A partition a rule matches but that the plan keeps, and why.
public struct KeptPartition: Codable, Sendable, Equatable {
    public enum Why: String, Codable, Sendable {
        /// A hold of `retention.yml` lists it.
        case held
        /// Bronze that curation has not fully processed.
        case notCurated = "not-curated"
        /// Younger than `minimum_age_days`.
        case tooYoung = "too-young"
    }

    public var partition: String
    public var zone: LakeZone
    public var ageDays: Int
    public var bytes: Int64
    public var files: Int
    public var rule: String
    public var why: Why
    /// The hold's reason, or what is not curated.
    public var reason: String

    enum CodingKeys: String, CodingKey {
        case partition, zone, bytes, files, rule, why, reason
        case ageDays = "age_days"
    }
}

/// The partitions of one rule that are not yet old enough, and the next to come due.
public struct WaitingPartitions: Codable, Sendable, Equatable {
    public var rule: String
    public var partitions: Int
    /// The oldest of them, and the day it comes due.
    public var next: String
    public var nextDue: String

    enum CodingKeys: String, CodingKey {
        case rule, partitions, next
        case nextDue = "next_due"
    }
}
