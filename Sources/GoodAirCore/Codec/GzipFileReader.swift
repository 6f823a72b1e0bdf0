#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CZlib

/// Reads many small gzip files fast: each file is read with `openat` into one reused buffer and
/// gunzipped with one reused zlib stream (`inflateReset`, no allocation per file) — the curation
/// hot path, which reads a hundred thousand snapshots per rebuild. Not thread-safe: one per job.
///
/// ```swift
/// let reader = try GzipFileReader()
/// let folder = open("bronze/source=aqicn/date=2026-11-29/hour=14", O_RDONLY | O_DIRECTORY)
/// if let stored = reader.read("paris.json.gz", in: folder) {   // valid until the next read
///     let json = try reader.gunzip(stored)
/// }
/// ```
public final class GzipFileReader {
    private let stream: UnsafeMutablePointer<z_stream>
    private var input: UnsafeMutableRawBufferPointer
    private var output: UnsafeMutableRawBufferPointer

    public init() throws {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        input = .allocate(byteCount: 256 * 1024, alignment: 16)
        output = .allocate(byteCount: 1024 * 1024, alignment: 16)
        guard goodair_inflate_init_gzip(stream) == Z_OK else {
            input.deallocate(); output.deallocate(); stream.deallocate()
            throw GzipError.zlib("inflateInit2 failed")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
        input.deallocate()
        output.deallocate()
    }

    /// The whole content of file `name` in the folder open as `directory`, in the reused buffer
    /// (valid until the next call); nil when it cannot be opened or read.
    ///
    /// A read that returns less than the room left is taken as the end of the file, sparing the
    /// second `read(2)` that would return 0 — one system call per snapshot. Linux returns short
    /// reads of a regular file only at its end; a file that changes while it is read is caught
    /// by the manifest's sha256 anyway.
    public func read(_ name: String, in directory: Int32) -> UnsafeRawBufferPointer? {
        // `withCString` lends a native string's own bytes; passing `name` itself would copy them
        // into a fresh array on every call.
        let fd = name.withCString { openat(directory, $0, O_RDONLY | O_CLOEXEC) }
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var count = 0
        while true {
            if count == input.count { grow(&input, keeping: count) }
            let room = input.count - count
            let n = systemRead(fd, input.baseAddress! + count, room)
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            count += n
            if n < room { return UnsafeRawBufferPointer(rebasing: input[0..<count]) }
        }
    }

    /// Gunzips a whole gzip member (`bytes` may be the buffer ``read(_:in:)`` returned); throws on
    /// corrupt or truncated input. Bytes after the member are ignored.
    /// - parameter checkCRC: whether the member's trailer (CRC-32 and length) is checked (default true).
    ///   Pass false only when the caller checks a stronger checksum of the output right after, as
    ///   curation does with the manifest's sha256: the CRC would then cost time and catch nothing more.
    public func gunzip(_ bytes: UnsafeRawBufferPointer, checkCRC: Bool = true) throws(GzipError) -> [UInt8] {
        Array(try inflated(bytes, checkCRC: checkCRC))
    }

    /// ``gunzip(_:checkCRC:)`` into the reader's reused output buffer, without copying: the bytes
    /// stay valid until the next call of `inflated` or `gunzip`.
    public func inflated(_ bytes: UnsafeRawBufferPointer, checkCRC: Bool = true) throws(GzipError) -> UnsafeRawBufferPointer {
        guard inflateReset(stream) == Z_OK, inflateValidate(stream, checkCRC ? 1 : 0) == Z_OK else {
            throw GzipError.zlib("inflateReset failed")
        }
        stream.pointee.next_in = UnsafeMutablePointer(mutating: bytes.baseAddress?.assumingMemoryBound(to: UInt8.self))
        stream.pointee.avail_in = uInt(bytes.count)
        var produced = 0
        while true {
            if produced == output.count { grow(&output, keeping: produced) }
            stream.pointee.next_out = (output.baseAddress! + produced).assumingMemoryBound(to: UInt8.self)
            let room = min(output.count - produced, Int(UInt32.max))
            stream.pointee.avail_out = uInt(room)
            // Z_FINISH: the whole member is wanted at once, so zlib keeps no sliding window (it
            // would copy every output into it); with too little room it says Z_BUF_ERROR and
            // goes on once the buffer has grown.
            let status = inflate(stream, Z_FINISH)
            produced += room - Int(stream.pointee.avail_out)
            if status == Z_STREAM_END { break }
            guard status == Z_OK || status == Z_BUF_ERROR else { throw GzipError.corrupt("inflate failed (\(status))") }
            if stream.pointee.avail_in == 0 && stream.pointee.avail_out > 0 { throw GzipError.corrupt("truncated gzip stream") }
        }
        return UnsafeRawBufferPointer(rebasing: output[0..<produced])
    }

    private func grow(_ buffer: inout UnsafeMutableRawBufferPointer, keeping count: Int) {
        let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: buffer.count * 2, alignment: 16)
        larger.copyMemory(from: UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        buffer.deallocate()
        buffer = larger
    }
}

/// `read(2)`, out of reach of the method of the same name.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}
