import ArgumentParser
import Foundation
import GoodAirCore
import Logging

/// Options every job takes: where the lake is, what time it is, how much to log.
struct LakeOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Lake root (default: $GOODAIR_LAKE, else ./lake).", valueName: "path"))
    var lake: String?

    @Option(name: .long, help: ArgumentHelp("Stand in for the wall clock (ISO 8601, e.g. 2026-11-29T14:05:00Z): for replays and tests.", valueName: "timestamp"))
    var now: String?

    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error, critical (default: $GOODAIR_LOG_LEVEL, else info).")
    var logLevel: String?

    @Option(name: .long, help: ArgumentHelp("Log format: text (for people) or json (one object a line, for log collectors).", valueName: "format"))
    var logFormat: String = "text"

    var environment: GoodAirEnvironment { GoodAirEnvironment(ProcessInfo.processInfo.environment) }

    /// The lake, with the storage and processing locations its configuration declares.
    /// - Throws: ``LocationError`` when one is outside the EU (LAKE.md §7): exit 2.
    func resolvedLake() throws -> Lake { Lake(root: environment.lakeRoot(override: lake), locations: try environment.locations()) }

    /// The clock: the system's, or one that starts at `--now` and runs on from there.
    func clock() throws -> LakeClock {
        guard let now else { return .system }
        guard let instant = Timestamp.parse(now) else {
            throw ValidationError("--now: '\(now)' is not an ISO 8601 timestamp such as 2026-11-29T14:05:00Z")
        }
        return .starting(at: instant)
    }

    /// A logger writing to standard error, at the chosen level.
    func logger(label: String) throws -> Logger {
        let text = logLevel ?? environment.value("GOODAIR_LOG_LEVEL") ?? "info"
        guard let level = Logger.Level(rawValue: text.lowercased()) else {
            throw ValidationError("--log-level: '\(text)' is not one of trace, debug, info, notice, warning, error, critical")
        }
        guard ["text", "json"].contains(logFormat) else { throw ValidationError("--log-format: '\(logFormat)' is not text or json") }
        LoggingBootstrap.once(json: logFormat == "json")
        var logger = Logger(label: label)
        logger.logLevel = level
        return logger
    }
}

/// Bootstraps swift-log once per process (the executable's job, never the library's).
enum LoggingBootstrap {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var done = false

    /// Bootstraps text or JSON logging, the first time only.
    static func once(json: Bool) {
        lock.lock()
        defer { lock.unlock() }
        guard !done else { return }
        done = true
        if json { LoggingSystem.bootstrap { JSONLogHandler(label: $0) } } else { LoggingSystem.bootstrap(StreamLogHandler.standardError) }
    }
}
