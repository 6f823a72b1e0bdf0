import Foundation
@testable import GoodAirCore
import GoodAirSimulator
import GoodAirTesting
import Testing

/// `goodair run` against the simulator over HTTP, with the clock moved by hand.
@Suite("Pipeline (goodair run)")
struct PipelineTests {
    static let schemas = Fixtures.repositoryRoot.appendingPathComponent("schemas")

    static func pipeline(_ lake: TemporaryLake, _ sim: TestSimulator, at now: Date, catchUp: Int = 24) -> Pipeline {
        let collector = sim.collector(lake: lake.lake, clock: .fixed(at: now))
        return Pipeline(lake: lake.lake, configuration: PipelineConfiguration(collector: collector.configuration, schemas: schemas,
                                                                              catchUpHours: catchUp),
                        client: CurlHTTPClient(), clock: .fixed(at: now), logger: .quiet)
    }

    static func lake() throws -> TemporaryLake {
        let lake = try TemporaryLake(citiesCSV: try QualityCheckTests.citiesCSV(2))
        let thresholds = Fixtures.repositoryCitiesFile.deletingLastPathComponent().appendingPathComponent("thresholds.csv")
        try AtomicFile.write(Array(try Data(contentsOf: thresholds)), to: lake.lake.reference.appendingPathComponent("thresholds.csv"))
        return lake
    }

    @Test("the clock stopped for 5 hours: the next run collects the 5 missed hours and the current one, and processes each once")
    func catchUp() async throws {
        let lake = try Self.lake()
        defer { lake.remove() }
        let sim = try await TestSimulator.start()
        defer { Task { await sim.stop() } }
        let first = try await Self.pipeline(lake, sim, at: Fixtures.now).run()
        #expect(first.collectedHours == [Fixtures.currentHour])
        #expect(first.steps.map(\.name) == ["collect", "curate", "aggregate", "check", "report", "lifecycle"])
        #expect(first.steps.allSatisfy { $0.outcome == .success || $0.outcome == .partial }, "\(first.steps)")
        #expect(first.steps.last?.summary.contains("nothing") == true || first.steps.last?.outcome == .success, "\(first.steps.last!)")
        let later = Fixtures.now.addingTimeInterval(6 * 3600)
        let second = try await Self.pipeline(lake, sim, at: later).run()
        #expect(second.collectedHours == (1...6).map { Fixtures.currentHour.advanced(by: $0) })
        #expect(second.lostHours.isEmpty)
        #expect(second.counters["snapshots_fetched"] == Double(6 * 2 * 3))
        #expect(second.counters["snapshots_curated"] == Double(6 * 2 * 3), "each snapshot curated once")
        // Again at the same hour: nothing new to fetch or curate.
        let third = try await Self.pipeline(lake, sim, at: later.addingTimeInterval(60)).run()
        #expect(third.collectedHours == [Fixtures.currentHour.advanced(by: 6)])
        #expect(third.counters["snapshots_fetched"] == 0 && third.counters["snapshots_curated"] == 0)
        // Every hour of the seven is in silver: 7 weather rows per city.
        let weather = lake.allFiles().filter { $0.hasPrefix("silver/weather/") }
        let rows = try weather.reduce(0) { total, path in
            total + (try CSVReader.parse(String(decoding: try Data(contentsOf: lake.root.appendingPathComponent(path)), as: UTF8.self)).count - 1)
        }
        #expect(rows == 7 * 2)
        let metrics = try String(contentsOf: lake.lake.state.appendingPathComponent("metrics/goodair.prom"), encoding: .utf8)
        #expect(metrics.contains("goodair_snapshots_fetched_total \(7 * 2 * 3)\n"))
        #expect(metrics.contains("goodair_runs_total 3\n"))
        #expect(metrics.contains("goodair_step_success{step=\"curate\"} 1\n"))
    }

    @Test("hours beyond the catch-up window are reported lost, the rest collected")
    func lostHours() async throws {
        let lake = try Self.lake()
        defer { lake.remove() }
        let sim = try await TestSimulator.start()
        defer { Task { await sim.stop() } }
        _ = try await Self.pipeline(lake, sim, at: Fixtures.now).run()
        let report = try await Self.pipeline(lake, sim, at: Fixtures.now.addingTimeInterval(5 * 3600), catchUp: 2).run()
        let hour = Fixtures.currentHour
        #expect(report.lostHours == [hour.advanced(by: 1), hour.advanced(by: 2)])
        #expect(report.collectedHours == [hour.advanced(by: 3), hour.advanced(by: 4), hour.advanced(by: 5)])
        #expect(report.exitCode == 3)
        #expect(report.summary.contains("2 hour(s) lost"))
    }

    @Test("a failing step is reported, and the steps that do not need it still run")
    func failingStep() async throws {
        let lake = try Self.lake()
        defer { lake.remove() }
        let sim = try await TestSimulator.start()
        defer { Task { await sim.stop() } }
        _ = try await Self.pipeline(lake, sim, at: Fixtures.now).run()
        // A silver partition with a foreign header stops curation of that table.
        let partition = try #require(lake.allFiles().first { $0.hasPrefix("silver/weather/date=") })
        try AtomicFile.write(string: "a,b\r\n1,2\r\n", to: lake.root.appendingPathComponent(partition))
        let report = try await Self.pipeline(lake, sim, at: Fixtures.now.addingTimeInterval(3600)).run()
        #expect(report.steps.first { $0.name == "curate" }?.outcome == .failed)
        #expect(report.steps.map(\.name) == ["collect", "curate", "aggregate", "check", "report", "lifecycle"])
        #expect(report.steps.first { $0.name == "collect" }?.outcome == .success)
        #expect(report.exitCode == 1)
        #expect(report.summary.contains("curate failed"))
    }

    @Test("a source down two runs in a row opens one incident, on the alerts page; it resolves when the source is back")
    func sourceDownIncident() async throws {
        let lake = try Self.lake()
        defer { lake.remove() }
        let good = try await TestSimulator.start()
        _ = try await Self.pipeline(lake, good, at: Fixtures.now).run()
        let down = try await TestSimulator.start(faults: [try FaultRule.parse("server-error:p=1@owm_air")])
        for hour in 1...2 {
            var pipeline = Self.pipeline(lake, down, at: Fixtures.now.addingTimeInterval(Double(hour) * 3600))
            pipeline.alerts = AlertCenter(lake: lake.lake, delivery: nil, clock: .fixed(at: Fixtures.now.addingTimeInterval(Double(hour) * 3600)), logger: .quiet)
            let report = try await pipeline.run()
            #expect(report.steps.map(\.name).contains("alerts"))
        }
        await down.stop()
        var open = try IncidentBook.load(from: lake.lake).open.map(\.key)
        #expect(open.contains("source-down:owm_air"), "\(open)")
        #expect(!open.contains { $0.contains("aqicn") || $0.contains("owm_weather") })
        let page = try String(contentsOf: lake.root.appendingPathComponent("gold/reports/alertes.html"), encoding: .utf8)
        #expect(page.contains("Source owm_air indisponible"))
        for hour in 3...4 {
            var pipeline = Self.pipeline(lake, good, at: Fixtures.now.addingTimeInterval(Double(hour) * 3600))
            pipeline.alerts = AlertCenter(lake: lake.lake, delivery: nil, clock: .fixed(at: Fixtures.now.addingTimeInterval(Double(hour) * 3600)), logger: .quiet)
            _ = try await pipeline.run()
        }
        await good.stop()
        open = try IncidentBook.load(from: lake.lake).open.map(\.key)
        #expect(!open.contains("source-down:owm_air"), "\(open)")
    }
}
