import Foundation

/// The event reader of ``LineageHistory/keeping(_:detail:)``: an event that names one of the
/// paths is parsed into a ``JSONTape`` and only the entries of those paths are decoded. A
/// curation batch's event lists some 20,000 files; decoding all of them with `JSONDecoder` to
/// keep a handful made a trace through a few months of rebuilds take minutes.
extension LineageHistory {
    /// Adds what one event line of run `run` read and wrote of the paths of `filter`; a START
    /// event adds nothing. Throws ``LineageError/notAnEvent(_:)`` for what `JSONDecoder` would
    /// refuse in the parts read: no known `eventType`, a file entry without a string `path` and
    /// an integer `bytes`, a `sha256` neither string nor null, a `derivedFrom` not of strings.
    /// The paths outputs were derived from are kept once in `interned`, shared by every run that
    /// lists them: each rebuild lists the same thousands of snapshots again.
    mutating func fold(line: Data, run: Int, detail: Detail, only filter: LineagePathFilter, interned: inout Set<String>) throws {
        let tape = try JSONTape(parsing: [UInt8](line))
        guard tape.kind(tape.root) == .object else { throw LineageError.notAnEvent("not a JSON object") }
        guard let type = tape.member(tape.root, "eventType").flatMap({ tape.string($0) }).flatMap(LineageEvent.EventType.init) else {
            throw LineageError.notAnEvent("no known eventType")
        }
        guard type != .start else { return }
        if detail == .full, let inputs = tape.member(tape.root, "inputs"), tape.kind(inputs) == .array {
            try tape.forEachElement(inputs) { input in
                for file in try Self.files(of: input, in: tape, only: filter) where reads[file.path] == nil || file.sha256 != nil {
                    reads[file.path] = file
                }
            }
        }
        guard let outputs = tape.member(tape.root, "outputs"), tape.kind(outputs) == .array else { return }
        try tape.forEachElement(outputs) { output in
            let files = try Self.files(of: output, in: tape, only: filter)
            guard !files.isEmpty else { return }
            let facet = tape.member(output, "facets").flatMap { tape.member($0, "goodair_files") }
            var derivedFrom: [String] = []
            if detail == .full, let list = facet.flatMap({ tape.member($0, "derivedFrom") }), !tape.isNull(list) {
                guard tape.kind(list) == .array else { throw LineageError.notAnEvent("derivedFrom is not an array") }
                derivedFrom.reserveCapacity(tape.count(list))
                try tape.forEachElement(list) { node in
                    guard let path = tape.string(node) else { throw LineageError.notAnEvent("derivedFrom holds a non-string") }
                    derivedFrom.append(interned.insert(path).memberAfterInsert)
                }
            }
            let removed = facet.flatMap { tape.member($0, "removed") }.flatMap { tape.bool($0) } ?? false
            let entry = Output(run: run, files: Dictionary(files.map { ($0.path, $0) }) { _, last in last },
                               derivedFrom: derivedFrom, removed: removed)
            for path in entry.files.keys { writers[path, default: []].append(entry) }
        }
    }

    /// The entries of a dataset's `goodair_files` facet whose path is one of `filter`'s; a path
    /// is compared on its bytes before it is made a `String`.
    private static func files(of dataset: Int, in tape: JSONTape, only filter: LineagePathFilter) throws -> [LineageFile] {
        guard let facets = tape.member(dataset, "facets"), let facet = tape.member(facets, "goodair_files"),
              let list = tape.member(facet, "files"), tape.kind(list) == .array else { return [] }
        var kept: [LineageFile] = []
        try tape.forEachElement(list) { file in
            guard let pathNode = tape.member(file, "path"), tape.kind(pathNode) == .string,
                  let bytes = tape.member(file, "bytes").flatMap({ tape.int($0) }) else {
                throw LineageError.notAnEvent("a file entry without a path or a size")
            }
            let shaNode = tape.member(file, "sha256")
            if let shaNode, tape.kind(shaNode) != .string, !tape.isNull(shaNode) { throw LineageError.notAnEvent("a sha256 that is not a string") }
            guard Self.matches(pathNode, in: tape, filter), let path = tape.string(pathNode) else { return }
            kept.append(LineageFile(path: path, bytes: bytes, sha256: shaNode.flatMap { tape.string($0) }))
        }
        return kept
    }

    /// Whether a string node is one of `filter`'s paths (an escaped one is decoded first).
    private static func matches(_ node: Int, in tape: JSONTape, _ filter: LineagePathFilter) -> Bool {
        if tape.isEscaped(node) { return tape.decodedBytes(node).withUnsafeBytes { filter.matches($0) } }
        return tape.rawBytes(node).withUnsafeBytes { quoted in
            filter.matches(UnsafeRawBufferPointer(rebasing: quoted.dropFirst().dropLast()))   // without its quotes
        }
    }
}
