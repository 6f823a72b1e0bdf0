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
    /// The mapping that holds `buffer`; nil when `buffer` is memory of ours (deallocated).
    private let mapping: MappedFile?

    /// A copy of `bytes`.
    init(copying bytes: some Collection<UInt8>) {
        let memory = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        _ = memory.initialize(from: bytes)
        buffer = UnsafeBufferPointer(memory)
        mapping = nil
    }

    private init(mapping: MappedFile) {
        buffer = UnsafeBufferPointer(start: mapping.base.assumingMemoryBound(to: UInt8.self), count: mapping.count)
        self.mapping = mapping
    }

    deinit {
        if mapping == nil { buffer.deallocate() }
    }

    /// The file at `url`, mapped read-only; nil when there is no such file. The lake's files are
    /// replaced whole by a rename (LAKE.md §3), never written in place, so the mapping keeps the
    /// bytes it was made with.
    static func map(_ url: URL) throws -> FileBytes? {
        guard let mapping = try MappedFile(url, populate: false) else { return nil }
        return mapping.count == 0 ? FileBytes(copying: []) : FileBytes(mapping: mapping)
    }

    /// The number of bytes.
    var count: Int { buffer.count }

    /// Calls `body` with the bytes, which stay valid during the call.
    func withBuffer<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try withExtendedLifetime(self) { try body(buffer) }
    }
}
