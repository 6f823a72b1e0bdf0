import Foundation

/// The answer of `goodair lineage FILE`: the file, the runs that made it and everything they
/// made it from, down to the raw bronze snapshots with their checksums and where they are now
/// (still in bronze, or in an archive).
public struct LineageTrace: Codable, Sendable {
    /// One file of the walk.
    public struct Node: Codable, Sendable, Equatable {
        public var path: String
        /// sha256 now (silver, gold: of the file on disk; a bronze snapshot: of its payload, as
        /// its manifest and the runs that read it recorded). Nil when it cannot be known.
        public var sha256: String?
        /// The sha256 the last run that wrote it recorded; differs from `sha256` when the file
        /// changed since (`goodair verify` reports it).
        public var recordedSHA256: String?
        /// `lake`, `archive/…tar.gz` (archived), or `missing`.
        public var location: String
        /// Run ids of the runs that wrote it, oldest first.
        public var madeBy: [String]
        /// The files it was made from (lake paths, or an API endpoint for a snapshot).
        public var from: [String]
    }

    /// The file asked about (and `#month=YYYY-MM` for a warehouse month).
    public var target: String
    /// Every run met on the walk, newest first.
    public var runs: [LineageHistory.Run]
    /// Every file met, the target first, then breadth first; bronze snapshots last, sorted.
    public var files: [Node]

    /// The raw snapshots the file comes from.
    public var snapshots: [Node] { files.filter { $0.path.hasPrefix("bronze/") && !$0.path.hasSuffix(HourManifest.fileName) } }
}

extension LineageTrace: CustomStringConvertible {
    /// The walk for a person: the runs, the intermediate files, then the snapshots.
    public var description: String {
        let short = { (id: String) in String(id.prefix(8)) }
        var lines = ["\(target)"]
        if let first = files.first {
            let state = first.recordedSHA256 == nil ? "no run recorded it"
                : first.recordedSHA256 == first.sha256 ? "as its last run wrote it" : "CHANGED since its last run wrote \(first.recordedSHA256!)"
            lines.append("  sha256 \(first.sha256 ?? "?") (\(state))")
        }
        lines.append("runs (\(runs.count)):")
        for run in runs {
            lines.append("  \(run.job.padding(toLength: 10, withPad: " ", startingAt: 0)) \(run.startedAt)  \(run.state.rawValue)  run \(run.runID)")
        }
        let derived = files.filter { !$0.path.hasPrefix("bronze/") }
        lines.append("files (\(derived.count)):")
        for node in derived {
            let made = node.madeBy.last.map { "made by run \(short($0))" } ?? "no run recorded it"
            lines.append("  \(node.path)  sha256 \(node.sha256 ?? "?")  \(made), from \(node.from.count) file(s)"
                         + (node.location == "lake" ? "" : "  [\(node.location)]"))
        }
        let snapshots = self.snapshots
        let archived = snapshots.filter { $0.location.hasPrefix("archive/") }.count
        let missing = snapshots.filter { $0.location == "missing" }.count
        lines.append("bronze snapshots (\(snapshots.count): \(snapshots.count - archived - missing) in bronze, \(archived) archived, "
                     + "\(missing) missing); sha256 of the payload as received:")
        for node in snapshots {
            let collected = node.madeBy.last.map { "  collected by run \(short($0))" } ?? ""
            lines.append("  \(node.path)  \(node.sha256 ?? "?")\(collected)" + (node.location == "lake" ? "" : "  [\(node.location)]"))
        }
        return lines.joined(separator: "\n")
    }
}
