import CZlib

/// gzip (RFC 1952) through zlib. Compression is deterministic: the header's mtime is 0 and no file
/// name is stored, so the same bytes always give the same `.json.gz`.
///
/// ```swift
/// let packed = try Gzip.compress(Array("{}".utf8))
/// try Gzip.decompress(packed) == Array("{}".utf8)   // true
/// ```
public enum Gzip {
    /// Compresses `input` at `level` (default 6, zlib's default: the usual size/speed balance).
    public static func compress(_ input: [UInt8], level: Int32 = 6) throws -> [UInt8] {
        var stream = z_stream()
        guard goodair_deflate_init_gzip(&stream, level) == Z_OK else { throw GzipError.zlib("deflateInit2 failed") }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))) + 32)
        let status: Int32 = input.withUnsafeBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                stream.next_in = UnsafeMutablePointer(mutating: inBuf.baseAddress)
                stream.avail_in = uInt(inBuf.count)
                stream.next_out = outBuf.baseAddress
                stream.avail_out = uInt(outBuf.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { throw GzipError.zlib("deflate did not finish (\(status))") }
        output.removeSubrange(Int(stream.total_out)...)
        return output
    }

    /// Decompresses a whole gzip member; throws on corrupt or truncated input.
    public static func decompress(_ input: [UInt8]) throws -> [UInt8] {
        var stream = z_stream()
        guard goodair_inflate_init_gzip(&stream) == Z_OK else { throw GzipError.zlib("inflateInit2 failed") }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        output.reserveCapacity(max(input.count * 4, 1024))
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var status: Int32 = Z_OK
        try input.withUnsafeBufferPointer { inBuf in
            stream.next_in = UnsafeMutablePointer(mutating: inBuf.baseAddress)
            stream.avail_in = uInt(inBuf.count)
            repeat {
                let produced: Int = chunk.withUnsafeMutableBufferPointer { outBuf in
                    stream.next_out = outBuf.baseAddress
                    stream.avail_out = uInt(outBuf.count)
                    status = inflate(&stream, Z_NO_FLUSH)
                    return outBuf.count - Int(stream.avail_out)
                }
                guard status == Z_OK || status == Z_STREAM_END else {
                    throw GzipError.corrupt("inflate failed (\(status))")
                }
                output.append(contentsOf: chunk[0..<produced])
                if status == Z_OK && produced == 0 && stream.avail_in == 0 {
                    throw GzipError.corrupt("truncated gzip stream")
                }
            } while status != Z_STREAM_END
        }
        return output
    }
}

/// A zlib failure or a corrupt gzip stream.
public enum GzipError: Error, CustomStringConvertible {
    case zlib(String)
    case corrupt(String)
    public var description: String {
        switch self {
        case .zlib(let m): return "zlib: \(m)"
        case .corrupt(let m): return "corrupt gzip data: \(m)"
        }
    }
}
