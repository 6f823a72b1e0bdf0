import Foundation
@testable import GoodAirCore
import GoodAirTesting
import Testing

@Suite("CityCatalog")
struct CityCatalogTests {
    private static let header =
        "city_id,name,insee_code,department_code,region,lat,lon,population,heatwave_tmin_c,heatwave_tmax_c,aqicn_uid,timezone"
    private static let paris = "paris,Paris,75056,75,Île-de-France,48.8567,2.3522,2133111,21,31,,Europe/Paris"
    private static let lyon = "lyon,Lyon,69123,69,Auvergne-Rhône-Alpes,45.7597,4.8422,522250,20,34,,Europe/Paris"
    private static let ajaccio = "ajaccio,Ajaccio,2A004,2A,Corse,41.9192,8.7386,71361,22,34,5555,Europe/Paris"

    /// A file with a header, Paris, Lyon, then `extra` (line 4 onward).
    private static func csv(_ extra: String...) -> String {
        ([header, paris, lyon] + extra).joined(separator: "\n") + "\n"
    }

    /// The Lyon row with one column replaced.
    private static func lyonRow(_ column: String, _ value: String, id: String = "other") -> String {
        let names = header.split(separator: ",").map(String.init)
        var fields = lyon.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[0] = id
        fields[2] = "69266"   // a distinct INSEE code, so only `column` is wrong
        fields[names.firstIndex(of: column)!] = value
        return fields.joined(separator: ",")
    }

    private func refusal(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> ReferenceError {
        try #require(throws: ReferenceError.self, sourceLocation: sourceLocation) { try CityCatalog.parse(text) }
    }

    // MARK: - The repository's file

    @Test("the repository's cities.csv loads and is sane")
    func repositoryFile() throws {
        let catalog = try CityCatalog.load(from: Fixtures.repositoryCitiesFile)
        let cities = catalog.cities
        #expect(cities.count >= 20)
        let first = try #require(cities.first)
        #expect(first.id == "paris")
        #expect(first.inseeCode == "75056")
        #expect(first.departmentCode == "75")
        #expect(first.aqicnUID == nil)
        #expect(Set(cities.map(\.id)).count == cities.count, "ids are unique")
        #expect(Set(cities.map(\.inseeCode)).count == cities.count, "INSEE codes are unique")
        for city in cities {
            #expect(city.id.range(of: "^[a-z0-9]+(-[a-z0-9]+)*$", options: .regularExpression) != nil, "\(city.id)")
            #expect((41.0...51.5).contains(city.latitude), "\(city.id) lat \(city.latitude)")
            #expect((-5.5...10.0).contains(city.longitude), "\(city.id) lon \(city.longitude)")
            #expect(city.heatwaveTminC < city.heatwaveTmaxC, "\(city.id)")
            #expect(city.population > 0)
            #expect(city.inseeCode.hasPrefix(city.departmentCode))
        }
        let nice = try #require(cities.first { $0.id == "nice" })
        #expect(nice.inseeCode == "06088", "leading zero kept")
        let stEtienne = try #require(cities.first { $0.id == "saint-etienne" })
        #expect(stEtienne.name == "Saint-Étienne")
        #expect(cities.map(\.population) == cities.map(\.population).sorted(by: >), "sorted by population")
    }

    @Test("a missing file is refused with its path")
    func missingFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-\(UUID().uuidString).csv")
        let error = try #require(throws: ReferenceError.self) { try CityCatalog.load(from: url) }
        #expect(error.file == url.path)
        #expect(error.line == nil)
    }

    @Test("a valid file parses every field, Corsican codes and uids included")
    func validFields() throws {
        let catalog = try CityCatalog.parse(Self.csv(Self.ajaccio))
        #expect(catalog.cities.map(\.id) == ["paris", "lyon", "ajaccio"])
        let ajaccio = catalog.cities[2]
        #expect(ajaccio == City(id: "ajaccio", name: "Ajaccio", inseeCode: "2A004", departmentCode: "2A", region: "Corse",
                                latitude: 41.9192, longitude: 8.7386, population: 71361,
                                heatwaveTminC: 22, heatwaveTmaxC: 34, aqicnUID: 5555))
    }

    @Test("columns may come in any order and extra columns are ignored")
    func columnOrder() throws {
        let text = """
        aqicn_uid,heatwave_tmax_c,heatwave_tmin_c,population,lon,lat,region,department_code,insee_code,name,city_id,note
        ,31,21,2133111,2.3522,48.8567,Île-de-France,75,75056,Paris,paris,capital

        """
        let city = try #require(try CityCatalog.parse(text).cities.first)
        #expect(city.id == "paris" && city.latitude == 48.8567 && city.heatwaveTmaxC == 31)
    }

    // MARK: - Broken files

    @Test("a missing column is named, on the header line")
    func missingColumn() throws {
        let text = Self.csv().replacingOccurrences(of: ",heatwave_tmax_c", with: "")
        let error = try refusal(text)
        #expect(error.line == 1)
        #expect(error.reason.contains("heatwave_tmax_c"))
        #expect(error.description.contains("cities.csv, line 1"))
    }

    @Test("a duplicate city_id names the second line")
    func duplicateID() throws {
        let error = try refusal(Self.csv(Self.lyonRow("insee_code", "69266", id: "paris")))
        #expect(error.line == 4)
        #expect(error.reason.contains("city_id 'paris' appears twice"))
    }

    @Test("a duplicate insee_code names the second line")
    func duplicateINSEE() throws {
        let error = try refusal(Self.csv(Self.lyonRow("insee_code", "69123")))
        #expect(error.line == 4)
        #expect(error.reason.contains("insee_code '69123'"))
    }

    @Test("each bad value names its line and its column", arguments: [
        ("city_id", "Saint Étienne"),
        ("city_id", "-paris"),
        ("city_id", "Paris"),
        ("city_id", ""),
        ("lat", "abc"),
        ("lat", "40.5"),
        ("lat", "nan"),
        ("lon", "12.0"),
        ("population", "-3"),
        ("population", "0"),
        ("population", "12.5"),
        ("heatwave_tmin_c", "5"),
        ("aqicn_uid", "x"),
        ("insee_code", "6912"),
        ("department_code", "13"),
        ("name", ""),
        ("region", " "),
    ])
    func badValue(column: String, value: String) throws {
        let id = column == "city_id" ? value : "other"
        let error = try refusal(Self.csv(Self.lyonRow(column, value, id: id)))
        #expect(error.line == 4, "\(error)")
        #expect(error.reason.hasPrefix("column \(column):"), "\(error)")
        if column != "region" && !value.isEmpty {
            #expect(error.reason.contains(value), "\(error)")
        }
    }

    @Test("heatwave_tmin_c must be below heatwave_tmax_c")
    func tminNotBelowTmax() throws {
        var row = Self.lyonRow("heatwave_tmin_c", "30")
        row = row.replacingOccurrences(of: ",30,34,", with: ",30,30,")
        let error = try refusal(Self.csv(row))
        #expect(error.line == 4)
        #expect(error.reason.hasPrefix("column heatwave_tmin_c:"))
        #expect(error.reason.contains("heatwave_tmax_c"))
        let above = try refusal(Self.csv(Self.lyonRow("heatwave_tmin_c", "34").replacingOccurrences(of: ",34,34,", with: ",34,25,")))
        #expect(above.line == 4)
    }

    @Test("a row with the wrong number of fields names its line", arguments: [
        "lyon2,Lyon,69266,69,Auvergne-Rhône-Alpes,45.7597,4.8422,522250,20,34,",
        "lyon2,Lyon,69266,69,Auvergne-Rhône-Alpes,45.7597,4.8422,522250,20,34,,Europe/Paris,extra",
    ])
    func wrongFieldCount(row: String) throws {
        let error = try refusal(Self.csv(row))
        #expect(error.line == 4)
        #expect(error.reason.contains("where the header has 12"))
    }

    @Test("line numbers count blank lines and multi-line quoted fields")
    func linesAfterQuotedField() throws {
        let quoted = "marseille,\"Marseille\nsur deux lignes\",13055,13,Provence,43.2964,5.3700,873076,24,35,,Europe/Paris"
        let text = [Self.header, Self.paris, "", quoted, Self.lyonRow("lat", "abc")].joined(separator: "\n")
        let error = try refusal(text)
        #expect(error.line == 6)
    }

    @Test("a CSV syntax error becomes a ReferenceError with the line")
    func syntax() throws {
        let error = try refusal(Self.csv("lyon2,Ly\"on,69266"))
        #expect(error.line == 4)
        #expect(error.reason.contains("quote"))
    }

    @Test("an empty file, and a header alone, are refused")
    func empty() throws {
        for text in ["", "\n\n", "\u{FEFF}"] {
            let error = try refusal(text)
            #expect(error.line == nil)
            #expect(error.reason.contains("empty"))
        }
        let headerOnly = try refusal(Self.header + "\n")
        #expect(headerOnly.reason.contains("no city"))
    }

    @Test("a column named twice is refused")
    func duplicateColumn() throws {
        let error = try refusal(Self.header + ",lat\n" + Self.paris + ",1\n")
        #expect(error.line == 1)
        #expect(error.reason.contains("'lat' appears twice"))
    }

    // MARK: - select

    @Test("select keeps the file's order, whatever the order asked")
    func selectOrder() throws {
        let catalog = try CityCatalog.load(from: Fixtures.repositoryCitiesFile)
        let picked = try catalog.select(["nice", "paris", "lyon", "paris"])
        #expect(picked.map(\.id) == ["paris", "lyon", "nice"])
    }

    @Test("select names an unknown id")
    func selectUnknown() throws {
        let catalog = try CityCatalog.load(from: Fixtures.repositoryCitiesFile)
        let error = try #require(throws: ReferenceError.self) { try catalog.select(["paris", "atlantis"]) }
        #expect(error.reason.contains("'atlantis'"))
    }

    @Test("an empty selection selects every city")
    func selectAll() throws {
        let catalog = try CityCatalog.load(from: Fixtures.repositoryCitiesFile)
        #expect(try catalog.select([]) == catalog.cities)
    }
}
