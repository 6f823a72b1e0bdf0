import Foundation
import Logging

/// Makes the ``LifecyclePlan`` of a lake under a policy at the clock's "now". Reads only:
/// folder names, the sizes and times of the partitions it acts on, archive manifests, and for
/// bronze the curate ledger.
///
/// For each partition the first matching rule decides (LAKE.md §6):
/// - bronze and quarantine with `archive_after_days`: once that old, `archive` + `verify`; the
///   originals are deleted once the partition is `delete_after_days` old (default: as soon as
///   the archive is verified). An existing archive is verified again before any delete, and
///   packed again when the originals hold files it lacks.
/// - any zone with `delete_after_days` only: `delete`; in the archive zone, `expire-archive`.
/// - kept, whatever the rule: what a hold lists; bronze not fully curated; anything younger than
///   `minimum_age_days` that an action would remove.
///
/// ```swift
/// let plan = LifecyclePlanner(lake: lake, policy: policy, policyFile: "retention.yml",
///                             clock: .fixed(at: Timestamp.parse("2026-09-01T00:00:00Z")!), logger: logger).plan()
/// ```
public struct LifecyclePlanner: Sendable {
    public let lake: Lake
    public let policy: RetentionPolicy
    /// How the plan names the policy (default `retention.yml`).
    public let policyFile: String
    public let clock: LakeClock
    public let logger: Logger

    public init(lake: Lake, policy: RetentionPolicy, policyFile: String = "retention.yml", clock: LakeClock, logger: Logger) {
        self.lake = lake
        self.policy = policy
        self.policyFile = policyFile
        self.clock = clock
        self.logger = logger
    }

    public func plan() -> LifecyclePlan {
        let now = clock.now()
        let inventory = LakeInventory(lake: lake)
        var actions: [LifecycleAction] = [], kept: [KeptPartition] = []
        var waiting: [String: (count: Int, next: LakePartition, due: Int)] = [:]
        var unmatched: [String: Int] = [:]
        for partition in inventory.partitions() {
            guard let rule = policy.rule(for: partition) else {
                unmatched[partition.zone.rawValue, default: 0] += 1
                continue
            }
            let age = partition.ageDays(at: now)
            func wait(_ days: Int) {
                let due = partition.endDay + days
                if let current = waiting[rule.name] {
                    waiting[rule.name] = (current.count + 1, due < current.due ? partition : current.next, min(due, current.due))
                } else {
                    waiting[rule.name] = (1, partition, due)
                }
            }
            let archiveDue = rule.archiveAfterDays.map { age >= $0 } ?? false
            let removeDue = rule.removalAfterDays.map { age >= $0 } ?? false
            guard archiveDue || removeDue else {
                wait(rule.archiveAfterDays ?? rule.removalAfterDays ?? 0)
                continue
            }
            let files = inventory.files(of: partition)
            let bytes = files.reduce(0) { $0 + $1.bytes }
            func keep(_ why: KeptPartition.Why, _ reason: String) {
                kept.append(KeptPartition(partition: partition.path, zone: partition.zone, ageDays: age, bytes: bytes,
                                          files: files.count, rule: rule.name, why: why, reason: reason))
            }
            if let hold = policy.hold(for: partition) {
                keep(.held, hold.reason)
                continue
            }
            if removeDue && age < policy.minimumAgeDays {
                keep(.tooYoung, "\(age) days old, younger than minimum_age_days (\(policy.minimumAgeDays))")
                continue
            }
            if partition.zone == .bronze, let why = CurationCheck(lake: lake).uncurated(partition) {
                keep(.notCurated, why + ": run `goodair curate` first")
                continue
            }
            let fingerprint = LakeInventory.fingerprint(files)
            func act(_ kind: LifecycleAction.Kind, _ reason: String, archive: String?) {
                actions.append(LifecycleAction(kind: kind, partition: partition.path, zone: partition.zone, ageDays: age,
                                               bytes: bytes, files: files.count, rule: rule.name, reason: reason,
                                               archive: archive, fingerprint: fingerprint))
            }
            switch partition.zone {
            case .archive:
                act(.expireArchive, "\(age) days old, archives expire after \(rule.deleteAfterDays ?? 0)", archive: ArchiveLayout(origin: partition.origin ?? "").archive)
            case .bronze, .quarantine:
                guard !files.isEmpty else { continue }
                if let archiveAfter = rule.archiveAfterDays {
                    let layout = ArchiveLayout(origin: partition.path)
                    let state = ArchiveState(lake: lake, layout: layout, originals: files)
                    switch state {
                    case .missing, .incomplete:
                        act(.archive, "\(age) days old, archive after \(archiveAfter)\(state.note)", archive: layout.archive)
                        act(.verify, "read the new archive back against its manifest", archive: layout.archive)
                    case .unverified:
                        act(.verify, "the archive was never verified", archive: layout.archive)
                    case .verified:
                        if removeDue { act(.verify, "read the archive back again before the originals go", archive: layout.archive) }
                    }
                    if removeDue {
                        let window = rule.deleteAfterDays.map { "delete after \($0)" } ?? "originals go once archived (archive after \(archiveAfter))"
                        act(.delete, "\(age) days old, \(window)", archive: layout.archive)
                    } else if state == .verified {
                        wait(rule.removalAfterDays ?? 0)
                    }
                } else {
                    act(.delete, "\(age) days old, delete after \(rule.deleteAfterDays ?? 0)", archive: nil)
                }
            case .silver, .gold, .lineage:
                act(.delete, "\(age) days old, delete after \(rule.deleteAfterDays ?? 0)", archive: nil)
            }
        }
        let due = waiting.keys.sorted().map { name in
            let item = waiting[name]!
            return WaitingPartitions(rule: name, partitions: item.count, next: item.next.path,
                                     nextDue: CivilTime.dateString(days: item.due))
        }
        let plan = LifecyclePlan(lake: lake.root.path, now: Timestamp.format(now), policy: policyFile,
                                 minimumAgeDays: policy.minimumAgeDays, actions: actions, kept: kept, waiting: due, unmatched: unmatched)
        logger.debug("lifecycle.plan", metadata: ["actions": "\(plan.actions.count)", "kept": "\(plan.kept.count)",
                                                  "fingerprint": "\(plan.fingerprint.prefix(12))"])
        return plan
    }
}

/// How an existing archive stands against the originals of its partition (by path and size;
/// `apply` compares sha256 before it deletes anything).
enum ArchiveState: Equatable {
    /// No manifest: never archived, or killed before the manifest was written.
    case missing
    /// The originals hold a file the manifest lacks, or of another size: pack again.
    case incomplete(String)
    /// Every original is in the archive, but it was never read back.
    case unverified
    case verified

    init(lake: Lake, layout: ArchiveLayout, originals: [PartitionFile]) {
        let url = lake.root.appendingPathComponent(layout.manifest)
        guard FileManager.default.fileExists(atPath: url.path), let manifest = try? ArchiveManifest.load(from: url),
              FileManager.default.fileExists(atPath: lake.root.appendingPathComponent(layout.archive).path) else {
            self = .missing
            return
        }
        let members = Dictionary(manifest.members.map { ($0.path, $0.bytes) }, uniquingKeysWith: { first, _ in first })
        if let extra = originals.first(where: { members[$0.path] != $0.bytes }) {
            self = .incomplete(extra.path)
        } else {
            self = manifest.verifiedAt == nil ? .unverified : .verified
        }
    }

    /// What the plan says about a pack that is redone.
    var note: String {
        if case let .incomplete(path) = self { return " (again: \(path) is not in the archive as it is now)" }
        return ""
    }
}
