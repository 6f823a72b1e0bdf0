import Foundation

/// What reading an archive back against its manifest found.
public struct ArchiveCheck: Sendable, Codable, Equatable {
    /// The manifest's path.
    public var manifest: String
    /// The archive's path.
    public var archive: String
    /// The packed partition, as the manifest names it.
    public var partition: String
    /// Members read and matched.
    public var members: Int
    /// The archive's size on disk.
    public var bytes: Int64
    /// The first mismatch, in plain words; nil when every member and the archive match.
    public var problem: String?

    /// Whether the archive is exactly what its manifest says.
    public var isValid: Bool { problem == nil }
}

/// Re-reads an archive and checks it against its manifest: every member's path, size and
/// sha256 in order, nothing missing or extra, and the archive's own size and sha256.
///
/// ```swift
/// let check = try ArchiveVerifier.verify(manifestURL: lake.root.appendingPathComponent(layout.manifest))
/// if !check.isValid { print(check.problem!) }   // "…/hour=10/paris.json.gz: sha256 differs from the manifest's"
/// ```
public enum ArchiveVerifier {
    /// Checks the archive beside the manifest at `manifestURL` (`….manifest.json` → `….tar.gz`).
    /// Throws only when the manifest itself cannot be read; every problem of the archive is
    /// reported in the check.
    public static func verify(manifestURL: URL) throws -> ArchiveCheck {
        let manifest = try ArchiveManifest.load(from: manifestURL)
        let name = manifestURL.lastPathComponent
        let stem = name.hasSuffix(".manifest.json") ? String(name.dropLast(".manifest.json".count)) : name
        let archiveURL = manifestURL.deletingLastPathComponent().appendingPathComponent(stem + ".tar.gz")
        var check = ArchiveCheck(manifest: manifestURL.path, archive: archiveURL.path, partition: manifest.partition,
                                 members: 0, bytes: 0, problem: nil)
        guard manifest.archive == ArchiveLayout(origin: manifest.partition).archive, manifest.archive.hasSuffix("/" + stem + ".tar.gz") else {
            check.problem = "the manifest names \(manifest.archive), not the archive beside it"
            return check
        }
        guard FileManager.default.fileExists(atPath: archiveURL.path) else {
            check.problem = "the archive is missing"
            return check
        }
        struct Mismatch: Error { let problem: String }
        do {
            let summary = try ArchiveReader.read(archiveURL) { member in
                let index = check.members
                guard index < manifest.members.count else {
                    throw Mismatch(problem: "holds \(member.path), which the manifest does not list")
                }
                let expected = manifest.members[index]
                guard member.path == expected.path else {
                    throw Mismatch(problem: "member \(index + 1) is \(member.path), the manifest says \(expected.path)")
                }
                guard Int64(member.bytes.count) == expected.bytes else {
                    throw Mismatch(problem: "\(member.path) is \(member.bytes.count) bytes, the manifest says \(expected.bytes)")
                }
                guard Checksum.sha256(of: member.bytes, matches: expected.sha256) else {
                    throw Mismatch(problem: "\(member.path): sha256 differs from the manifest's")
                }
                check.members += 1
            }
            check.bytes = summary.bytes
            if check.members < manifest.members.count {
                check.problem = "lacks \(manifest.members[check.members].path), which the manifest lists"
            } else if summary.bytes != manifest.archiveBytes {
                check.problem = "the archive is \(summary.bytes) bytes, the manifest says \(manifest.archiveBytes)"
            } else if summary.sha256 != manifest.archiveSHA256 {
                check.problem = "the archive's sha256 differs from the manifest's"
            }
        } catch let mismatch as Mismatch {
            check.problem = mismatch.problem
        } catch let LifecycleError.corruptArchive(_, reason) {
            check.problem = reason
        }
        return check
    }
}
