import Foundation

/// One file a job read or wrote: its path in the lake, size and sha256 (hex; absent for a file
/// changed in place, the warehouse database).
public struct LineageFile: Codable, Hashable, Sendable {
    public var path: String
    public var bytes: Int
    public var sha256: String?

    public init(path: String, bytes: Int, sha256: String?) {
        self.path = path
        self.bytes = bytes
        self.sha256 = sha256
    }

    /// The fact of a file's `contents` at `url` (the bytes as written or read).
    public init(lake: Lake, url: URL, contents: [UInt8]) {
        self.init(path: lake.relativePath(url), bytes: contents.count, sha256: Checksum.sha256Hex(contents))
    }

    /// Reads the file at `url` and describes it; nil when it cannot be read.
    public static func read(lake: Lake, url: URL) -> LineageFile? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return LineageFile(lake: lake, url: url, contents: Array(data))
    }

    /// The dataset a file belongs to: its partition folder (`silver/weather/date=2026-07-14`,
    /// `bronze/source=aqicn/date=2026-07-14/hour=10`, `gold/correlations`), or the file itself when
    /// it lies directly in a zone (`gold/warehouse.sqlite`).
    public static func dataset(of path: String) -> String {
        let utf8 = path.utf8
        guard let last = utf8.lastIndex(of: UInt8(ascii: "/")), utf8[..<last].contains(UInt8(ascii: "/")) else { return path }
        return String(path[..<last])
    }

    /// The table a silver or gold path belongs to (`silver/weather/…` → `weather`), or nil.
    public static func table(of path: String) -> String? {
        let parts = path.split(separator: "/")
        guard parts.count >= 3, parts[0] == "silver" || parts[0] == "gold" else { return nil }
        return String(parts[1])
    }
}
