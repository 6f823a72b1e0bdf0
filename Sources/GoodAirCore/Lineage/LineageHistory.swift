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
    var writers: [String: [Output]] = [:]
    /// Input file path → the facts runs read of it (bronze snapshots: the payload's sha256).
    var reads: [String: LineageFile] = [:]
    /// Event files that could not be read, with why.
    public private(set) var unreadable: [(file: String, reason: String)] = []
    /// The event file of each run, in the order of ``runs``.
    private var eventFiles: [URL] = []

    /// How much of the events ``load(lake:from:to:detail:)`` reads.
    public enum Detail: Sendable {
        /// Each run's job, state, times, error and quality counts: only the first and the last
        /// event of each file are read (`goodair check`, every hour).
        case runs
        /// Also the files each run wrote, with their size and sha256 (`goodair verify`).
        case outputs
        /// Also what each output was made from, and the facts runs read of their inputs
        /// (`goodair lineage`).
        case full
    }

    /// Reads every `_lineage/date=*/<job>-<run-id>.jsonl` (or those of the dates `from`…`to`,
    /// `YYYY-MM-DD`, both included), runs in order of start. Files are read one event at a time,
    /// so memory holds what `detail` keeps, not the events: a year's rebuild writes hundreds of
    /// megabytes of them.
    /// - parameter detail: what to keep (default ``Detail/full``).
    /// - parameter only: when given, keep the writers and read facts of these paths only (an
    ///   output's `files` then holds only them), and decode only the events that name one of
    ///   them: see ``keeping(_:detail:)`` (default: every path).
    public static func load(lake: Lake, from: String? = nil, to: String? = nil, detail: Detail = .full,
                            only paths: Set<String>? = nil) throws -> LineageHistory {
        var history = LineageHistory()
        let decoder = JSONDecoder()
        let fm = FileManager.default
        let dates = ((try? fm.contentsOfDirectory(atPath: lake.lineage.path)) ?? []).filter { name in
            name.hasPrefix("date=") && from.map { String(name.dropFirst(5)) >= $0 } ?? true && to.map { String(name.dropFirst(5)) <= $0 } ?? true
        }.sorted()
        // First the runs, from each file's first and last events; then, in order of start, the
        // files of the events between.
        var runs: [(run: Run, url: URL)] = []
        for date in dates {
            let folder = lake.lineage.appendingPathComponent(date)
            for name in ((try? fm.contentsOfDirectory(atPath: folder.path)) ?? []).sorted() where name.hasSuffix(".jsonl") && !name.hasPrefix(".") {
                let path = "_lineage/\(date)/\(name)"
                let url = folder.appendingPathComponent(name)
                do {
                    let (first, last, torn) = try AppendOnlyFile.firstAndLastLines(at: url)
                    if torn { history.unreadable.append((path, "its last event is torn (the run was killed while writing it)")) }
                    guard let first else { continue }
                    let start = try decoder.decode(LineageEvent.self, from: first)
                    let final = try last.map { try decoder.decode(LineageEvent.self, from: $0) }
                    let end = final.flatMap { $0.eventType != .start && $0.eventType != .running ? $0 : nil }
                    runs.append((Run(job: start.job.name, runID: start.run.runId, state: end?.eventType ?? .start,
                                     startedAt: start.eventTime, endedAt: end?.eventTime, file: path,
                                     error: end?.run.facets?.errorMessage?.message, quality: end?.run.facets?.goodair_quality), url))
                } catch let error as LakeError {
                    history.unreadable.append((path, "cannot be read (\(error))"))
                } catch {
                    history.unreadable.append((path, "not OpenLineage events (\(error))"))
                }
            }
        }
        runs.sort { ($0.run.startedAt, $0.run.file) < ($1.run.startedAt, $1.run.file) }
        history.runs = runs.map(\.run)
        history.eventFiles = runs.map(\.url)
        guard detail != .runs else { return history }
        if let paths { return history.keeping(paths, detail: detail) }
        for (index, (run, url)) in runs.enumerated() {
            do {
                try AppendOnlyFile.forEachLine(at: url) { line in
                    let event = try decoder.decode(LineageEvent.self, from: line)
                    guard event.eventType != .start else { return }
                    history.fold(event, run: index, detail: detail)
                }
            } catch {
                history.unreadable.append((run.file, "not OpenLineage events (\(error))"))
            }
        }
        return history
    }

    /// The runs of this history (loaded with any detail) with, read again from their event files,
    /// the writers and read facts of `paths` only: what a trace needs of one generation of files,
    /// in memory that grows with the trace rather than with the history. An event is decoded only
    /// when its line names one of the paths (``LineagePathFilter``), and then only their entries,
    /// from a ``JSONTape``; such an event with a required field missing or mistyped makes the rest
    /// of its file unreadable, as in a full load. Lines naming none of the paths are not checked
    /// (`goodair verify` checks every line).
    func keeping(_ paths: Set<String>, detail: Detail = .full) -> LineageHistory {
        var history = LineageHistory()
        history.runs = runs
        history.eventFiles = eventFiles
        history.unreadable = unreadable
        let filter = LineagePathFilter(paths)
        var interned: Set<String> = []
        for (index, url) in eventFiles.enumerated() {
            do {
                try AppendOnlyFile.forEachLine(at: url) { line in
                    if filter.mayMention(line) { try history.fold(line: line, run: index, detail: detail, only: filter, interned: &interned) }
                }
            } catch {
                history.unreadable.append((runs[index].file, "not OpenLineage events (\(error))"))
            }
        }
        return history
    }

    /// Adds what one event of run `run` read and wrote.
    private mutating func fold(_ event: LineageEvent, run: Int, detail: Detail) {
        if detail == .full {
            for input in event.inputs ?? [] {
                for file in input.facets?.goodair_files?.files ?? [] where reads[file.path] == nil || file.sha256 != nil {
                    reads[file.path] = file
                }
            }
        }
        for output in event.outputs ?? [] {
            let facet = output.facets?.goodair_files
            let entry = Output(run: run, files: Dictionary((facet?.files ?? []).map { ($0.path, $0) }) { _, last in last },
                               derivedFrom: detail == .full ? facet?.derivedFrom ?? [] : [], removed: facet?.removed ?? false)
            for path in entry.files.keys { writers[path, default: []].append(entry) }
        }
    }

    /// The outputs that wrote `path`, oldest first.
    public func producers(of path: String) -> [Output] { writers[path] ?? [] }

    /// The fact the last run that wrote `path` recorded (its size and sha256 then).
    public func lastWritten(_ path: String) -> LineageFile? { writers[path]?.last?.files[path] }

    /// What runs recorded when they read `path` (for a bronze snapshot, its payload sha256).
    public func readFact(_ path: String) -> LineageFile? { reads[path] }
}
