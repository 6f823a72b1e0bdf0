import Foundation

/// The silver partition files the gold zone is made from, each with a fingerprint (size and
/// modification time in nanoseconds: curation replaces a partition whole, so a new fingerprint
/// means new content; a copy that keeps times, `cp -p`, keeps fingerprints), and the fingerprints the last aggregation saw, in `_state/aggregate/silver.tsv`.
struct SilverInventory {
    /// `<table>/date=YYYY-MM-DD` → fingerprint.
    var files: [String: String] = [:]

    /// What silver holds now: each table folder read with `readdir`, and one `fstatat` per
    /// partition relative to it (run every hour, over a year of partitions); the tables on
    /// threads of their own, side by side.
    static func scan(lake: Lake) -> SilverInventory {
        let others = GoldVariable.sources.dropFirst().map { table in BackgroundValue { scan(table: table, lake: lake) } }
        var inventory = SilverInventory(files: scan(table: GoldVariable.sources[0], lake: lake))
        for other in others { inventory.files.merge(other.value) { first, _ in first } }
        return inventory
    }

    /// The partitions of `table`: `<table>/date=YYYY-MM-DD` → fingerprint.
    private static func scan(table: String, lake: Lake) -> [String: String] {
        var files: [String: String] = [:]
        guard let folder = opendir(lake.silver.appendingPathComponent(table).path) else { return files }
        defer { closedir(folder) }
        let fd = dirfd(folder)
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard name.hasPrefix("date=") else { continue }
            var info = stat()
            guard fstatat(fd, "\(name)/\(SilverPartition.fileName)", &info, 0) == 0 else { continue }
            files["\(table)/\(name)"] = "\(info.st_size)-\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
        }
        return files
    }

    static func stateURL(lake: Lake) -> URL { lake.state.appendingPathComponent("aggregate/silver.tsv") }

    /// What the last aggregation saw (empty when none): `key<TAB>fingerprint` lines, split as bytes.
    static func load(lake: Lake) -> SilverInventory {
        var inventory = SilverInventory()
        guard let data = FileManager.default.contents(atPath: stateURL(lake: lake).path) else { return inventory }
        let bytes = [UInt8](data)
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            if let tab = bytes[start..<end].firstIndex(of: 0x09), !bytes[tab + 1..<end].contains(0x09) {
                inventory.files[String(decoding: bytes[start..<tab], as: UTF8.self)] = String(decoding: bytes[tab + 1..<end], as: UTF8.self)
            }
            start = end + 1
        }
        return inventory
    }

    /// Writes the inventory as what this aggregation saw, once every gold file it wrote is on
    /// disk. Atomic but not fsynced (about 5 ms an hourly run saves): a power cut that loses it
    /// only makes the next run recompute the same days (which gives the same files), or, if it
    /// leaves the file empty, every month.
    func save(lake: Lake) throws {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(files.count * 64)
        for key in files.keys.sorted() {
            bytes += key.utf8
            bytes.append(0x09)
            bytes += files[key]!.utf8
            bytes.append(0x0A)
        }
        try AtomicFile.write(bytes, to: Self.stateURL(lake: lake), durable: false)
    }

    /// The keys of files that are new, changed or gone compared with `previous`.
    func changedKeys(since previous: SilverInventory) -> [String] {
        files.filter { previous.files[$0.key] != $0.value }.map(\.key) + previous.files.keys.filter { files[$0] == nil }
    }

    /// The months (`YYYY-MM`) of files that are new, changed or gone compared with `previous`.
    func changedMonths(since previous: SilverInventory) -> Set<String> {
        Set(changedKeys(since: previous).map(Self.month(of:)))
    }

    /// The days (since 1970-01-01) of files that are new, changed or gone compared with `previous`;
    /// nil when a file's date cannot be read as one.
    func changedDays(since previous: SilverInventory) -> Set<Int>? {
        var days = Set<Int>()
        for key in changedKeys(since: previous) {
            guard let day = Timestamp.day(String(Self.date(of: key))) else { return nil }
            days.insert(day)
        }
        return days
    }

    /// Every month silver has.
    var months: Set<String> { Set(files.keys.map(Self.month(of:))) }

    /// The dates (`YYYY-MM-DD`) of `table` in `month`.
    func dates(of table: String, in month: String) -> [String] {
        files.keys.compactMap { key -> String? in
            guard key.hasPrefix("\(table)/date=\(month)-") else { return nil }
            return String(key.dropFirst(table.count + 6))
        }.sorted()
    }

    /// `YYYY-MM-DD` of a key `<table>/date=YYYY-MM-DD`.
    private static func date(of key: String) -> Substring { key.suffix(10) }

    /// `YYYY-MM` of a key `<table>/date=YYYY-MM-DD`.
    private static func month(of key: String) -> String { String(date(of: key).prefix(7)) }
}
