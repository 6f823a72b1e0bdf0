import Foundation
@testable import GoodAirCore
@testable import GoodAirWarehouse
import GoodAirTesting

/// Gold CSV files written by hand into a temporary lake, with the values they hold, so the
/// warehouse can be compared with what it was loaded from. Values are a deterministic function
/// of (city, hour, variable), with NULLs sprinkled in; daily and monthly aggregates are computed
/// from them as the aggregator does (mean, min, max over the hours present; sum for amounts).
struct WarehouseFixture {
    let lake: TemporaryLake
    let cities: [String]
    let months: [String]
    /// Added to every value: changing it changes every number of the months written after.
    var shift = 0.0
    /// The days (since 1970) whose hourly values `shift` is added to; every day when nil.
    var shiftedDays: Range<Int>?

    init(cities: Int = 3, months: [String] = ["2026-06", "2026-07", "2026-08"]) throws {
        lake = try TemporaryLake()
        self.cities = Array(try lake.catalog().cities.prefix(cities).map(\.id)).sorted()
        self.months = months
        let thresholds = Fixtures.repositoryRoot.appendingPathComponent("lake/reference/thresholds.csv")
        try AtomicFile.write(Array(try Data(contentsOf: thresholds)), to: lake.lake.reference.appendingPathComponent("thresholds.csv"))
    }

    var gold: URL { lake.lake.gold }

    /// The value of `variable` (index in ``GoldVariable/all``) for `city` at `hour` (Unix seconds),
    /// NaN for NULL.
    func value(city: Int, hour: Int, variable: Int) -> Double {
        let h = hour / 3600
        if (h + variable * 7 + city * 3) % 23 == 0 { return .nan }
        if GoldVariable.all[variable].kind == .amount { return h % 11 == 0 ? Double(h % 7) * 0.25 : 0 }
        let wave = sin(Double(h) * 0.26 + Double(city)) * 10
        let shifted = shiftedDays.map { $0.contains(hour / 86_400) } ?? true
        return ((wave + Double(variable * 3 + city)) * 1000).rounded() / 1000 + (shifted ? shift : 0)
    }

    /// Writes every table of every month, the correlations and the stations.
    func writeAll() throws {
        for month in months { try write(month: month) }
        try writeCorrelations()
        try writeStations()
    }

    /// Writes the gold files of `month`.
    func write(month: String) throws {
        let wm = try WarehouseMonth(month)
        let hours = Array(stride(from: wm.firstSecond, to: wm.nextSecond, by: 3600))
        var hourly = [CityTables.header("city_hourly").joined(separator: ",")]
        var daily = [CityTables.header("city_daily").joined(separator: ",")]
        var monthly = [CityTables.header("city_monthly").joined(separator: ",")]
        for (c, city) in cities.enumerated() {
            for hour in hours {
                var line = CSVLine()
                line.appendText(city); line.comma(); line.appendTimestamp(hour)
                for v in GoldVariable.all.indices { line.comma(); line.appendExactDouble(value(city: c, hour: hour, variable: v)) }
                line.bytes += Array(",1,1,1".utf8)
                hourly.append(String(decoding: line.bytes, as: UTF8.self))
            }
            for day in stride(from: 0, to: hours.count, by: 24) {
                daily.append(aggregateLine(city: c, key: String(CSVField.timestamp(hours[day]).prefix(10)), hours: Array(hours[day..<day + 24])))
            }
            monthly.append(aggregateLine(city: c, key: month, hours: hours))
        }
        try put("city_hourly", month, hourly)
        try put("city_daily", month, daily)
        try put("city_monthly", month, monthly)
        let start = CSVField.timestamp(wm.firstSecond + 86_400 * 2 + 3600 * 9)
        let end = CSVField.timestamp(wm.firstSecond + 86_400 * 2 + 3600 * 11)
        try put("exceedances", month, [EventTables.header("exceedances"),
            "\(cities[0]),no2,fr_information,\(start),information,200.0,1h,1,\(end),3,\(231.5 + shift)",
            "\(cities[0]),pm10,fr_information,\(start),information,50.0,24h rolling mean,1,\(end),3,\(61.25 + shift)"])
        let startDate = "\(month)-10", endDate = "\(month)-13"
        try put("heatwaves", month, [EventTables.header("heatwaves"),
            "\(cities[1]),\(startDate),\(endDate),4,\(22.5 + shift),35.25,21.0,31.0"])
        try put("anomalies", month, [EventTables.header("anomalies"),
            "\(cities[0]),no2_ugm3,\(start),\(88.5 + shift),20.0,7.25,5.0",
            "\(cities[0]),temperature_c,\(end),\(41.0 + shift),25.5,6.5,5.0"])
    }

    /// `,mean,min,max[,sum]` per variable and the hours observed per source, as `CityTables` does.
    private func aggregateLine(city c: Int, key: String, hours: [Int]) -> String {
        var line = CSVLine()
        line.appendText(cities[c]); line.comma(); line.appendText(key)
        for (v, variable) in GoldVariable.all.enumerated() where variable.kind != .direction {
            let values = hours.map { value(city: c, hour: $0, variable: v) }.filter { !$0.isNaN }
            let summary = values.isEmpty ? nil : (mean: values.reduce(0, +) / Double(values.count), min: values.min()!, max: values.max()!)
            for number in [summary?.mean, summary?.min, summary?.max] { line.comma(); if let number { line.appendExactDouble(number) } }
            if variable.kind == .amount { line.comma(); if !values.isEmpty { line.appendExactDouble(values.reduce(0, +)) } }
        }
        for _ in GoldVariable.sources { line.comma(); line.appendInt(hours.count) }
        return String(decoding: line.bytes, as: UTF8.self)
    }

    func writeCorrelations(r: Double = 0.4321) throws {
        var lines = [CorrelationTable.header]
        for scope in ["all"] + cities {
            for lag in 0..<3 { lines.append("\(scope),all,temperature_c,no2_ugm3,pearson,\(lag),120,\(r + Double(lag) / 100)") }
        }
        try Self.write(lines.joined(separator: "\r\n") + "\r\n", to: gold.appendingPathComponent("correlations/part-00000.csv"))
    }

    func writeStations() throws {
        try Self.write("""
            station_id,name,lat,lon,url,attribution,first_seen,last_seen\r
            3095,"Paris, Les Halles",48.86,2.34,https://aqicn.org/city/paris,Airparif,2026-06-01T00:00:00Z,2026-08-31T23:00:00Z\r
            4127,Lyon Centre,,,,,2026-06-01T00:00:00Z,2026-08-31T23:00:00Z\r

            """, to: lake.lake.silver.appendingPathComponent("stations/stations.csv"))
    }

    /// Writes `lines` as `gold/<table>/month=<month>/part-00000.csv`.
    func put(_ table: String, _ month: String, _ lines: [String]) throws {
        try Self.write(lines.joined(separator: "\r\n") + "\r\n",
                       to: gold.appendingPathComponent("\(table)/month=\(month)/part-00000.csv"))
    }

    /// Writes atomically without fsync: test data need not survive a power cut.
    static func write(_ text: String, to url: URL) throws {
        try AtomicFile.write(Array(text.utf8), to: url, syncFolder: false, durable: false)
    }
}
