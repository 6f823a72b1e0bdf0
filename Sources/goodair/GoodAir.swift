import ArgumentParser
import Foundation
import GoodAirCore
import GoodAirDashboard

/// `goodair`: the GoodAir Lake command. Each subcommand lives in `GoodAir+<Command>.swift`.
@main
struct GoodAir: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "goodair",
        abstract: "GoodAir Lake: hourly air-quality and weather data for French cities, from raw snapshots to reports.",
        discussion: """
        Exit codes: 0 all good; 1 the job failed; 2 bad usage or configuration; \
        3 finished, but some inputs failed or were quarantined.
        Configuration comes from the environment: GOODAIR_LAKE, GOODAIR_AQICN_URL, GOODAIR_OWM_URL, \
        GOODAIR_AQICN_TOKEN, GOODAIR_OWM_KEY, \
        GOODAIR_STORAGE_LOCATION, GOODAIR_PROCESSING_LOCATION (EU member states only; see README.md).
        """,
        version: GoodAirVersion.current,
        subcommands: [Collect.self, Curate.self, Aggregate.self, Report.self, Check.self, Alert.self, Lifecycle.self, Lineage.self,
                      Verify.self, Run.self, Simulate.self, Demo.self, Schema.self, Serve.self]
    )

    /// Parses and runs, mapping every failure to the exit codes of LAKE.md §5
    /// (argument-parser's own usage errors exit 64 by default; ours is 2).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success { self.exit(withError: error) }   // --help, --version
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(ExitStatus.usage)
            }
            FileHandle.standardError.write(Data("goodair: \(error)\n".utf8))
            Foundation.exit(ExitStatus.forDomainError(error))
        }
    }
}

/// LAKE.md §5 exit codes.
enum ExitStatus {
    static let success: Int32 = 0
    static let failed: Int32 = 1
    static let usage: Int32 = 2
    static let partial: Int32 = 3

    /// Configuration mistakes are 2; everything else that stopped a job is 1.
    static func forDomainError(_ error: any Error) -> Int32 {
        switch error {
        case is ReferenceError, is LocationError: return usage
        case is SchemaError, is TableSchemaError: return usage
        case is RetentionError: return usage
        case let lifecycle as LifecycleError:
            switch lifecycle {
            case .badPlan, .badPartition, .notArchived: return usage
            case .planStale, .badManifest, .corruptArchive, .conflict, .pathTooLong, .differsFromArchive: return failed
            }
        case let curate as CurateError:
            switch curate {
            case .schema, .badRange: return usage
            case .partitionMismatch: return failed
            }
        case let alert as AlertError:
            switch alert {
            case .badSetting, .missingSetting, .notConfigured: return usage
            case .delivery, .corruptState: return failed
            }
        case let collect as CollectError:
            switch collect {
            case .missingSecret, .badBaseURL, .futureHour, .badRange: return usage
            case .corruptManifest: return failed
            }
        case let dashboard as DashboardError:
            if case .cannotStart = dashboard { return failed }
            return usage
        case is CheckError: return usage
        case let lineage as LineageError:
            if case .badTarget = lineage { return usage }
            return failed
        default: return failed
        }
    }
}
