/// What a job read and wrote, gathered while it runs and written in its `COMPLETE` (or `FAIL`)
/// event: files grouped by dataset (partition), with for each output the input files it came from.
///
/// ```swift
/// var record = LineageRecord()
/// record.read(LineageFile(path: "silver/weather/date=2026-07-14/part-00000.csv", bytes: 812, sha256: "…"))
/// record.wrote(file, rows: 24, derivedFrom: ["silver/weather/date=2026-07-14/part-00000.csv"])
/// ```
public struct LineageRecord: Sendable {
    struct Output: Sendable {
        var files: [String: LineageFile] = [:]
        /// Rows per file, for files whose rows are counted.
        var rowsByFile: [String: Int] = [:]
        var rows: Int? { rowsByFile.isEmpty ? nil : rowsByFile.values.reduce(0, +) }
        /// Sources as recorded (duplicates removed when the event is written).
        var derivedFrom: [String] = []
        var removed = false
    }

    /// Dataset → its files in the order they were recorded (a path recorded again keeps its
    /// last fact when the event is written): appending is all a curation of 100,000 snapshots
    /// pays per file.
    private(set) var inputs: [String: [LineageFile]] = [:]
    private(set) var outputs: [String: Output] = [:]
    /// Datasets outside the lake (the APIs): namespace → names.
    private(set) var external: [String: Set<String>] = [:]

    public init() {}

    public var isEmpty: Bool { inputs.isEmpty && outputs.isEmpty && external.isEmpty }

    /// Records an input outside the lake (an API endpoint), with no file.
    public mutating func read(namespace: String, name: String) {
        external[namespace, default: []].insert(name)
    }

    /// Records an input file (again: the last fact wins).
    public mutating func read(_ file: LineageFile) {
        inputs[LineageFile.dataset(of: file.path), default: []].append(file)
    }

    /// Records input files of one dataset (their partition folder, as ``LineageFile/dataset(of:)``
    /// gives it), sparing the search for it: curation reads a bronze hour's snapshots together.
    public mutating func read(_ files: [LineageFile], dataset: String) {
        guard !files.isEmpty else { return }
        inputs[dataset, default: []].append(contentsOf: files)
    }

    /// Records an output file made from the input files `derivedFrom` (lake paths). A file written
    /// twice in a run keeps its last content and the union of its sources.
    public mutating func wrote(_ file: LineageFile, rows: Int? = nil, derivedFrom: some Sequence<String>) {
        let dataset = LineageFile.dataset(of: file.path)
        var output = outputs[dataset] ?? Output()
        output.files[file.path] = file
        if let rows { output.rowsByFile[file.path] = rows }
        output.derivedFrom.append(contentsOf: derivedFrom)
        outputs[dataset] = output
    }

    /// Records that a dataset was removed (a month with no data left, an archived partition).
    public mutating func removed(dataset: String) {
        outputs[dataset, default: Output()].removed = true
    }

    /// The input datasets as OpenLineage datasets.
    func inputDatasets(schemas: LineageSchemas) -> [LineageEvent.Dataset] {
        external.keys.sorted().flatMap { namespace in
            external[namespace]!.sorted().map { LineageEvent.Dataset(namespace: namespace, name: $0) }
        } + inputs.keys.sorted().map { name in
            let files = Self.lastOfEachPath(inputs[name]!)
            return LineageEvent.Dataset(
                name: name,
                facets: .init(schema: schemas.facet(forDataset: name), goodair_files: .init(files: files)),
                inputFacets: .init(dataQualityMetrics: .init(rowCount: nil, bytes: files.reduce(0) { $0 + $1.bytes },
                                                             fileCount: files.count)))
        }
    }

    /// The output datasets as OpenLineage datasets.
    func outputDatasets(schemas: LineageSchemas) -> [LineageEvent.Dataset] {
        outputs.keys.sorted().map { name in
            let output = outputs[name]!
            let files = output.files.values.sorted { $0.path < $1.path }
            return LineageEvent.Dataset(
                name: name,
                facets: .init(schema: output.removed ? nil : schemas.facet(forDataset: name),
                              goodair_files: .init(files: files, derivedFrom: output.derivedFrom.isEmpty ? nil : Self.sortedUnique(output.derivedFrom),
                                                   removed: output.removed ? true : nil)),
                // The standard facet requires a row count: files without rows (pages, manifests) go without it.
                outputFacets: output.rows.map { rows in
                    .init(outputStatistics: .init(rowCount: rows, size: files.reduce(0) { $0 + $1.bytes }, fileCount: files.count))
                })
        }
    }

    /// `files` sorted by path, each path once with its last recorded fact.
    static func lastOfEachPath(_ files: [LineageFile]) -> [LineageFile] {
        // Curation records a bronze hour's files in path order, each once: nothing to do.
        if zip(files, files.dropFirst()).allSatisfy({ $0.path < $1.path }) { return files }
        var out: [LineageFile] = []
        out.reserveCapacity(files.count)
        // A stable sort keeps a path's facts in the order they were recorded: the last one wins.
        for file in files.enumerated().sorted(by: { $0.element.path != $1.element.path ? $0.element.path < $1.element.path : $0.offset < $1.offset }).map(\.element) {
            if out.last?.path == file.path { out[out.count - 1] = file } else { out.append(file) }
        }
        return out
    }

    /// `paths` sorted, each once.
    static func sortedUnique(_ paths: [String]) -> [String] {
        if zip(paths, paths.dropFirst()).allSatisfy({ $0 < $1 }) { return paths }
        var out: [String] = []
        for path in paths.sorted() where out.last != path { out.append(path) }
        return out
    }
}
