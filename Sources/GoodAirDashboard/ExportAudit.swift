import Foundation
import GoodAirCore
import Synchronization

/// The audit trail of data exports (LAKE.md §7: every data export is audited): one JSON line per
/// export in `_state/audit/exports.jsonl` — when, who, what was asked, how many rows and bytes
/// went out, and their sha256 — appended whole, then fsynced, before the data is sent. Never a
/// password or a session token.
///
/// ```json
/// {"at":"2026-11-29T14:05:00Z","bytes":5120,"query":"city=paris&from=2026-11-01&to=2026-11-29&variables=no2_ugm3","rows":696,"sha256":"…","table":"export/series.csv","user":"marie"}
/// ```
final class ExportAudit: Sendable {
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
    /// One record at a time in this process, so a torn write can be cut back safely.
    private let writing = Mutex(())

    init(lake: Lake) { self.lake = lake }

    /// `_state/audit/exports.jsonl`.
    var file: URL { lake.state.appendingPathComponent("audit/exports.jsonl") }

    /// Appends `entry` and fsyncs it (and, when this created the file, its folder). A write cut
    /// short is taken back, so the file holds whole lines only.
    func record(_ entry: Entry) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let line = Array(try encoder.encode(entry)) + [0x0A]
        let folder = file.deletingLastPathComponent()
        try AtomicFile.createFolder(folder)
        try writing.withLock { _ in
            let created = access(file.path, F_OK) != 0
            let fd = open(file.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
            guard fd >= 0 else { throw LakeError.io(operation: "open", path: file.path, errno: errno) }
            defer { close(fd) }
            let end = lseek(fd, 0, SEEK_END)
            let written = line.withUnsafeBytes { write(fd, $0.baseAddress!, $0.count) }
            guard written == line.count else {
                let code = errno
                if written > 0 { _ = ftruncate(fd, end) }
                throw LakeError.io(operation: "write", path: file.path, errno: code)
            }
            guard fsync(fd) == 0 else { throw LakeError.io(operation: "fsync", path: file.path, errno: errno) }
            if created { try AtomicFile.syncFolder(folder) }
        }
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
