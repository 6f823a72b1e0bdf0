import Foundation
import GoodAirTesting
import Testing
@testable import GoodAirCore

@Suite("Gold table files: exact numbers, CSV scanning, correlation pairing")
struct GoldTablesTests {
    private func exact(_ value: Double) -> String {
        var line = CSVLine()
        line.appendExactDouble(value)
        return String(decoding: line.bytes, as: UTF8.self)
    }

    @Test("exact doubles read back as the same double, in plain decimal notation")
    func exactDoubles() {
        #expect(exact(3) == "3.0")
        #expect(exact(-0.5) == "-0.5")
        #expect(exact(0.00001) == "0.00001")
        #expect(exact(1.2345e20) == "123450000000000000000.0")
        #expect(exact(2.5e-10) == "0.00000000025")
        #expect(exact(0.1 + 0.2) == "0.30000000000000004")
        #expect(exact(.nan) == "")
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let value = Double(bitPattern: generator.next() & 0x7FEF_FFFF_FFFF_FFFF) * (Bool.random() ? 1 : -1)
            let scaled = Double.random(in: -1000...1000) / Double([1, 3, 7, 10, 100].randomElement()!)
            for v in [value, scaled] where v.isFinite {
                let text = exact(v)
                #expect(!text.contains("e"), "\(v) → \(text)")
                #expect(Double(text) == v, "\(v) → \(text)")
            }
        }
    }

    @Test("CSVNumber reads what Double(String) reads, and lake timestamps")
    func numbers() {
        let long = ["6.522916666666667", "0.25881904510252157", "9007199254740992", "9007199254740993", "-900719925474099.3",
                    "12345678901234567890", "1234567890123456789", "0.0000000000000000000001", "-0", "+5", "."]
        for text in ["12.5", "-0.25", "1021.0", "7", "0.000001", "123456789012.345", "1e3", "-", "", "abc", "1.2.3"] + long {
            let parsed = Array(text.utf8).withUnsafeBufferPointer { CSVNumber.parse($0) }
            let expected = Double(text) ?? .nan
            #expect(parsed == expected || (parsed.isNaN && expected.isNaN), "\(text)")
        }
        for _ in 0..<10_000 {
            let text = String(format: "%.\(Int.random(in: 0...6))f", Double.random(in: -5000...5000))
            #expect(Array(text.utf8).withUnsafeBufferPointer { CSVNumber.parse($0) } == Double(text)!, "\(text)")
        }
        // A row read field by field in one pass gives what each field parsed alone gives.
        var fields = long + ["", "12.5", "abc"]
        for _ in 0..<2_000 { fields.append("\(Double.random(in: -2000...2000) / Double([1, 3, 7, 1e9].randomElement()!))") }
        let row = Array(fields.joined(separator: ",").utf8)
        row.withUnsafeBufferPointer { buffer in
            var start = 0
            for text in fields {
                let (value, end) = CSVNumber.field(buffer, from: start)
                let expected = Double(text) ?? .nan
                #expect(value.bitPattern == expected.bitPattern || (value.isNaN && expected.isNaN), "\(text)")
                #expect(end == start + text.utf8.count)
                start = end + 1
            }
        }
        #expect(Array("2026-11-29T14:00:00Z".utf8).withUnsafeBufferPointer { CSVNumber.timestamp($0) } == 1_795_960_800)
        #expect(Array("2026-02-30T14:00:00Z".utf8).withUnsafeBufferPointer { CSVNumber.timestamp($0) } == nil)
        #expect(Array("2026-11-29 14:00:00Z".utf8).withUnsafeBufferPointer { CSVNumber.timestamp($0) } == nil)
    }

    @Test("UTC months: parsing, bounds, neighbours across a year")
    func months() {
        let december = UTCMonth("2025-12")!
        #expect(december.next.name == "2026-01" && december.previous.name == "2025-11")
        #expect(UTCMonth("2024-02")!.endDay - UTCMonth("2024-02")!.firstDay == 29)
        #expect(UTCMonth("2026-11")!.firstHour == 1_795_960_800 / 3600 - 28 * 24 - 14)
        for bad in ["2026-13", "2026-1", "26-11", "2026/11", "2026-11-01", ""] { #expect(UTCMonth(bad) == nil, "\(bad)") }
        #expect(Timestamp.day("1970-01-02") == 1 && Timestamp.day("2026-02-30") == nil)
    }

    @Test("CSVScanner splits RFC 4180 records, quotes and line ends included")
    func scanner() throws {
        var scanner = CSVScanner(bytes: Array("a,b,c\r\n\"x,1\",\"say \"\"hi\"\"\",\n\n3,\"two\nlines\",z".utf8))
        var fields: [CSVScanner.Field] = []
        var records: [[String]] = []
        while try scanner.next(into: &fields) { records.append(fields.map { scanner.text($0) }) }
        #expect(records == [["a", "b", "c"], ["x,1", "say \"hi\"", ""], ["3", "two\nlines", "z"]])
        var broken = CSVScanner(bytes: Array("a,\"b\nc".utf8))
        #expect(throws: CSVReader.SyntaxError.self) { try broken.next(into: &fields) }
    }

    @Test("correlation pairs stay inside a season's runs and never cross two cities")
    func gathers() {
        // Hours 0-3 in "djf", 4-5 in "mam", a gap (pooled cities), then 7-8 in "djf".
        let seasons = ["djf", "djf", "djf", "djf", "mam", "mam", "", "djf", "djf"]
        let (x, y) = CorrelationTable.gathers(seasons, period: "djf", gap: 2)
        #expect(x == [0, 1, 2, 3, -1, -1, 7, 8, -1, -1])
        #expect(y == [0, 1, 2, 3, 4, 5, 7, 8, -1, -1])
        let all = CorrelationTable.gathers(seasons, period: "all", gap: 1)
        #expect(all.x == [0, 1, 2, 3, 4, 5, -1, 7, 8, -1])
        #expect(all.y == [0, 1, 2, 3, 4, 5, -1, 7, 8, -1])
    }

    @Test("a frame's summaries are those of its values hour by hour; city_hourly rows can be skipped by index")
    func frameColumns() throws {
        let weather = GoldVariable.all.filter { $0.table == "weather" }.map(\.name)
        func row(_ city: String, _ time: String, _ value: Double) -> String {
            "\(city),\(time)," + weather.map { _ in "\(value)" }.joined(separator: ",")
        }
        let csv = (["city_id,observed_at," + weather.joined(separator: ","),
                    row("lyon", "2026-11-01T00:10:00Z", 10), row("lyon", "2026-11-01T00:40:00Z", 350),
                    row("lyon", "2026-11-01T02:00:00Z", 4), row("nice", "2026-11-01T01:00:00Z", 7)]).joined(separator: "\r\n") + "\r\n"
        var frame = HourlyFrame(firstHour: 20_758 * 24, hours: 24)
        try frame.add(Array(csv.utf8), table: "weather", path: "weather.csv")
        for city in frame.cities.indices {
            let summaries = frame.summaries(city: city, hours: 0..<24)
            for variable in GoldVariable.all.indices {
                let expected = GoldVariable.all[variable].kind == .direction ? nil
                    : Summary.of((0..<24).map { frame.value(city: city, hour: $0, variable: variable) })
                #expect(summaries[variable] == expected, "\(GoldVariable.all[variable].name)")
            }
        }
        // city_hourly of the frame, read back without its second row.
        let lines = GoldLines(bytes: CityTables.render("city_hourly", frame: frame))
        var back = HourlyFrame(firstHour: frame.firstHour, hours: 24)
        try back.addCityHourly(lines, skipping: [false, true, false], path: "city_hourly.csv")
        let temperature = try #require(GoldVariable.all.firstIndex { $0.name == "temperature_c" })
        let lyon = try #require(back.cityIndex("lyon")), nice = try #require(back.cityIndex("nice"))
        #expect(back.value(city: lyon, hour: 0, variable: temperature) == 180)
        #expect(back.value(city: lyon, hour: 2, variable: temperature).isNaN)
        #expect(back.value(city: nice, hour: 1, variable: temperature) == 7)
    }

    @Test("every gold table has a table schema listing exactly the columns the code writes")
    func goldSchemas() throws {
        let folder = Fixtures.repositoryRoot.appendingPathComponent("schemas/table")
        let meta = try JSONSchema(contentsOf: folder.appendingPathComponent("table.schema.json"))
        var written: [String: [String]] = [:]
        for table in CityTables.names { written[table] = CityTables.header(table) }
        for table in EventTables.names { written[table] = EventTables.header(table).split(separator: ",").map(String.init) }
        written[CorrelationTable.name] = CorrelationTable.header.split(separator: ",").map(String.init)
        written["forecasts"] = ForecastTable.forecastHeader.split(separator: ",").map(String.init)
        written["forecast_scores"] = ForecastTable.scoreHeader.split(separator: ",").map(String.init)
        written[QualityTable.name] = QualityTable.header.split(separator: ",").map(String.init)
        for (table, columns) in written {
            let url = folder.appendingPathComponent("\(table).table.json")
            let schema = try TableSchema.load(from: url)
            #expect(schema.zone == "gold", "\(table)")
            #expect(schema.columns.map(\.name) == columns, "\(table)")
            #expect(Array(columns.prefix(schema.primaryKey.count)) == schema.primaryKey, "\(table): the key comes first")
            let tape = try JSONTape(parsing: Array(try Data(contentsOf: url)))
            #expect(meta.validate(tape).isEmpty, "\(table): \(meta.validate(tape))")
        }
    }
}
