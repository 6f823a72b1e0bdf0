import ArgumentParser
import Foundation
import GoodAirCore

extension GoodAir {
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write static HTML reports (in French) of the gold zone.",
            discussion: """
            Writes gold/reports/index.html and the three reports it links, self-contained (inline CSS and
            SVG, nothing loaded from the network, so they open offline and can be mailed):
              indicateurs.html   weather and air quality per city on a shared time axis, period summary
              extremes.html      threshold exceedances, heatwaves and anomalies, newest first, with charts
              correlations.html  weather × pollution correlation heatmaps and scatter plots of the top pairs
            Periods up to 31 days are charted hour by hour, longer ones day by day. The same gold zone
            and options give byte-identical files; --now, if given, is printed as the data's stamp.

            Examples:
              goodair report
              goodair report --city paris --city lyon --from 2026-07-01 --to 2026-07-15
              goodair report --city paris,marseille,lille

            Exit: 0 done; 1 the job failed; 2 bad usage (unknown city, bad date).
            """
        )

        @OptionGroup var options: LakeOptions

        @Option(name: .customLong("city"), help: ArgumentHelp("A city id of reference/cities.csv (repeatable or comma-separated; default: all).", valueName: "id"))
        var cities: [String] = []

        @Option(help: ArgumentHelp("First day shown, UTC (default: the first day of the gold zone).", valueName: "YYYY-MM-DD"))
        var from: String?

        @Option(help: ArgumentHelp("Last day shown, UTC, included (default: the last day of the gold zone).", valueName: "YYYY-MM-DD"))
        var to: String?

        func validate() throws {
            for (name, value) in [("--from", from), ("--to", to)] {
                if let value, Timestamp.parseDate(value) == nil { throw ValidationError("\(name): '\(value)' is not a date YYYY-MM-DD") }
            }
            if let from, let to, from > to { throw ValidationError("--from \(from) is after --to \(to)") }
        }

        func run() throws {
            var builder = ReportBuilder(lake: try options.resolvedLake(), logger: try options.logger(label: "goodair.report"))
            if let now = options.now { builder.now = Timestamp.parse(now) }   // exactly --now: the stamp must not drift
            let summary = try builder.run(cities: cities, from: from, to: to, clock: try options.clock())
            print(summary.description)
        }
    }
}
