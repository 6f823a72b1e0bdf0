import Crypto
import Foundation

/// Reads an archive written by ``ArchiveWriter`` (or any ustar `.tar.gz` of regular files) in
/// one streaming pass: each member's bytes are handed over as soon as they are whole, and the
/// sha256 of the compressed file is computed on the way.
///
/// ```swift
/// let summary = try ArchiveReader.read(url) { member in print(member.path, member.bytes.count) }
/// summary.sha256   // of the .tar.gz file
/// ```
public enum ArchiveReader {
    /// One member: its path as stored (relative to the lake root) and its bytes.
    public struct Member: Sendable {
        public let path: String
        public let bytes: [UInt8]
    }

    /// The archive file as read: its size and sha256, and how many members it held.
    public struct Summary: Sendable {
        public let bytes: Int64
        public let sha256: String
        public let members: Int
    }

    /// Reads the archive at `url`, calling `each` for every member in order. Throws
    /// ``LifecycleError/corruptArchive(path:reason:)`` when it is not a whole tar.gz.
    public static func read(_ url: URL, each: (Member) throws -> Void) throws -> Summary {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw LifecycleError.corruptArchive(path: url.path, reason: "cannot be opened") }
        defer { close(fd) }
        let inflater = try GzipInflater()
        let parser = TarParser()
        var hasher = SHA256()
        var total: Int64 = 0
        var chunk = [UInt8](repeating: 0, count: 256 * 1024)
        do {
            while true {
                let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
                if n < 0 {
                    if errno == EINTR { continue }
                    throw LifecycleError.corruptArchive(path: url.path, reason: "cannot be read")
                }
                if n == 0 { break }
                total += Int64(n)
                try chunk.withUnsafeBytes { raw in
                    let piece = UnsafeRawBufferPointer(rebasing: raw[0..<n])
                    hasher.update(bufferPointer: piece)
                    try inflater.write(piece) { try parser.feed($0, each: each) }
                }
            }
            guard inflater.ended else { throw GzipError.corrupt("truncated gzip stream") }
            try parser.finish()
        } catch let error as GzipError {
            throw LifecycleError.corruptArchive(path: url.path, reason: "\(error)")
        } catch let error as LifecycleError {
            guard case let .corruptArchive(_, reason) = error else { throw error }
            throw LifecycleError.corruptArchive(path: url.path, reason: reason)
        }
        return Summary(bytes: total, sha256: hasher.finalize().hex, members: parser.count)
    }
}

/// The tar stream cut into members, fed in pieces of any size.
private final class TarParser {
    private var pending: [UInt8] = []
    private var position = 0
    private var current: (path: String, size: Int, regular: Bool)?
    private var ended = false
    private(set) var count = 0

    func feed(_ bytes: UnsafeRawBufferPointer, each: (ArchiveReader.Member) throws -> Void) throws {
        if position > 1 << 20 {
            pending.removeFirst(position)
            position = 0
        }
        pending.append(contentsOf: bytes)
        while true {
            if ended {
                guard pending[position...].allSatisfy({ $0 == 0 }) else {
                    throw LifecycleError.corruptArchive(path: "", reason: "data after the end-of-archive blocks")
                }
                position = pending.count
                return
            }
            if let member = current {
                let stored = member.size + TarFormat.padding(after: member.size)
                guard pending.count - position >= stored else { return }
                if member.regular {
                    try each(ArchiveReader.Member(path: member.path, bytes: Array(pending[position..<(position + member.size)])))
                    count += 1
                }
                position += stored
                current = nil
            } else {
                guard pending.count - position >= TarFormat.block else { return }
                let entry = try pending.withUnsafeBytes { raw in
                    try TarFormat.parse(UnsafeRawBufferPointer(rebasing: raw[position..<(position + TarFormat.block)]))
                }
                position += TarFormat.block
                guard let entry else {
                    ended = true
                    continue
                }
                let regular = entry.type == UInt8(ascii: "0") || entry.type == 0
                guard regular || entry.type == UInt8(ascii: "5") else {
                    throw LifecycleError.corruptArchive(path: "", reason: "\(entry.path) is not a regular file or folder")
                }
                current = (entry.path, entry.size, regular)
            }
        }
    }

    func finish() throws {
        guard ended, current == nil else {
            throw LifecycleError.corruptArchive(path: "", reason: "the tar stream ends before its end-of-archive blocks")
        }
    }
}
