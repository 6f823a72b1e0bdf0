import Foundation
@testable import GoodAirCore
import GoodAirTesting
import Testing

/// A curation ledger is written sorted by path, one line per path (the last record winning),
/// whatever the order in which its entries were recorded, and reads back as it was written.
@Suite("Curation ledger")
struct CurateLedgerTests {
    /// The lines of the ledger file of `ledger`.
    func lines(_ ledger: CurateLedger) throws -> [String] {
        try String(contentsOf: ledger.url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            .dropLast().map(String.init)
    }

    /// Whether `lines` are in the byte order of their UTF-8.
    func sortedByBytes(_ lines: [String]) -> Bool {
        zip(lines, lines.dropFirst()).allSatisfy { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    @Test("curation's order — an hour's files, then its manifest line — is written sorted")
    func curationOrder() throws {
        let lake = try TemporaryLake()
        defer { lake.remove() }
        var ledger = CurateLedger(lake: lake.lake, source: .aqicn, date: "2026-11-29")
        let cities = ["brest", "lyon", "marseille", "paris", "saint-etienne"]
        for hour in ["00", "01", "02"] {
            for city in cities { ledger.record("hour=\(hour)/\(city).json.gz", sha256: "s-\(hour)-\(city)", outcome: "silver") }
            ledger.record("hour=\(hour)/_manifest.json", sha256: "123-45.6", outcome: "manifest:\(cities.count)")
        }
        try ledger.write()
        let written = try lines(ledger)
        #expect(written.count == 18)
        #expect(sortedByBytes(written))
        #expect(written.first == "hour=00/_manifest.json\t123-45.6\tmanifest:5")
        #expect(written[1] == "hour=00/brest.json.gz\ts-00-brest\tsilver")
    }

    @Test("entries recorded in reverse order are written sorted too")
    func reverseOrder() throws {
        let lake = try TemporaryLake()
        defer { lake.remove() }
        var ledger = CurateLedger(lake: lake.lake, source: .owmAir, date: "2026-11-29")
        let paths = (0..<300).map { String(format: "hour=%02d/city-%03d.json.gz", $0 / 20, $0) }
        for path in paths.reversed() { ledger.record(path, sha256: "x", outcome: "silver") }
        try ledger.write()
        #expect(try lines(ledger) == paths.map { "\($0)\tx\tsilver" })
    }

    @Test("a ledger read back keeps its entries; a path recorded again keeps one line, the last")
    func readBack() throws {
        let lake = try TemporaryLake()
        defer { lake.remove() }
        var first = CurateLedger(lake: lake.lake, source: .owmWeather, date: "2026-11-29")
        first.record("hour=03/paris.json.gz", sha256: "a", outcome: "silver")
        first.record("hour=01/lyon.json.gz", sha256: "b", outcome: "quarantine:schema")
        try first.write()
        var second = CurateLedger(lake: lake.lake, source: .owmWeather, date: "2026-11-29")
        #expect(second.contains("hour=03/paris.json.gz", sha256: "a"))
        #expect(!second.contains("hour=03/paris.json.gz", sha256: "changed"))
        #expect(second.outcome(of: "hour=01/lyon.json.gz", sha256: "b") == "quarantine:schema")
        second.record("hour=02/brest.json.gz", sha256: "c", outcome: "silver")
        second.record("hour=03/paris.json.gz", sha256: "d", outcome: "silver")
        try second.write()
        #expect(try lines(second) == [
            "hour=01/lyon.json.gz\tb\tquarantine:schema", "hour=02/brest.json.gz\tc\tsilver", "hour=03/paris.json.gz\td\tsilver",
        ])
    }
}
