import Foundation

/// One partition file of a silver table, `silver/<table>/date=YYYY-MM-DD/part-00000.csv`: read,
/// merged with new rows (one row per primary key, the latest collection winning), and written
/// back whole and atomically, sorted by primary key, so the same rows always give the same bytes.
public struct SilverPartition {
    public static let fileName = "part-00000.csv"
    /// RFC 4180 line ends.
    public static let lineEnd = "\r\n"

    public let url: URL
    public let builder: RowBuilder
    /// One row per primary key, sorted by it: a partition file is read in this order, and merging
    /// sorted new rows into it is one linear pass — no hashing of keys, no sort of the whole file.
    private(set) var rows: [SilverRow] = []

    /// The partition file of `table` for `date` (`YYYY-MM-DD`).
    public static func url(lake: Lake, table: String, date: String) -> URL {
        lake.silver.appendingPathComponent("\(table)/date=\(date)/\(fileName)")
    }

    /// Opens the partition, reading its rows when the file exists. A file whose header is not the
    /// table's (the schema changed) is refused: `curate --rebuild` rewrites it.
    public init(url: URL, builder: RowBuilder) throws {
        self.init(empty: url, builder: builder)
        guard let data = FileManager.default.contents(atPath: url.path) else { return }
        let records = try CSVReader.parse(String(decoding: data, as: UTF8.self))
        guard let header = records.first?.fields, header.joined(separator: ",") == builder.schema.header else {
            throw CurateError.partitionMismatch(path: url.path, table: builder.schema.table)
        }
        var read: [SilverRow] = []
        read.reserveCapacity(records.count - 1)
        for record in records.dropFirst() {
            guard record.fields.count == header.count else {
                throw CurateError.partitionMismatch(path: url.path, table: builder.schema.table)
            }
            read.append(builder.row(fields: record.fields))
        }
        // A file this job wrote is sorted with one row per key; one edited by hand may not be.
        merge(read)
    }

    /// A partition with no rows, whatever the file at `url` holds (to be written over it).
    public init(empty url: URL, builder: RowBuilder) {
        self.url = url
        self.builder = builder
    }

    public var count: Int { rows.count }

    /// What ``merge(_:)`` did: rows whose key was new, and rows whose key was already there (a
    /// duplicate merged, whichever of the two was kept).
    public struct Merge: Equatable, Sendable {
        public var added = 0
        public var duplicates = 0
    }

    /// Adds `new` rows, one per primary key: of rows with the same key, here or among `new`, the
    /// one that ``SilverRow/supersedes(_:)`` the others stays, so the result does not depend on
    /// the order of `new` nor on how rows were split between calls.
    @discardableResult
    public mutating func merge(_ new: [SilverRow]) -> Merge {
        guard !new.isEmpty else { return Merge() }
        // Sorted by key, the winner of each key first.
        let sorted = new.sorted { $0.key != $1.key ? $0.key < $1.key : $0.supersedes($1) }
        var result = Merge(added: 0, duplicates: sorted.count)
        var merged: [SilverRow] = []
        merged.reserveCapacity(rows.count + sorted.count)
        var old = 0, index = 0
        while index < sorted.count {
            let row = sorted[index]
            index += 1
            while index < sorted.count, sorted[index].key == row.key { index += 1 }
            while old < rows.count, rows[old].key < row.key {
                merged.append(rows[old])
                old += 1
            }
            if old < rows.count, rows[old].key == row.key {
                merged.append(row.supersedes(rows[old]) ? row : rows[old])
                old += 1
            } else {
                merged.append(row)
                result.added += 1
            }
        }
        merged.append(contentsOf: rows[old...])
        result.duplicates -= result.added
        rows = merged
        return result
    }

    /// The file's bytes: header, then rows sorted by primary key.
    public func render() -> [UInt8] {
        var bytes = Array((builder.schema.header + Self.lineEnd).utf8)
        bytes.reserveCapacity(bytes.count + rows.reduce(0) { $0 + $1.line.count + 2 })
        for row in rows {
            bytes.append(contentsOf: row.line)
            bytes.append(contentsOf: [0x0D, 0x0A])
        }
        return bytes
    }

    /// Writes the partition atomically (or removes it when it has no row left), removing any
    /// temporary a killed run left beside it. Returns the bytes written (nil when removed).
    @discardableResult
    public func write() throws -> [UInt8]? {
        AtomicFile.cleanTemporaries(in: url.deletingLastPathComponent())
        guard !rows.isEmpty else {
            try? FileManager.default.removeItem(at: url)
            return nil
        }
        let bytes = render()
        try AtomicFile.write(bytes, to: url)
        return bytes
    }
}
