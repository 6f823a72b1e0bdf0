import Foundation
import Logging

/// The quality job, `goodair check`: runs the checks of `schemas/quality/checks.json` on the last
/// `window_hours` (default) or on whole days `from`…`to`, and writes the findings to
/// `gold/quality` (one row per check and partition), `gold/reports/quality.json` and
/// `gold/reports/qualite.html`, with its lineage.
///
/// ```swift
/// let report = try await QualityChecker(lake: lake, configuration: .init(), clock: clock, logger: logger).check()
/// report.exitCode   // 0, 3 (warnings) or 1 (failures)
/// ```
public struct QualityChecker: Sendable {
    public let lake: Lake
    public let configuration: QualityConfiguration
    public let clock: LakeClock
    public let logger: Logger

    public init(lake: Lake, configuration: QualityConfiguration, clock: LakeClock, logger: Logger) {
        self.lake = lake
        self.configuration = configuration
        self.clock = clock
        self.logger = logger
    }

    public func check() async throws -> QualityReport {
        let rules = try QualityRules.load(schemas: configuration.schemas)
        let started = ContinuousClock.now
        let now = Int(clock.now().timeIntervalSince1970.rounded(.down))
        let hours = try window(now: now, windowHours: max(1, configuration.windowHours ?? rules.windowHours ?? 24))
        let baseline = rules.checks.compactMap(\.baselineHours).max() ?? 0
        var busy = Set<String>()
        for job in LakeVerifier.lockedJobs {
            if let lock = try? await RunLock.acquire(name: job, in: lake, wait: 0, clock: clock) { lock.release() } else { busy.insert(job) }
        }
        var report = QualityReport(runID: UUID().uuidString.lowercased(), checkedAt: Timestamp.format(clock.now()),
                                   from: QualityContext.hourText(hours.lowerBound), to: QualityContext.hourText(hours.upperBound))
        var parameters = ["window": "\(report.from)/\(report.to)"]
        parameters["from"] = configuration.from
        parameters["to"] = configuration.to
        let run = try LineageRun.start(job: "check", runID: report.runID, lake: lake, clock: clock, parameters: parameters,
                                       schemas: LineageSchemas(folder: configuration.schemas))
        var record = LineageRecord()
        do {
            var context = try QualityContext(lake: lake, hours: hours, now: now, schemas: configuration.schemas,
                                             manifestHours: (hours.lowerBound - baseline)...hours.upperBound)
            context.busyJobs = busy
            context.ownRunID = report.runID
            for rule in rules.checks { report.findings += QualityChecks.run(rule, context) }
            for file in context.silverFiles { record.read(file) }
            let inputs = context.silverFiles.map(\.path)
            for (url, bytes, rows) in try QualityTable.write(report.findings, checkedAt: report.checkedAt, lake: lake) {
                record.wrote(LineageFile(lake: lake, url: url, contents: bytes), rows: rows, derivedFrom: inputs)
            }
            report.seconds = Double((ContinuousClock.now - started).milliseconds) / 1000
            for (url, bytes) in try QualityPage.write(report, lake: lake) {
                record.wrote(LineageFile(lake: lake, url: url, contents: bytes), derivedFrom: inputs)
            }
            try run.complete(record)
        } catch {
            run.fail(error, record: record, logger: logger)
            throw error
        }
        logger.info("check.end", metadata: ["run.id": "\(report.runID)", "status": "\(report.status.rawValue)",
                                           "problems": "\(report.problems.count)"])
        return report
    }

    /// The hours checked: whole days `from`…`to` (up to now), or the `windowHours` up to now.
    private func window(now: Int, windowHours: Int) throws -> ClosedRange<Int> {
        let current = CivilTime.floorDiv(now, 3600)
        guard configuration.from != nil || configuration.to != nil else { return (current - windowHours + 1)...current }
        func day(_ text: String?, _ flag: String) throws -> Int? {
            guard let text else { return nil }
            guard let day = Timestamp.day(text) else { throw CheckError.badRange("\(flag) '\(text)' is not a date YYYY-MM-DD") }
            return day
        }
        let first = try day(configuration.from, "--from") ?? CivilTime.floorDiv(current, 24)
        let last = try day(configuration.to, "--to") ?? CivilTime.floorDiv(current, 24)
        guard first <= last else { throw CheckError.badRange("--from \(configuration.from!) is after --to \(configuration.to!)") }
        guard first * 24 <= current else { throw CheckError.badRange("--from \(configuration.from ?? "") is after now") }
        return (first * 24)...min(last * 24 + 23, current)
    }
}
