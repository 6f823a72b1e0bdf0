import Foundation
import Synchronization
@testable import GoodAirCore
import GoodAirTesting
import Testing

/// A month file as an hourly run splices it: pieces of the old bytes and new lines, compared,
/// hashed and written without joining them.
@Suite("Gold: spliced month files")
struct GoldSpliceTests {
    private static let header = Array("city_id,hour,value".utf8)

    private static func lines(_ text: String) -> [[UInt8]] {
        text.split(separator: "\n").map { Array($0.utf8) }
    }

    @Test("kept rows stay pieces of the old bytes; new rows are merged in key order")
    func splice() throws {
        let old = GoldLines(bytes: Array("city_id,hour,value\r\nlyon,01,1\r\nlyon,02,2\r\nnice,01,3\r\nnice,02,4\r\nparis,01,5\r\n".utf8))
        let spliced = try GoldLines.splice(old, header: Self.header, keyFields: 2, path: "t.csv",
                                           replacing: { old.withField($0, 1) { $0.elementsEqual("02".utf8) } },
                                           with: Self.lines("paris,02,7\nlyon,02,9\nnice,03,8"))
        let expected = "city_id,hour,value\r\nlyon,01,1\r\nlyon,02,9\r\nnice,01,3\r\nnice,03,8\r\nparis,01,5\r\nparis,02,7\r\n"
        #expect(String(decoding: spliced.bytes, as: UTF8.self) == expected)
        #expect(spliced.count == expected.utf8.count)
        #expect(spliced.lines == 7)
        #expect(spliced.sha256Hex == Checksum.sha256Hex(Array(expected.utf8)))
        #expect(spliced.same(as: GoldLines(bytes: Array(expected.utf8))))
        #expect(!spliced.same(as: old))
    }

    @Test("nothing replaced and nothing new: the old file itself, consecutive rows one piece")
    func unchanged() throws {
        let bytes = Array("city_id,hour,value\r\nlyon,01,1\r\nlyon,02,2\r\nnice,01,3\r\n".utf8)
        let old = GoldLines(bytes: bytes)
        let spliced = try GoldLines.splice(old, header: Self.header, keyFields: 2, path: "t.csv", replacing: { _ in false }, with: [])
        #expect(spliced.same(as: old))
        #expect(spliced.pieces.count == 2)   // the header (new), the rows (old)
        #expect(spliced.sha256Hex == Checksum.sha256Hex(bytes))
    }

    @Test("an old file with LF ends or blank lines comes out with CRLF ends and no blank line")
    func lineEnds() throws {
        let old = GoldLines(bytes: Array("city_id,hour,value\nlyon,01,1\n\nnice,01,3".utf8))
        let spliced = try GoldLines.splice(old, header: Self.header, keyFields: 2, path: "t.csv", replacing: { _ in false },
                                           with: Self.lines("lyon,02,2"))
        #expect(String(decoding: spliced.bytes, as: UTF8.self) == "city_id,hour,value\r\nlyon,01,1\r\nlyon,02,2\r\nnice,01,3\r\n")
    }

    @Test("a repeated key or old rows out of order are refused, naming the file")
    func order() {
        let old = GoldLines(bytes: Array("city_id,hour,value\r\nnice,01,3\r\nlyon,01,1\r\n".utf8))
        #expect(throws: AggregateError.self) {
            try GoldLines.splice(old, header: Self.header, keyFields: 2, path: "t.csv", replacing: { _ in false }, with: [])
        }
        let sorted = GoldLines(bytes: Array("city_id,hour,value\r\nlyon,01,1\r\n".utf8))
        #expect(throws: AggregateError.self) {
            try GoldLines.splice(sorted, header: Self.header, keyFields: 2, path: "t.csv", replacing: { _ in false },
                                 with: Self.lines("lyon,01,2"))
        }
    }

    @Test("written from its pieces, the file holds the joined bytes")
    func write() throws {
        let lake = try TemporaryLake()
        defer { lake.remove() }
        let old = GoldLines(bytes: Array("city_id,hour,value\r\nlyon,01,1\r\nnice,01,3\r\n".utf8))
        let spliced = try GoldLines.splice(old, header: Self.header, keyFields: 2, path: "t.csv", replacing: { _ in false },
                                           with: Self.lines("lyon,02,2"))
        let url = lake.lake.gold.appendingPathComponent("t/month=2026-11/part-00000.csv")
        try spliced.withBuffers { try AtomicFile.write(buffers: $0, to: url) }
        #expect(try Array(Data(contentsOf: url)) == spliced.bytes)
        #expect(SplicedFile(whole: spliced.bytes).lines == 4)
        // Read back mapped: the same lines, and the same lineage fact as the bytes'.
        let mapped = try #require(try GoldLines.read(url))
        #expect(mapped.lines == GoldLines(bytes: spliced.bytes).lines)
        #expect(mapped.lineageFile(path: "p").sha256 == spliced.sha256Hex)
        #expect(try GoldLines.read(url.deletingLastPathComponent().appendingPathComponent("none.csv")) == nil)
    }

    @Test("the writer gives each file's lineage fact in the order queued, and the first error")
    func writer() throws {
        let lake = try TemporaryLake()
        defer { lake.remove() }
        let writer = GoldFileWriter()
        let files = (0..<4).map { SplicedFile(whole: Array("city_id,hour\r\nlyon,\($0)\r\n".utf8)) }
        let ran = Mutex(0)
        for (index, file) in files.enumerated() {
            let url = lake.lake.gold.appendingPathComponent("t\(index)/month=2026-11/part-00000.csv")
            writer.write(file, to: url, path: lake.lake.relativePath(url), rows: 1, derivedFrom: ["silver/x"],
                         hash: index == 0 ? BackgroundValue { file.sha256Hex } : nil, then: { ran.withLock { $0 += 1 } })
        }
        writer.perform { ran.withLock { $0 += 10 } }
        let written = try writer.finish()
        #expect(ran.withLock { $0 } == 14, "every then and every job ran before finish returned")
        #expect(written.map(\.file.path) == (0..<4).map { "gold/t\($0)/month=2026-11/part-00000.csv" })
        #expect(written.map(\.file.sha256) == files.map(\.sha256Hex))
        for (index, file) in files.enumerated() {
            let url = lake.lake.gold.appendingPathComponent("t\(index)/month=2026-11/part-00000.csv")
            #expect(try Array(Data(contentsOf: url)) == file.bytes)
        }
        // A folder that cannot be made (a file is in the way): finish throws.
        try AtomicFile.write(Array("x".utf8), to: lake.lake.gold.appendingPathComponent("blocked"))
        let failing = GoldFileWriter()
        failing.write(files[0], to: lake.lake.gold.appendingPathComponent("blocked/month=2026-11/part-00000.csv"), path: "p",
                      rows: 1, derivedFrom: [])
        #expect(throws: (any Error).self) { try failing.finish() }
    }
}
