import ArgumentParser
import Foundation
import GoodAirCore

extension GoodAir {
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Data quality and pipeline health: run the declared checks, write the findings to gold and the reports.",
            discussion: """
            Runs the checks of schemas/quality/checks.json (freshness, completeness, gaps, collection runs,
            sources down, fetch failures, quarantine rate, corrections, physical ranges, primary keys,
            référentiel, stuck values, schema drift, failed or killed runs, disk space), each with its
            severity, on the last window_hours (24 by default) or on whole days --from … --to. Findings go to
            gold/quality/month=YYYY-MM/part-00000.csv (one row per check and partition),
            gold/reports/quality.json and gold/reports/qualite.html.

            Examples:
              goodair check
              goodair check --from 2026-07-01 --to 2026-07-31
              goodair check --json | jq '.findings[] | select(.status != "pass")'

            Exit: 0 all checks pass; 3 warnings; 1 failures; 2 bad usage or a bad checks file.
            """
        )

        @OptionGroup var options: LakeOptions

        @Option(help: ArgumentHelp("The schemas folder (quality/ and table/).", valueName: "path"))
        var schemas: String = "schemas"

        @Option(help: ArgumentHelp("First UTC day to check (YYYY-MM-DD).", valueName: "date"))
        var from: String?

        @Option(help: ArgumentHelp("Last UTC day to check (YYYY-MM-DD).", valueName: "date"))
        var to: String?

        @Option(help: ArgumentHelp("Check the last N hours (default: window_hours of the checks file).", valueName: "N"))
        var hours: Int?

        @Flag(help: "Print the whole report as JSON, for tools.")
        var json = false

        func validate() throws {
            if let hours, hours < 1 { throw ValidationError("--hours must be at least 1") }
        }

        func run() async throws {
            let lake = try options.resolvedLake(), clock = try options.clock(), logger = try options.logger(label: "goodair.check")
            let checker = QualityChecker(lake: lake,
                                         configuration: QualityConfiguration(schemas: URL(fileURLWithPath: schemas), from: from, to: to, windowHours: hours),
                                         clock: clock, logger: logger)
            let report = try await checker.check()
            // Alerts follow the hourly window only: a look back over --from/--to opens and resolves nothing.
            if from == nil && to == nil {
                let center = try AlertCenter.fromEnvironment(options.environment, lake: lake, clock: clock, logger: logger)
                let outcome = try await center.evaluate(try QualityAlerts.signals(report, lake: lake, now: clock.now()), scope: QualityAlerts.scope)
                logger.notice("\(outcome.summary)")
            }
            if json {
                try printJSON(report)
            } else {
                print(report.summary)
            }
            if report.exitCode != 0 { throw ExitCode(report.exitCode) }
        }
    }
}
