import CZlib

/// gzip compression in pieces: bytes go in as they come, compressed bytes come out through a
/// closure, so an archive of any size is packed in bounded memory. Deterministic like ``Gzip``:
/// header mtime 0, no file name.
///
/// ```swift
/// let deflater = try GzipDeflater()
/// try deflater.write(tarHeader) { out.append(contentsOf: $0) }
/// try deflater.finish { out.append(contentsOf: $0) }
/// ```
final class GzipDeflater {
    private let stream: UnsafeMutablePointer<z_stream>
    private var buffer = [UInt8](repeating: 0, count: 256 * 1024)

    /// A deflater at `level` (default 6, zlib's default balance of size and speed).
    init(level: Int32 = 6) throws {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        guard goodair_deflate_init_gzip(stream, level) == Z_OK else {
            stream.deallocate()
            throw GzipError.zlib("deflateInit2 failed")
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Compresses `bytes`, passing whatever output is ready to `sink`.
    func write(_ bytes: [UInt8], sink: ([UInt8]) throws -> Void) throws {
        try bytes.withUnsafeBufferPointer { try run($0, flush: Z_NO_FLUSH, sink: sink) }
    }

    /// Ends the stream (gzip trailer included), passing the last output to `sink`.
    func finish(sink: ([UInt8]) throws -> Void) throws {
        try run(UnsafeBufferPointer(start: nil, count: 0), flush: Z_FINISH, sink: sink)
    }

    private func run(_ input: UnsafeBufferPointer<UInt8>, flush: Int32, sink: ([UInt8]) throws -> Void) throws {
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
        stream.pointee.avail_in = uInt(input.count)
        while true {
            let (status, produced) = zlibStep(stream, into: &buffer) { deflate($0, flush) }
            guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                throw GzipError.zlib("deflate failed (\(status))")
            }
            if produced > 0 { try sink(Array(buffer[0..<produced])) }
            if flush == Z_FINISH ? status == Z_STREAM_END : (stream.pointee.avail_in == 0 && produced < buffer.count) { return }
        }
    }
}

/// gzip decompression in pieces, the reverse of ``GzipDeflater``: compressed bytes go in as
/// they are read, the decompressed ones come out through a closure.
final class GzipInflater {
    private let stream: UnsafeMutablePointer<z_stream>
    private var buffer = [UInt8](repeating: 0, count: 256 * 1024)
    /// Whether the gzip trailer was reached.
    private(set) var ended = false

    init() throws {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        guard goodair_inflate_init_gzip(stream) == Z_OK else {
            stream.deallocate()
            throw GzipError.zlib("inflateInit2 failed")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Decompresses `bytes`, passing the output to `sink`; throws on corrupt data or on bytes
    /// after the end of the stream.
    func write(_ bytes: UnsafeRawBufferPointer, sink: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard !bytes.isEmpty else { return }
        guard !ended else { throw GzipError.corrupt("bytes after the end of the gzip stream") }
        stream.pointee.next_in = UnsafeMutablePointer(mutating: bytes.baseAddress!.assumingMemoryBound(to: UInt8.self))
        stream.pointee.avail_in = uInt(bytes.count)
        while true {
            let (status, produced) = zlibStep(stream, into: &buffer) { inflate($0, Z_NO_FLUSH) }
            guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                throw GzipError.corrupt("inflate failed (\(status))")
            }
            if produced > 0 { try buffer.withUnsafeBytes { try sink(UnsafeRawBufferPointer(rebasing: $0[0..<produced])) } }
            if status == Z_STREAM_END {
                ended = true
                if stream.pointee.avail_in > 0 { throw GzipError.corrupt("bytes after the end of the gzip stream") }
                return
            }
            if stream.pointee.avail_in == 0 && produced < buffer.count { return }
        }
    }
}

/// One zlib call (`deflate` or `inflate`) writing into the whole of `buffer`: its status and the
/// bytes it produced.
private func zlibStep(_ stream: UnsafeMutablePointer<z_stream>, into buffer: inout [UInt8],
                      _ call: (UnsafeMutablePointer<z_stream>) -> Int32) -> (status: Int32, produced: Int) {
    buffer.withUnsafeMutableBufferPointer { out in
        stream.pointee.next_out = out.baseAddress
        stream.pointee.avail_out = uInt(out.count)
        let status = call(stream)
        return (status, out.count - Int(stream.pointee.avail_out))
    }
}
