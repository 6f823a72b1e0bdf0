import Foundation

/// What curation needs of one `_manifest.json` record, read with the JSON tape: a rebuild reads
/// every hour of the lake, and the full `Codable` decode of `HourManifest` cost more than the
/// snapshots' validation.
struct ManifestEntry {
    var cityID: String
    var outcome: FetchRecord.Outcome
    var url: String
    var file: String?
    var sha256: String?
    var error: String?

    /// The current records of the manifest in `folder`, then the superseded ones that own a body
    /// under `_failed/` (a snapshot's name belongs to the current record). Nil when there is no
    /// manifest; a corrupt one throws.
    static func read(in directory: Int32, folder: String, reader: GzipFileReader) throws -> [ManifestEntry]? {
        let path = folder + "/" + HourManifest.fileName
        guard let data = reader.read(HourManifest.fileName, in: directory) else {
            guard faccessat(directory, HourManifest.fileName, F_OK, 0) != 0 else {
                throw CollectError.corruptManifest(path: path, reason: "unreadable")
            }
            return nil
        }
        let tape: JSONTape
        do { tape = try JSONTape(parsing: Array(data)) } catch {
            throw CollectError.corruptManifest(path: path, reason: "\(error)")
        }
        var entries: [ManifestEntry] = []
        for onlyFailedBodies in [false, true] {
            guard let array = tape.member(tape.root, onlyFailedBodies ? "superseded" : "fetches"), tape.kind(array) == .array else { continue }
            entries.reserveCapacity(entries.count + tape.count(array))
            for node in tape.elements(array) {
                func text(_ key: String) -> String? { tape.member(node, key).flatMap { tape.string($0) } }
                guard let city = text("city_id"), let outcome = text("outcome").flatMap(FetchRecord.Outcome.init) else {
                    throw CollectError.corruptManifest(path: path, reason: "a record without city_id or outcome")
                }
                let file = text("file")
                if onlyFailedBodies && file?.hasPrefix(HourFolder.failedFolder + "/") != true { continue }
                entries.append(ManifestEntry(cityID: city, outcome: outcome, url: text("url") ?? "", file: file,
                                             sha256: text("sha256"), error: text("error")))
            }
        }
        return entries
    }
}
