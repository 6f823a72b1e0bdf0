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
/// let old = try GoldLines.read(url) ?? .empty
/// old.field(0, 1)   // the second field of the first row: its hour, in city_hourly
/// let day = (Array("2026-11-28T00:00:00Z".utf8)[...], Array("2026-11-29T00:00:00Z".utf8)[...])
/// let spliced = try GoldLines.splice(old, header: header, keyFields: 2, path: path,
///                                    replacing: { Aggregator.inRange(old.field($0, 1), day) }, with: dayRows)
/// ```
struct GoldLines: Sendable {
    let bytes: [UInt8]
    /// The header line, or nil for an empty file.
    let header: Range<Int>?
    /// The rows, in file order.
    let rows: [Range<Int>]

    /// Splits `bytes` at LF (a CR before it is dropped); blank lines are skipped.
    init(bytes: [UInt8]) {
        self.bytes = bytes
        var lines: [Range<Int>] = []
        lines.reserveCapacity(bytes.count / 64)
        bytes.withUnsafeBufferPointer { buffer in
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

    /// The lines of the file at `url`; nil when there is no such file.
    static func read(_ url: URL) throws -> GoldLines? {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { return nil }
            throw LakeError.io(operation: "open", path: url.path, errno: errno)
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw LakeError.io(operation: "stat", path: url.path, errno: errno) }
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: Int(info.st_size)) { buffer, count in
            while count < buffer.count {
                let n = Glibc.read(fd, buffer.baseAddress! + count, buffer.count - count)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 {
                    failure = n < 0 ? errno : 0
                    break
                }
                count += n
            }
        }
        guard failure == 0 else { throw LakeError.io(operation: "read", path: url.path, errno: failure) }
        return GoldLines(bytes: bytes)
    }

    /// The file's bytes when there is none: nothing.
    static let empty = GoldLines(bytes: [])

    /// Each row's bytes.
    var lines: [[UInt8]] { rows.map { Array(bytes[$0]) } }

    /// Field `index` (0-based) of row `row`: the bytes between its commas (the row's fields are
    /// never quoted in gold, whose writers quote only text with commas or quotes).
    func field(_ row: Int, _ index: Int) -> ArraySlice<UInt8> {
        let range = rows[row]
        var start = range.lowerBound, seen = 0
        while seen < index {
            guard let comma = bytes[start..<range.upperBound].firstIndex(of: 0x2C) else { return bytes[range.upperBound..<range.upperBound] }
            start = comma + 1
            seen += 1
        }
        let end = bytes[start..<range.upperBound].firstIndex(of: 0x2C) ?? range.upperBound
        return bytes[start..<end]
    }

    /// The sort key of a line: its first `fields` fields with the comma ending each (the line and
    /// a comma when it has fewer).
    static func key(_ line: ArraySlice<UInt8>, fields: Int) -> ArraySlice<UInt8> {
        var seen = 0
        for index in line.indices where line[index] == 0x2C {
            seen += 1
            if seen == fields { return line[line.startIndex...index] }
        }
        return line
    }

    /// The file made of `old`'s rows, minus those `replacing` selects, and `new` rows (lines without
    /// line end, in any order), merged in key order under `header`, with CRLF line ends, as pieces
    /// of `old`'s bytes and new lines. Two rows with the same key, or old rows out of order, are an
    /// error naming `path`.
    static func splice(_ old: GoldLines, header: [UInt8], keyFields: Int, path: String,
                       replacing: (Int) -> Bool, with new: [[UInt8]]) throws -> SplicedFile {
        let added = new.map { (key: Self.key($0[...], fields: keyFields), line: $0) }
            .sorted { RowKey.precedes($0.key, $1.key) }
        var out = SplicedFile(old: old.bytes)
        out.appendNew(header)
        var next = 0
        var last: ArraySlice<UInt8>? = nil
        func ordered(_ key: ArraySlice<UInt8>) throws {
            if let last, !RowKey.precedes(last, key) {
                throw AggregateError.goldFile(path: path, reason: "rows out of key order or repeated at \(String(decoding: key, as: UTF8.self))")
            }
            last = key
        }
        for row in old.rows.indices where !replacing(row) {
            let key = Self.key(old.bytes[old.rows[row]], fields: keyFields)
            while next < added.count && RowKey.precedes(added[next].key, key) {
                try ordered(added[next].key)
                out.appendNew(added[next].line)
                next += 1
            }
            try ordered(key)
            out.appendOld(old.rows[row])
        }
        while next < added.count {
            try ordered(added[next].key)
            out.appendNew(added[next].line)
            next += 1
        }
        return out
    }
}
