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
                let fields = Fields(tape, node)
                guard let city = fields.text(.cityID, tape), let outcome = fields.text(.outcome, tape).flatMap(FetchRecord.Outcome.init) else {
                    throw CollectError.corruptManifest(path: path, reason: "a record without city_id or outcome")
                }
                let file = fields.text(.file, tape)
                if onlyFailedBodies && file?.hasPrefix(HourFolder.failedFolder + "/") != true { continue }
                entries.append(ManifestEntry(cityID: city, outcome: outcome, url: fields.text(.url, tape) ?? "", file: file,
                                             sha256: fields.text(.sha256, tape), error: fields.text(.error, tape)))
            }
        }
        return entries
    }

    /// The value nodes of the members curation reads, found in one pass over a record (a record
    /// has a dozen members; looking each name up on its own compared every one six times).
    private struct Fields {
        enum Name: String, CaseIterable {
            case cityID = "city_id", outcome, url, file, sha256, error
        }
        /// Each name with its ``JSONKeyTag``, computed once.
        static let names = Name.allCases.map { (name: $0, tag: JSONKeyTag.of($0.rawValue)) }
        private var nodes = Nodes()

        init(_ tape: JSONTape, _ record: Int) {
            guard tape.kind(record) == .object else { return }
            var keyNode = record + 1
            for _ in 0..<tape.count(record) {
                if let name = Self.name(of: keyNode, tape), nodes[name] < 0 {
                    nodes[name] = keyNode + 1   // the first of a repeated name wins, as with `JSONTape.member`
                }
                keyNode = Int(tape.nodes[keyNode + 1].next)
            }
        }

        /// The name a member name node holds, when curation reads it.
        private static func name(of keyNode: Int, _ tape: JSONTape) -> Name? {
            let tag = tape.nodes[keyNode].count
            for (name, nameTag) in names where nameTag == tag && tape.stringEquals(keyNode, name.rawValue) { return name }
            return nil
        }

        /// A value node per name (-1: absent), in stored properties rather than an array, which
        /// would be one allocation per record.
        private struct Nodes {
            var cityID = -1, outcome = -1, url = -1, file = -1, sha256 = -1, error = -1

            subscript(name: Name) -> Int {
                get {
                    switch name {
                    case .cityID: cityID
                    case .outcome: outcome
                    case .url: url
                    case .file: file
                    case .sha256: sha256
                    case .error: error
                    }
                }
                set {
                    switch name {
                    case .cityID: cityID = newValue
                    case .outcome: outcome = newValue
                    case .url: url = newValue
                    case .file: file = newValue
                    case .sha256: sha256 = newValue
                    case .error: error = newValue
                    }
                }
            }
        }

        /// The decoded string of member `name`; nil when absent or not a string.
        func text(_ name: Name, _ tape: JSONTape) -> String? {
            let node = nodes[name]
            return node < 0 ? nil : tape.string(node)
        }
    }
}
