import ArgumentParser
import Foundation
import GoodAirCore
import GoodAirWarehouse
import GoodAirSimulator

extension GoodAir {
    struct Demo: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the chain on the built-in simulator: no key, no network.",
            discussion: """
            Starts the simulator on a free loopback port and runs the hourly chain (`goodair run`) once a
            day over the last --days days, the clock moved to each day: every run collects the 24 hours
            since the previous one through the real HTTP path (the simulator replays past hours), curates,
            aggregates and loads the warehouse, checks quality, raises incidents from failed checks and
            pollution episodes (no SMTP: they go to gold/reports/alertes.html), and writes the reports.
            Then it says where to look.
            Exit 0 unless nothing could be collected (1) or the usage is wrong (2): the failures the
            simulator injects are part of the show.

            Examples:
              goodair demo                 # 7 days into ./lake
              goodair demo --days 30 --lake /tmp/lake
            """
        )

        @OptionGroup var options: LakeOptions

        @Option(help: "Days to backfill, ending with the current hour.")
        var days: Int = 7

        @Option(help: ArgumentHelp("Simulated API latency, in milliseconds.", valueName: "ms"))
        var latencyMs: Int = 0

        @Flag(help: "Turn off the simulator's small realistic fault rate.")
        var noFaults = false

        @Option(help: ArgumentHelp("The schemas folder that curation enforces.", valueName: "path"))
        var schemas: String = "schemas"

        func run() async throws {
            guard (1...400).contains(days) else { throw ValidationError("--days must be 1…400") }
            let clock = try options.clock()
            var logger = try options.logger(label: "goodair.demo")
            if options.logLevel == nil { logger.logLevel = .error }
            let lake = try options.resolvedLake()
            try seedReference(lake)
            let catalog = try CityCatalog.load(from: lake.citiesFile)
            // Keys made up for this run: they show that no secret reaches the lake, and die with it.
            let token = Secret("demo-" + UUID().uuidString.lowercased())
            let key = Secret("demo-" + UUID().uuidString.lowercased())
            let simulator = try await Simulator.start(configuration: SimulatorConfiguration(
                aqicnToken: token.reveal(), owmKey: key.reveal(), latency: Double(max(0, latencyMs)) / 1000,
                faults: noFaults ? [] : SimulatorConfiguration.realisticFaults,
                places: SimulatedPlace.places(for: catalog.cities), clock: clock), logger: logger)
            let end = clock.now()
            let current = Hour(containing: end)
            print("""
            GoodAir Lake demo — simulator on \(simulator.baseURL), lake at \(lake.root.path)
              \(days) day(s) × \(catalog.cities.count) cities × \(Source.allCases.count) sources, through `goodair run`: one run a day,
              each collecting the 24 hours since the last (the simulator replays past hours), then curating, aggregating,
              checking, alerting and reporting. OpenWeatherMap's 60 calls/min limit is off: the simulator is local.
            """)
            let endpoints = Endpoints(aqicnBaseURL: simulator.baseURL, owmBaseURL: simulator.baseURL, aqicnToken: token, owmKey: key)
            var configuration = PipelineConfiguration(
                collector: CollectorConfiguration(endpoints: endpoints, concurrency: 8, timeout: 10,
                                                  retry: RetryPolicy(maxAttempts: 4, baseDelay: 0.2, maxDelay: 2), owmCallsPerWindow: 0),
                schemas: URL(fileURLWithPath: schemas), catchUpHours: 24)
            configuration.firstRunHours = 24
            // One day of an outage, to show an incident opening and resolving: OpenWeatherMap's air
            // pollution answers 503 through the whole day before the last run (a second simulator).
            let outageDay = days >= 2 && !noFaults ? 1 : nil
            let outage = outageDay == nil ? nil : try await Simulator.start(configuration: SimulatorConfiguration(
                aqicnToken: token.reveal(), owmKey: key.reveal(), faults: [try FaultRule.parse("server-error:p=1@owm_air")],
                places: SimulatedPlace.places(for: catalog.cities), clock: clock), logger: logger)
            var reports: [PipelineReport] = []
            for day in stride(from: days - 1, through: 0, by: -1) {
                // Each day's run sees the clock of its own hour; the last one is now.
                let at = end.addingTimeInterval(-Double(day * 86_400))
                let dayClock = day == 0 ? clock : LakeClock.fixed(at: at)
                var dayConfiguration = configuration
                if day == outageDay, let outage {
                    print("  (this day, the simulator's air pollution API is down: watch the incident open, then resolve)")
                    dayConfiguration.collector.endpoints = Endpoints(aqicnBaseURL: outage.baseURL, owmBaseURL: outage.baseURL,
                                                                     aqicnToken: token, owmKey: key)
                    dayConfiguration.collector.retry = RetryPolicy(maxAttempts: 1)
                }
                var pipeline = Pipeline(lake: lake, configuration: dayConfiguration, client: CurlHTTPClient(), clock: dayClock, logger: logger)
                pipeline.warehouse = { changes, clock, logger in
                    try Warehouse.run(lake: lake, changes: changes, rebuild: false, clock: clock, logger: logger).summary
                }
                pipeline.alerts = AlertCenter(lake: lake, delivery: nil, clock: dayClock, logger: logger)
                let report: PipelineReport
                do { report = try await pipeline.run() } catch {
                    await simulator.stop()
                    throw error
                }
                print("  " + report.summary)
                for step in report.steps where step.outcome == .failed { print("    \(step.name): \(step.summary)") }
                reports.append(report)
            }
            await simulator.stop()
            await outage?.stop()
            let last = reports.last!
            let totals = BronzeTotals.measure(lake: lake)
            let silver = lake.relativeDisplay(lake.silver), gold = lake.relativeDisplay(lake.gold)
            let book = try IncidentBook.load(from: lake)
            print("""

            Bronze holds \(totals.snapshots) snapshots (\(totals.bytes / 1024) KiB gzip) in \(totals.hourFolders) hour folders.
            \(last.steps.map { step in
                let line = step.summary.split(separator: "\n").first.map(String.init) ?? ""
                return "  " + (line.hasPrefix(step.name + ":") ? line : "\(step.name): \(line)")
            }.joined(separator: "\n"))
            \(book.open.count) incident(s) open, \(book.incidents.count - book.open.count) resolved (without SMTP settings they go to the alerts page and the log).

            Where to look:
              zcat \(lake.relativeDisplay(lake.snapshotFile(source: .owmWeather, hour: current, cityID: catalog.cities[0].id))) | head -c 400
              cat \(lake.relativeDisplay(lake.bronzeHourFolder(source: .aqicn, hour: current)))/_manifest.json
              head -3 \(silver)/weather/date=\(current.dateString)/part-00000.csv
              duckdb -c "SELECT city_id, date, temperature_c_max, no2_ugm3_mean FROM read_csv('\(gold)/city_daily/*/*.csv', hive_partitioning=true) ORDER BY 2 DESC, 1 LIMIT 5"
              xdg-open \(gold)/reports/index.html        # indicators, episodes, correlations, quality, alerts (in French)
              goodair lineage --lake \(lake.relativeDisplay(lake.root)) \(gold)/city_daily/month=\(current.dateString.prefix(7))/part-00000.csv
              goodair verify --lake \(lake.relativeDisplay(lake.root))
              goodair serve --lake \(lake.relativeDisplay(lake.root)) --users ~/.goodair-users --add-user demo   # then without --add-user: the dashboard
            """)
            print(GoodAir.Lifecycle.demoPlan(lake: lake, clock: clock, logger: logger, schemas: schemas))
            if reports.allSatisfy({ $0.steps.first?.outcome == .failed }) { throw ExitCode(ExitStatus.failed) }
        }

        /// A new lake (`--lake /tmp/lake`) gets the référentiel of ./lake, so the demo runs anywhere.
        func seedReference(_ lake: Lake) throws {
            for name in ["cities.csv", "thresholds.csv"] {
                let target = lake.reference.appendingPathComponent(name)
                guard !FileManager.default.fileExists(atPath: target.path) else { continue }
                let local = Lake(root: URL(fileURLWithPath: "lake")).reference.appendingPathComponent(name)
                guard let data = FileManager.default.contents(atPath: local.path) else { continue }
                try AtomicFile.write(Array(data), to: target)
                print("copied \(lake.relativeDisplay(local)) into \(lake.relativeDisplay(target))")
            }
        }
    }
}
