import Foundation
import GoodAirCore
import GoodAirTesting
import Testing

/// retention.yml: what loads, and every mistake reported with its line and key.
@Suite("Lifecycle policy")
struct LifecyclePolicyTests {
    func issues(_ yaml: String) -> [RetentionError.Issue] {
        do {
            _ = try LifecycleFixture.policy(yaml)
            return []
        } catch let error as RetentionError {
            return error.issues
        } catch {
            Issue.record("unexpected \(error)")
            return []
        }
    }

    @Test("the repository's retention.yml loads: bronze archived after 30 days, quarantine deleted after 90, aqicn July held")
    func repositoryPolicy() throws {
        let policy = try RetentionPolicy.load(from: Fixtures.repositoryRoot.appendingPathComponent("retention.yml"),
                                              tables: KnownTables.load(schemas: LifecycleFixture.schemas))
        #expect(policy.minimumAgeDays == 7)
        let bronze = try #require(policy.rule(for: LakePartition(bronze: "owm_air", date: "2026-07-14")!))
        #expect(bronze.archiveAfterDays == 30)
        #expect(bronze.deleteAfterDays == nil)
        #expect(policy.rule(for: LakePartition(path: "quarantine/source=aqicn/date=2026-07-14")!)?.deleteAfterDays == 90)
        #expect(policy.rule(for: LakePartition(path: "archive/bronze/source=aqicn/date=2026-07-14")!)?.deleteAfterDays ?? 0 >= 1825)
        #expect(policy.hold(for: LakePartition(bronze: "aqicn", date: "2026-07-14")!)?.reason == "summer 2026 heatwave study")
        #expect(policy.hold(for: LakePartition(path: "archive/bronze/source=aqicn/date=2026-07-14")!) != nil, "the hold covers the archive too")
        #expect(policy.hold(for: LakePartition(bronze: "aqicn", date: "2026-08-01")!) == nil)
        #expect(policy.hold(for: LakePartition(bronze: "owm_air", date: "2026-07-14")!) == nil)
    }

    @Test("an empty filter is refused with its line and key")
    func emptyFilter() {
        let found = issues("""
        version: 1
        rules:
          - name: everything
            zone: bronze
            sources: []
            archive_after_days: 30
          - name: tables
            zone: silver
            tables: []
            delete_after_days: 400
        """)
        #expect(found.count == 2, "\(found)")
        #expect(found.first?.line == 5)
        #expect(found.first?.key == "rules[0].sources")
        #expect(found.first?.message.contains("empty filter") == true)
        #expect(found.last?.line == 9)
        #expect(found.last?.key == "rules[1].tables")
    }

    @Test("bronze deleted before it is archived is refused: without archive_after_days, or below it")
    func deleteBeforeArchive() {
        let without = issues("version: 1\nrules:\n  - name: drop\n    zone: bronze\n    delete_after_days: 60\n")
        #expect(without.map(\.key) == ["rules[0].delete_after_days"])
        #expect(without.first?.line == 5)
        #expect(without.first?.message.contains("archive") == true)
        let below = issues("version: 1\nrules:\n  - name: early\n    zone: quarantine\n    archive_after_days: 60\n    delete_after_days: 30\n")
        #expect(below.map(\.key) == ["rules[0].delete_after_days"])
        #expect(below.first?.line == 6)
        #expect(below.first?.message.contains("before archive_after_days (60)") == true)
        #expect(issues("version: 1\nrules:\n  - name: ok\n    zone: bronze\n    archive_after_days: 30\n    delete_after_days: 60\n").isEmpty)
    }

    @Test("a window below minimum_age_days is refused; a zone-wide delete at 0 days too")
    func windows() {
        let young = issues("version: 1\nminimum_age_days: 14\nrules:\n  - name: q\n    zone: quarantine\n    delete_after_days: 10\n")
        #expect(young.count == 1)
        #expect(young.first?.line == 6)
        #expect(young.first?.key == "rules[0].delete_after_days")
        #expect(young.first?.message.contains("below minimum_age_days (14)") == true)
        let zero = issues("version: 1\nminimum_age_days: 0\nrules:\n  - name: all\n    zone: lineage\n    delete_after_days: 0\n")
        #expect(zero.map(\.key) == ["rules[0].delete_after_days"])
        #expect(zero.first?.message.contains("every partition of the zone") == true)
        let noAge = issues("version: 1\nrules:\n  - name: idle\n    zone: gold\n    delete_after_days:\n")
        #expect(noAge.map(\.key) == ["rules[0].delete_after_days"])
    }

    @Test("unknown zones, keys, sources and tables, and rules an earlier one leaves nothing to match, all at once")
    func everyMistake() {
        let found = issues("""
        version: 1
        retention: forever
        rules:
          - name: a
            zone: bronz
            delete_after_days: 30
          - name: b
            zone: quarantine
            sources: [aqicn, owm_wether]
            delete_after_days: 90
          - name: c
            zone: gold
            tables: [city_dayly]
            delete_after_days: 400
          - name: d
            zone: quarantine
            delete_after_days: 120
          - name: e
            zone: quarantine
            sources: [owm_air]
            delete_after_days: 100
          - name: f
            zone: silver
            sources: [aqicn]
            archive_after_days: 30
            delete_days: 3
        holds:
          - path: /etc/passwd
          - path: bronze/source=aqicn
            reason: kept
        """)
        let byKey = Dictionary(found.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        #expect(byKey["retention"]?.line == 2)
        #expect(byKey["rules[0].zone"]?.line == 5)
        #expect(byKey["rules[0].zone"]?.message.contains("unknown zone 'bronz'") == true)
        #expect(byKey["rules[1].sources"]?.message.contains("owm_wether") == true)
        #expect(byKey["rules[2].tables"]?.message.contains("city_dayly") == true)
        #expect(byKey["rules[4]"]?.line == 18, "rule e is covered by d, which takes every quarantine partition")
        #expect(byKey["rules[4]"]?.message.contains("matches nothing") == true)
        #expect(byKey["rules[5].sources"] != nil, "silver is filtered by tables")
        #expect(byKey["rules[5].archive_after_days"] != nil, "silver is not archived")
        #expect(byKey["rules[5].delete_days"]?.line == 26)
        #expect(byKey["holds[0].path"]?.message.contains("zone folder") == true)
        #expect(byKey["holds[0].reason"] != nil)
        #expect(found.count == 10, "\(found.map(\.description).joined(separator: "\n"))")
        let error = RetentionError(file: "test.yml", issues: found)
        #expect(error.description.hasPrefix("test.yml: 10 mistakes"))
    }

    @Test("YAML that does not parse names its line")
    func syntax() {
        let found = issues("version: 1\nrules:\n  - name: a\n   zone: [bronze\n")
        #expect(found.count == 1)
        #expect(found.first?.line ?? 0 >= 4)
        #expect(found.first?.message.contains("not valid YAML") == true)
    }

    @Test("holds match a glob within one folder level, a folder above, or the archive of what they hold")
    func holds() {
        let hold = RetentionHold(path: "bronze/source=aqicn/date=2026-07-*", reason: "study")
        #expect(hold.matches("bronze/source=aqicn/date=2026-07-31"))
        #expect(hold.matches("bronze/source=aqicn/date=2026-07-31/hour=10/paris.json.gz"))
        #expect(!hold.matches("bronze/source=aqicn/date=2026-08-01"))
        #expect(!hold.matches("bronze/source=owm_air/date=2026-07-31"))
        let folder = RetentionHold(path: "silver/weather", reason: "audit")
        #expect(folder.matches("silver/weather/date=2026-01-01"))
        #expect(!folder.matches("silver/weather_old/date=2026-01-01"))
    }

    @Test("partition paths: parsed as plans print them, ages counted from the end of the period")
    func partitions() throws {
        let now = try #require(Timestamp.parse("2026-08-14T00:00:00Z"))
        #expect(LakePartition(bronze: "aqicn", date: "2026-07-14")?.ageDays(at: now) == 30)
        #expect(LakePartition(bronze: "aqicn", date: "2026-07-14")?.ageDays(at: now.addingTimeInterval(-1)) == 29)
        #expect(LakePartition(path: "gold/city_daily/month=2026-07")?.ageDays(at: now) == 13)
        #expect(LakePartition(path: "_lineage/date=2026-08-13")?.ageDays(at: now) == 0)
        #expect(LakePartition(path: "archive/quarantine/source=owm_air/date=2026-07-01")?.origin == "quarantine/source=owm_air/date=2026-07-01")
        for bad in ["bronze/source=aqicn", "bronze/source=aqicn/date=2026-13-01", "silver/weather/month=2026-07", "archive/silver/x/date=2026-01-01", "/etc"] {
            #expect(LakePartition(path: bad) == nil, "\(bad)")
        }
    }
}
