import ArgumentParser
import Foundation
import GoodAirCore

extension GoodAir {
    struct Curate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Curate new bronze snapshots into the silver tables; quarantine what is unusable.",
            discussion: """
            Each snapshot listed in a bronze manifest is validated against its payload schema
            (schemas/payload/), typed, cleaned (values outside a column's physical range become NULL,
            counted) and written to silver/<table>/date=YYYY-MM-DD/part-00000.csv by the UTC date of
            its observation, one row per primary key (the latest collection wins). What cannot be used
            goes to quarantine/ with a .reason.json saying why. Incremental: a snapshot is curated once
            per content (sha256); --rebuild curates everything again, with the same result.

            Examples:
              goodair curate
              goodair curate --rebuild
              goodair curate --rebuild --from 2026-11-01 --to 2026-11-07

            Exit: 0 all curated; 3 some snapshots were quarantined; 1 the job failed; 2 bad usage.
            """
        )

        @OptionGroup var options: LakeOptions

        @Option(help: ArgumentHelp("The schemas folder (payload/ and table/).", valueName: "path"))
        var schemas: String = "schemas"

        @Option(help: ArgumentHelp("First bronze date to consider (YYYY-MM-DD).", valueName: "date"))
        var from: String?

        @Option(help: ArgumentHelp("Last bronze date to consider (YYYY-MM-DD).", valueName: "date"))
        var to: String?

        @Flag(help: "Rebuild silver from bronze (within --from/--to when given).")
        var rebuild = false

        @Option(help: ArgumentHelp("Wait this long for another curation to finish.", valueName: "seconds"))
        var waitLock: Double = 0

        func run() async throws {
            for (flag, value) in [("--from", from), ("--to", to)] {
                if let value, Timestamp.parseDate(value) == nil { throw ValidationError("\(flag): '\(value)' is not a date YYYY-MM-DD") }
            }
            let curator = Curator(
                lake: try options.resolvedLake(),
                configuration: CurateConfiguration(schemas: URL(fileURLWithPath: schemas), from: from, to: to,
                                                   rebuild: rebuild, lockWait: max(0, waitLock)),
                clock: try options.clock(), logger: try options.logger(label: "goodair.curate"))
            let report = try await curator.curate()
            print(report.summary)
            if report.status != .success { throw ExitCode(report.status.exitCode) }
        }
    }
}
