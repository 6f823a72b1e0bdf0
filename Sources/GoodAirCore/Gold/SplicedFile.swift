#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file made of pieces: runs of lines kept from an old file's bytes, and new lines, in order,
/// each line ended by CRLF. What ``GoldLines/splice(_:header:keyFields:path:replacing:with:)``
/// returns, so that a month file of which an hourly run changes a few hundred rows is compared,
/// hashed and written from the old bytes it keeps, never copied into a new buffer of its size.
///
/// ```swift
/// var file = SplicedFile(old: old.storage)
/// file.appendNew(header)
/// file.appendOld(old.rows[0])
/// file.appendNew(line)
/// try file.withBuffers { try AtomicFile.write(buffers: $0, to: url) }
/// file.sha256Hex   // the same as Checksum.sha256Hex(file.bytes)
/// ```
struct SplicedFile: Sendable {
    /// The old file's bytes, whose lines the pieces keep.
    let old: FileBytes
    /// The new lines, each with its CRLF, one after the other.
    private(set) var added: [UInt8] = []
    /// Byte ranges of `old` (`fromOld`) or of `added`, in file order.
    private(set) var pieces: [(fromOld: Bool, range: Range<Int>)] = []
    /// The file's size.
    private(set) var count = 0
    /// The lines appended (header included).
    private(set) var lines = 0

    init(old: FileBytes) {
        self.old = old
    }

    /// A file that is `bytes`, whole: one piece, of as many lines as it has LFs.
    init(whole bytes: [UInt8]) {
        old = FileBytes(copying: bytes)
        if !bytes.isEmpty { append(fromOld: true, 0..<bytes.count) }
        lines = bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    /// Appends the line of the old file at `range` (without line end), and CRLF: the old bytes
    /// themselves when the line is ended so there, which joins it to the piece before when the
    /// old lines are consecutive.
    mutating func appendOld(_ range: Range<Int>) {
        let end = range.upperBound
        let crlf = old.withBuffer { end + 1 < $0.count && $0[end] == 0x0D && $0[end + 1] == 0x0A }
        if crlf {
            append(fromOld: true, range.lowerBound..<end + 2)
        } else {
            append(fromOld: true, range)
            appendNewBytes([0x0D, 0x0A])
        }
        lines += 1
    }

    /// Appends a new line (without line end), and CRLF.
    mutating func appendNew(_ line: some Collection<UInt8>) {
        appendNewBytes(line)
        appendNewBytes([0x0D, 0x0A])
        lines += 1
    }

    private mutating func appendNewBytes(_ bytes: some Collection<UInt8>) {
        let start = added.count
        added.append(contentsOf: bytes)
        append(fromOld: false, start..<added.count)
    }

    private mutating func append(fromOld: Bool, _ range: Range<Int>) {
        count += range.count
        if let last = pieces.last, last.fromOld == fromOld, last.range.upperBound == range.lowerBound {
            pieces[pieces.count - 1].range = last.range.lowerBound..<range.upperBound
        } else {
            pieces.append((fromOld, range))
        }
    }

    /// Calls `body` with the pieces as buffers, valid only during the call.
    func withBuffers<R>(_ body: ([UnsafeRawBufferPointer]) throws -> R) rethrows -> R {
        try old.withBuffer { old in
            let old = UnsafeRawBufferPointer(old)
            return try added.withUnsafeBytes { added in
                try body(pieces.map { UnsafeRawBufferPointer(rebasing: ($0.fromOld ? old : added)[$0.range]) })
            }
        }
    }

    /// The file's bytes in one array.
    var bytes: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count)
        withBuffers { for buffer in $0 { bytes.append(contentsOf: buffer) } }
        return bytes
    }

    /// Whether the file is `other`'s, byte for byte.
    func same(as other: GoldLines) -> Bool {
        guard other.storage.count == count else { return false }
        return other.withBytes { other in
            withBuffers { buffers in
                var offset = 0
                for buffer in buffers {
                    guard buffer.isEmpty || memcmp(buffer.baseAddress!, other.baseAddress! + offset, buffer.count) == 0 else { return false }
                    offset += buffer.count
                }
                return true
            }
        }
    }

    /// The SHA-256 of the file, as ``Checksum/sha256Hex(_:)`` gives it.
    var sha256Hex: String { withBuffers { Checksum.sha256Hex(buffers: $0) } }
}
