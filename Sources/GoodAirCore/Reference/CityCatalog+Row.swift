/// Reads and checks one row of `cities.csv`.
struct RowReader {
    let row: CSVReader.Row
    let column: [String: Int]
    let file: String

    func field(_ name: String) -> String {
        row.fields[column[name]!].trimmingCharacters(in: .whitespaces)
    }

    func fail(_ name: String, _ reason: String) -> ReferenceError {
        ReferenceError(file: file, line: row.line, reason: "column \(name): \(reason)")
    }

    func number(_ name: String, in range: ClosedRange<Double>) throws -> Double {
        let text = field(name)
        guard let value = Double(text), value.isFinite else { throw fail(name, "'\(text)' is not a number") }
        guard range.contains(value) else {
            throw fail(name, "\(text) is outside \(range.lowerBound)…\(range.upperBound)")
        }
        return value
    }

    func city() throws -> City {
        let id = field("city_id")
        let slugBytes = Array(id.utf8)
        let isSlug = !slugBytes.isEmpty && slugBytes.first != UInt8(ascii: "-") && slugBytes.last != UInt8(ascii: "-")
            && slugBytes.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
        guard isSlug else { throw fail("city_id", "'\(id)' is not a lowercase ASCII slug ([a-z0-9-])") }
        let name = field("name")
        guard !name.isEmpty else { throw fail("name", "empty") }
        let insee = field("insee_code")
        guard insee.count == 5, insee.utf8.allSatisfy({ (0x30...0x39).contains($0) || $0 == 0x41 || $0 == 0x42 }) else {
            throw fail("insee_code", "'\(insee)' is not a 5-character INSEE code")
        }
        let department = field("department_code")
        guard (2...3).contains(department.count), insee.hasPrefix(department) else {
            throw fail("department_code", "'\(department)' does not match insee_code \(insee)")
        }
        let region = field("region")
        guard !region.isEmpty else { throw fail("region", "empty") }
        // Metropolitan France and Corsica, with a margin.
        let lat = try number("lat", in: 41.0...51.5)
        let lon = try number("lon", in: -5.5...10.0)
        let populationText = field("population")
        guard let population = Int(populationText), population > 0 else {
            throw fail("population", "'\(populationText)' is not a positive whole number")
        }
        let tmin = try number("heatwave_tmin_c", in: 10...35)
        let tmax = try number("heatwave_tmax_c", in: 20...45)
        guard tmin < tmax else { throw fail("heatwave_tmin_c", "\(tmin) is not below heatwave_tmax_c \(tmax)") }
        let uidText = field("aqicn_uid")
        var uid: Int?
        if !uidText.isEmpty {
            guard let value = Int(uidText) else { throw fail("aqicn_uid", "'\(uidText)' is not a whole number") }
            uid = value
        }
        return City(id: id, name: name, inseeCode: insee, departmentCode: department, region: region,
                    latitude: lat, longitude: lon, population: population,
                    heatwaveTminC: tmin, heatwaveTmaxC: tmax, aqicnUID: uid)
    }
}
