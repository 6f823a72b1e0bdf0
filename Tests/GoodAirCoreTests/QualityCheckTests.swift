import Foundation
@testable import GoodAirCore
import GoodAirSimulator
import GoodAirTesting
import Testing

/// `goodair check` on lakes collected from the simulator over HTTP and curated, then damaged the
/// way real lakes go wrong: each check finds its problem, and only its.
@Suite("Quality checks")
struct QualityCheckTests {
    static let schemas = Fixtures.repositoryRoot.appendingPathComponent("schemas")

    /// `hours` hours of `cities` cities collected up to the fixtures' hour and curated; the last
    /// `faultyHours` hours collected with `faults`.
    static func lake(hours: Int, cities: Int = 2, faults: [String] = [], faultyHours: Int = 0) async throws -> TemporaryLake {
        let lake = try TemporaryLake(citiesCSV: try citiesCSV(cities))
        let current = Fixtures.currentHour
        let clean = try await TestSimulator.start()
        let all = (0..<hours).map { current.advanced(by: -$0) }
        _ = try await clean.collector(lake: lake.lake).collect(CollectPlan(hours: Array(all.dropFirst(faultyHours)), cities: try lake.catalog().cities))
        await clean.stop()
        if faultyHours > 0 {
            let faulty = try await TestSimulator.start(faults: try faults.map(FaultRule.parse))
            _ = try await faulty.collector(lake: lake.lake, attempts: 1).collect(CollectPlan(hours: Array(all.prefix(faultyHours)), cities: try lake.catalog().cities))
            await faulty.stop()
        }
        _ = try await Curator(lake: lake.lake, configuration: CurateConfiguration(schemas: schemas), clock: .fixed(at: Fixtures.now), logger: .quiet).curate()
        return lake
    }

    /// The référentiel's first `count` cities, so "every city expected" means these.
    static func citiesCSV(_ count: Int) throws -> String {
        let lines = try String(contentsOf: Fixtures.repositoryCitiesFile, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        return lines.prefix(count + 1).joined(separator: "\n") + "\n"
    }

    static func check(_ lake: TemporaryLake, hours: Int, at now: Date = Fixtures.now) async throws -> QualityReport {
        try await QualityChecker(lake: lake.lake, configuration: QualityConfiguration(schemas: schemas, windowHours: hours),
                                 clock: .fixed(at: now), logger: .quiet).check()
    }

    /// The problems, disk space aside (the test machine's disk is not the lake's business here).
    static func problems(_ report: QualityReport) -> [String] {
        report.problems.filter { $0.kind != .diskSpace }.map { "\($0.status.rawValue) \($0.check) \($0.subject)" }.sorted()
    }

    /// Rewrites a silver partition's rows through `edit` (header kept).
    static func editSilver(_ lake: TemporaryLake, _ table: String, _ edit: (_ header: [String], _ rows: inout [[String]]) -> Void) throws {
        for path in lake.allFiles() where path.hasPrefix("silver/\(table)/date=") {
            let url = lake.root.appendingPathComponent(path)
            let records = try CSVReader.parse(String(decoding: try Data(contentsOf: url), as: UTF8.self))
            var rows = records.dropFirst().map(\.fields)
            edit(records[0].fields, &rows)
            let text = ([records[0].fields] + rows).map { $0.joined(separator: ",") + "\r\n" }.joined()
            try AtomicFile.write(string: text, to: url)
        }
    }

    @Test("a healthy lake passes every check, and the findings land in gold/quality, quality.json and qualite.html")
    func healthy() async throws {
        let lake = try await Self.lake(hours: 8)
        defer { lake.remove() }
        let report = try await Self.check(lake, hours: 8)
        #expect(Self.problems(report).isEmpty, "\(report.summary)")
        #expect(Set(report.findings.map(\.kind)).isSuperset(of: [.freshness, .completeness, .gaps, .missingRuns, .sourceDown, .fetchFailureRate,
                                                                  .quarantineRate, .corrections, .ranges, .primaryKey, .referential, .pipelineRuns]))
        let table = try #require(lake.allFiles().first { $0.hasPrefix("gold/quality/month=2026-11/") })
        let rows = try CSVReader.parse(String(decoding: try Data(contentsOf: lake.root.appendingPathComponent(table)), as: UTF8.self))
        #expect(rows[0].fields.joined(separator: ",") == QualityTable.header)
        #expect(rows.count - 1 == report.findings.count)
        // Same lake, same instant: the same rows, replaced by key rather than appended (only the
        // count of healthy runs moves: the first check is now one of them).
        _ = try await Self.check(lake, hours: 8)
        let again = try CSVReader.parse(String(decoding: try Data(contentsOf: lake.root.appendingPathComponent(table)), as: UTF8.self))
        #expect(again.map { $0.fields.prefix(3) } == rows.map { $0.fields.prefix(3) })
        let changed = zip(rows, again).filter { $0.fields != $1.fields }.map { $0.0.fields[0] }
        #expect(changed == ["runs"], "\(changed)")
        #expect(lake.allFiles().contains("gold/reports/qualite.html") && lake.allFiles().contains("gold/reports/quality.json"))
        let html = try String(contentsOf: lake.root.appendingPathComponent("gold/reports/qualite.html"), encoding: .utf8)
        #expect(html.contains("Aucun problème"))
    }

    @Test("a source that stopped long ago: stale data and hours never collected")
    func stale() async throws {
        let lake = try await Self.lake(hours: 4)
        defer { lake.remove() }
        let report = try await Self.check(lake, hours: 6, at: Fixtures.now.addingTimeInterval(14 * 3600))
        let problems = Self.problems(report)
        for table in ["air_quality", "weather", "air_pollution"] {
            #expect(problems.filter { $0.hasPrefix("fail freshness-stale \(table)/") }.count == 2, "\(problems)")
        }
        #expect(problems.filter { $0.hasPrefix("fail collection-ran ") }.count == 3)
        #expect(report.exitCode == 1)
    }

    @Test("a source down for the last two hours, and its fetch failures")
    func sourceDown() async throws {
        let lake = try await Self.lake(hours: 6, faults: ["server-error:p=1@owm_air"], faultyHours: 2)
        defer { lake.remove() }
        let problems = Self.problems(try await Self.check(lake, hours: 6))
        #expect(problems.contains("fail source-down owm_air"), "\(problems)")
        #expect(problems.contains("warn fetch-failures owm_air"))
        #expect(problems.contains("warn completeness owm_air"))
        #expect(!problems.contains { $0.contains("aqicn") || $0.contains("owm_weather") })
    }

    @Test("a gap in a city's hourly series")
    func gap() async throws {
        let lake = try await Self.lake(hours: 8)
        defer { lake.remove() }
        let city = try lake.catalog().cities[0].id
        try Self.editSilver(lake, "weather") { header, rows in
            let observed = header.firstIndex(of: "observed_at")!
            rows.removeAll { row in row[0] == city && ["T09", "T10", "T11"].contains { row[observed].contains("2026-11-29\($0)") } }
        }
        let problems = Self.problems(try await Self.check(lake, hours: 8))
        #expect(problems.contains("warn gaps weather/\(city)"), "\(problems)")
        #expect(problems.filter { $0.hasPrefix("warn gaps") }.count == 1)
    }

    @Test("a value stuck for 12 hours")
    func stuckValue() async throws {
        let lake = try await Self.lake(hours: 14)
        defer { lake.remove() }
        let city = try lake.catalog().cities[1].id
        try Self.editSilver(lake, "air_pollution") { header, rows in
            let column = header.firstIndex(of: "no2_ugm3")!
            for index in rows.indices where rows[index][0] == city { rows[index][column] = "42.5" }
        }
        let problems = Self.problems(try await Self.check(lake, hours: 14))
        #expect(problems == ["warn stuck air_pollution/\(city)/no2_ugm3"], "\(problems)")
    }

    @Test("a duplicate primary key, an unknown city and a value out of range")
    func integrity() async throws {
        let lake = try await Self.lake(hours: 4)
        defer { lake.remove() }
        try Self.editSilver(lake, "weather") { header, rows in
            rows.append(rows[0])
            var stranger = rows[1]
            stranger[0] = "atlantis"
            rows.append(stranger)
            rows[2][header.firstIndex(of: "humidity_pct")!] = "140"
        }
        let problems = Self.problems(try await Self.check(lake, hours: 4))
        #expect(problems.contains("fail primary-keys weather"), "\(problems)")
        #expect(problems.contains("fail referential weather"))
        #expect(problems.contains("fail ranges weather"))
    }

    @Test("a run killed in the middle (a START with no end in _lineage), and a failed one")
    func crashedRun() async throws {
        let lake = try await Self.lake(hours: 3)
        defer { lake.remove() }
        let killed = try LineageRun.start(job: "curate", runID: UUID().uuidString.lowercased(), lake: lake.lake, clock: .fixed(at: Fixtures.now))
        let failed = try LineageRun.start(job: "aggregate", runID: UUID().uuidString.lowercased(), lake: lake.lake, clock: .fixed(at: Fixtures.now))
        failed.fail(AggregateError.goldFile(path: "gold/x.csv", reason: "test"), logger: .quiet)
        let report = try await Self.check(lake, hours: 3)
        let runs = report.problems.filter { $0.kind == .pipelineRuns }
        #expect(Set(runs.map(\.subject)) == ["curate/\(killed.runID)", "aggregate/\(failed.runID)"])
        #expect(runs.contains { $0.detail.contains("never ended") } && runs.contains { $0.detail.contains("failed") })
        // A run whose job still holds its lock is running, not crashed.
        let lock = try await RunLock.acquire(name: "curate", in: lake.lake, wait: 0, clock: .fixed(at: Fixtures.now))
        defer { lock.release() }
        let again = try await Self.check(lake, hours: 3).problems.filter { $0.kind == .pipelineRuns }
        #expect(again.map(\.subject) == ["aggregate/\(failed.runID)"])
    }

    @Test("a field that appears in the payloads of the window is schema drift")
    func drift() async throws {
        let lake = try await Self.lake(hours: 10)
        defer { lake.remove() }
        for path in lake.allFiles() where path.hasPrefix("bronze/source=owm_weather/date=2026-11-29/hour=14/") && path.hasSuffix(".json.gz") {
            let url = lake.root.appendingPathComponent(path)
            var text = String(decoding: try Gzip.decompress(Array(try Data(contentsOf: url))), as: UTF8.self)
            text.insert(contentsOf: #""air_quality_hint":3,"#, at: text.index(after: text.startIndex))
            try AtomicFile.write(try Gzip.compress(Array(text.utf8)), to: url)
        }
        let report = try await QualityChecker(lake: lake.lake, configuration: QualityConfiguration(schemas: Self.schemas, windowHours: 2),
                                              clock: .fixed(at: Fixtures.now), logger: .quiet).check()
        let drift = report.findings.filter { $0.kind == .schemaDrift }
        #expect(drift.filter { $0.status == .warn }.map(\.subject) == ["owm_weather"], "\(drift)")
        #expect(drift.first { $0.subject == "owm_weather" }?.detail == "new: air_quality_hint")
    }

    @Test("a broken checks file is refused with the file and the place")
    func badRules() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("goodair-rules-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: folder) }
        try AtomicFile.write(Array(try Data(contentsOf: Self.schemas.appendingPathComponent("quality/checks.schema.json"))),
                             to: folder.appendingPathComponent("quality/checks.schema.json"))
        try AtomicFile.write(string: #"{"version":1,"checks":[{"id":"f","kind":"freshness","severity":"warn"}]}"#,
                             to: folder.appendingPathComponent("quality/checks.json"))
        #expect {
            try QualityRules.load(schemas: folder)
        } throws: { error in
            "\(error)".contains("checks.json") && "\(error)".contains("/checks/0")
        }
    }
}
