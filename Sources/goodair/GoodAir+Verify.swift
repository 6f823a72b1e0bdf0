import ArgumentParser
import Foundation
import GoodAirCore

extension GoodAir {
    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the integrity of the whole lake; change nothing.",
            discussion: """
            Checks every bronze manifest's sha256 against its snapshots (and files no manifest lists),
            every archive against its manifest, every silver, gold and quarantine file against the
            sha256 its last run recorded in _lineage/ (and files no run recorded), runs that started and
            never ended, and temporaries left by a killed job. Holds the jobs' locks while it reads.

            Examples:
              goodair verify
              goodair verify --json | jq '.problems[] | select(.kind == "checksum-mismatch")'

            Exit: 0 nothing wrong; 1 something is wrong (each problem is printed with its file); 2 bad usage.
            """
        )

        @OptionGroup var options: LakeOptions

        @Flag(help: "Print the report as JSON, for tools.")
        var json = false

        @Option(help: ArgumentHelp("Wait this long for running jobs to finish.", valueName: "seconds"))
        var waitLock: Double = 0

        func run() async throws {
            var verifier = LakeVerifier(lake: try options.resolvedLake(), clock: try options.clock(),
                                        logger: try options.logger(label: "goodair.verify"))
            verifier.lockWait = max(0, waitLock)
            let report = try await verifier.verify()
            if json {
                try printJSON(report)
            } else {
                print(report.description)
            }
            if !report.isClean { throw ExitCode(ExitStatus.failed) }
        }
    }
}
