import Foundation
import Logging

/// The lineage of one job run: writes its `START` event when the job begins, then `COMPLETE` or
/// `FAIL` with the same run id, to `_lineage/date=YYYY-MM-DD/<job>-<run-id>.jsonl` (the date of
/// the start, UTC). The file is rewritten whole and atomically at each event, so a reader sees
/// one line (running, or killed) or two (ended), never half a line. A `START` alone, once its
/// job's lock is free, is a run that crashed.
///
/// ```swift
/// let run = try LineageRun.start(job: "curate", runID: report.runID, lake: lake, clock: clock,
///                                parameters: ["rebuild": "false"])
/// try run.complete(record)          // or run.fail(error, record)
/// ```
public struct LineageRun: Sendable {
    public let job: String
    public let runID: String
    public let lake: Lake
    public let file: URL
    private let clock: LakeClock
    private let schemas: LineageSchemas
    private let runFacet: GoodAirRunFacet
    private let startLine: [UInt8]

    /// Writes the `START` event of a run of `job` and returns the run to end.
    /// - Parameters:
    ///   - parameters: what changes the job's work (`rebuild`, `from`…), never a secret.
    ///   - schemas: the table schemas for the `schema` facets (default: none).
    public static func start(job: String, runID: String, lake: Lake, clock: LakeClock,
                             parameters: [String: String] = [:], schemas: LineageSchemas = .none) throws -> LineageRun {
        let now = clock.now()
        let date = Timestamp.format(now).prefix(10)
        let file = lake.lineage.appendingPathComponent("date=\(date)/\(job)-\(runID).jsonl")
        let facet = GoodAirRunFacet(parameters: parameters, nominalTime: Timestamp.format(now))
        let event = LineageEvent(eventType: .start, eventTime: Timestamp.formatMillis(now), run: .init(runId: runID, facets: .init(goodair_run: facet)),
                                 job: .init(name: job, facets: .init(jobType: JobTypeFacet())))
        let line = try event.jsonLine()
        try AtomicFile.write(line, to: file)
        return LineageRun(job: job, runID: runID, lake: lake, file: file, clock: clock, schemas: schemas, runFacet: facet, startLine: line)
    }

    /// Writes the `COMPLETE` event with what the run read and wrote.
    public func complete(_ record: LineageRecord, quality: GoodAirQualityFacet? = nil) throws {
        try end(.complete, record: record, quality: quality, error: nil)
    }

    /// Writes the `FAIL` event with the error's description and what the run did before it failed.
    /// Never throws: a failing job reports its own error; a lineage that cannot be written is logged.
    public func fail(_ error: any Error, record: LineageRecord = LineageRecord(), logger: Logger) {
        do { try end(.fail, record: record, quality: nil, error: error) } catch let writeError {
            logger.error("lineage.write_failed", metadata: ["run.id": "\(runID)", "error": "\(writeError)"])
        }
    }

    private func end(_ type: LineageEvent.EventType, record: LineageRecord, quality: GoodAirQualityFacet?, error: (any Error)?) throws {
        let event = LineageEvent(
            eventType: type, eventTime: Timestamp.formatMillis(clock.now()),
            run: .init(runId: runID, facets: .init(goodair_run: runFacet, goodair_quality: quality,
                                                    errorMessage: error.map { ErrorMessageFacet(message: "\($0)") })),
            job: .init(name: job, facets: .init(jobType: JobTypeFacet())),
            inputs: record.inputDatasets(schemas: schemas), outputs: record.outputDatasets(schemas: schemas))
        try AtomicFile.write(startLine + (try event.jsonLine()), to: file)
    }
}
