import Foundation

/// What curation has already processed from one bronze date of one source, keyed by the snapshot's
/// path and sha256 (so a changed file is noticed): `_state/curate/source=<s>/date=<d>.tsv`, one
/// line per snapshot, `hour=HH/<file>\t<sha256>\t<outcome>`, sorted; and one per hour whose
/// snapshots were all processed, `hour=HH/_manifest.json\t<fingerprint>\tmanifest:<count>`, so an
/// incremental run skips an unchanged hour without parsing its manifest. It is written after the silver
/// partitions it accounts for, so a job killed in between curates those snapshots again, which
/// the merge makes harmless — and for the same reason it is not fsynced: losing it to a power cut
/// only means curating again.
struct CurateLedger {
    let url: URL
    private var index: [String: Int] = [:]
    private var entries: [(path: String, sha256: String, outcome: String)] = []

    init(lake: Lake, source: Source, date: String) {
        url = lake.state.appendingPathComponent("curate/source=\(source.rawValue)/date=\(date).tsv")
        guard let data = FileManager.default.contents(atPath: url.path) else { return }
        data.withUnsafeBytes { load($0) }
    }

    /// Reads the lines of a ledger file; a line without exactly three fields is skipped. One pass
    /// over raw bytes: an hourly run loads the ledger of every bronze date (`Data.split` cost
    /// 6 µs a line in exclusivity checks alone).
    private mutating func load(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        let end = bytes.count
        reserve(end / 110)
        var start = 0
        while start < end {
            var tabs = (0, 0), fields = 0, index = start
            while index < end, base[index] != 0x0A {
                if base[index] == 0x09 {
                    fields += 1
                    if fields == 1 { tabs.0 = index } else if fields == 2 { tabs.1 = index }
                }
                index += 1
            }
            if fields == 2 && index > start {
                func text(_ from: Int, _ to: Int) -> String {
                    String(decoding: UnsafeBufferPointer(start: base + from, count: to - from), as: UTF8.self)
                }
                record(text(start, tabs.0), sha256: text(tabs.0 + 1, tabs.1), outcome: text(tabs.1 + 1, index))
            }
            start = index + 1
        }
    }

    /// Whether the snapshot at `path` (relative to the date folder) with `sha256` was processed.
    func contains(_ path: String, sha256: String) -> Bool {
        guard !index.isEmpty, let position = index[path] else { return false }
        return entries[position].sha256 == sha256
    }

    /// The outcome recorded for `path` with `sha256`, or nil.
    func outcome(of path: String, sha256: String) -> String? {
        guard let position = index[path], entries[position].sha256 == sha256 else { return nil }
        return entries[position].outcome
    }

    /// Makes room for `count` entries in all (a rebuild records every snapshot of the date).
    mutating func reserve(_ count: Int) {
        guard count > index.capacity else { return }
        index.reserveCapacity(count)
        entries.reserveCapacity(count)
    }

    mutating func record(_ path: String, sha256: String, outcome: String) {
        if let position = index[path] {
            entries[position] = (path, sha256, outcome)
        } else {
            index[path] = entries.count
            entries.append((path, sha256, outcome))
        }
    }

    func write() throws {
        // Entries come mostly in path order already (hour after hour): sort positions, not entries.
        var order = Array(entries.indices)
        if !order.isEmpty && !zip(order, order.dropFirst()).allSatisfy({ !Self.precedes(entries[$1].path, entries[$0].path) }) {
            order.sort { Self.precedes(entries[$0].path, entries[$1].path) }
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(entries.count * 110)
        for position in order {
            let entry = entries[position]
            bytes.append(contentsOf: entry.path.utf8)
            bytes.append(0x09)
            bytes.append(contentsOf: entry.sha256.utf8)
            bytes.append(0x09)
            bytes.append(contentsOf: entry.outcome.utf8)
            bytes.append(0x0A)
        }
        try AtomicFile.write(bytes, to: url, durable: false)
    }

    /// Byte order of two paths' UTF-8 (a prefix first), without copying them.
    private static func precedes(_ a: String, _ b: String) -> Bool {
        if let order = a.utf8.withContiguousStorageIfAvailable({ x in
            b.utf8.withContiguousStorageIfAvailable { y in RowKey.precedes(UnsafeRawBufferPointer(x), UnsafeRawBufferPointer(y)) }
        }), let order { return order }
        return a.utf8.lexicographicallyPrecedes(b.utf8)
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
