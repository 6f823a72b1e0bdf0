import Foundation

/// Where archived files now live: every `archive/**/<partition>.manifest.json` (written by
/// `goodair lifecycle apply`) read for its members, so lineage still finds a snapshot after its
/// bronze partition was archived away.
struct ArchivedSnapshots {
    private struct Manifest: Decodable {
        struct Member: Decodable { let path: String; let bytes: Int; let sha256: String }
        let archive: String
        let members: [Member]
    }

    /// Member path → archive path (relative to the lake).
    private var archives: [String: String] = [:]

    init(lake: Lake) {
        guard let walker = FileManager.default.enumerator(atPath: lake.archive.path) else { return }
        let decoder = JSONDecoder()
        for case let name as String in walker where name.hasSuffix(".manifest.json") {
            guard let data = FileManager.default.contents(atPath: lake.archive.appendingPathComponent(name).path),
                  let manifest = try? decoder.decode(Manifest.self, from: data) else { continue }
            for member in manifest.members { archives[member.path] = manifest.archive }
        }
    }

    /// The archive holding `path`, or nil.
    func archive(holding path: String) -> String? { archives[path] }
}
