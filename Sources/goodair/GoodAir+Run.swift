import ArgumentParser
import Foundation
import GoodAirCore
import GoodAirWarehouse

extension GoodAir {
    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The hourly chain: collect → curate → aggregate → check → reports → lifecycle, once or on a schedule.",
            discussion: """
            One run collects the current hour and the hours missed since the last collection (up to
            --catch-up-hours; older ones are reported as lost — the real APIs only answer with the present,
            so past hours can only be collected from a server that replays them, like the simulator), then
            curates, aggregates (and loads the warehouse), checks quality, writes the reports, and applies
            the retention policy when --lifecycle-every has passed since it last did. A failing step is
            reported and the steps that do not need it still run. One line says what the run did; the
            counters go to _state/metrics/goodair.prom (Prometheus text format).

            With --every 1h it keeps running, one run per hour aligned to the hour (for a container or a
            plain server); the recommended way is the systemd timer or cron line in deploy/.

            Examples:
              goodair run
              goodair run --every 1h --log-format json
              GOODAIR_AQICN_URL=http://127.0.0.1:8080 GOODAIR_OWM_URL=http://127.0.0.1:8080 goodair run --owm-calls-per-minute 0

            Exit: 0 all good; 3 something partial (failed fetches, quarantine, warnings, lost hours); 1 a step
            failed; 2 bad usage or configuration.
            """
        )

        @OptionGroup var options: LakeOptions
        @OptionGroup var tuning: CollectTuning

        @Option(help: ArgumentHelp("The schemas folder.", valueName: "path"))
        var schemas: String = "schemas"

        @Option(help: ArgumentHelp("The retention policy.", valueName: "file"))
        var policy: String = "retention.yml"

        @Option(help: ArgumentHelp("Collect at most this many missed hours (older ones are lost).", valueName: "hours"))
        var catchUpHours: Int = 24

        @Option(help: ArgumentHelp("Apply the retention policy at most this often, in hours.", valueName: "hours"))
        var lifecycleEvery: Int = 24

        @Option(help: ArgumentHelp("Run again on this period, aligned to it (e.g. 1h, 30m); without it, run once.", valueName: "period"))
        var every: String?

        @Flag(help: "Do not write the HTML reports.")
        var noReports = false

        func validate() throws {
            guard catchUpHours >= 0 else { throw ValidationError("--catch-up-hours must be ≥ 0") }
            guard lifecycleEvery >= 1 else { throw ValidationError("--lifecycle-every must be ≥ 1") }
            if let every, Self.seconds(every) == nil { throw ValidationError("--every: '\(every)' is not a period such as 1h, 30m or 2h") }
        }

        /// `1h`, `30m`, `90s` in seconds (at least a minute).
        static func seconds(_ text: String) -> Int? {
            guard let unit = text.last, let value = Int(text.dropLast()), value > 0 else { return nil }
            let seconds = unit == "h" ? value * 3600 : unit == "m" ? value * 60 : unit == "s" ? value : 0
            return seconds >= 60 ? seconds : nil
        }

        func run() async throws {
            let clock = try options.clock()
            let logger = try options.logger(label: "goodair.run")
            let configuration = PipelineConfiguration(
                collector: try tuning.configuration(endpoints: options.environment.endpoints()),
                schemas: URL(fileURLWithPath: schemas), policy: URL(fileURLWithPath: policy),
                catchUpHours: catchUpHours, lifecycleIntervalHours: lifecycleEvery, reports: !noReports)
            let lake = try options.resolvedLake()
            var pipeline = Pipeline(lake: lake, configuration: configuration, client: CurlHTTPClient(), clock: clock, logger: logger)
            pipeline.alerts = try AlertCenter.fromEnvironment(options.environment, lake: lake, clock: clock, logger: logger)
            pipeline.warehouse = { changes, clock, logger in
                try Warehouse.run(lake: lake, changes: changes, rebuild: false, clock: clock, logger: logger).summary
            }
            guard let every, let period = Self.seconds(every) else {
                let report = try await pipeline.run()
                print(report.summary)
                if report.exitCode != 0 { throw ExitCode(report.exitCode) }
                return
            }
            while true {
                do {
                    print(try await pipeline.run().summary)
                } catch {
                    logger.error("run.failed", metadata: ["error": "\(error)"])   // another run holding the lock, say
                }
                let now = Int(clock.now().timeIntervalSince1970)
                try await clock.sleep(seconds: Double(period - now % period))
            }
        }
    }
}
