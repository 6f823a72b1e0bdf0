import Foundation

extension ApplyReport {
    /// What the apply did, for its lineage: archives written (with their sha256, made from their
    /// partition), and partitions removed (deleted, or archives expired). Inputs are named by
    /// partition, without per-file facts: a bronze snapshot's checksum in lineage stays the one
    /// its manifest gives (of the payload), which the archive manifest does not repeat.
    func lineage(lake: Lake) -> LineageRecord {
        var record = LineageRecord()
        for action in done {
            for input in action.inputs { record.read(namespace: LineageEvent.namespace, name: input) }
            switch action.kind {
            case .archive, .verify:
                for output in action.outputs {
                    if let file = LineageFile.read(lake: lake, url: lake.root.appendingPathComponent(output)) {
                        record.wrote(file, derivedFrom: [action.partition])
                    }
                }
            case .delete:
                record.removed(dataset: action.partition)
            case .expireArchive:
                for input in action.inputs { record.removed(dataset: input) }
            }
        }
        return record
    }
}
