import Foundation
@testable import GoodAirCore
import GoodAirTesting
import Testing

/// A partition's merge keeps one row per primary key, the latest collection winning, whatever the
/// order and batching of the rows, and counts what it added and merged.
@Suite("Silver partition merge")
struct SilverPartitionTests {
    let builder: RowBuilder

    init() throws {
        builder = try CurationSchemas.load(from: LifecycleFixture.schemas).builders["weather"]!
    }

    /// A weather row of `city` observed at hour `hour`, collected at hour `collected`, at `temperature`.
    func row(_ city: String, _ hour: Int, collected: Int, _ temperature: Double) throws -> SilverRow {
        var corrections: [String: Int] = [:]
        let values: [String: CellValue] = ["city_id": .text(city), "observed_at": .timestamp(hour * 3600),
                                           "collected_at": .timestamp(collected * 3600), "temperature_c": .double(temperature)]
        return try builder.row(named: values, corrections: &corrections).get()
    }

    @Test("any order and any split of the same rows gives the same partition and the same counts")
    func orderIndependent() throws {
        let rows = [
            try row("paris", 10, collected: 10, 12.5), try row("lyon", 10, collected: 10, 14),
            try row("paris", 10, collected: 11, 13),   // the same observation collected later: wins
            try row("paris", 11, collected: 11, 13.5), try row("lyon", 10, collected: 10, 14.5),   // same hour: the greater line wins
            try row("brest", 9, collected: 12, 9), try row("paris", 10, collected: 9, 11),
        ]
        var reference = SilverPartition(empty: URL(fileURLWithPath: "/unused"), builder: builder)
        let whole = reference.merge(rows)
        #expect(whole == SilverPartition.Merge(added: 4, duplicates: 3))
        #expect(reference.rows.map(\.key) == reference.rows.map(\.key).sorted())
        let lines = reference.rows.map { String(decoding: $0.line, as: UTF8.self) }
        #expect(lines.count == 4)
        #expect(lines.contains { $0.hasPrefix("paris,1970-01-01T10:00:00Z,1970-01-01T11:00:00Z,13.0,") })
        #expect(lines.contains { $0.hasPrefix("lyon,1970-01-01T10:00:00Z,1970-01-01T10:00:00Z,14.5,") })

        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            let shuffled = rows.shuffled(using: &generator)
            let split = Int.random(in: 0...shuffled.count, using: &generator)
            var partition = SilverPartition(empty: URL(fileURLWithPath: "/unused"), builder: builder)
            let first = partition.merge(Array(shuffled[..<split]))
            let second = partition.merge(Array(shuffled[split...]))
            #expect(partition.rows == reference.rows)
            #expect(first.added + second.added == whole.added && first.duplicates + second.duplicates == whole.duplicates)
        }
    }

    @Test("a partition read back from its file merges as the rows it was made of")
    func readBack() throws {
        let lake = try TemporaryLake()
        defer { lake.remove() }
        let url = SilverPartition.url(lake: lake.lake, table: "weather", date: "1970-01-01")
        var written = SilverPartition(empty: url, builder: builder)
        written.merge([try row("paris", 10, collected: 10, 12.5), try row("lyon", 10, collected: 10, 14)])
        try written.write()
        var read = try SilverPartition(url: url, builder: builder)
        #expect(read.rows == written.rows)
        let merge = read.merge([try row("paris", 10, collected: 11, 13), try row("nice", 10, collected: 10, 17)])
        #expect(merge == SilverPartition.Merge(added: 1, duplicates: 1))
        #expect(read.rows.map { String(decoding: $0.line, as: UTF8.self).prefix(5) } == ["lyon,", "nice,", "paris"])
    }
}
