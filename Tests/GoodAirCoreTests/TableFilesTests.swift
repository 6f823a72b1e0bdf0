import Foundation
import GoodAirCore
import GoodAirTesting
import Testing

@Suite("CSV fields")
struct CSVFieldTests {
    @Test("floats are plain decimals with a point, deterministic, no exponent, no negative zero")
    func numbers() {
        #expect(CSVField.double(12.30) == "12.3")
        #expect(CSVField.double(3) == "3.0")
        #expect(CSVField.double(-0.0) == "0.0")
        #expect(CSVField.double(-0.0000001) == "0.0")
        #expect(CSVField.double(1e-7) == "0.0")
        #expect(CSVField.double(1e-7, decimals: 8) == "0.0000001")
        #expect(CSVField.double(123456789.125, decimals: 2) == "123456789.13")
        #expect(CSVField.double(.nan) == "")
        #expect(CSVField.double(nil) == "")
        #expect(CSVField.int(-42) == "-42")
    }

    @Test("text is quoted only when RFC 4180 needs it, quotes doubled")
    func text() {
        #expect(CSVField.text("Paris") == "Paris")
        #expect(CSVField.text("Lyon, France") == "\"Lyon, France\"")
        #expect(CSVField.text("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVField.text("two\nlines") == "\"two\nlines\"")
        #expect(CSVField.text(nil) == "")
        let parsed = try? CSVReader.parse(CSVField.text("a,\"b\"\nc") + ",x\n")
        #expect(parsed?.first?.fields == ["a,\"b\"\nc", "x"])
    }

    @Test("timestamps are ISO 8601 UTC with Z")
    func timestamps() {
        #expect(CSVField.timestamp(0) == "1970-01-01T00:00:00Z")
        #expect(CSVField.timestamp(1_795_960_800) == "2026-11-29T14:00:00Z")
        #expect(CSVField.timestamp(nil) == "")
    }
}

@Suite("Table schemas")
struct TableSchemaTests {
    func write(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("table-\(UUID().uuidString).json")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test("a broken table file is refused with its name and what is wrong")
    func refusesBrokenFiles() throws {
        let cases: [(String, String)] = [
            (#"{"table":"t","primary_key":["a"]}"#, "missing /columns"),
            (#"{"table":"t","primary_key":["b"],"columns":[{"name":"a","type":"string","nullable":false}]}"#, "'b' is not a column"),
            (#"{"table":"t","primary_key":["a"],"columns":[{"name":"a","type":"string","nullable":true}]}"#, "is nullable"),
            (#"{"table":"t","primary_key":["a"],"columns":[{"name":"a","type":"text","nullable":false}]}"#, "/columns/0/type"),
            (#"{"table":"t","primary_key":["a"],"columns":[{"name":"a","type":"string","nullable":false},{"name":"a","type":"float","nullable":true}]}"#, "appears twice"),
            (#"{"table":"t","primary_key":["a"],"columns":[{"name":"a","type":"float","nullable":false,"min":3,"max":1}]}"#, "min 3.0 > max 1.0"),
        ]
        for (text, expected) in cases {
            let url = try write(text)
            defer { try? FileManager.default.removeItem(at: url) }
            do {
                _ = try TableSchema.load(from: url)
                Issue.record("accepted: \(text)")
            } catch let error as TableSchemaError {
                #expect("\(error)".contains(expected), "\(error)")
                #expect("\(error)".contains(url.lastPathComponent))
            }
        }
    }

    @Test("the repository's silver tables load, with LAKE.md's keys and columns")
    func repositoryTables() throws {
        let folder = Fixtures.repositoryRoot.appendingPathComponent("schemas/table")
        let expected: [String: (key: [String], columns: [String])] = [
            "air_quality": (["city_id", "station_id", "observed_at"], ["collected_at", "aqi", "dominant_pollutant", "pm25_aqi", "pm10_aqi", "o3_aqi", "no2_aqi", "so2_aqi", "co_aqi"]),
            "weather": (["city_id", "observed_at"], ["collected_at", "temperature_c", "feels_like_c", "pressure_hpa", "humidity_pct", "wind_speed_ms", "wind_deg", "wind_gust_ms", "clouds_pct", "visibility_m", "rain_1h_mm", "snow_1h_mm", "condition_id", "condition"]),
            "air_pollution": (["city_id", "observed_at"], ["collected_at", "owm_aqi", "co_ugm3", "no_ugm3", "no2_ugm3", "o3_ugm3", "so2_ugm3", "pm2_5_ugm3", "pm10_ugm3", "nh3_ugm3"]),
            "stations": (["station_id"], ["name", "lat", "lon", "url", "attribution", "first_seen", "last_seen"]),
        ]
        for (table, want) in expected {
            let schema = try TableSchema.load(from: folder.appendingPathComponent("\(table).table.json"))
            #expect(schema.table == table)
            #expect(schema.primaryKey == want.key)
            #expect(Array(schema.columns.prefix(want.key.count).map(\.name)) == want.key, "key columns first")
            let names = Set(schema.columns.map(\.name))
            for column in want.columns { #expect(names.contains(column), "\(table).\(column)") }
        }
    }
}

@Suite("CSV floats against the reference formatter")
struct CSVFloatReferenceTests {
    @Test("integer-arithmetic rendering equals printf rounding for many values")
    func agreesWithPrintf() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let magnitude = Double.random(in: -6...9, using: &generator)
            let value = Double.random(in: -1...1, using: &generator) * pow(10, magnitude)
            for decimals in [0, 1, 2, 6] {
                var reference = String(format: "%.\(decimals)f", (value * pow(10, Double(decimals))).rounded() / pow(10, Double(decimals)))
                if reference.contains(".") {
                    while reference.hasSuffix("0") { reference.removeLast() }
                    if reference.hasSuffix(".") { reference += "0" }
                } else {
                    reference += ".0"
                }
                if reference == "-0.0" { reference = "0.0" }
                #expect(CSVField.double(value, decimals: decimals) == reference, "\(value) with \(decimals) decimals")
            }
        }
        #expect(CSVField.double(-12.5, decimals: 0) == "-13.0")
        #expect(CSVField.double(0.05, decimals: 1) == "0.1")
        #expect(CSVField.double(1e300) == String(format: "%.6f", 1e300).replacingOccurrences(of: ".000000", with: ".0"))
    }
}
