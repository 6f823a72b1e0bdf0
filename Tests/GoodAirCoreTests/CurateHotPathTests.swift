import Foundation
@testable import GoodAirCore
import Testing

/// The shortcuts of curation's hot path give what the plain paths give: one `read(2)` per file,
/// gunzip into the reused buffer, sha256 over raw memory, timestamps written in one piece.
@Suite("Curate hot path")
struct CurateHotPathTests {
    @Test("the reader reads whole files of any size, including empty and larger than its buffer")
    func readWholeFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hot-path-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let reader = try GzipFileReader()
        let directory = open(folder.path, O_RDONLY | O_DIRECTORY)
        #expect(directory >= 0)
        defer { close(directory) }
        for size in [0, 1, 4096, 256 * 1024 - 1, 256 * 1024, 256 * 1024 + 1, 700_000] {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) }
            try Data(bytes).write(to: folder.appendingPathComponent("f\(size)"))
            let read = reader.read("f\(size)", in: directory).map { Array($0) }
            #expect(read == bytes, "\(size) bytes")
        }
        #expect(reader.read("missing", in: directory) == nil)
    }

    @Test("gunzip into the reused buffer gives the bytes gunzip gives, growing past 1 MiB, and refuses truncated input")
    func inflatedMatchesGunzip() throws {
        let reader = try GzipFileReader()
        let large = Array(String(repeating: #"{"pm25":{"v":12.5},"t":{"v":-3}},"#, count: 80_000).utf8)   // 2.6 MB
        for input in [Array("{}".utf8), large, Array(#"{"status":"ok"}"#.utf8)] {
            let packed = try Gzip.compress(input)
            let copied = try packed.withUnsafeBytes { try reader.gunzip($0, checkCRC: false) }
            let inPlace = try packed.withUnsafeBytes { Array(try reader.inflated($0, checkCRC: false)) }
            #expect(copied == input && inPlace == input, "\(input.count) bytes")
            let truncated = Array(packed.prefix(packed.count / 2))
            #expect(throws: GzipError.self) { try truncated.withUnsafeBytes { _ = try reader.inflated($0, checkCRC: false) } }
        }
    }

    @Test("sha256 over raw memory decides as over an array, in either case of hex")
    func checksumOverRawMemory() {
        let bytes = Array("GoodAir bronze snapshot".utf8)
        let hex = Checksum.sha256Hex(bytes)
        #expect(hex.count == 64 && hex == hex.lowercased())
        bytes.withUnsafeBytes { raw in
            #expect(Checksum.sha256(of: raw, matches: hex))
            #expect(Checksum.sha256(of: raw, matches: hex.uppercased()))
            #expect(!Checksum.sha256(of: raw, matches: String(hex.dropLast()) + (hex.last == "0" ? "1" : "0")))
            #expect(!Checksum.sha256(of: raw, matches: String(hex.dropLast())))
        }
        #expect(Checksum.sha256(of: bytes, matches: hex))
    }

    @Test("timestamps written in one piece equal the date then the time, around every edge")
    func timestamps() {
        let edges = [0, -1, 59, 86_399, 86_400, 951_782_400, 1_795_959_457, 253_402_300_799, 253_402_300_800,
                     -62_167_219_200, -62_167_219_201, -62_198_755_200]
        for seconds in edges {
            var line = CSVLine()
            line.appendTimestamp(seconds)
            var expected = CSVLine()
            let days = CivilTime.floorDiv(seconds, 86_400)
            let rest = seconds - days * 86_400
            expected.appendDate(days: days)
            expected.bytes += Array(String(format: "T%02d:%02d:%02dZ", rest / 3600, rest / 60 % 60, rest % 60).utf8)
            #expect(String(decoding: line.bytes, as: UTF8.self) == String(decoding: expected.bytes, as: UTF8.self), "\(seconds)")
        }
    }
}
