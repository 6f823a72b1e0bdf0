import Foundation
@testable import GoodAirCore
import Testing

private enum GzipFixtures {
    /// `count` bytes from SplitMix64: incompressible, and the same on every run.
    static func pseudoRandom(_ count: Int, seed: UInt64 = 0x9E37_79B9_7F4A_7C15) -> [UInt8] {
        var state = seed
        var bytes = [UInt8](repeating: 0, count: count)
        bytes.withUnsafeMutableBufferPointer { out in
            var i = 0
            while i < count {
                state &+= 0x9E37_79B9_7F4A_7C15
                var z = state
                z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
                z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
                z ^= z >> 31
                for k in 0..<min(8, count - i) { out[i + k] = UInt8(truncatingIfNeeded: z >> (8 * UInt64(k))) }
                i += 8
            }
        }
        return bytes
    }

    static let small = Array(#"{"status":"ok","data":{"aqi":42,"city":{"name":"Paris"}}}"#.utf8)
    static let repetitive = [UInt8](repeating: UInt8(ascii: "a"), count: 500_000)
        + Array(String(repeating: "{\"pm25\":12.5},", count: 20_000).utf8)

    static let gzipPath = "/bin/gzip"
    static var hasGzip: Bool { FileManager.default.isExecutableFile(atPath: gzipPath) }

    /// Runs `/bin/gzip` with `arguments`; returns its standard output and exit status.
    static func runGzip(_ arguments: [String]) throws -> (output: [UInt8], status: Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: gzipPath)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (Array(output), process.terminationStatus)
    }

    static func temporaryFile(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("goodair-gzip-\(UUID().uuidString)-\(name)")
    }
}

@Suite("Gzip")
struct GzipTests {
    private typealias F = GzipFixtures

    /// Inputs are built inside the test: a 1 MB array as a test argument would be described in full.
    @Test("round trip", arguments: ["empty", "small", "1 MB pseudo-random", "highly repetitive"])
    func roundTrip(name: String) throws {
        let input: [UInt8] = switch name {
        case "empty": []
        case "small": F.small
        case "1 MB pseudo-random": F.pseudoRandom(1 << 20)
        default: F.repetitive
        }
        let packed = try Gzip.compress(input)
        #expect(try Gzip.decompress(packed) == input, "\(name)")
        if name == "highly repetitive" {
            #expect(packed.count < input.count / 50, "repetitive data compresses well: \(packed.count) bytes")
        }
        if name == "1 MB pseudo-random" {
            #expect(input.count == 1 << 20)
            #expect(packed.count > input.count, "random data does not shrink: the generator is not degenerate")
        }
    }

    @Test("output is deterministic and carries no mtime or file name")
    func deterministic() throws {
        let input = F.pseudoRandom(10_000) + F.small
        let a = try Gzip.compress(input)
        let b = try Gzip.compress(input)
        #expect(a == b)
        try #require(a.count >= 18)
        #expect(a[0] == 0x1F && a[1] == 0x8B, "gzip magic")
        #expect(a[2] == 8, "deflate")
        #expect(a[3] == 0, "no FNAME/FCOMMENT/FEXTRA flags")
        #expect(Array(a[4..<8]) == [0, 0, 0, 0], "mtime is zero")
        // The trailer: CRC-32 then ISIZE, little-endian.
        let isize = a.suffix(4).reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        #expect(isize == UInt32(input.count))
        #expect(try Gzip.compress([]) == Gzip.compress([]))
    }

    @Test("levels change the size, not the content")
    func levels() throws {
        let fast = try Gzip.compress(F.repetitive, level: 1)
        let best = try Gzip.compress(F.repetitive, level: 9)
        #expect(try Gzip.decompress(fast) == F.repetitive)
        #expect(try Gzip.decompress(best) == F.repetitive)
    }

    @Test("corrupt input is refused", arguments: ["flipped body byte", "flipped CRC", "flipped size", "bad magic", "not gzip", "empty"])
    func corrupt(kind: String) throws {
        let input = Array(String(repeating: "GoodAir bronze snapshot. ", count: 400).utf8)
        var packed = try Gzip.compress(input)
        switch kind {
        case "flipped body byte": packed[packed.count / 2] ^= 0xFF
        case "flipped CRC": packed[packed.count - 8] ^= 0x01
        case "flipped size": packed[packed.count - 4] ^= 0x01
        case "bad magic": packed[0] = 0x00
        case "not gzip": packed = Array("hello, world, this is not gzip at all".utf8)
        default: packed = []
        }
        #expect(throws: GzipError.self, "\(kind)") { try Gzip.decompress(packed) }
    }

    @Test("the file reader checks the CRC unless told not to, and the stream is reused either way")
    func readerCRC() throws {
        let input = Array(String(repeating: "GoodAir bronze snapshot. ", count: 400).utf8)
        var packed = try Gzip.compress(input)
        packed[packed.count - 8] ^= 0x01   // the CRC-32 of the trailer
        let reader = try GzipFileReader()
        let gunzip = { (checkCRC: Bool) throws -> [UInt8] in
            try packed.withUnsafeBytes { try reader.gunzip($0, checkCRC: checkCRC) }
        }
        #expect(throws: GzipError.self) { try gunzip(true) }
        let unchecked = try gunzip(false)
        #expect(unchecked.count == input.count && unchecked == input, "curation checks the sha256 instead")
        #expect(throws: GzipError.self, "the next file is checked again") { try gunzip(true) }
        packed[packed.count / 2] ^= 0xFF   // a flipped body byte still breaks the deflate stream
        #expect(throws: GzipError.self) { try gunzip(false) }
    }

    @Test("truncated input is refused", arguments: [1, 4, 8, 9, 100, 1000])
    func truncated(cut: Int) throws {
        let packed = try Gzip.compress(F.pseudoRandom(4000) + F.repetitive.prefix(4000))
        try #require(cut < packed.count)
        #expect(throws: GzipError.self, "cut \(cut) bytes") { try Gzip.decompress(Array(packed.dropLast(cut))) }
        #expect(throws: GzipError.self) { try Gzip.decompress(Array(packed.prefix(10))) }
    }

    @Test("the system gzip reads our output", .enabled(if: GzipFixtures.hasGzip, "/bin/gzip is not installed"))
    func systemGzipReads() throws {
        let input = F.pseudoRandom(200_000) + F.repetitive
        let file = F.temporaryFile("ours.json.gz")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(try Gzip.compress(input)).write(to: file)
        let (output, status) = try F.runGzip(["-dc", file.path])
        #expect(status == 0)
        #expect(output == input)
        let test = try F.runGzip(["-t", file.path])
        #expect(test.status == 0, "gzip -t verifies the CRC")
    }

    @Test("we read the system gzip's output", .enabled(if: GzipFixtures.hasGzip, "/bin/gzip is not installed"))
    func readsSystemGzip() throws {
        let input = F.small + F.pseudoRandom(50_000)
        let file = F.temporaryFile("theirs.json")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(input).write(to: file)
        let (packed, status) = try F.runGzip(["-c", file.path])
        #expect(status == 0)
        #expect(try Gzip.decompress(packed) == input)
    }
}

@Suite("Checksum")
struct ChecksumTests {
    @Test("SHA-256 known vectors", arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func vectors(text: String, hex: String) {
        #expect(Checksum.sha256Hex(Array(text.utf8)) == hex)
    }

    @Test("a million 'a' and the output shape")
    func millionA() {
        let hex = Checksum.sha256Hex([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
        #expect(hex == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        #expect(hex.count == 64)
        #expect(hex.allSatisfy { "0123456789abcdef".contains($0) })
    }
}
