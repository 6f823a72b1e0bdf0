import Foundation
import GoodAirCore
import GoodAirTesting
import Testing

/// Curation of hand-made snapshots: every quirk the APIs have, every reason to quarantine.
@Suite("Curate: quirks and quarantine")
struct CurateQuarantineTests {
    static let schemas = Fixtures.repositoryRoot.appendingPathComponent("schemas")
    let hour = Fixtures.currentHour

    func curate(_ lake: TemporaryLake) async throws -> CurateReport {
        try await Curator(lake: lake.lake, configuration: CurateConfiguration(schemas: Self.schemas),
                          clock: .fixed(at: Fixtures.now), logger: .quiet).curate()
    }

    /// The rows of a silver table (all partitions) as dictionaries by column name.
    func rows(_ lake: TemporaryLake, _ table: String) throws -> [[String: String]] {
        var out: [[String: String]] = []
        for path in lake.allFiles() where path.hasPrefix("silver/\(table)/") {
            let records = try CSVReader.parse(String(contentsOf: lake.root.appendingPathComponent(path), encoding: .utf8))
            let header = records[0].fields
            out += records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0.fields)) }
        }
        return out
    }

    func sidecars(_ lake: TemporaryLake) throws -> [String: [String: Any]] {
        var out: [String: [String: Any]] = [:]
        for path in lake.allFiles() where path.hasSuffix(".reason.json") {
            let object = try JSONSerialization.jsonObject(with: Data(contentsOf: lake.root.appendingPathComponent(path)))
            out[path] = object as? [String: Any]
        }
        return out
    }

    @Test("every valid example becomes a row, with the quirks typed as documented", arguments: Source.allCases)
    func validExamples(source: Source) async throws {
        let lake = try TemporaryLake()
        defer { lake.remove() }
        let names = BronzeFixture.examples(source, prefix: "valid-")
        #expect(names.count >= 3)
        for (i, name) in names.enumerated() {
            try BronzeFixture.put(try BronzeFixture.example(source, name), lake: lake.lake, source: source, hour: hour, cityID: "city\(i)")
        }
        let report = try await curate(lake)
        let found = try sidecars(lake)
        #expect(report.quarantined.isEmpty, "\(found)")
        let table = ["aqicn": "air_quality", "owm_weather": "weather", "owm_air": "air_pollution"][source.rawValue]!
        let byCity = Dictionary(uniqueKeysWithValues: try rows(lake, table).map { ($0["city_id"]!, $0) })
        #expect(byCity.count == names.count)
        for (i, name) in names.enumerated() {
            let row = try #require(byCity["city\(i)"], "\(name)")
            #expect(row["collected_at"] == "2026-11-29T14:00:00Z")
            switch name {
            case "valid-aqi-dash.json": #expect(row["aqi"] == "", "aqi \"-\" is NULL")
            case "valid-dry.json": #expect(row["rain_1h_mm"] == "0.0" && row["snow_1h_mm"] == "0.0", "dry is 0 mm")
            case "valid-cod-string-extra-fields.json": #expect(row["rain_1h_mm"] == "", "rain with only 3h: unknown last hour")
            case "valid-coord-array-aqi-decimal.json": #expect(row["owm_aqi"] == "4")
            case "valid-extra-fields-negative-blip.json": #expect(row["no2_ugm3"] == "", "negative concentration corrected to NULL")
            default: break
            }
        }
        if source == .owmAir { #expect(report.corrections["air_pollution.no2_ugm3"] == 1) }
    }

    @Test("every invalid example is quarantined at the path the examples document", arguments: Source.allCases)
    func invalidExamples(source: Source) async throws {
        let lake = try TemporaryLake()
        defer { lake.remove() }
        let names = BronzeFixture.examples(source, prefix: "invalid-")
        #expect(names.count >= 5)
        for (i, name) in names.enumerated() {
            try BronzeFixture.put(try BronzeFixture.example(source, name), lake: lake.lake, source: source, hour: hour, cityID: "city\(i)")
        }
        let report = try await curate(lake)
        #expect(report.status == .partial)
        #expect(report.quarantined.values.reduce(0, +) == names.count)
        #expect(lake.allFiles().filter { $0.hasPrefix("silver/") && !$0.hasPrefix("silver/stations") }.isEmpty)
        let found = try sidecars(lake)
        for (i, name) in names.enumerated() {
            let sidecar = try #require(found.first { $0.key.hasSuffix("/city\(i).json.gz.reason.json") }?.value, "\(name)")
            if name.contains("truncated") {
                #expect(sidecar["reason"] as? String == "not_json", "\(name)")
            } else {
                #expect(sidecar["reason"] as? String == "schema", "\(name)")
                #expect(sidecar["schema"] as? String == "payload/\(["aqicn": "aqicn-feed", "owm_weather": "owm-weather", "owm_air": "owm-air"][source.rawValue]!).schema.json")
                let pointer = try #require(sidecar["instance_location"] as? String, "\(name)")
                if name.contains("error") || name.contains("unauthorized") || name.contains("not-found") || name.contains("rate-limited") || name.contains("latitude") {
                    #expect(pointer == (source == .aqicn ? "/status" : "/cod"), "\(name): \(pointer)")
                }
            }
        }
    }

    @Test("a file that does not match its checksum, or is not gzip, is quarantined; nothing is dropped silently")
    func corruptFiles() async throws {
        let lake = try TemporaryLake()
        defer { lake.remove() }
        let good = try BronzeFixture.example(.owmAir, "valid-coord-object.json")
        try BronzeFixture.put(good, lake: lake.lake, source: .owmAir, hour: hour, cityID: "flipped", sha256: Checksum.sha256Hex(good + [0x20]))
        try BronzeFixture.put(good, lake: lake.lake, source: .owmAir, hour: hour, cityID: "plain", storedBytes: good)
        try BronzeFixture.put(good, lake: lake.lake, source: .owmAir, hour: hour, cityID: "fine")
        let report = try await curate(lake)
        #expect(report.quarantined[.checksumMismatch] == 1)
        #expect(report.quarantined[.notJSON] == 1)
        #expect(try rows(lake, "air_pollution").map { $0["city_id"]! } == ["fine"])
        #expect(report.snapshotsRead == 3)
    }

    @Test("values outside their physical range become NULL and are counted")
    func corrections() async throws {
        let lake = try TemporaryLake()
        defer { lake.remove() }
        var text = String(decoding: try BronzeFixture.example(.owmWeather, "valid-dry.json"), as: UTF8.self)
        text = text.replacingOccurrences(of: #""humidity":81"#, with: #""humidity":150"#)
        text = text.replacingOccurrences(of: #""pressure":1021,"#, with: #""pressure":-999,"#)
        try BronzeFixture.put(Array(text.utf8), lake: lake.lake, source: .owmWeather, hour: hour, cityID: "paris")
        let report = try await curate(lake)
        #expect(report.quarantined.isEmpty, "a bad value costs the value, not the snapshot")
        #expect(report.corrections["weather.humidity_pct"] == 1, "\(report.corrections)")
        #expect(report.corrections["weather.pressure_hpa"] == 1, "the -999 sentinel")
        let row = try #require(try rows(lake, "weather").first)
        #expect(row["humidity_pct"] == "")
        #expect(row["pressure_hpa"] == "")
        #expect(row["temperature_c"] == "6.41", "the rest of the snapshot is kept")
    }

    @Test("a snapshot whose bytes changed is curated again (keyed by sha256)")
    func changedSnapshot() async throws {
        let lake = try TemporaryLake()
        defer { lake.remove() }
        try BronzeFixture.put(try BronzeFixture.example(.owmAir, "valid-coord-object.json"), lake: lake.lake, source: .owmAir, hour: hour, cityID: "paris")
        _ = try await curate(lake)
        let again = try await curate(lake)
        #expect(again.snapshotsRead == 0)
        try BronzeFixture.put(try BronzeFixture.example(.owmAir, "valid-coord-array-aqi-decimal.json"), lake: lake.lake, source: .owmAir, hour: hour, cityID: "paris")
        let changed = try await curate(lake)
        #expect(changed.snapshotsRead == 1)
    }
}
