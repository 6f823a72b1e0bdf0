import Foundation
import Logging

/// The lineage of one job run: writes its `START` event when the job begins, then `COMPLETE` or
/// `FAIL` with the same run id, to `_lineage/date=YYYY-MM-DD/<job>-<run-id>.jsonl` (the date of
/// the start, UTC). A long run may write `RUNNING` events in between, each with the files of one
/// part of its work (curation: one per batch), so that its memory stays bounded whatever it reads.
///
/// The file appears atomically with its `START` line; each later event is appended as one whole
/// line with a single write, then fsynced. A reader takes only lines that end in a newline, so it
/// never sees half an event; a `START` with no end, once its job's lock is free, is a run that
/// crashed (`goodair verify` and `goodair check` report it).
///
/// ```swift
/// let run = try LineageRun.start(job: "curate", runID: report.runID, lake: lake, clock: clock,
///                                parameters: ["rebuild": "false"])
/// try run.progress(batchRecord)     // optional, as often as useful
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

    /// Writes the `START` event of a run of `job` and returns the run to end.
    /// - Parameters:
    ///   - parameters: what changes the job's work (`rebuild`, `from`…), never a secret.
    ///   - schemas: the table schemas for the `schema` facets (default: none).
    public static func start(job: String, runID: String, lake: Lake, clock: LakeClock,
                             parameters: [String: String] = [:], schemas: LineageSchemas = .none) throws -> LineageRun {
        let now = clock.now()
        let date = Timestamp.format(now).prefix(10)
        let file = lake.lineage.appendingPathComponent("date=\(date)/\(job)-\(runID).jsonl")
        let facet = GoodAirRunFacet(parameters: parameters, nominalTime: Timestamp.format(now), locations: .init(lake.locations))
        let event = LineageEvent(eventType: .start, eventTime: Timestamp.formatMillis(now), run: .init(runId: runID, facets: .init(goodair_run: facet)),
                                 job: .init(name: job, facets: .init(jobType: JobTypeFacet())))
        try AtomicFile.write(try event.jsonLine(), to: file)
        return LineageRun(job: job, runID: runID, lake: lake, file: file, clock: clock, schemas: schemas, runFacet: facet)
    }

    /// Writes a `RUNNING` event with what the run read and wrote since its last event (nothing
    /// when `record` is empty).
    public func progress(_ record: LineageRecord) throws {
        guard !record.isEmpty else { return }
        try append(.running, record: record, quality: nil, error: nil)
    }

    /// Writes the `COMPLETE` event with what the run read and wrote since its last event.
    public func complete(_ record: LineageRecord, quality: GoodAirQualityFacet? = nil) throws {
        try append(.complete, record: record, quality: quality, error: nil)
    }

    /// Writes the `FAIL` event with the error's description and what the run did since its last
    /// event. Never throws: a failing job reports its own error; a lineage that cannot be written is logged.
    public func fail(_ error: any Error, record: LineageRecord = LineageRecord(), logger: Logger) {
        do { try append(.fail, record: record, quality: nil, error: error) } catch let writeError {
            logger.error("lineage.write_failed", metadata: ["run.id": "\(runID)", "error": "\(writeError)"])
        }
    }

    private func append(_ type: LineageEvent.EventType, record: LineageRecord, quality: GoodAirQualityFacet?, error: (any Error)?) throws {
        let event = LineageEvent(
            eventType: type, eventTime: Timestamp.formatMillis(clock.now()),
            run: .init(runId: runID, facets: .init(goodair_run: runFacet, goodair_quality: quality,
                                                    errorMessage: error.map { ErrorMessageFacet(message: "\($0)") })),
            job: .init(name: job, facets: .init(jobType: JobTypeFacet())),
            inputs: record.inputDatasets(schemas: schemas), outputs: record.outputDatasets(schemas: schemas))
        try AppendOnlyFile.append(try event.jsonLine(), to: file)
    }
}
