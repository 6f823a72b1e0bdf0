import Foundation
import GoodAirCore
import GoodAirSimulator
import GoodAirTesting
import Testing

/// Curation end to end: bronze collected from the simulator over HTTP, curated into silver.
@Suite("Curate")
struct CurateTests {
    static let schemas = Fixtures.repositoryRoot.appendingPathComponent("schemas")

    func curator(_ lake: TemporaryLake, rebuild: Bool = false, from: String? = nil, to: String? = nil) -> Curator {
        Curator(lake: lake.lake, configuration: CurateConfiguration(schemas: Self.schemas, from: from, to: to, rebuild: rebuild),
                clock: .fixed(at: Fixtures.now), logger: .quiet)
    }

    /// Collects `hours` hours ending at the current one for `cities` cities.
    func collect(_ lake: TemporaryLake, hours: Range<Int>, cities: Int, faults: [String] = []) async throws {
        let sim = try await TestSimulator.start(faults: try faults.map(FaultRule.parse))
        let current = Fixtures.currentHour
        let plan = CollectPlan(hours: hours.map { current.advanced(by: -$0) }, cities: try Fixtures.cities(cities))
        _ = try await sim.collector(lake: lake.lake).collect(plan)
        await sim.stop()
    }

    /// Every silver file's bytes by path.
    func silver(_ lake: TemporaryLake) throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for path in lake.allFiles() where path.hasPrefix("silver/") {
            files[path] = Array(try Data(contentsOf: lake.root.appendingPathComponent(path)))
        }
        return files
    }

    @Test("bronze becomes typed silver tables, one file per observation date, sorted, with stations")
    func curatesEverySource() async throws {
        let lake = try TemporaryLake()
        defer { lake.remove() }
        try await collect(lake, hours: 0..<30, cities: 3)
        let report = try await curator(lake).curate()
        #expect(report.status == .success, "\(report.summary)")
        #expect(report.snapshotsRead == 30 * 3 * 3)
        #expect(report.quarantined.isEmpty)
        let files = try silver(lake)
        for table in ["air_quality", "weather", "air_pollution"] {
            let parts = files.keys.filter { $0.hasPrefix("silver/\(table)/date=") && $0.hasSuffix("/part-00000.csv") }
            #expect(parts.count >= 2, "\(table) spans at least two UTC dates over 30 hours")
            let schema = try TableSchema.load(from: Self.schemas.appendingPathComponent("table/\(table).table.json"))
            var total = 0
            for part in parts {
                let text = String(decoding: files[part]!, as: UTF8.self)
                #expect(text.hasPrefix(schema.header + "\r\n"))
                let rows = try CSVReader.parse(text)
                total += rows.count - 1
                // Rows sorted by primary key, and every row in the partition of its observation date.
                let date = String(part.split(separator: "/")[2].dropFirst(5))
                let observed = schema.index(of: "observed_at")!
                for row in rows.dropFirst() {
                    #expect(row.fields.count == schema.columns.count)
                    #expect(row.fields[observed].hasPrefix(date))
                    #expect(row.fields[observed].hasSuffix("Z"))
                }
            }
            #expect(total > 0)
        }
        let stations = try CSVReader.parse(String(decoding: try #require(files["silver/stations/stations.csv"]), as: UTF8.self))
        #expect(stations.count == 1 + 3, "one station per city's geo feed")
        #expect(stations.dropFirst().allSatisfy { !$0.fields[5].isEmpty }, "attributions kept")
    }

    @Test("the same observation fetched in two hours is one row, from the latest collection")
    func deduplicates() async throws {
        let lake = try TemporaryLake()
        defer { lake.remove() }
        try await collect(lake, hours: 0..<12, cities: 4)
        let report = try await curator(lake).curate()
        #expect(report.duplicatesMerged > 0, "the simulator's lagging stations repeat an hour")
        let schema = try TableSchema.load(from: Self.schemas.appendingPathComponent("table/air_quality.table.json"))
        let key = schema.primaryKey.map { schema.index(of: $0)! }
        let collected = schema.index(of: "collected_at")!
        var seen = Set<[String]>()
        for (path, bytes) in try silver(lake) where path.hasPrefix("silver/air_quality/") {
            for row in try CSVReader.parse(String(decoding: bytes, as: UTF8.self)).dropFirst() {
                #expect(seen.insert(key.map { row.fields[$0] }).inserted, "primary key unique")
                let observed = Timestamp.parse(row.fields[schema.index(of: "observed_at")!])!
                let at = Timestamp.parse(row.fields[collected])!
                #expect(at >= observed, "collected after observed")
            }
        }
        let rows = report.rowsAdded["air_quality"] ?? 0
        #expect(rows + report.duplicatesMerged == 12 * 4)
    }

    @Test("curating twice changes nothing; incremental runs equal a rebuild, byte for byte")
    func incrementalEqualsRebuild() async throws {
        let lake = try TemporaryLake()
        defer { lake.remove() }
        try await collect(lake, hours: 20..<40, cities: 3)
        _ = try await curator(lake).curate()
        try await collect(lake, hours: 0..<20, cities: 3)
        _ = try await curator(lake).curate()
        let incremental = try silver(lake)
        let again = try await curator(lake).curate()
        #expect(again.snapshotsRead == 0)
        #expect(try silver(lake) == incremental, "idempotent")
        let rebuilt = try await curator(lake, rebuild: true).curate()
        #expect(rebuilt.snapshotsRead == 40 * 3 * 3)
        #expect(try silver(lake) == incremental, "rebuild gives the same bytes")
        // A ranged rebuild gives the same bytes too.
        let first = Fixtures.currentHour.advanced(by: -10).dateString
        _ = try await curator(lake, rebuild: true, from: first, to: first).curate()
        #expect(try silver(lake) == incremental)
        // A rebuild keeps the folders it fills again and removes the others, leftovers included.
        let stale = lake.root.appendingPathComponent("silver/weather/date=2001-01-01")
        try FileManager.default.createDirectory(at: stale, withIntermediateDirectories: true)
        let header = try TableSchema.load(from: Self.schemas.appendingPathComponent("table/weather.table.json")).header
        try Data((header + "\r\n").utf8).write(to: stale.appendingPathComponent(SilverPartition.fileName))
        try Data("half".utf8).write(to: stale.appendingPathComponent(".part-00000.csv.tmp-1-2"))
        _ = try await curator(lake, rebuild: true).curate()
        #expect(!FileManager.default.fileExists(atPath: stale.path))
        #expect(try silver(lake) == incremental)
        for table in ["air_quality", "weather", "air_pollution"] {
            let folder = lake.root.appendingPathComponent("silver/\(table)")
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
                #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(name).path) == [SilverPartition.fileName])
            }
        }
    }

    @Test("failed fetches go to quarantine with their reason; exit status is partial")
    func quarantinesFailedFetches() async throws {
        let lake = try TemporaryLake()
        defer { lake.remove() }
        try await collect(lake, hours: 0..<2, cities: 2, faults: ["api-error@aqicn", "garbage@owm_air"])
        let report = try await curator(lake).curate()
        #expect(report.status == .partial)
        #expect(report.quarantined[.fetchFailed] == 8)
        let reasons = lake.allFiles().filter { $0.hasPrefix("quarantine/") && $0.hasSuffix(".reason.json") }
        #expect(reasons.count == 8)
        let sidecar = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: lake.root.appendingPathComponent(reasons[0]))) as? [String: Any])
        #expect(sidecar["reason"] as? String == "fetch_failed")
        #expect((sidecar["bronze"] as? String)?.hasPrefix("bronze/source=") == true)
        #expect(!(try silver(lake)).keys.contains { $0.hasPrefix("silver/air_quality/") }, "a silver row never comes from an invalid snapshot")
    }
}
