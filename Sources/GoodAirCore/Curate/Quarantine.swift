import Foundation

/// Why a snapshot went to quarantine instead of silver.
public enum QuarantineReason: String, Sendable, CaseIterable, Comparable {
    /// The fetch itself failed (the manifest says why): an API error, an HTML page…
    case fetchFailed = "fetch_failed"
    /// The stored bytes do not match the manifest's sha256.
    case checksumMismatch = "checksum_mismatch"
    /// Not gzip, or not JSON.
    case notJSON = "not_json"
    /// Valid JSON that fails the source's payload schema.
    case schema
    /// Valid against its schema but without a usable observation (no time, say).
    case noObservation = "no_observation"

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The quarantine zone: `quarantine/source=<s>/date=<d>/hour=<h>/<file>` holds a copy of the
/// snapshot exactly as stored in bronze, and `<file>.reason.json` beside it says why.
struct Quarantine {
    let lake: Lake

    struct Sidecar: Encodable {
        let bronze: String
        let sha256: String
        let reason: String
        let detail: String
        let schema: String?
        let instanceLocation: String?
        let keywordLocation: String?

        enum CodingKeys: String, CodingKey {
            case bronze, sha256, reason, detail, schema
            case instanceLocation = "instance_location", keywordLocation = "keyword_location"
        }
    }

    /// Copies `stored` (the bronze file's bytes) into quarantine with its reason.
    /// Writes the snapshot and its sidecar; returns both files as lineage knows them.
    @discardableResult
    func put(_ stored: [UInt8], source: Source, hour: Hour, name: String, sidecar: Sidecar) throws -> [LineageFile] {
        let folder = lake.quarantine.appendingPathComponent("source=\(source.rawValue)/\(hour.partitionPath)")
        let flat = name.replacingOccurrences(of: "/", with: "__")
        let snapshot = folder.appendingPathComponent(flat), reason = folder.appendingPathComponent(flat + ".reason.json")
        try AtomicFile.write(stored, to: snapshot)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let sidecarBytes = Array(try encoder.encode(sidecar)) + [0x0A]
        try AtomicFile.write(sidecarBytes, to: reason)
        return [LineageFile(lake: lake, url: snapshot, contents: stored), LineageFile(lake: lake, url: reason, contents: sidecarBytes)]
    }
}
