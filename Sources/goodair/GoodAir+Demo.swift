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
            Starts the simulator on a free loopback port, backfills the last --days days for every city
            and source through the real HTTP path into the lake's bronze zone, collects once more to
            fill what the simulator's small fault rate made fail, curates bronze into the silver
            tables, and says where to look.
            Exit 0 unless nothing could be collected (1) or the usage is wrong (2): the failures it
            injects are part of the show.

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
            let lake = options.resolvedLake()
            try seedReference(lake)
            let catalog = try CityCatalog.load(from: lake.citiesFile)
            // Keys made up for this run: they show that no secret reaches the lake, and die with it.
            let token = Secret("demo-" + UUID().uuidString.lowercased())
            let key = Secret("demo-" + UUID().uuidString.lowercased())
            let simulator = try await Simulator.start(configuration: SimulatorConfiguration(
                aqicnToken: token.reveal(), owmKey: key.reveal(), latency: Double(max(0, latencyMs)) / 1000,
                faults: noFaults ? [] : SimulatorConfiguration.realisticFaults,
                places: SimulatedPlace.places(for: catalog.cities), clock: clock), logger: logger)

            let current = Hour(containing: clock.now())
            let plan = CollectPlan(hours: Hour.range(current.advanced(by: -(days * 24 - 1)), through: current),
                                   cities: catalog.cities)
            print("""
            GoodAir Lake demo — simulator on \(simulator.baseURL), lake at \(lake.root.path)
              \(plan.hours.count) hours (\(plan.hours.first!) → \(plan.hours.last!)) × \(plan.cities.count) cities × \(plan.sources.count) sources
              OpenWeatherMap's 60 calls/min limit is off: the simulator is local.
            """)
            let endpoints = Endpoints(aqicnBaseURL: simulator.baseURL, owmBaseURL: simulator.baseURL,
                                      aqicnToken: token, owmKey: key)
            let collector = Collector(
                lake: lake,
                configuration: CollectorConfiguration(endpoints: endpoints, concurrency: 8, timeout: 10,
                                                      retry: RetryPolicy(maxAttempts: 4, baseDelay: 0.2, maxDelay: 2),
                                                      owmCallsPerWindow: 0),
                client: CurlHTTPClient(), clock: clock, logger: logger)
            let progress = ProgressLine(label: "collect", total: plan.hours.count)
            let first: CollectReport
            do { first = try await collector.collect(plan) { progress.update($0) } } catch {
                await simulator.stop()
                throw error
            }
            progress.finish()
            print(first.summary)
            var final = first
            if !first.failures.isEmpty {
                print("  \(first.failures.count) fetch(es) failed on the simulator's injected faults; collecting those hours again:")
                let retryPlan = CollectPlan(hours: Array(Set(first.failures.map(\.hour))).sorted(), cities: catalog.cities)
                do { final = try await collector.collect(retryPlan) } catch {
                    await simulator.stop()
                    throw error
                }
                print("  " + final.summary)
            }
            await simulator.stop()
            let totals = BronzeTotals.measure(lake: lake)
            print("""

            Bronze now holds \(totals.snapshots) snapshots (\(totals.bytes / 1024) KiB gzip) in \(totals.hourFolders) hour folders.
            Where to look:
              ls \(lake.relativeDisplay(lake.bronze))/source=aqicn/date=\(current.dateString)/hour=\(current.hourString)/
              zcat \(lake.relativeDisplay(lake.snapshotFile(source: .owmWeather, hour: current, cityID: catalog.cities[0].id))) | head -c 400
              cat \(lake.relativeDisplay(lake.bronzeHourFolder(source: .aqicn, hour: current)))/_manifest.json
            """)
            if !final.failures.isEmpty {
                print("\(final.failures.count) fetch(es) still failed; their manifests say why, and `goodair collect` fills them later.")
            }
            if final.status == .failed { throw ExitCode(ExitStatus.failed) }

            let curated = try await Curator(lake: lake, configuration: CurateConfiguration(schemas: URL(fileURLWithPath: schemas)),
                                            clock: clock, logger: logger).curate()
            let silver = lake.relativeDisplay(lake.silver)
            print("""

            \(curated.summary)
              head -3 \(silver)/weather/date=\(current.dateString)/part-00000.csv
              duckdb -c "SELECT city_id, avg(temperature_c) FROM read_csv('\(silver)/weather/*/*.csv', hive_partitioning=true) GROUP BY 1"
              python3 -c "import pandas; print(pandas.read_csv('\(silver)/air_pollution/date=\(current.dateString)/part-00000.csv').describe())"
            """)

            let aggregated = try await Aggregator(lake: lake, configuration: AggregateConfiguration(), clock: clock, logger: logger).aggregate()
            let warehouse = try Warehouse.update(lake: lake, months: aggregated.monthsWritten, rebuild: false, logger: logger)
            var reports = ReportBuilder(lake: lake, logger: logger)
            reports.now = clock.now()
            let reported = try reports.build(cities: nil, from: nil, to: nil)
            let gold = lake.relativeDisplay(lake.gold)
            print("""

            \(aggregated.summary)
            \(warehouse.summary)
            \(reported.description)
              duckdb -c "SELECT city_id, date, temperature_c_max, no2_ugm3_mean FROM read_csv('\(gold)/city_daily/*/*.csv', hive_partitioning=true) ORDER BY 2 DESC, 1 LIMIT 5"
            """)
            print(GoodAir.Lifecycle.demoPlan(lake: lake, clock: clock, logger: logger, schemas: schemas))
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
