import Foundation
import Logging

/// Executes a ``LifecyclePlan``: the one just made, or one saved with `plan --out` (refused when
/// the lake changed since, ``check(_:)``). One job at a time (`_state/lifecycle.lock`).
///
/// Safety, checked again at apply time against the current policy and clock, whatever the plan
/// says: nothing held, younger than `minimum_age_days`, or (bronze) not fully curated is
/// archived away or deleted — `force` overrides these three, and each override is reported —
/// and no original of an archiving rule is deleted unless its archive was read back and matched
/// its manifest and the originals in this same run (never overridden).
///
/// Killed at any instant, a rerun finishes the work: archives appear by rename after fsync, the
/// manifest after the archive, originals go only after a verified manifest, snapshot files before
/// their hour's `_manifest.json`, and an archive without manifest or a half-written one is redone.
///
/// ```swift
/// let applier = LifecycleApplier(lake: lake, policy: policy, configuration: LifecycleConfiguration(),
///                                clock: clock, logger: logger)
/// let report = try await applier.apply(plan)
/// print(report.summary)
/// ```
public struct LifecycleApplier: Sendable {
    public let lake: Lake
    public let policy: RetentionPolicy
    public let configuration: LifecycleConfiguration
    public let clock: LakeClock
    public let logger: Logger

    public init(lake: Lake, policy: RetentionPolicy, configuration: LifecycleConfiguration = LifecycleConfiguration(),
                clock: LakeClock, logger: Logger) {
        self.lake = lake
        self.policy = policy
        self.configuration = configuration
        self.clock = clock
        self.logger = logger
    }

    /// Throws when `plan` was made for another lake, or when a partition it acts on changed
    /// since (``LifecycleError/planStale(partition:)``).
    public func check(_ plan: LifecyclePlan) throws {
        guard plan.lake == lake.root.path else {
            throw LifecycleError.badPlan(path: plan.lake, reason: "it was made for the lake at \(plan.lake), not \(lake.root.path)")
        }
        let inventory = LakeInventory(lake: lake)
        var seen: [String: String] = [:]
        for action in plan.actions where seen[action.partition] == nil {
            guard let partition = LakePartition(path: action.partition) else { throw LifecycleError.badPartition(action.partition) }
            let now = LakeInventory.fingerprint(inventory.files(of: partition))
            guard now == action.fingerprint else { throw LifecycleError.planStale(partition: action.partition) }
            seen[action.partition] = now
        }
    }

    /// Carries out `plan`, partition by partition, calling `progress` after each.
    public func apply(_ plan: LifecyclePlan, progress: (@Sendable (ApplyProgress) -> Void)? = nil) async throws -> ApplyReport {
        let lock = try await RunLock.acquire(name: "lifecycle", in: lake, wait: configuration.lockWait, clock: clock)
        defer { lock.release() }
        let started = ContinuousClock.now
        let lineage = try LineageRun.start(job: "lifecycle", runID: UUID().uuidString.lowercased(), lake: lake, clock: clock,
                                           parameters: ["plan_now": plan.now, "policy": plan.policy, "actions": "\(plan.actions.count)",
                                                        "force": "\(configuration.force)"])
        var report: ApplyReport
        do {
            report = try await BlockingWork.run { [self] in try self.run(plan, progress: progress) }
        } catch {
            lineage.fail(error, logger: logger)
            throw error
        }
        report.seconds = Double((ContinuousClock.now - started).milliseconds) / 1000
        try lineage.complete(report.lineage(lake: lake))
        logger.info("lifecycle.apply", metadata: ["done": "\(report.done.count)", "refused": "\(report.refused.count)",
                                                   "failed": "\(report.failures.count)"])
        return report
    }

    private func run(_ plan: LifecyclePlan, progress: (@Sendable (ApplyProgress) -> Void)?) throws -> ApplyReport {
        var groups: [(partition: String, actions: [LifecycleAction])] = []
        for action in plan.actions {
            if groups.last?.partition == action.partition { groups[groups.count - 1].actions.append(action) } else {
                groups.append((action.partition, [action]))
            }
        }
        var report = ApplyReport()
        for (index, group) in groups.enumerated() {
            var steps = ActionSteps(lake: lake, faults: configuration.faults, now: clock.now(), logger: logger)
            guard let partition = LakePartition(path: group.partition) else {
                report.failures.append(.init(kind: group.actions[0].kind, partition: group.partition, reason: "not a partition path"))
                continue
            }
            if let refusal = refusal(partition, archives: group.actions.contains { $0.kind == .archive },
                                     deletes: group.actions.contains { $0.kind == .delete || $0.kind == .expireArchive }, report: &report) {
                for action in group.actions { report.refused.append(.init(kind: action.kind, partition: group.partition, reason: refusal)) }
            } else {
                for action in group.actions {
                    do {
                        report.done.append(try steps.perform(action, partition: partition))
                    } catch {
                        if error.isInjectedKill { throw error }
                        logger.error("lifecycle.failed", metadata: ["partition": "\(group.partition)", "error": "\(error)"])
                        let reason = (error as? StepRefusal)?.reason ?? "\(error)"
                        let target = error is StepRefusal ? \ApplyReport.refused : \ApplyReport.failures
                        report[keyPath: target].append(.init(kind: action.kind, partition: group.partition, reason: reason))
                        for later in group.actions.drop(while: { $0 != action }).dropFirst() {
                            report.refused.append(.init(kind: later.kind, partition: group.partition,
                                                        reason: "not attempted: \(action.kind.rawValue) did not succeed"))
                        }
                        break
                    }
                }
            }
            progress?(ApplyProgress(partitionsDone: index + 1, partitionsTotal: groups.count, partition: group.partition))
        }
        return report
    }

    /// Why the partition must be left alone now, or nil: held (no archive or delete), younger
    /// than `minimum_age_days` or not curated (no delete). With `force`, nil and each overridden
    /// rule recorded in `report.overrides`.
    private func refusal(_ partition: LakePartition, archives: Bool, deletes: Bool, report: inout ApplyReport) -> String? {
        guard archives || deletes else { return nil }
        var reasons: [String] = []
        if let hold = policy.hold(for: partition) { reasons.append("held (\(hold.reason))") }
        let age = partition.ageDays(at: clock.now())
        if deletes && age < policy.minimumAgeDays { reasons.append("\(age) days old, younger than minimum_age_days (\(policy.minimumAgeDays))") }
        if deletes, partition.zone == .bronze, FileManager.default.fileExists(atPath: lake.root.appendingPathComponent(partition.path).path),
           let why = CurationCheck(lake: lake).uncurated(partition) {
            reasons.append("not curated: \(why)")
        }
        guard !reasons.isEmpty else { return nil }
        guard configuration.force else { return reasons.joined(separator: "; ") }
        for reason in reasons {
            let line = "--force: acting on \(partition.path) although it is \(reason)"
            report.overrides.append(line)
            logger.warning("lifecycle.force", metadata: ["partition": "\(partition.path)", "overrides": "\(reason)"])
        }
        return nil
    }
}

/// A step that a safety rule stops (reported as refused, exit 3), as opposed to a failure.
struct StepRefusal: Error {
    let reason: String
}
