import Foundation

/// Walks the lineage back from a silver or gold file (or `gold/warehouse.sqlite#month=YYYY-MM`)
/// to the runs and raw snapshots that made it.
///
/// ```swift
/// let trace = try LineageTracer(lake: lake).trace("gold/city_daily/month=2026-07/part-00000.csv")
/// trace.snapshots.count   // the bronze snapshots behind July's daily table
/// ```
public struct LineageTracer {
    public let lake: Lake
    private let archives: ArchiveCatalog

    public init(lake: Lake) throws {
        self.lake = lake
        archives = ArchiveCatalog(lake: lake)
    }

    /// The walk from `target`, a path relative to the lake (or absolute, inside it).
    ///
    /// It goes one generation at a time (the target, the files it was made from, theirs…), and
    /// reads the lineage once per generation, keeping only what concerns that generation's files
    /// (``LineageHistory/keeping(_:detail:)``): memory follows the size of the
    /// trace, not of the history, which a year of hourly runs and rebuilds makes gigabytes long.
    public func trace(_ target: String) throws -> LineageTrace {
        var path = target, month: String?
        if let hash = target.range(of: "#month=") {
            path = String(target[..<hash.lowerBound])
            month = String(target[hash.upperBound...])
            guard UTCMonth(month!) != nil else { throw LineageError.badTarget(target, "the month after #month= must be YYYY-MM") }
        }
        path = relative(path)
        // The runs are listed once: every generation is read from the same event files, so a
        // run's index is the same in each.
        let catalog = try LineageHistory.load(lake: lake, detail: .runs)
        var history = catalog.keeping([path])
        guard !history.producers(of: path).isEmpty else {
            let exists = FileManager.default.fileExists(atPath: lake.root.appendingPathComponent(path).path)
            throw exists ? LineageError.noLineage(path) : LineageError.badTarget(target, "no such file in the lake")
        }
        var nodes: [LineageTrace.Node] = [], snapshots: [String: LineageTrace.Node] = [:]
        var runIndexes = Set<Int>(), seen: Set<String> = [path], generation = [path]
        while true {
            var next: [String] = []
            for current in generation {
                let outputs = history.producers(of: current)
                runIndexes.formUnion(outputs.map(\.run))
                var from = Array(Set(outputs.flatMap(\.derivedFrom))).sorted()
                if current == path, let month { from = from.filter { $0.contains("month=\(month)") || $0.hasPrefix("reference/") } }
                let node = describe(current, outputs: outputs, from: from, history: history)
                if current.hasPrefix("bronze/") { snapshots[current] = node } else { nodes.append(node) }
                for source in from where !seen.contains(source) && !source.contains("://") {
                    seen.insert(source)
                    next.append(source)
                }
            }
            guard !next.isEmpty else { break }
            generation = next
            history = catalog.keeping(Set(next))
        }
        return LineageTrace(target: month.map { "\(path)#month=\($0)" } ?? path,
                            runs: runIndexes.map { catalog.runs[$0] }.sorted { ($0.startedAt, $0.runID) > ($1.startedAt, $1.runID) },
                            files: nodes + snapshots.keys.sorted().map { snapshots[$0]! })
    }

    private func describe(_ path: String, outputs: [LineageHistory.Output], from: [String], history: LineageHistory) -> LineageTrace.Node {
        let url = lake.root.appendingPathComponent(path)
        let exists = FileManager.default.fileExists(atPath: url.path)
        let recorded = history.lastWritten(path)?.sha256
        var sha256: String?
        if path.hasPrefix("bronze/") {
            sha256 = history.readFact(path)?.sha256 ?? recorded
        } else if exists, !path.hasSuffix(".sqlite") {
            sha256 = LineageFile.read(lake: lake, url: url)?.sha256
        }
        let location = exists ? "lake" : (try? archives.archive(containing: path))?.entry.layout.archive ?? "missing"
        return .init(path: path, sha256: sha256, recordedSHA256: path.hasPrefix("bronze/") ? nil : recorded, location: location,
                     madeBy: outputs.map { history.runs[$0.run].runID }, from: from)
    }

    /// `path` relative to the lake root (it may be given absolute, or relative to the current folder).
    private func relative(_ path: String) -> String {
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path)
            : URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(path)
        let inLake = lake.relativePath(url)
        return inLake.hasPrefix("/") ? path : inLake
    }
}
