import Foundation
import GoodAirCore

/// The audit trail of data exports (LAKE.md §7: every data export is audited): one JSON line per
/// export in `_state/audit/exports.jsonl` — when, who, what was asked, how many rows and bytes
/// went out, and their sha256 — appended whole, then fsynced, before the data is sent. Never a
/// password or a session token.
///
/// ```json
/// {"at":"2026-11-29T14:05:00Z","bytes":5120,"query":"city=paris&from=2026-11-01&to=2026-11-29&variables=no2_ugm3","rows":696,"sha256":"…","table":"series","user":"marie"}
/// ```
struct ExportAudit: Sendable {
    struct Entry: Codable, Equatable {
        var at: String
        var user: String
        var table: String
        var query: String
        var rows: Int
        var bytes: Int
        var sha256: String
    }

    let lake: Lake

    /// `_state/audit/exports.jsonl`.
    var file: URL { lake.state.appendingPathComponent("audit/exports.jsonl") }

    func record(_ entry: Entry) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let line = Array(try encoder.encode(entry)) + [0x0A]
        try AtomicFile.createFolder(file.deletingLastPathComponent())
        // Created on the first export; appended with one write, so concurrent exports never interleave.
        let fd = open(file.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw LakeError.io(operation: "open", path: file.path, errno: errno) }
        defer { close(fd) }
        let written = line.withUnsafeBytes { write(fd, $0.baseAddress!, $0.count) }
        guard written == line.count else { throw LakeError.io(operation: "write", path: file.path, errno: errno) }
        guard fsync(fd) == 0 else { throw LakeError.io(operation: "fsync", path: file.path, errno: errno) }
    }

    /// Every export recorded, oldest first.
    static func entries(in lake: Lake) throws -> [Entry] {
        let url = ExportAudit(lake: lake).file
        guard let data = FileManager.default.contents(atPath: url.path) else { return [] }
        // A line without its newline is one a crash cut: not an entry.
        let whole = data.last == 0x0A ? data : data.prefix(upTo: (data.lastIndex(of: 0x0A).map { $0 + 1 }) ?? data.startIndex)
        return try whole.split(separator: 0x0A).map { try JSONDecoder().decode(Entry.self, from: Data($0)) }
    }
}
