import Foundation

/// A set of lake paths, and a quick test of whether a lineage event's line may name one of them,
/// so that ``LineageHistory/load(lake:from:to:detail:only:)`` decodes only the events that
/// matter to a trace (a year of rebuilds writes gigabytes of events, nearly all about other files).
///
/// The test reads the line's JSON strings as they are written, without decoding the event: a
/// string of the length of one of the paths is hashed (``Checksum64``) and, when the hash is one
/// of theirs, compared as text. A string holding an escape is taken as a possible match, so the
/// test never misses an event that names a path; it may only let through one that does not.
///
/// ```swift
/// let filter = LineagePathFilter(["silver/weather/date=2026-07-14/part-00000.csv"])
/// filter.mayMention(line)   // false for an event about other files
/// ```
struct LineagePathFilter {
    let paths: Set<String>
    /// Whether some path is this many bytes long, by length (an array: a set's hashing cost
    /// more than the rest of the scan).
    private let lengths: [Bool]
    private let hashes: Set<UInt64>

    init(_ paths: Set<String>) {
        self.paths = paths
        var lengths = [Bool](repeating: false, count: (paths.map(\.utf8.count).max() ?? 0) + 1)
        for path in paths { lengths[path.utf8.count] = true }
        self.lengths = lengths
        hashes = Set(paths.map { path in
            var copy = path
            return copy.withUTF8 { Self.hash(UnsafeRawBufferPointer($0)) }
        })
    }

    /// Whether `line` (one event, as written) may name one of the paths.
    func mayMention(_ line: Data) -> Bool {
        line.withUnsafeBytes { bytes in
            let count = bytes.count
            var index = 0
            while index < count {
                guard bytes[index] == 0x22 else { index += 1; continue }   // a string opens
                let start = index + 1
                var end = start
                while end < count, bytes[end] != 0x22 {
                    if bytes[end] == 0x5C { return true }   // an escape: compare no further, decode
                    end += 1
                }
                let length = end - start
                if length < lengths.count, lengths[length] {
                    let token = UnsafeRawBufferPointer(rebasing: bytes[start..<end])
                    if hashes.contains(Self.hash(token)),
                       paths.contains(String(decoding: token, as: UTF8.self)) { return true }
                }
                index = end + 1
            }
            return false
        }
    }

    private static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var checksum = Checksum64()
        checksum.add(bytes)
        return checksum.value
    }

    /// Whether `path` is one of the paths.
    func contains(_ path: String) -> Bool { paths.contains(path) }
}
