import ArgumentParser
import Foundation
import GoodAirCore

extension GoodAir {
    struct Lineage: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Where a silver or gold file came from: the runs, the files and the raw snapshots, with their checksums.",
            discussion: """
            Walks _lineage/ (the OpenLineage events every job writes) back from FILE to the jobs that
            made it and the files they read, down to the bronze snapshots and their sha256 (of the payload as
            received, as in the hour manifests) — also when a snapshot now lives in an archive.
            FILE is a path in the lake (silver/…, gold/…, quarantine/…), absolute, or relative to the
            current folder. For the warehouse, name one month: 'gold/warehouse.sqlite#month=2026-07'.

            Examples:
              goodair lineage silver/weather/date=2026-07-14/part-00000.csv
              goodair lineage lake/gold/city_daily/month=2026-07/part-00000.csv --json | jq '.files | length'
              goodair lineage 'gold/warehouse.sqlite#month=2026-07'

            Exit: 0 traced; 1 no recorded run made the file; 2 bad usage.
            """
        )

        @OptionGroup var options: LakeOptions

        @Argument(help: ArgumentHelp("The file to trace.", valueName: "file"))
        var file: String

        @Flag(help: "Print the walk as JSON, for tools.")
        var json = false

        func run() throws {
            let trace = try LineageTracer(lake: try options.resolvedLake()).trace(file)
            if json {
                try printJSON(trace)
            } else {
                print(trace.description)
            }
        }
    }
}
