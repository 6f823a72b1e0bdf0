import Foundation
import GoodAirCore
import GoodAirTesting
import Testing

/// Apply and restore: archives that verify, originals removed only when safe, byte-identical restores.
@Suite("Lifecycle apply")
struct LifecycleApplyTests {
    func applier(_ lake: TemporaryLake, policy: RetentionPolicy, daysLater days: Int, force: Bool = false,
                 faults: LifecycleFaults? = nil) -> LifecycleApplier {
        LifecycleApplier(lake: lake.lake, policy: policy, configuration: LifecycleConfiguration(force: force, faults: faults),
                         clock: LifecycleFixture.clock(daysLater: days), logger: .quiet)
    }

    @Test("apply archives what is due, every archive verifies, originals go; restore brings them back byte for byte")
    func applyThenRestore() async throws {
        let lake = try await LifecycleFixture.lake()
        defer { lake.remove() }
        let policy = try LifecycleTestPolicy.policy()
        let before = try LifecycleFixture.files(lake, under: ["bronze/"])
        let plan = LifecycleTestPolicy.planner(lake, policy: policy, daysLater: 31).plan()
        let report = try await applier(lake, policy: policy, daysLater: 31).apply(plan)
        #expect(report.status == .success, "\(report.summary)")
        #expect(report.done.filter { $0.kind == .archive }.count == 5)
        #expect(report.done.filter { $0.kind == .delete }.count == 5)
        let remaining = try LifecycleFixture.files(lake, under: ["bronze/"])
        #expect(Set(remaining.keys) == Set(before.keys.filter { $0.hasPrefix("bronze/source=aqicn/date=2026-11-28/") }), "only the held partition stays")
        let entries = ArchiveCatalog(lake: lake.lake).entries()
        #expect(entries.count == 5)
        for entry in entries {
            let check = try ArchiveVerifier.verify(manifestURL: entry.manifestURL)
            #expect(check.isValid, "\(check.problem ?? "")")
            let manifest = try entry.manifest()
            #expect(manifest.verifiedAt == "2026-12-30T14:20:00Z")
            #expect(report.done.contains { $0.kind == .archive && $0.archiveSHA256 == manifest.archiveSHA256 && $0.outputs.contains(entry.layout.archive) })
            for member in manifest.members { #expect(Checksum.sha256(of: before[member.path] ?? [], matches: member.sha256), "\(member.path)") }
        }
        let archivedBytes = entries.reduce(Int64(0)) { $0 + ((try? $1.manifest().memberBytes) ?? 0) }
        #expect(archivedBytes == before.filter { !$0.key.hasPrefix("bronze/source=aqicn/date=2026-11-28/") }.values.reduce(0) { $0 + Int64($1.count) })

        let restorer = Restorer(lake: lake.lake, clock: LifecycleFixture.clock(daysLater: 32), logger: .quiet)
        let restored = try await restorer.restore("bronze/source=owm_weather/date=2026-11-28")
        #expect(restored.restored > 0 && restored.alreadyPresent == 0)
        let back = try LifecycleFixture.files(lake, under: ["bronze/source=owm_weather/date=2026-11-28/"])
        #expect(back == before.filter { $0.key.hasPrefix("bronze/source=owm_weather/date=2026-11-28/") })
        let again = try await restorer.restore("bronze/source=owm_weather/date=2026-11-28")
        #expect(again.restored == 0 && again.alreadyPresent == restored.restored, "idempotent")
        #expect(ArchiveCatalog(lake: lake.lake).entries().count == 5, "the archive stays")

        // The next apply removes the restored originals again, without packing anything anew.
        let next = LifecycleTestPolicy.planner(lake, policy: policy, daysLater: 33).plan()
        #expect(next.actions.map(\.kind) == [.verify, .delete])
        let cleaned = try await applier(lake, policy: policy, daysLater: 33).apply(next)
        #expect(cleaned.status == .success)
        #expect(try LifecycleFixture.files(lake, under: ["bronze/source=owm_weather/"]).isEmpty)
        #expect(LifecycleTestPolicy.planner(lake, policy: policy, daysLater: 33).plan().isEmpty)
    }

    @Test("restore refuses to overwrite a file that differs, before writing anything; an unknown partition is not archived")
    func restoreConflict() async throws {
        let lake = try await LifecycleFixture.lake(hours: 3, cities: 1)
        defer { lake.remove() }
        let policy = try LifecycleTestPolicy.policy()
        _ = try await applier(lake, policy: policy, daysLater: 40).apply(LifecycleTestPolicy.planner(lake, policy: policy, daysLater: 40).plan())
        let partition = "bronze/source=owm_air/date=2026-11-29"
        let manifest = try ArchiveManifest.load(from: lake.root.appendingPathComponent(ArchiveLayout(origin: partition).manifest))
        let intruder = manifest.members.last!.path
        try AtomicFile.write(Array("not the archived bytes".utf8), to: lake.root.appendingPathComponent(intruder))
        let restorer = Restorer(lake: lake.lake, clock: LifecycleFixture.clock(daysLater: 41), logger: .quiet)
        await #expect(throws: LifecycleError.conflict(path: intruder)) { try await restorer.restore(partition) }
        #expect(lake.allFiles().filter { $0.hasPrefix(partition + "/") } == [intruder], "nothing else written")
        await #expect(throws: LifecycleError.notArchived("bronze/source=aqicn/date=2026-01-01")) {
            try await restorer.restore("bronze/source=aqicn/date=2026-01-01")
        }
        await #expect(throws: LifecycleError.badPartition("silver/weather")) { try await restorer.restore("silver/weather") }
    }

    @Test("a saved plan is refused once a partition it acts on changed, or for another lake")
    func stalePlan() async throws {
        let lake = try await LifecycleFixture.lake(hours: 3, cities: 1)
        defer { lake.remove() }
        let policy = try LifecycleTestPolicy.policy()
        let plan = LifecycleTestPolicy.planner(lake, policy: policy, daysLater: 40).plan()
        let saved = try LifecyclePlan.load(from: try { () throws -> URL in
            let url = lake.root.appendingPathComponent("plan.json")
            try AtomicFile.write(try plan.json(), to: url)
            return url
        }())
        let applier = applier(lake, policy: policy, daysLater: 40)
        try applier.check(saved)
        try await LifecycleFixture.collect(lake, hours: 3..<4, cities: 1)   // a late collection adds an hour
        #expect(throws: LifecycleError.planStale(partition: "bronze/source=aqicn/date=2026-11-29")) { try applier.check(saved) }
        let other = try TemporaryLake()
        defer { other.remove() }
        #expect(throws: LifecycleError.self) { try self.applier(other, policy: policy, daysLater: 40).check(saved) }
    }

    @Test("safety is checked again at apply: held, too young and not curated are refused (exit 3); --force overrides each, loudly")
    func safetyAtApply() async throws {
        let lake = try await LifecycleFixture.lake(hours: 3, cities: 1)
        defer { lake.remove() }
        let open = try LifecycleTestPolicy.policy(holds: false)
        let plan = LifecycleTestPolicy.planner(lake, policy: open, daysLater: 40).plan()
        #expect(plan.totals.deletes == 3)
        var held = open
        held.holds = [RetentionHold(path: "bronze/source=owm_air", reason: "audit")]
        unlink(lake.root.appendingPathComponent("_state/curate/source=aqicn/date=2026-11-29.tsv").path)
        let before = Set(lake.allFiles().filter { $0.hasPrefix("bronze/") })

        let early = try await applier(lake, policy: held, daysLater: 3).apply(plan)
        #expect(early.status == .partial)
        #expect(early.done.isEmpty)
        #expect(early.refused.contains { $0.partition.contains("owm_air") && $0.reason.contains("held (audit)") })
        #expect(early.refused.contains { $0.partition.contains("aqicn") && $0.reason.contains("not curated") })
        #expect(early.refused.allSatisfy { $0.reason.contains("younger than minimum_age_days (7)") })
        #expect(Set(lake.allFiles().filter { $0.hasPrefix("bronze/") }) == before, "nothing removed")

        let forced = try await applier(lake, policy: held, daysLater: 3, force: true).apply(plan)
        #expect(forced.status == .success, "\(forced.summary)")
        #expect(forced.overrides.contains { $0.contains("bronze/source=owm_air/date=2026-11-29") && $0.contains("held (audit)") })
        #expect(forced.overrides.contains { $0.contains("bronze/source=aqicn/date=2026-11-29") && $0.contains("not curated") })
        #expect(forced.overrides.filter { $0.contains("younger than minimum_age_days") }.count == 3)
        #expect(forced.overrides.allSatisfy { $0.hasPrefix("--force: acting on ") })
        #expect(lake.allFiles().filter { $0.hasPrefix("bronze/") }.isEmpty)
        #expect(ArchiveCatalog(lake: lake.lake).entries().count == 3, "forced or not, every original was archived and verified first")
    }

    @Test("--force never deletes originals whose archive was not verified in the same run")
    func neverWithoutArchive() async throws {
        let lake = try await LifecycleFixture.lake(hours: 3, cities: 1)
        defer { lake.remove() }
        let policy = try LifecycleTestPolicy.policy()
        var plan = LifecycleTestPolicy.planner(lake, policy: policy, daysLater: 40).plan()
        plan.actions.removeAll { $0.kind != .delete }
        let report = try await applier(lake, policy: policy, daysLater: 40, force: true).apply(plan)
        #expect(report.done.isEmpty)
        #expect(report.refused.count == 3)
        #expect(report.refused.allSatisfy { $0.reason.contains("archive was not verified") })
        #expect(lake.allFiles().filter { $0.hasPrefix("bronze/") }.count > 0)
    }

    @Test("archives expire after the archive zone's window; the manifest goes before the tar.gz")
    func expiry() async throws {
        let lake = try await LifecycleFixture.lake(hours: 3, cities: 1)
        defer { lake.remove() }
        var policy = try LifecycleTestPolicy.policy()
        policy.rules.removeAll { $0.zone == .silver }
        _ = try await applier(lake, policy: policy, daysLater: 40).apply(LifecycleTestPolicy.planner(lake, policy: policy, daysLater: 40).plan())
        #expect(LifecycleTestPolicy.planner(lake, policy: policy, daysLater: 364).plan().isEmpty)
        let plan = LifecycleTestPolicy.planner(lake, policy: policy, daysLater: 366).plan()
        #expect(plan.actions.map(\.kind) == [.expireArchive, .expireArchive, .expireArchive])
        #expect(plan.actions.allSatisfy { $0.partition.hasPrefix("archive/bronze/") && $0.reason.contains("expire after 365") })
        let counter = LifecycleFaults(failAt: 2)
        await #expect(throws: LifecycleFaults.Killed.self) {
            _ = try await applier(lake, policy: policy, daysLater: 366, faults: counter).apply(plan)
        }
        let first = ArchiveCatalog(lake: lake.lake).entries()[0]
        #expect(first.hasArchive && !first.hasManifest, "killed between the two: a manifest never names a missing archive")
        let report = try await applier(lake, policy: policy, daysLater: 366).apply(LifecycleTestPolicy.planner(lake, policy: policy, daysLater: 366).plan())
        #expect(report.status == .success)
        #expect(lake.allFiles().filter { $0.hasPrefix("archive/") }.isEmpty)
    }

    @Test("quarantine archived under archive/quarantine/ when a rule says so, then deleted; restore brings it back")
    func quarantineArchive() async throws {
        let lake = try await LifecycleFixture.lake(hours: 2, cities: 1, faults: ["api-error@aqicn"])
        defer { lake.remove() }
        let quarantined = try LifecycleFixture.files(lake, under: ["quarantine/"])
        #expect(quarantined.keys.contains { $0.hasSuffix(".reason.json") }, "the failed fetches are in quarantine")
        let policy = try LifecycleFixture.policy("""
        version: 1
        rules:
          - name: keep-failures
            zone: quarantine
            archive_after_days: 30
            delete_after_days: 90
        """)
        let archiveOnly = LifecycleTestPolicy.planner(lake, policy: policy, daysLater: 40).plan()
        #expect(archiveOnly.actions.map(\.kind) == [.archive, .verify], "originals stay until 90 days")
        _ = try await applier(lake, policy: policy, daysLater: 40).apply(archiveOnly)
        let layout = ArchiveLayout(origin: "quarantine/source=aqicn/date=2026-11-29")
        #expect(try ArchiveVerifier.verify(manifestURL: lake.root.appendingPathComponent(layout.manifest)).isValid)
        #expect(try LifecycleFixture.files(lake, under: ["quarantine/"]) == quarantined)
        let late = LifecycleTestPolicy.planner(lake, policy: policy, daysLater: 91).plan()
        #expect(late.actions.map(\.kind) == [.verify, .delete])
        #expect(try await applier(lake, policy: policy, daysLater: 91).apply(late).status == .success)
        #expect(try LifecycleFixture.files(lake, under: ["quarantine/"]).isEmpty)
        _ = try await Restorer(lake: lake.lake, clock: LifecycleFixture.clock(daysLater: 92), logger: .quiet).restore(layout.partition)
        #expect(try LifecycleFixture.files(lake, under: ["quarantine/"]) == quarantined)
    }
}
