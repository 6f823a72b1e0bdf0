/// What `goodair verify` found: how much it checked, and every problem with the file it concerns.
public struct VerifyReport: Codable, Sendable {
    /// One thing wrong in the lake.
    public struct Problem: Codable, Sendable, Equatable {
        public enum Kind: String, Codable, Sendable, CaseIterable {
            /// A bronze snapshot whose payload does not match its manifest's sha256 (or unreadable).
            case checksumMismatch = "checksum-mismatch"
            /// A file a manifest lists that is not there (nor archived).
            case missing
            /// A manifest that cannot be read.
            case corruptManifest = "corrupt-manifest"
            /// An archive that does not match its manifest, or a manifest without its archive.
            case badArchive = "bad-archive"
            /// A silver, gold or quarantine file whose content differs from what its last run wrote.
            case changedSinceWritten = "changed-since-written"
            /// A file no manifest lists or no lineage records.
            case orphan
            /// A hidden temporary left by a job killed while writing.
            case partialFile = "partial-file"
            /// A run that started and never ended (killed), or an unreadable lineage file.
            case brokenRun = "broken-run"
        }
        public var kind: Kind
        /// The file, relative to the lake.
        public var path: String
        public var detail: String
    }

    /// Files checked per kind of check (`bronze snapshots`, `manifests`, `archives`, `lineage files`…).
    public var checked: [String: Int] = [:]
    public var problems: [Problem] = []
    public var seconds = 0.0

    public init() {}

    public var isClean: Bool { problems.isEmpty }

    mutating func add(_ kind: Problem.Kind, _ path: String, _ detail: String) {
        problems.append(Problem(kind: kind, path: path, detail: detail))
    }

    /// The problems, one a line, then a summary line.
    public var description: String {
        var lines = problems.map { "\($0.kind.rawValue): \($0.path): \($0.detail)" }
        let counts = checked.keys.sorted().map { "\(checked[$0]!) \($0)" }.joined(separator: ", ")
        let kinds = Dictionary(grouping: problems, by: \.kind).map { "\($0.key.rawValue) \($0.value.count)" }.sorted().joined(separator: ", ")
        lines.append("verify: checked \(counts.isEmpty ? "nothing" : counts); "
                     + (problems.isEmpty ? "no problem" : "\(problems.count) problem(s): \(kinds)")
                     + " in \(String(format: "%.1f", seconds)) s")
        return lines.joined(separator: "\n")
    }
}
