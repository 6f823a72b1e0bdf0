import Foundation

/// Whether curation has processed every snapshot of a bronze partition, read the way curation
/// itself reads it: each record of each hour's `_manifest.json` that names a file and a sha256
/// must be in the curate ledger (`_state/curate/source=<s>/date=<d>.tsv`) with that sha256.
/// Lifecycle never deletes a bronze partition for which this is not so.
///
/// ```swift
/// CurationCheck(lake: lake).uncurated(partition)   // nil, or "hour=10/paris.json.gz is not curated yet"
/// ```
struct CurationCheck {
    let lake: Lake

    /// Why `partition` (bronze) is not fully curated, or nil when it is.
    func uncurated(_ partition: LakePartition) -> String? {
        guard let name = partition.source, let source = Source(rawValue: name) else {
            return "source '\(partition.source ?? "")' is not one curation reads"
        }
        let ledger = CurateLedger(lake: lake, source: source, date: partition.period)
        let folder = lake.root.appendingPathComponent(partition.path)
        let hours = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasPrefix("hour=") }.sorted()
        let reader: GzipFileReader
        do { reader = try GzipFileReader() } catch { return "cannot read manifests: \(error)" }
        var missing: [String] = []
        for hour in hours {
            let hourFolder = folder.appendingPathComponent(hour).path
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: hourFolder)) ?? [])
                .filter { $0 != HourManifest.fileName && !LakeInventory.isTemporary($0) }
            let directory = open(hourFolder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard directory >= 0 else { continue }
            defer { close(directory) }
            let entries: [ManifestEntry]
            do {
                guard let read = try ManifestEntry.read(in: directory, folder: hourFolder, reader: reader) else {
                    if files.isEmpty { continue }
                    return "\(hour) has files but no \(HourManifest.fileName)"
                }
                entries = read
            } catch {
                return "\(hour)/\(HourManifest.fileName) cannot be read"
            }
            for entry in entries {
                guard let file = entry.file, let sha256 = entry.sha256, faccessat(directory, file, F_OK, 0) == 0 else { continue }
                if !ledger.contains("\(hour)/\(file)", sha256: sha256) { missing.append("\(hour)/\(file)") }
            }
        }
        guard let first = missing.first else { return nil }
        return missing.count == 1 ? "\(first) is not curated yet" : "\(first) and \(missing.count - 1) more snapshots are not curated yet"
    }
}
