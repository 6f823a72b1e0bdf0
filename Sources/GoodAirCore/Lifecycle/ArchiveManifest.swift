import Foundation

/// The `.manifest.json` beside each archive: what the `.tar.gz` holds, member by member, with
/// sizes and sha256, and when it was verified. Written after the archive; an archive without a
/// manifest, or with `verified_at` null, is not yet trusted (its originals are not removed).
///
/// ```json
/// {"version": 1, "partition": "bronze/source=aqicn/date=2026-07-14",
///  "archive": "archive/bronze/source=aqicn/date=2026-07-14.tar.gz", "archive_bytes": 812345,
///  "archive_sha256": "…", "created_at": "2026-08-14T03:00:00Z", "verified_at": "2026-08-14T03:00:01Z",
///  "members": [{"path": "bronze/source=aqicn/date=2026-07-14/hour=00/_manifest.json", "bytes": 9120, "sha256": "…"}]}
/// ```
///
/// ```swift
/// let manifest = try ArchiveManifest.load(from: lake.root.appendingPathComponent(layout.manifest))
/// manifest.member("bronze/source=aqicn/date=2026-07-14/hour=10/paris.json.gz")?.sha256
/// ```
public struct ArchiveManifest: Codable, Sendable, Equatable {
    /// One file of the archive: its path relative to the lake root, size and sha256 of its bytes.
    public struct Member: Codable, Sendable, Equatable, Hashable {
        public var path: String
        public var bytes: Int64
        public var sha256: String

        public init(path: String, bytes: Int64, sha256: String) {
            self.path = path
            self.bytes = bytes
            self.sha256 = sha256
        }
    }

    /// The format version, 1.
    public var version: Int = 1
    /// The packed partition: `bronze/source=aqicn/date=2026-07-14`.
    public var partition: String
    /// The archive: `archive/bronze/source=aqicn/date=2026-07-14.tar.gz`.
    public var archive: String
    public var archiveBytes: Int64
    public var archiveSHA256: String
    /// When the archive was written (ISO 8601 UTC).
    public var createdAt: String
    /// When it was last read back and found to match, or nil when never.
    public var verifiedAt: String?
    /// The members, sorted by path, as in the archive.
    public var members: [Member]

    public init(partition: String, archiveBytes: Int64, archiveSHA256: String, createdAt: String,
                verifiedAt: String? = nil, members: [Member]) {
        self.partition = partition
        self.archive = ArchiveLayout(origin: partition).archive
        self.archiveBytes = archiveBytes
        self.archiveSHA256 = archiveSHA256
        self.createdAt = createdAt
        self.verifiedAt = verifiedAt
        self.members = members
    }

    enum CodingKeys: String, CodingKey {
        case version, partition, archive, members
        case archiveBytes = "archive_bytes", archiveSHA256 = "archive_sha256"
        case createdAt = "created_at", verifiedAt = "verified_at"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(version, forKey: .version)
        try container.encode(partition, forKey: .partition)
        try container.encode(archive, forKey: .archive)
        try container.encode(archiveBytes, forKey: .archiveBytes)
        try container.encode(archiveSHA256, forKey: .archiveSHA256)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(verifiedAt, forKey: .verifiedAt)   // null until verified, never left out
        try container.encode(members, forKey: .members)
    }

    /// The member at `path`, or nil.
    public func member(_ path: String) -> Member? {
        members.first { $0.path == path }
    }

    /// The sum of the members' sizes: the bytes the archive replaces.
    public var memberBytes: Int64 { members.reduce(0) { $0 + $1.bytes } }

    /// Reads a manifest; throws ``LifecycleError/badManifest(path:reason:)`` when it is missing or
    /// not a manifest.
    public static func load(from url: URL) throws -> ArchiveManifest {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw LifecycleError.badManifest(path: url.path, reason: "cannot be read")
        }
        do {
            let manifest = try JSONDecoder().decode(ArchiveManifest.self, from: data)
            guard manifest.version == 1 else {
                throw LifecycleError.badManifest(path: url.path, reason: "version \(manifest.version) is not 1")
            }
            return manifest
        } catch let error as LifecycleError {
            throw error
        } catch {
            throw LifecycleError.badManifest(path: url.path, reason: "not an archive manifest")
        }
    }

    /// Writes the manifest atomically (pretty, keys sorted, so the same content gives the same bytes).
    public func write(to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try AtomicFile.write(Array(try encoder.encode(self)) + [0x0A], to: url)
    }
}
