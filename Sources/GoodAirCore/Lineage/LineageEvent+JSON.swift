/// A lineage event as one JSON line, written by hand: a rebuild's events list hundreds of
/// thousands of files, and Foundation's encoder took longer over them than curation itself.
/// Keys come in sorted order and absent values are left out, as `JSONEncoder` with
/// `.sortedKeys` writes them; `Codable` still reads them back (``LineageHistory``).
extension LineageEvent {
    /// One compact JSON line (keys sorted, so the same event gives the same bytes).
    public func jsonLine() throws -> [UInt8] {
        var o = LineageJSON()
        o.bytes.reserveCapacity(4096 + 160 * listedPaths)
        o.open()
        o.key("eventTime"); o.string(eventTime)
        o.key("eventType"); o.string(eventType.rawValue)
        if let inputs { o.key("inputs"); o.list(inputs) { $0.dataset($1) } }
        o.key("job"); o.open()
        if let type = job.facets?.jobType {
            o.key("facets"); o.open(); o.key("jobType"); o.open(); o.base(type._producer, type._schemaURL)
            o.key("integration"); o.string(type.integration); o.key("jobType"); o.string(type.jobType)
            o.key("processingType"); o.string(type.processingType); o.close(); o.close()
        }
        o.key("name"); o.string(job.name); o.key("namespace"); o.string(job.namespace); o.close()
        if let outputs { o.key("outputs"); o.list(outputs) { $0.dataset($1) } }
        o.key("producer"); o.string(producer)
        o.key("run"); o.open()
        if let facets = run.facets { o.key("facets"); o.runFacets(facets) }
        o.key("runId"); o.string(run.runId); o.close()
        o.key("schemaURL"); o.string(schemaURL)
        o.close()
        o.bytes.append(0x0A)
        return o.bytes
    }

    /// How many paths the event lists (files and sources), to size its line.
    private var listedPaths: Int {
        var count = 0
        for dataset in (inputs ?? []) + (outputs ?? []) {
            guard let files = dataset.facets?.goodair_files else { continue }
            count += files.files.count + (files.derivedFrom?.count ?? 0)
        }
        return count
    }
}
