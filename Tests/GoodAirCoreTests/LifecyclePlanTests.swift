import Foundation
import GoodAirCore
import GoodAirTesting
import Testing

/// The policy of the lifecycle tests: bronze archived after 30 days, silver weather deleted
/// after 60, archives expired after 365, one bronze partition held.
enum LifecycleTestPolicy {
    static let yaml = """
    version: 1
    minimum_age_days: 7
    rules:
      - name: bronze-to-archive
        zone: bronze
        archive_after_days: 30
      - name: old-weather
        zone: silver
        tables: [weather]
        delete_after_days: 60
      - name: archive-expiry
        zone: archive
        delete_after_days: 365
    holds:
      - path: bronze/source=aqicn/date=2026-11-28
        reason: pollution study
    """

    static func policy(holds: Bool = true) throws -> RetentionPolicy {
        var policy = try LifecycleFixture.policy(yaml)
        if !holds { policy.holds = [] }
        return policy
    }

    static func planner(_ lake: TemporaryLake, policy: RetentionPolicy, daysLater days: Int) -> LifecyclePlanner {
        LifecyclePlanner(lake: lake.lake, policy: policy, clock: LifecycleFixture.clock(daysLater: days), logger: .quiet)
    }
}

/// Plans: what is due when the clock moves forward, and why; what is kept.
@Suite("Lifecycle plan")
struct LifecyclePlanTests {
    @Test("before 30 days nothing is due; the plan says which partition comes due first, and when")
    func nothingYet() async throws {
        let lake = try await LifecycleFixture.lake()
        defer { lake.remove() }
        let plan = LifecycleTestPolicy.planner(lake, policy: try LifecycleTestPolicy.policy(), daysLater: 20).plan()
        #expect(plan.isEmpty)
        let waiting = try #require(plan.waiting.first { $0.rule == "bronze-to-archive" })
        #expect(waiting.partitions == 6, "3 sources × 2 dates")
        #expect(waiting.next.hasSuffix("date=2026-11-28"))
        #expect(waiting.nextDue == "2026-12-29")
        #expect(plan.unmatched["silver"] ?? 0 > 0, "air_quality and air_pollution match no rule")
        #expect(plan.text.contains("nothing to do"))
    }

    @Test("past 30 days: archive, verify, delete per bronze partition with age, size, rule and reason; the held one kept")
    func due() async throws {
        let lake = try await LifecycleFixture.lake()
        defer { lake.remove() }
        let plan = LifecycleTestPolicy.planner(lake, policy: try LifecycleTestPolicy.policy(), daysLater: 31).plan()
        let partitions = Set(plan.actions.map(\.partition))
        #expect(partitions.count == 5, "\(partitions.sorted())")
        #expect(!partitions.contains("bronze/source=aqicn/date=2026-11-28"))
        for partition in partitions {
            let steps = plan.actions.filter { $0.partition == partition }
            #expect(steps.map(\.kind) == [.archive, .verify, .delete])
            let files = lake.allFiles().filter { $0.hasPrefix(partition + "/") }
            let bytes = try files.reduce(Int64(0)) { $0 + Int64(try Data(contentsOf: lake.root.appendingPathComponent($1)).count) }
            for step in steps {
                #expect(step.files == files.count)
                #expect(step.bytes == bytes)
                #expect(step.rule == "bronze-to-archive")
                #expect(step.archive == "archive/\(partition).tar.gz")
            }
            let age = partition.hasSuffix("2026-11-28") ? 31 : 30
            #expect(steps[0].ageDays == age)
            #expect(steps[0].reason == "\(age) days old, archive after 30")
        }
        let held = try #require(plan.kept.first)
        #expect(plan.kept.count == 1)
        #expect(held.partition == "bronze/source=aqicn/date=2026-11-28")
        #expect(held.why == .held)
        #expect(held.reason == "pollution study")
        #expect(plan.totals.archives == 5 && plan.totals.deletes == 5 && plan.totals.kept == 1)
        #expect(plan.text.contains("held        bronze/source=aqicn/date=2026-11-28"))
        let decoded = try JSONDecoder().decode(LifecyclePlan.self, from: Data(try plan.json()))
        #expect(decoded == plan)
    }

    @Test("bronze that curation has not fully processed is kept, and the plan says which snapshot")
    func notCurated() async throws {
        let lake = try await LifecycleFixture.lake(hours: 6, cities: 1, curate: false)
        defer { lake.remove() }
        let plan = LifecycleTestPolicy.planner(lake, policy: try LifecycleTestPolicy.policy(), daysLater: 40).plan()
        #expect(plan.actions.isEmpty)
        #expect(plan.kept.count == 3)
        #expect(plan.kept.allSatisfy { $0.why == .notCurated && $0.reason.contains("not curated yet") })
        _ = try await LifecycleFixture.curator(lake).curate()
        // A snapshot collected after curation is not in the ledger: its partition is kept again.
        try await LifecycleFixture.collect(lake, hours: 6..<7, cities: 1)
        let after = LifecycleTestPolicy.planner(lake, policy: try LifecycleTestPolicy.policy(), daysLater: 40).plan()
        #expect(after.kept.map(\.partition).sorted() == ["bronze/source=aqicn/date=2026-11-29", "bronze/source=owm_air/date=2026-11-29",
                                                        "bronze/source=owm_weather/date=2026-11-29"])
        #expect(after.kept.allSatisfy { $0.reason.contains("hour=08/") }, "\(after.kept.map(\.reason))")
    }

    @Test("silver of one table deleted after 60 days by observation date; other tables untouched")
    func silverByTable() async throws {
        let lake = try await LifecycleFixture.lake(hours: 6, cities: 1)
        defer { lake.remove() }
        let plan = LifecycleTestPolicy.planner(lake, policy: try LifecycleTestPolicy.policy(), daysLater: 61).plan()
        let deletes = plan.actions.filter { $0.zone == .silver }
        #expect(!deletes.isEmpty)
        #expect(deletes.allSatisfy { $0.partition.hasPrefix("silver/weather/date=") && $0.kind == .delete && $0.rule == "old-weather" })
        let weatherDates = Set(lake.allFiles().filter { $0.hasPrefix("silver/weather/date=") }.map { $0.split(separator: "/")[2] })
        #expect(deletes.count == weatherDates.count)
    }

    @Test("the fingerprint changes when a file of a partition changes, and only then")
    func fingerprint() async throws {
        let lake = try await LifecycleFixture.lake(hours: 3, cities: 1)
        defer { lake.remove() }
        let planner = LifecycleTestPolicy.planner(lake, policy: try LifecycleTestPolicy.policy(), daysLater: 40)
        let first = planner.plan(), again = planner.plan()
        #expect(first.fingerprint == again.fingerprint)
        let victim = try #require(lake.allFiles().first { $0.hasPrefix("bronze/source=owm_air/") && $0.hasSuffix(".json.gz") })
        try AtomicFile.write(Array(try Data(contentsOf: lake.root.appendingPathComponent(victim))), to: lake.root.appendingPathComponent(victim))
        let changed = planner.plan()
        #expect(changed.fingerprint != first.fingerprint)
        let moved = changed.actions.filter { action in first.actions.first { $0.partition == action.partition }?.fingerprint != action.fingerprint }
        #expect(Set(moved.map(\.partition)) == ["bronze/source=owm_air/date=2026-11-29"])
    }
}
