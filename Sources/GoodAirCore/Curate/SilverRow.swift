import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A curated row: its primary key, the collection it came from (to keep the latest when the same
/// observation was fetched twice), and its CSV line in the table's column order.
public struct SilverRow: Sendable, Equatable {
    /// The primary key: its byte order is the order researchers expect.
    public var key: RowKey
    /// `collected_at`, seconds since 1970 (0 for a table without it).
    public var collectedAt: Int
    /// The CSV line, without line end.
    public var line: [UInt8]

    /// Whether `self` wins over `other` for the same key: the later collection, then (for two
    /// collections of the same hour) the greater line, so the choice never depends on the order
    /// in which snapshots were curated.
    public func supersedes(_ other: SilverRow) -> Bool {
        if collectedAt != other.collectedAt { return collectedAt > other.collectedAt }
        return RowKey.precedes(other.line, line)
    }
}

/// A primary key as bytes whose order is the key's order, so rows are sorted and deduplicated
/// with `memcmp`: an integer part is a tag and eight big-endian bytes with the sign bit flipped
/// (numeric order); a text part (strings, ISO 8601 timestamps, which are fixed width) is a tag,
/// its UTF-8 with 0x00 escaped as 0x00 0x01, and a 0x00 0x00 terminator (so "ab" < "abc").
public struct RowKey: Hashable, Comparable, Sendable {
    public private(set) var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(48) }

    @inline(__always)
    mutating func appendInt(_ value: Int) {
        bytes.append(1)
        let biased = UInt64(bitPattern: Int64(value)) ^ (1 << 63)
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: biased >> UInt64(shift))) }
    }

    @inline(__always)
    mutating func appendText<Bytes: Sequence<UInt8>>(_ utf8: Bytes) {
        bytes.append(2)
        for byte in utf8 {
            bytes.append(byte)
            if byte == 0 { bytes.append(1) }
        }
        bytes.append(0)
        bytes.append(0)
    }

    public func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }

    public static func < (a: RowKey, b: RowKey) -> Bool { precedes(a.bytes, b.bytes) }

    /// Byte order of two byte strings (keys or lines, arrays or slices of them): compared with
    /// `memcmp`, a prefix before the longer string.
    @inline(__always)
    static func precedes(_ a: some ContiguousBytes, _ b: some ContiguousBytes) -> Bool {
        a.withUnsafeBytes { x in
            b.withUnsafeBytes { y in
                let common = min(x.count, y.count)
                let order = common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common)
                return order != 0 ? order < 0 : x.count < y.count
            }
        }
    }
}
