import Foundation
import GoodAirCore
import GoodAirTesting
import Testing

/// `goodair lifecycle` as users run it: plan, apply, restore, and their exit codes.
@Suite("goodair lifecycle")
struct LifecycleCLITests {
    static let policy = """
    version: 1
    minimum_age_days: 7
    rules:
      - name: bronze-to-archive
        zone: bronze
        archive_after_days: 30
    holds:
      - path: bronze/source=aqicn/*
        reason: audit
    """

    /// Runs `goodair lifecycle …` on `lake` with the test policy (or `policy`).
    func lifecycle(_ arguments: [String], lake: TemporaryLake, policy: String = Self.policy) async throws -> CLITests.Outcome {
        let file = lake.root.appendingPathComponent("retention-test.yml")
        try AtomicFile.write(string: policy, to: file)
        let schemas = Fixtures.repositoryRoot.appendingPathComponent("schemas").path
        var full = ["lifecycle"] + arguments + ["--lake", lake.root.path]
        if arguments.first != "restore" { full += ["--policy", file.path, "--schemas", schemas] }
        return try await CLITests().run(full)
    }

    @Test("plan prints the actions, --json is the plan value, --out saves it; a bad policy exits 2 with line and key")
    func plan() async throws {
        let lake = try await LifecycleFixture.lake(hours: 3, cities: 1)
        defer { lake.remove() }
        let text = try await lifecycle(["plan", "--now", "2027-01-10T00:00:00Z"], lake: lake)
        #expect(text.code == 0, "\(text.all)")
        #expect(text.stdout.contains("archive+verify+delete bronze/source=owm_air/date=2026-11-29"))
        #expect(text.stdout.contains("held        bronze/source=aqicn/date=2026-11-29 (bronze-to-archive, 41 d): audit"))
        let out = lake.root.appendingPathComponent("plan.json")
        let json = try await lifecycle(["plan", "--now", "2027-01-10T00:00:00Z", "--json", "--out", out.path], lake: lake)
        #expect(json.code == 0)
        let printed = try JSONDecoder().decode(LifecyclePlan.self, from: Data(json.stdout.utf8))
        #expect(printed == (try LifecyclePlan.load(from: out)))
        #expect(printed.actions.count == 6 && printed.kept.count == 1)
        #expect(lake.allFiles().filter { $0.hasPrefix("archive/") }.isEmpty, "a plan changes nothing")

        let bad = try await lifecycle(["plan"], lake: lake, policy: "version: 1\nrules:\n  - name: x\n    zone: bronze\n    sources: []\n    delete_after_days: 10\n")
        #expect(bad.code == 2)
        #expect(bad.stderr.contains("line 5, rules[0].sources: an empty filter"))
        #expect(bad.stderr.contains("line 6, rules[0].delete_after_days"))
    }

    @Test("apply exits 0 and restore brings a partition back (exit 0); restore of what has no archive exits 2")
    func applyAndRestore() async throws {
        let lake = try await LifecycleFixture.lake(hours: 3, cities: 1)
        defer { lake.remove() }
        let before = try LifecycleFixture.files(lake, under: ["bronze/source=owm_weather/"])
        let applied = try await lifecycle(["apply", "--now", "2027-01-10T00:00:00Z"], lake: lake)
        #expect(applied.code == 0, "\(applied.all)")
        #expect(applied.stdout.contains("lifecycle apply: 2 archived"))
        #expect(try LifecycleFixture.files(lake, under: ["bronze/source=owm_weather/"]).isEmpty)
        let restored = try await lifecycle(["restore", "bronze/source=owm_weather/date=2026-11-29", "--now", "2027-01-11T00:00:00Z"], lake: lake)
        #expect(restored.code == 0, "\(restored.all)")
        #expect(try LifecycleFixture.files(lake, under: ["bronze/source=owm_weather/"]) == before)
        let missing = try await lifecycle(["restore", "bronze/source=owm_weather/date=2020-01-01"], lake: lake)
        #expect(missing.code == 2)
        #expect(missing.stderr.contains("has no archive"))
    }

    @Test("apply --plan refuses a plan the lake no longer matches (exit 1); refusals exit 3; --force warns on stderr")
    func savedPlanAndForce() async throws {
        let lake = try await LifecycleFixture.lake(hours: 3, cities: 1)
        defer { lake.remove() }
        let out = lake.root.appendingPathComponent("plan.json").path
        _ = try await lifecycle(["plan", "--now", "2027-01-10T00:00:00Z", "--out", out], lake: lake)
        try await LifecycleFixture.collect(lake, hours: 3..<4, cities: 1)
        let stale = try await lifecycle(["apply", "--now", "2027-01-10T00:00:00Z", "--plan", out], lake: lake)
        #expect(stale.code == 1, "\(stale.all)")
        #expect(stale.stderr.contains("the lake changed since the plan was made"))
        #expect(lake.allFiles().filter { $0.hasPrefix("archive/") }.isEmpty)

        _ = try await LifecycleFixture.curator(lake).curate()
        _ = try await lifecycle(["plan", "--now", "2027-01-10T00:00:00Z", "--out", out], lake: lake)
        let early = try await lifecycle(["apply", "--now", "2026-12-01T00:00:00Z", "--plan", out], lake: lake)
        #expect(early.code == 3, "\(early.all)")
        #expect(early.stdout.contains("refused archive bronze/source=owm_air/date=2026-11-29"))
        let forced = try await lifecycle(["apply", "--now", "2026-12-01T00:00:00Z", "--plan", out, "--force"], lake: lake)
        #expect(forced.code == 0, "\(forced.all)")
        #expect(forced.stderr.contains("WARNING --force: acting on bronze/source=owm_air/date=2026-11-29 although it is 1 days old, younger than minimum_age_days (7)"))
    }
}
