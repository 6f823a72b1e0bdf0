import Foundation

/// A file's bytes, read-only: mapped from the page cache (`mmap`) when read from disk, or a copy
/// of bytes in memory. Reading a month file of several megabytes into a new array costs about a
/// millisecond per megabyte on these machines, most of it the first touch of fresh memory; a
/// mapping gives the page cache's own pages. The bytes live as long as the object.
///
/// ```swift
/// if let file = try FileBytes.map(url) {
///     file.withBuffer { $0.count }   // the file's size
/// }
/// ```
final class FileBytes: @unchecked Sendable {
    /// The bytes; valid while the object lives (use ``withBuffer(_:)``).
    private let buffer: UnsafeBufferPointer<UInt8>
    /// Whether `buffer` is a mapping (unmapped at the end) or memory of ours (deallocated).
    private let mapped: Bool

    /// A copy of `bytes`.
    init(copying bytes: some Collection<UInt8>) {
        let memory = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        _ = memory.initialize(from: bytes)
        buffer = UnsafeBufferPointer(memory)
        mapped = false
    }

    private init(mapping: UnsafeBufferPointer<UInt8>) {
        buffer = mapping
        mapped = true
    }

    deinit {
        if mapped {
            munmap(UnsafeMutableRawPointer(mutating: buffer.baseAddress), buffer.count)
        } else {
            buffer.deallocate()
        }
    }

    /// The file at `url`, mapped read-only; nil when there is no such file. The lake's files are
    /// replaced whole by a rename (LAKE.md §3), never written in place, so the mapping keeps the
    /// bytes it was made with.
    static func map(_ url: URL) throws -> FileBytes? {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { return nil }
            throw LakeError.io(operation: "open", path: url.path, errno: errno)
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw LakeError.io(operation: "stat", path: url.path, errno: errno) }
        let size = Int(info.st_size)
        guard size > 0 else { return FileBytes(copying: []) }
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), address != MAP_FAILED else {
            throw LakeError.io(operation: "mmap", path: url.path, errno: errno)
        }
        return FileBytes(mapping: UnsafeBufferPointer(start: address.assumingMemoryBound(to: UInt8.self), count: size))
    }

    /// The number of bytes.
    var count: Int { buffer.count }

    /// Calls `body` with the bytes, which stay valid during the call.
    func withBuffer<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try withExtendedLifetime(self) { try body(buffer) }
    }
}
