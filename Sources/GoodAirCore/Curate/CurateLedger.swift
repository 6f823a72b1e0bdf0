import Foundation

/// What curation has already processed from one bronze date of one source, keyed by the snapshot's
/// path and sha256 (so a changed file is noticed): `_state/curate/source=<s>/date=<d>.tsv`, one
/// line per snapshot, `hour=HH/<file>\t<sha256>\t<outcome>`, sorted. It is written after the silver
/// partitions it accounts for, so a job killed in between curates those snapshots again, which
/// the merge makes harmless.
struct CurateLedger {
    let url: URL
    private(set) var entries: [String: (sha256: String, outcome: String)] = [:]

    init(lake: Lake, source: Source, date: String) {
        url = lake.state.appendingPathComponent("curate/source=\(source.rawValue)/date=\(date).tsv")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return }
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard parts.count == 3 else { continue }
            entries[String(parts[0])] = (String(parts[1]), String(parts[2]))
        }
    }

    /// Whether the snapshot at `path` (relative to the date folder) with `sha256` was processed.
    func contains(_ path: String, sha256: String) -> Bool { entries[path]?.sha256 == sha256 }

    mutating func record(_ path: String, sha256: String, outcome: String) {
        entries[path] = (sha256, outcome)
    }

    func write() throws {
        let text = entries.keys.sorted().map { "\($0)\t\(entries[$0]!.sha256)\t\(entries[$0]!.outcome)\n" }.joined()
        try AtomicFile.write(string: text, to: url)
    }

    /// Forgets everything curated from `source` (for `--rebuild`), or only the given dates.
    static func reset(lake: Lake, source: Source, dates: Set<String>?) {
        let folder = lake.state.appendingPathComponent("curate/source=\(source.rawValue)")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasPrefix("date=") && name.hasSuffix(".tsv") {
            let date = String(name.dropFirst(5).dropLast(4))
            if dates == nil || dates!.contains(date) { unlink(folder.appendingPathComponent(name).path) }
        }
    }
}
