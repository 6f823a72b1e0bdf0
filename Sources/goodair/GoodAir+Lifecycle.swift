import ArgumentParser
import Foundation
import GoodAirCore
import Logging

extension GoodAir {
    struct Lifecycle: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Retention and archival per retention.yml: plan, apply, restore.",
            discussion: """
            A plan says what retention would do and why; apply does it; restore brings an archived
            partition back. See docs/lifecycle.md.

            Examples:
              goodair lifecycle plan
              goodair lifecycle plan --now 2027-01-01 --json --out plan.json
              goodair lifecycle apply --plan plan.json
              goodair lifecycle restore bronze/source=aqicn/date=2026-07-14
            """,
            subcommands: [Plan.self, Apply.self, Restore.self]
        )
    }
}

/// `--policy` and `--schemas`, shared by plan and apply.
struct PolicyOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The retention policy.", valueName: "file"))
    var policy: String = "retention.yml"

    @Option(help: ArgumentHelp("The schemas folder: the tables a rule may name.", valueName: "path"))
    var schemas: String = "schemas"

    func load() throws -> RetentionPolicy {
        try RetentionPolicy.load(from: URL(fileURLWithPath: policy), tables: KnownTables.load(schemas: URL(fileURLWithPath: schemas)))
    }
}

extension GoodAir.Lifecycle {
    struct Plan: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show what retention would do now (or at --now), and why. Changes nothing.",
            discussion: """
            Lists each action (archive, verify, delete, expire-archive) with its partition, age, size,
            rule and reason; what is kept and why (held, not curated, too young); what comes due next.
            --out saves the plan for `apply --plan`, which refuses it if the lake changed since.

            Examples:
              goodair lifecycle plan
              goodair lifecycle plan --now 2026-12-31T00:00:00Z --json
              goodair lifecycle plan --out plan.json

            Exit: 0; 2 a bad policy (every mistake listed with its line and key).
            """
        )

        @OptionGroup var options: LakeOptions
        @OptionGroup var policy: PolicyOptions

        @Flag(help: "Print the plan as JSON.")
        var json = false

        @Option(help: ArgumentHelp("Also save the plan (JSON) to this file, for `apply --plan`.", valueName: "file"))
        var out: String?

        func run() async throws {
            let plan = LifecyclePlanner(lake: try options.resolvedLake(), policy: try policy.load(), policyFile: policy.policy,
                                        clock: try options.clock(), logger: try options.logger(label: "goodair.lifecycle")).plan()
            if json { FileHandle.standardOutput.write(Data(try plan.json())) } else { print(plan.text) }
            if let out {
                try AtomicFile.write(try plan.json(), to: URL(fileURLWithPath: out))
                if !json { print("saved to \(out): apply it with `goodair lifecycle apply --plan \(out)`") }
            }
        }
    }

    struct Apply: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Carry out the plan: archive, verify, delete, expire.",
            discussion: """
            Without --plan, makes the plan now and carries it out; with --plan, carries out a saved
            one, refused when a partition it acts on changed since. Whatever the plan says, nothing
            held, younger than minimum_age_days or (bronze) not curated is archived away or deleted,
            unless --force (each override is printed); originals are deleted only after their archive
            was read back and matched, which --force never overrides. Killed, it is finished by
            running it again.

            Examples:
              goodair lifecycle apply
              goodair lifecycle apply --plan plan.json

            Exit: 0 all done; 3 some actions refused for safety; 1 failed or the plan is stale;
            2 bad usage or policy.
            """
        )

        @OptionGroup var options: LakeOptions
        @OptionGroup var policy: PolicyOptions

        @Option(help: ArgumentHelp("A plan saved by `lifecycle plan --out`.", valueName: "file"))
        var plan: String?

        @Flag(help: "Override holds, minimum_age_days and the curation check (never 'not archived and verified').")
        var force = false

        @Option(help: ArgumentHelp("Wait this long for another lifecycle job to finish.", valueName: "seconds"))
        var waitLock: Double = 0

        func run() async throws {
            let lake = try options.resolvedLake(), clock = try options.clock()
            let logger = try options.logger(label: "goodair.lifecycle")
            let policy = try self.policy.load()
            let applier = LifecycleApplier(lake: lake, policy: policy,
                                           configuration: LifecycleConfiguration(force: force, lockWait: max(0, waitLock)),
                                           clock: clock, logger: logger)
            let chosen: LifecyclePlan
            if let plan {
                chosen = try LifecyclePlan.load(from: URL(fileURLWithPath: plan))
                try applier.check(chosen)
            } else {
                chosen = LifecyclePlanner(lake: lake, policy: policy, policyFile: self.policy.policy, clock: clock, logger: logger).plan()
            }
            print(chosen.text)
            let partitions = Set(chosen.actions.map(\.partition)).count
            let progress = ProgressLine(label: "lifecycle", total: partitions)
            let report = try await applier.apply(chosen) { progress.update(done: $0.partitionsDone, of: $0.partitionsTotal, detail: $0.partition) }
            progress.finish()
            for line in report.overrides { FileHandle.standardError.write(Data("goodair: WARNING \(line)\n".utf8)) }
            print(report.summary)
            if report.status != .success { throw ExitCode(report.status.exitCode) }
        }
    }

    struct Restore: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Bring an archived partition back into its zone, byte for byte.",
            discussion: """
            Verifies the archive, then writes back every file it holds that is missing, checked against
            its manifest; refuses to overwrite a file that differs. Idempotent. The archive is kept.
            The next apply removes the restored files again once they match their archive: add a hold
            to retention.yml to keep them while you need them.

            Examples:
              goodair lifecycle restore bronze/source=aqicn/date=2026-07-14
              goodair curate --rebuild --from 2026-07-14 --to 2026-07-14

            Exit: 0 restored; 1 the archive is damaged or a file differs; 2 not a partition, or not archived.
            """
        )

        @OptionGroup var options: LakeOptions

        @Argument(help: ArgumentHelp("The partition, as plans print it.", valueName: "partition"))
        var partition: String

        @Option(help: ArgumentHelp("Wait this long for another lifecycle job to finish.", valueName: "seconds"))
        var waitLock: Double = 0

        func run() async throws {
            let report = try await Restorer(lake: try options.resolvedLake(), configuration: LifecycleConfiguration(lockWait: max(0, waitLock)),
                                            clock: try options.clock(), logger: try options.logger(label: "goodair.lifecycle"))
                .restore(partition)
            print(report.summary)
        }
    }
}

extension GoodAir.Lifecycle {
    /// What `goodair demo` prints last: the plan of ./retention.yml for the demo's lake — a plan
    /// only, nothing applied — and the command that shows what it would do once something is due.
    static func demoPlan(lake: Lake, clock: LakeClock, logger: Logger, schemas: String) -> String {
        let file = "retention.yml"
        let policy: RetentionPolicy
        do {
            policy = try RetentionPolicy.load(from: URL(fileURLWithPath: file), tables: KnownTables.load(schemas: URL(fileURLWithPath: schemas)))
        } catch {
            return "\nRetention: \(error)\n  (`goodair lifecycle plan --policy FILE` shows what a policy would do)"
        }
        let plan = LifecyclePlanner(lake: lake, policy: policy, policyFile: file, clock: clock, logger: logger).plan()
        var text = "\nRetention per \(file) — a plan only, nothing is applied (`goodair lifecycle apply` would):\n" + plan.text
        if let due = plan.waiting.map(\.nextDue).min() {
            text += "\n  goodair lifecycle plan --lake \(lake.relativeDisplay(lake.root)) --now \(due)   # what it would do then"
        }
        return text
    }
}
