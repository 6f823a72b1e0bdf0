import Foundation
@testable import GoodAirCore
import GoodAirSimulator
import GoodAirTesting
import Testing

/// Lineage end to end: a lake collected from the simulator over HTTP, curated and aggregated;
/// every event validates against the OpenLineage schema with our own validator, and a gold file
/// traces back to the bronze snapshots with their manifests' checksums.
@Suite("Lineage")
struct LineageTests {
    static let schemas = Fixtures.repositoryRoot.appendingPathComponent("schemas")

    /// A lake with `hours` hours of `cities` cities collected, curated, aggregated and reported.
    static func chain(hours: Int = 30, cities: Int = 2) async throws -> TemporaryLake {
        let lake = try TemporaryLake()
        let thresholds = Fixtures.repositoryCitiesFile.deletingLastPathComponent().appendingPathComponent("thresholds.csv")
        try AtomicFile.write(Array(try Data(contentsOf: thresholds)), to: lake.lake.reference.appendingPathComponent("thresholds.csv"))
        let sim = try await TestSimulator.start()
        let current = Fixtures.currentHour
        let plan = CollectPlan(hours: (0..<hours).map { current.advanced(by: -$0) }, cities: try Fixtures.cities(cities))
        _ = try await sim.collector(lake: lake.lake).collect(plan)
        await sim.stop()
        let clock = LakeClock.fixed(at: Fixtures.now)
        _ = try await Curator(lake: lake.lake, configuration: CurateConfiguration(schemas: schemas), clock: clock, logger: .quiet).curate()
        _ = try await Aggregator(lake: lake.lake, configuration: AggregateConfiguration(schemas: schemas), clock: clock, logger: .quiet).aggregate()
        var reports = ReportBuilder(lake: lake.lake, logger: .quiet)
        reports.now = Fixtures.now
        _ = try reports.run(cities: nil, from: nil, to: nil, clock: clock)
        return lake
    }

    /// Every event of every lineage file, with its file's path.
    static func events(_ lake: TemporaryLake) throws -> [(path: String, line: [UInt8])] {
        try lake.allFiles().filter { $0.hasPrefix("_lineage/") }.flatMap { path in
            try Data(contentsOf: lake.root.appendingPathComponent(path)).split(separator: 0x0A).map { (path, Array($0)) }
        }
    }

    @Test("each job writes START then COMPLETE under one run id, and every event validates against the OpenLineage schema")
    func eventsValidate() async throws {
        let lake = try await Self.chain(hours: 6)
        defer { lake.remove() }
        let schema = try JSONSchema(contentsOf: Self.schemas.appendingPathComponent("lineage/runevent.schema.json"))
        let events = try Self.events(lake)
        var jobs: [String: [LineageEvent]] = [:]
        for (path, line) in events {
            let tape = try JSONTape(parsing: line)
            let failures = schema.validate(tape)
            #expect(failures.isEmpty, "\(path): \(failures.map { "\($0.instanceLocation): \($0.message)" })")
            jobs[path, default: []].append(try JSONDecoder().decode(LineageEvent.self, from: Data(line)))
        }
        #expect(Set(jobs.values.compactMap { $0.first?.job.name }) == ["collect", "curate", "aggregate", "report"])
        for (path, runEvents) in jobs {
            #expect(runEvents.map(\.eventType) == [.start, .complete], "\(path)")
            #expect(Set(runEvents.map(\.run.runId)).count == 1)
            let run = runEvents[0]
            #expect(path == "_lineage/date=2026-11-29/\(run.job.name)-\(run.run.runId).jsonl")
            #expect(UUID(uuidString: run.run.runId) != nil)
        }
        // The schema is not a rubber stamp: a broken event fails it.
        var broken = try JSONDecoder().decode(LineageEvent.self, from: Data(events[0].line))
        broken.run.runId = "not-a-uuid"
        #expect(!schema.isValid(try JSONTape(parsing: try broken.jsonLine())))
        #expect(!schema.isValid(try JSONTape(parsing: Array(#"{"eventTime":"2026-11-29T14:00:00Z","run":{"runId":"x"}}"#.utf8))))
    }

    @Test("a gold file traces back to exactly the bronze snapshots behind it, with their manifests' sha256")
    func goldTracesToBronze() async throws {
        let lake = try await Self.chain(hours: 30)
        defer { lake.remove() }
        let target = "gold/city_daily/month=2026-11/part-00000.csv"
        let trace = try LineageTracer(lake: lake.lake).trace(target)
        #expect(trace.target == target)
        #expect(trace.files.first?.sha256 == trace.files.first?.recordedSHA256)
        #expect(Set(trace.runs.map(\.job)) == ["collect", "curate", "aggregate"])
        // Every good snapshot of November: 30 hours, all in November.
        var expected: [String: String] = [:]
        for path in lake.allFiles() where path.hasPrefix("bronze/") && path.hasSuffix(HourManifest.fileName) {
            let folder = lake.root.appendingPathComponent(path).deletingLastPathComponent()
            let manifest = try #require(try HourManifest.read(in: folder))
            for record in manifest.fetches where record.outcome == .ok {
                expected[lake.lake.relativePath(folder.appendingPathComponent(record.file!))] = record.sha256
            }
        }
        #expect(expected.count == 30 * 2 * 3)
        let snapshots = Dictionary(uniqueKeysWithValues: trace.snapshots.map { ($0.path, $0.sha256) })
        #expect(snapshots == expected)
        #expect(trace.snapshots.allSatisfy { $0.location == "lake" && $0.madeBy.count == 1 })
        // A silver partition of one day comes only from snapshots observed that day.
        let day = try LineageTracer(lake: lake.lake).trace("silver/weather/date=2026-11-28/part-00000.csv")
        #expect(!day.snapshots.isEmpty && day.snapshots.allSatisfy { $0.path.hasPrefix("bronze/source=owm_weather/") })
        #expect(day.snapshots.count < trace.snapshots.count / 3)
    }

    @Test("a file nobody recorded, or not in the lake, is a clear error")
    func unknownFiles() async throws {
        let lake = try await Self.chain(hours: 2, cities: 1)
        defer { lake.remove() }
        try AtomicFile.write(string: "x\n", to: lake.root.appendingPathComponent("silver/weather/by-hand.csv"))
        let tracer = try LineageTracer(lake: lake.lake)
        #expect(throws: LineageError.noLineage("silver/weather/by-hand.csv")) { try tracer.trace("silver/weather/by-hand.csv") }
        #expect(throws: LineageError.self) { try tracer.trace("silver/weather/date=1999-01-01/part-00000.csv") }
        #expect(throws: LineageError.self) { try tracer.trace("gold/warehouse.sqlite#month=July") }
    }

    @Test("a job that fails writes FAIL with its error under the run id of its START")
    func failedRun() async throws {
        let lake = try await Self.chain(hours: 2, cities: 1)
        defer { lake.remove() }
        // A silver partition with a foreign header stops curation (it must be rebuilt, not merged).
        let partition = try #require(lake.allFiles().first { $0.hasPrefix("silver/weather/date=") })
        try AtomicFile.write(string: "a,b\r\n1,2\r\n", to: lake.root.appendingPathComponent(partition))
        try FileManager.default.removeItem(at: lake.lake.state.appendingPathComponent("curate"))
        let curator = Curator(lake: lake.lake, configuration: CurateConfiguration(schemas: Self.schemas),
                              clock: .fixed(at: Fixtures.now), logger: .quiet)
        await #expect(throws: CurateError.self) { _ = try await curator.curate() }
        let history = try LineageHistory.load(lake: lake.lake)
        let failed = try #require(history.runs.first { $0.state == .fail })
        #expect(failed.job == "curate")
        #expect(failed.error?.contains("weather") == true)
        let lines = try Data(contentsOf: lake.root.appendingPathComponent(failed.file)).split(separator: 0x0A)
        let events = try lines.map { try JSONDecoder().decode(LineageEvent.self, from: Data($0)) }
        #expect(events.map(\.eventType) == [.start, .fail])
        #expect(events[0].run.runId == events[1].run.runId)
    }

    @Test("an event written by hand reads back as the same event, whatever its text holds")
    func handWrittenJSON() throws {
        let record = { () -> LineageRecord in
            var record = LineageRecord()
            record.read(LineageFile(path: "bronze/source=aqicn/date=2026-07-14/hour=10/paris.json.gz", bytes: 812, sha256: String(repeating: "a", count: 64)))
            record.read(namespace: "http://127.0.0.1:8080", name: "/feed")
            record.wrote(LineageFile(path: "silver/weather/date=2026-07-14/part-00000.csv", bytes: 10, sha256: String(repeating: "b", count: 64)),
                         rows: 3, derivedFrom: ["bronze/source=aqicn/date=2026-07-14/hour=10/paris.json.gz"])
            record.wrote(LineageFile(path: "gold/warehouse.sqlite", bytes: 4096, sha256: nil), derivedFrom: [])
            record.removed(dataset: "gold/city_daily/month=2026-06")
            return record
        }()
        let schemas = LineageSchemas(folder: Self.schemas)
        let event = LineageEvent(
            eventType: .fail, eventTime: "2026-07-14T10:05:00.123Z",
            run: .init(runId: UUID().uuidString.lowercased(), facets: .init(
                goodair_run: GoodAirRunFacet(parameters: ["from": "2026-07-01", "odd": "a \"quoted\" \\ back\nslash\u{1}é"], nominalTime: "2026-07-14T10:05:00Z",
                                             locations: .init(DataLocations(storage: try DataLocation(parsing: "DE"), processing: try DataLocation(parsing: "FR-IDF")))),
                goodair_quality: GoodAirQualityFacet(snapshotsRead: 3, quarantined: ["schema": 1], corrected: ["weather.humidity_pct": 2], duplicatesMerged: 0),
                errorMessage: ErrorMessageFacet(message: "weather: \"bad\" header\t!"))),
            job: .init(name: "curate", facets: .init(jobType: JobTypeFacet())),
            inputs: record.inputDatasets(schemas: schemas), outputs: record.outputDatasets(schemas: schemas))
        let line = try event.jsonLine()
        #expect(line.last == 0x0A && !line.dropLast().contains(0x0A))
        #expect(try JSONDecoder().decode(LineageEvent.self, from: Data(line)) == event)
        let schema = try JSONSchema(contentsOf: Self.schemas.appendingPathComponent("lineage/runevent.schema.json"))
        #expect(schema.validate(try JSONTape(parsing: line)).isEmpty)
        // Keys sorted like JSONEncoder's .sortedKeys, so tools diffing events see stable text.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let foundation = try JSONSerialization.jsonObject(with: try encoder.encode(event)) as? NSDictionary
        #expect(try JSONSerialization.jsonObject(with: Data(line)) as? NSDictionary == foundation)
    }
}
