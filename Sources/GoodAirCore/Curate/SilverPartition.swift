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
    private(set) var rows: [RowKey: SilverRow] = [:]

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
        for record in records.dropFirst() {
            guard record.fields.count == header.count else {
                throw CurateError.partitionMismatch(path: url.path, table: builder.schema.table)
            }
            let row = builder.row(fields: record.fields)
            rows[row.key] = row
        }
    }

    /// A partition with no rows, whatever the file at `url` holds (to be written over it).
    public init(empty url: URL, builder: RowBuilder) {
        self.url = url
        self.builder = builder
    }

    public var count: Int { rows.count }

    /// Makes room for `count` rows in all, so merging that many does not grow the table again and again.
    public mutating func reserveCapacity(_ count: Int) { rows.reserveCapacity(count) }

    /// Adds `row`; returns true when a row with the same key was already there (a duplicate
    /// merged, whichever of the two was kept).
    @discardableResult
    public mutating func merge(_ row: SilverRow) -> Bool {
        guard let existing = rows[row.key] else {
            rows[row.key] = row
            return false
        }
        if row.supersedes(existing) { rows[row.key] = row }
        return true
    }

    /// The file's bytes: header, then rows sorted by primary key.
    public func render() -> [UInt8] {
        var bytes = Array((builder.schema.header + Self.lineEnd).utf8)
        let sorted = rows.values.sorted { $0.key < $1.key }
        bytes.reserveCapacity(bytes.count + sorted.reduce(0) { $0 + $1.line.count + 2 })
        for row in sorted {
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
