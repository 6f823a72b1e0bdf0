import ArgumentParser
import Foundation
import GoodAirCore
import GoodAirWarehouse

extension GoodAir {
    struct Aggregate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Aggregate silver into the gold tables.",
            discussion: """
            Builds gold/<table>/month=YYYY-MM/part-00000.csv from the silver tables: city_hourly
            (weather, OpenWeatherMap concentrations and AQICN indices of a city side by side per UTC
            hour), city_daily and city_monthly (mean, min and max of every variable over the hours
            observed, rain and snow sums, hours observed per source), and the event tables
            (exceedances, heatwaves, anomalies, features) and correlations. Incremental by day: when
            the silver of a few days changed (within a week), only their rows and the event rows
            they reach are recomputed and spliced into the month files; otherwise whole months are.
            --rebuild recomputes everything, with the same result. Then gold/warehouse.sqlite, the
            serving database, reloads what changed (those days' facts, or those months).

            Examples:
              goodair aggregate
              goodair aggregate --rebuild

            Exit: 0 done; 1 the job failed; 2 bad usage.
            """
        )

        @OptionGroup var options: LakeOptions

        @Flag(help: "Recompute every month from silver.")
        var rebuild = false

        @Option(help: ArgumentHelp("Wait this long for another aggregation to finish.", valueName: "seconds"))
        var waitLock: Double = 0

        @Flag(help: "Also print the time spent on each gold table.")
        var timings = false

        func run() async throws {
            let aggregator = Aggregator(
                lake: try options.resolvedLake(),
                configuration: AggregateConfiguration(rebuild: rebuild, lockWait: max(0, waitLock)),
                clock: try options.clock(), logger: try options.logger(label: "goodair.aggregate"))
            let report = try await aggregator.aggregate()
            print(report.summary)
            let warehouse = try Warehouse.run(lake: aggregator.lake, changes: report.changes, rebuild: rebuild,
                                              clock: aggregator.clock, logger: aggregator.logger)
            print(warehouse.summary)
            if timings {
                for table in report.secondsPerTable.keys.sorted() {
                    print("  \(table): \(Int((report.secondsPerTable[table]! * 1000).rounded())) ms")
                }
                for step in ["setup", "writes", "finish", "other"] {
                    if let seconds = report.secondsPerStep[step] { print("  (\(step)): \(Int((seconds * 1000).rounded())) ms") }
                }
                if !report.monthsFromCache.isEmpty { print("  city_hourly values cached: \(report.monthsFromCache.joined(separator: ", "))") }
            }
        }
    }
}
