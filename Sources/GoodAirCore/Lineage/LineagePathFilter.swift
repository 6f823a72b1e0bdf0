import Foundation

/// A set of lake paths, and a quick test of whether a lineage event's line may name one of them,
/// so that ``LineageHistory/load(lake:from:to:detail:only:)`` decodes only the events that
/// matter to a trace (a year of rebuilds writes gigabytes of events, nearly all about other files).
///
/// The test reads the line's JSON strings as they are written, without decoding the event: a
/// string of the length of one of the paths is hashed (``Checksum64``) and, when the hash is one
/// of theirs, compared. A string holding escapes is unescaped first (one with a `\u` escape
/// counts as a possible match). Paths are compared byte for byte (lake paths are ASCII), not as
/// Swift strings, which would equate Unicode normal forms.
///
/// ```swift
/// let filter = LineagePathFilter(["silver/weather/date=2026-07-14/part-00000.csv"])
/// filter.mayMention(line)   // false for an event about other files
/// ```
struct LineagePathFilter {
    /// Whether some path is this many bytes long, by length (an array: a set's hashing cost
    /// more than the rest of the scan).
    private let lengths: [Bool]
    private let hashes: Set<UInt64>
    private let utf8: Set<[UInt8]>

    init(_ paths: Set<String>) {
        var lengths = [Bool](repeating: false, count: (paths.map(\.utf8.count).max() ?? 0) + 1)
        for path in paths { lengths[path.utf8.count] = true }
        self.lengths = lengths
        utf8 = Set(paths.map { Array($0.utf8) })
        hashes = Set(utf8.map { bytes in bytes.withUnsafeBytes { Self.hash($0) } })
    }

    /// Whether `line` (one event, as written) may name one of the paths. A line that is not JSON
    /// may get either answer.
    func mayMention(_ line: Data) -> Bool {
        line.withUnsafeBytes { bytes in
            let count = bytes.count
            var index = 0
            while index < count {
                guard bytes[index] == 0x22 else { index += 1; continue }   // a string opens
                let start = index + 1
                var end = start, escaped = false
                while end < count, bytes[end] != 0x22 {
                    if bytes[end] == 0x5C { escaped = true; end += 1 }   // skip the escaped byte
                    end += 1
                }
                guard end <= count else { return false }
                let token = UnsafeRawBufferPointer(rebasing: bytes[start..<end])
                if escaped {
                    let contents = token.assumingMemoryBound(to: UInt8.self)
                    if Self.hasUnicodeEscape(contents) { return true }   // a possible match
                    if JSONTape.decode(contents, from: 0, to: contents.count).withUnsafeBytes({ matches($0) }) { return true }
                } else if matches(token) {
                    return true
                }
                index = end + 1
            }
            return false
        }
    }

    /// Whether `bytes` are the UTF-8 of one of the paths.
    func matches(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.count < lengths.count && lengths[bytes.count] && hashes.contains(Self.hash(bytes)) && utf8.contains(Array(bytes))
    }

    /// Whether `path` is one of the paths, byte for byte.
    func contains(_ path: String) -> Bool {
        var path = path
        return path.withUTF8 { matches(UnsafeRawBufferPointer($0)) }
    }

    /// Whether string contents hold a `\u` escape (which no lake path needs): ``JSONTape``'s
    /// unescaping reads four hex digits after it, which a line not checked as JSON may not have.
    private static func hasUnicodeEscape(_ token: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < token.count {
            if token[index] == 0x5C {
                if index + 1 < token.count, token[index + 1] == UInt8(ascii: "u") { return true }
                index += 2
            } else {
                index += 1
            }
        }
        return false
    }

    private static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var checksum = Checksum64()
        checksum.add(bytes)
        return checksum.value
    }
}
