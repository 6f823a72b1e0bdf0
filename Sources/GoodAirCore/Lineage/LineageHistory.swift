import Foundation

/// Every run the lake's `_lineage/` records, read back: for each run its job, state and the
/// files it read and wrote. What `goodair lineage` walks and `goodair verify` checks against.
///
/// ```swift
/// let history = try LineageHistory.load(lake: lake)
/// history.producers(of: "silver/weather/date=2026-07-14/part-00000.csv")   // the runs that wrote it
/// ```
public struct LineageHistory: Sendable {
    /// One run: its events folded together.
    public struct Run: Codable, Sendable, Equatable {
        public var job: String
        public var runID: String
        /// `COMPLETE`, `FAIL`, or `START` for a run with no end (running, or killed).
        public var state: LineageEvent.EventType
        public var startedAt: String
        public var endedAt: String?
        /// The `_lineage/…jsonl` file, relative to the lake.
        public var file: String
        public var error: String?
        /// The run's data quality counts (collect, curate).
        public var quality: GoodAirQualityFacet?
    }

    /// An output dataset of a run, with the files it wrote and the files they came from.
    public struct Output: Sendable {
        public var run: Int
        public var files: [String: LineageFile]
        public var derivedFrom: [String]
        public var removed: Bool
    }

    public private(set) var runs: [Run] = []
    /// Output file path → what wrote it, oldest run first.
    private var writers: [String: [Output]] = [:]
    /// Input file path → the facts runs read of it (bronze snapshots: the payload's sha256).
    private var reads: [String: LineageFile] = [:]
    /// Event files that could not be read, with why.
    public private(set) var unreadable: [(file: String, reason: String)] = []

    /// Reads every `_lineage/date=*/<job>-<run-id>.jsonl` (or those of the dates `from`…`to`,
    /// `YYYY-MM-DD`, both included), runs in order of start.
    public static func load(lake: Lake, from: String? = nil, to: String? = nil) throws -> LineageHistory {
        var history = LineageHistory()
        let decoder = JSONDecoder()
        let fm = FileManager.default
        let dates = ((try? fm.contentsOfDirectory(atPath: lake.lineage.path)) ?? []).filter { name in
            name.hasPrefix("date=") && from.map { String(name.dropFirst(5)) >= $0 } ?? true && to.map { String(name.dropFirst(5)) <= $0 } ?? true
        }.sorted()
        var events: [(Run, [LineageEvent])] = []
        for date in dates {
            let folder = lake.lineage.appendingPathComponent(date)
            for name in ((try? fm.contentsOfDirectory(atPath: folder.path)) ?? []).sorted() where name.hasSuffix(".jsonl") && !name.hasPrefix(".") {
                let path = "_lineage/\(date)/\(name)"
                guard let data = fm.contents(atPath: folder.appendingPathComponent(name).path) else {
                    history.unreadable.append((path, "cannot be read"))
                    continue
                }
                do {
                    let (lines, torn) = AppendOnlyFile.lines(data)
                    if torn { history.unreadable.append((path, "its last event is torn (the run was killed while writing it)")) }
                    let parsed = try lines.map { try decoder.decode(LineageEvent.self, from: $0) }
                    guard let start = parsed.first else { continue }
                    let end = parsed.last(where: { $0.eventType != .start && $0.eventType != .running })
                    events.append((Run(job: start.job.name, runID: start.run.runId, state: end?.eventType ?? .start,
                                       startedAt: start.eventTime, endedAt: end?.eventTime, file: path,
                                       error: end?.run.facets?.errorMessage?.message, quality: end?.run.facets?.goodair_quality), parsed))
                } catch {
                    history.unreadable.append((path, "not OpenLineage events (\(error))"))
                }
            }
        }
        events.sort { ($0.0.startedAt, $0.0.file) < ($1.0.startedAt, $1.0.file) }
        for (run, parsed) in events {
            let index = history.runs.count
            history.runs.append(run)
            for event in parsed where event.eventType != .start {
                for input in event.inputs ?? [] {
                    for file in input.facets?.goodair_files?.files ?? [] where history.reads[file.path] == nil || file.sha256 != nil {
                        history.reads[file.path] = file
                    }
                }
                for output in event.outputs ?? [] {
                    let facet = output.facets?.goodair_files
                    let entry = Output(run: index, files: Dictionary((facet?.files ?? []).map { ($0.path, $0) }) { _, last in last },
                                       derivedFrom: facet?.derivedFrom ?? [], removed: facet?.removed ?? false)
                    for path in entry.files.keys { history.writers[path, default: []].append(entry) }
                }
            }
        }
        return history
    }

    /// The outputs that wrote `path`, oldest first.
    public func producers(of path: String) -> [Output] { writers[path] ?? [] }

    /// The fact the last run that wrote `path` recorded (its size and sha256 then).
    public func lastWritten(_ path: String) -> LineageFile? { writers[path]?.last?.files[path] }

    /// What runs recorded when they read `path` (for a bronze snapshot, its payload sha256).
    public func readFact(_ path: String) -> LineageFile? { reads[path] }
}
