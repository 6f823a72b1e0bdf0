import Crypto
import Foundation

/// What `goodair lifecycle apply` would do, as a value: made by ``LifecyclePlanner``, printed by
/// `goodair lifecycle plan` (text or `--json`), saved with `--out` and executed by
/// ``LifecycleApplier``, so no delete skips a plan.
///
/// ```swift
/// let plan = try LifecyclePlanner(lake: lake, policy: policy, clock: clock, logger: logger).plan()
/// plan.actions.filter { $0.kind == .delete }.map(\.partition)
/// print(plan.text)
/// ```
public struct LifecyclePlan: Codable, Sendable, Equatable {
    /// The plan format, 1.
    public var version = 1
    /// The lake root the plan is for.
    public var lake: String
    /// The instant the ages are counted from (ISO 8601 UTC).
    public var now: String
    /// The policy file it follows.
    public var policy: String
    public var minimumAgeDays: Int
    /// In order: by partition, then archive, verify, delete, expire-archive.
    public var actions: [LifecycleAction]
    /// Partitions a rule matches but that are kept, with why.
    public var kept: [KeptPartition]
    /// Per rule, the partitions not yet old enough.
    public var waiting: [WaitingPartitions]
    /// Per zone, how many partitions no rule matches (kept).
    public var unmatched: [String: Int]
    public var totals: Totals
    /// sha256 of every action's fingerprint: what the plan saw of the lake.
    public var fingerprint: String

    /// Sums over the actions.
    public struct Totals: Codable, Sendable, Equatable {
        public var archives = 0
        public var archiveBytes: Int64 = 0
        public var verifies = 0
        public var deletes = 0
        public var deleteBytes: Int64 = 0
        public var deleteFiles = 0
        public var expiredArchives = 0
        public var expiredBytes: Int64 = 0
        public var kept = 0

        enum CodingKeys: String, CodingKey {
            case archives, verifies, deletes, kept
            case archiveBytes = "archive_bytes", deleteBytes = "delete_bytes", deleteFiles = "delete_files"
            case expiredArchives = "expired_archives", expiredBytes = "expired_bytes"
        }
    }

    enum CodingKeys: String, CodingKey {
        case version, lake, now, policy, actions, kept, waiting, unmatched, totals, fingerprint
        case minimumAgeDays = "minimum_age_days"
    }

    init(lake: String, now: String, policy: String, minimumAgeDays: Int, actions: [LifecycleAction], kept: [KeptPartition],
         waiting: [WaitingPartitions], unmatched: [String: Int]) {
        self.lake = lake
        self.now = now
        self.policy = policy
        self.minimumAgeDays = minimumAgeDays
        self.actions = actions.sorted { ($0.partition, $0.kind) < ($1.partition, $1.kind) }
        self.kept = kept
        self.waiting = waiting
        self.unmatched = unmatched
        var totals = Totals()
        for action in actions {
            switch action.kind {
            case .archive: totals.archives += 1; totals.archiveBytes += action.bytes
            case .verify: totals.verifies += 1
            case .delete: totals.deletes += 1; totals.deleteBytes += action.bytes; totals.deleteFiles += action.files
            case .expireArchive: totals.expiredArchives += 1; totals.expiredBytes += action.bytes
            }
        }
        totals.kept = kept.count
        self.totals = totals
        var hasher = SHA256()
        for action in self.actions { hasher.update(data: Data("\(action.kind.rawValue)\t\(action.partition)\t\(action.fingerprint)\n".utf8)) }
        fingerprint = hasher.finalize().hex
    }

    /// Whether there is nothing to do.
    public var isEmpty: Bool { actions.isEmpty }

    /// The plan as JSON (pretty, keys sorted), as `--json` prints it and `--out` saves it.
    public func json() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(self)) + [0x0A]
    }

    /// Reads a plan saved with `--out`; throws ``LifecycleError/badPlan(path:reason:)``.
    public static func load(from url: URL) throws -> LifecyclePlan {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw LifecycleError.badPlan(path: url.path, reason: "cannot be read")
        }
        let plan: LifecyclePlan
        do { plan = try JSONDecoder().decode(LifecyclePlan.self, from: data) } catch {
            throw LifecycleError.badPlan(path: url.path, reason: "not a plan written by `goodair lifecycle plan --out`")
        }
        guard plan.version == 1 else { throw LifecycleError.badPlan(path: url.path, reason: "plan version \(plan.version) is not 1") }
        return plan
    }
}
