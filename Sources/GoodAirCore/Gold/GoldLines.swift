import Foundation

/// A gold CSV file (one month partition) as lines: its header and its rows as byte ranges of the
/// file, without line ends. What an incremental aggregation needs to splice a month file —
/// replace the rows of a few days by recomputed ones — without decoding the rows it keeps.
///
/// Gold rows are sorted by primary key, and the key is the first fields of the row: comparing the
/// bytes of those fields, each ended by its comma, gives the file's order, because every key
/// field (a city or variable slug, a pollutant, a threshold id, an ISO 8601 date or timestamp) is
/// unquoted and made of bytes above the comma.
///
/// ```swift
/// let old = try GoldLines.read(url) ?? .empty   // mapped, not copied
/// old.withField(0, 1) { Array($0) }   // the second field of the first row: its hour, in city_hourly
/// let day = (Array("2026-11-28T00:00:00Z".utf8)[...], Array("2026-11-29T00:00:00Z".utf8)[...])
/// let spliced = try GoldLines.splice(old, header: header, keyFields: 2, path: path,
///                                    replacing: { old.withField($0, 1) { Aggregator.inRange($0, day) } }, with: dayRows)
/// ```
struct GoldLines: Sendable {
    /// The file's bytes.
    let storage: FileBytes
    /// The header line, or nil for an empty file.
    let header: Range<Int>?
    /// The rows, in file order.
    let rows: [Range<Int>]

    /// The lines of `bytes` (copied).
    init(bytes: [UInt8]) {
        self.init(storage: FileBytes(copying: bytes))
    }

    /// Splits `storage` at LF (a CR before it is dropped); blank lines are skipped.
    init(storage: FileBytes) {
        self.storage = storage
        var lines: [Range<Int>] = []
        storage.withBuffer { buffer in
            lines.reserveCapacity(buffer.count / 64)
            guard let base = buffer.baseAddress else { return }
            var start = 0
            let count = buffer.count
            while start < count {
                let end = memchr(base + start, 0x0A, count - start).map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? count
                var stop = end
                if stop > start && buffer[stop - 1] == 0x0D { stop -= 1 }
                if stop > start { lines.append(start..<stop) }
                start = end + 1
            }
        }
        header = lines.first
        rows = Array(lines.dropFirst())
    }

    /// The lines of the file at `url`, mapped (``FileBytes/map(_:)``); nil when there is no such file.
    static func read(_ url: URL) throws -> GoldLines? {
        try FileBytes.map(url).map(GoldLines.init(storage:))
    }

    /// The file's bytes when there is none: nothing.
    static let empty = GoldLines(bytes: [])

    /// Calls `body` with the file's bytes, valid during the call.
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try storage.withBuffer(body)
    }

    /// Whether the header line is `header`.
    func hasHeader(_ header: some Sequence<UInt8>) -> Bool {
        guard let range = self.header else { return false }
        return withBytes { $0[range].elementsEqual(header) }
    }

    /// Each row's bytes.
    var lines: [[UInt8]] { withBytes { bytes in rows.map { Array(bytes[$0]) } } }

    /// The file's lineage fact (size and sha256) under `path`.
    func lineageFile(path: String) -> LineageFile {
        withBytes { LineageFile(path: path, bytes: $0.count, sha256: Checksum.sha256Hex(buffers: [UnsafeRawBufferPointer($0)])) }
    }

    /// Calls `body` with field `index` (0-based) of row `row`: the bytes between its commas (the
    /// row's fields are never quoted in gold, whose writers quote only text with commas or quotes).
    func withField<R>(_ row: Int, _ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try withBytes { bytes in
            let range = rows[row]
            var start = range.lowerBound, seen = 0
            while seen < index {
                guard let comma = bytes[start..<range.upperBound].firstIndex(of: 0x2C) else {
                    return try body(UnsafeBufferPointer(rebasing: bytes[range.upperBound..<range.upperBound]))
                }
                start = comma + 1
                seen += 1
            }
            let end = bytes[start..<range.upperBound].firstIndex(of: 0x2C) ?? range.upperBound
            return try body(UnsafeBufferPointer(rebasing: bytes[start..<end]))
        }
    }

    /// A row written by ``splice(_:header:keyFields:path:replacing:with:)``: an old one (the bytes of
    /// its key in the old file), or a new one (its index among the new rows).
    private enum Written {
        case old(key: Range<Int>, line: Range<Int>)
        case new(Int)
    }

    /// The length of the sort key of a line: its first `fields` fields with the comma ending each
    /// (the line and a comma when it has fewer: the whole line).
    static func keyLength(_ line: some Collection<UInt8>, fields: Int) -> Int {
        var seen = 0, length = 0
        for byte in line {
            length += 1
            if byte == 0x2C {
                seen += 1
                if seen == fields { return length }
            }
        }
        return length
    }

    /// The file made of `old`'s rows, minus those `replacing` selects, and `new` rows (lines without
    /// line end, in any order), merged in key order under `header`, with CRLF line ends, as pieces
    /// of `old`'s bytes and new lines. Two rows with the same key, or old rows out of order, are an
    /// error naming `path`.
    static func splice(_ old: GoldLines, header: [UInt8], keyFields: Int, path: String,
                       replacing: (Int) -> Bool, with new: [[UInt8]]) throws -> SplicedFile {
        let added = new.map { (key: $0[..<Self.keyLength($0, fields: keyFields)], line: $0) }
            .sorted { RowKey.precedes($0.key, $1.key) }
        var out = SplicedFile(old: old.storage)
        out.appendNew(header)
        try old.withBytes { bytes in
            let raw = UnsafeRawBufferPointer(bytes)
            func key(_ row: Written) -> UnsafeRawBufferPointer? {
                if case .old(let range, _) = row { return UnsafeRawBufferPointer(rebasing: raw[range]) }
                return nil
            }
            func precedes(_ a: Written, _ b: Written) -> Bool {
                switch (a, b) {
                case let (.old, .new(j)): return RowKey.precedes(key(a)!, added[j].key)
                case let (.new(i), .old): return RowKey.precedes(added[i].key, key(b)!)
                case let (.new(i), .new(j)): return RowKey.precedes(added[i].key, added[j].key)
                case (.old, .old): return RowKey.precedes(key(a)!, key(b)!)
                }
            }
            var last: Written? = nil
            func write(_ row: Written) throws {
                if let last, !precedes(last, row) {
                    let text: String
                    switch row {
                    case .old: text = String(decoding: key(row)!, as: UTF8.self)
                    case .new(let index): text = String(decoding: added[index].key, as: UTF8.self)
                    }
                    throw AggregateError.goldFile(path: path, reason: "rows out of key order or repeated at \(text)")
                }
                last = row
                switch row {
                case .old(_, let line): out.appendOld(line)
                case .new(let index): out.appendNew(added[index].line)
                }
            }
            var next = 0
            for row in old.rows.indices where !replacing(row) {
                let line = old.rows[row]
                let keyRow = Written.old(key: line.lowerBound..<line.lowerBound + Self.keyLength(bytes[line], fields: keyFields), line: line)
                while next < added.count && precedes(.new(next), keyRow) {
                    try write(.new(next))
                    next += 1
                }
                try write(keyRow)
            }
            while next < added.count {
                try write(.new(next))
                next += 1
            }
        }
        return out
    }
}
