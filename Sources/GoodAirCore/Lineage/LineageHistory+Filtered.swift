import Foundation

/// The event reader of a load kept to some paths (``LineageHistory/load(lake:from:to:detail:only:)``
/// with `only`): an event that names one of them is parsed into a ``JSONTape`` and only the
/// entries of those paths are decoded. A curation batch's event lists some 20,000 files; decoding
/// all of them with `JSONDecoder` to keep a handful made a trace through a few months of rebuilds
/// take minutes.
extension LineageHistory {
    /// Adds what one event line of run `run` read and wrote of the paths of `filter`; a START
    /// event adds nothing. Throws when the line is not a JSON object. The paths outputs were
    /// derived from are kept once in `interned`, shared by every run that lists them: each
    /// rebuild lists the same thousands of snapshots again.
    mutating func fold(line: Data, run: Int, detail: Detail, only filter: LineagePathFilter, interned: inout Set<String>) throws {
        let tape = try JSONTape(parsing: [UInt8](line))
        guard tape.kind(tape.root) == .object else { throw LineageError.notAnEvent }
        guard let type = tape.member(tape.root, "eventType"), !tape.stringEquals(type, "START") else { return }
        if detail == .full, let inputs = tape.member(tape.root, "inputs"), tape.kind(inputs) == .array {
            tape.forEachElement(inputs) { input in
                for file in Self.files(of: input, in: tape, only: filter) where reads[file.path] == nil || file.sha256 != nil {
                    reads[file.path] = file
                }
            }
        }
        guard let outputs = tape.member(tape.root, "outputs"), tape.kind(outputs) == .array else { return }
        tape.forEachElement(outputs) { output in
            let files = Self.files(of: output, in: tape, only: filter)
            guard !files.isEmpty else { return }
            let facet = tape.member(output, "facets").flatMap { tape.member($0, "goodair_files") }
            var derivedFrom: [String] = []
            if detail == .full, let list = facet.flatMap({ tape.member($0, "derivedFrom") }), tape.kind(list) == .array {
                derivedFrom.reserveCapacity(tape.count(list))
                tape.forEachElement(list) { if let path = tape.string($0) { derivedFrom.append(interned.insert(path).memberAfterInsert) } }
            }
            let removed = facet.flatMap { tape.member($0, "removed") }.flatMap { tape.bool($0) } ?? false
            let entry = Output(run: run, files: Dictionary(files.map { ($0.path, $0) }) { _, last in last },
                               derivedFrom: derivedFrom, removed: removed)
            for path in entry.files.keys { writers[path, default: []].append(entry) }
        }
    }

    /// The entries of a dataset's `goodair_files` facet whose path is one of `filter`'s.
    private static func files(of dataset: Int, in tape: JSONTape, only filter: LineagePathFilter) -> [LineageFile] {
        guard let facets = tape.member(dataset, "facets"), let facet = tape.member(facets, "goodair_files"),
              let list = tape.member(facet, "files"), tape.kind(list) == .array else { return [] }
        var kept: [LineageFile] = []
        tape.forEachElement(list) { file in
            guard let pathNode = tape.member(file, "path"), let path = tape.string(pathNode), filter.contains(path) else { return }
            kept.append(LineageFile(path: path, bytes: tape.member(file, "bytes").flatMap { tape.int($0) } ?? 0,
                                    sha256: tape.member(file, "sha256").flatMap { tape.string($0) }))
        }
        return kept
    }
}
