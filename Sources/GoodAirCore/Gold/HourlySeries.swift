import Foundation

/// Each city's hourly series of some variables over a span of hours, read back from
/// `gold/city_hourly` month partitions: what the event tables (exceedances, heatwaves,
/// anomalies) and the correlations are computed on. NaN is "no value".
///
/// ```swift
/// let series = try HourlySeries.load(lake: lake, months: [UTCMonth("2026-10")!, UTCMonth("2026-11")!], variables: ["no2_ugm3"])
/// series.values["paris"]?[0]   // Paris's NO2 hour by hour from 2026-10-01T00:00Z
/// ```
public struct HourlySeries: Sendable {
    /// Hour index (seconds since 1970 / 3600) of the first value.
    public let firstHour: Int
    public let hours: Int
    public let variables: [String]
    /// City → one array per variable (in ``variables``' order), `hours` long.
    public private(set) var values: [String: [[Double]]] = [:]
    /// City → whether `city_hourly` has a row for each hour.
    public private(set) var present: [String: [Bool]] = [:]
    /// The `city_hourly` files read, for lineage.
    public private(set) var sources: [LineageFile] = []

    /// Reads the months (consecutive, in order) of `gold/city_hourly`; a month without a partition
    /// is all NaN.
    public static func load(lake: Lake, months: [UTCMonth], variables: [String]) throws -> HourlySeries {
        guard let first = months.first, let last = months.last else {
            return HourlySeries(firstHour: 0, hours: 0, variables: variables)
        }
        var series = HourlySeries(firstHour: first.firstHour, hours: last.endHour - first.firstHour, variables: variables)
        for month in months {
            let url = lake.gold.appendingPathComponent("city_hourly/month=\(month.name)/part-00000.csv")
            guard let data = FileManager.default.contents(atPath: url.path) else { continue }
            let bytes = Array(data)
            try series.add(bytes, path: lake.relativePath(url))
            series.sources.append(LineageFile(lake: lake, url: url, contents: bytes))
        }
        return series
    }

    init(firstHour: Int, hours: Int, variables: [String]) {
        self.firstHour = firstHour
        self.hours = hours
        self.variables = variables
    }

    /// The series of `variables` (names in ``GoldVariable/all``) over `hours`, from the frames
    /// that cover them (the rest is missing), each value as its frame gives it; an hour is present
    /// where a source has rows (where `city_hourly` has a row). With frames of `city_hourly` rows
    /// (``HourlyFrame/addCityHourly(_:path:)``), the series ``load(lake:months:variables:)`` reads.
    init(frames: [HourlyFrame], hours: Range<Int>, variables: [String]) {
        self.init(firstHour: hours.lowerBound, hours: hours.count, variables: variables)
        let indexes = variables.map { name in GoldVariable.all.firstIndex { $0.name == name }! }
        for frame in frames {
            let from = max(hours.lowerBound, frame.firstHour), to = min(hours.upperBound, frame.firstHour + frame.hours)
            guard from < to else { continue }
            for (city, id) in frame.cities.enumerated() {
                // Filled outside the dictionaries, stored back once: one lookup per city, not per value.
                var columns = values.removeValue(forKey: id)
                    ?? Array(repeating: Array(repeating: .nan, count: hours.count), count: variables.count)
                var presence = present.removeValue(forKey: id) ?? Array(repeating: false, count: hours.count)
                for (index, variable) in indexes.enumerated() {
                    columns[index].withUnsafeMutableBufferPointer { column in
                        for hour in from..<to {
                            column[hour - firstHour] = frame.value(city: city, hour: hour - frame.firstHour, variable: variable)
                        }
                    }
                }
                for hour in from..<to {
                    presence[hour - firstHour] = GoldVariable.sources.indices.contains { frame.rows(city: city, hour: hour - frame.firstHour, source: $0) > 0 }
                }
                values[id] = columns
                present[id] = presence
            }
        }
    }

    private mutating func add(_ bytes: [UInt8], path: String) throws {
        var scanner = CSVScanner(bytes: bytes)
        var fields: [CSVScanner.Field] = []
        guard try scanner.next(into: &fields) else { return }
        let header = fields.map { scanner.text($0) }
        guard let cityColumn = header.firstIndex(of: "city_id"), let hourColumn = header.firstIndex(of: "hour") else {
            throw AggregateError.goldFile(path: path, reason: "no city_id or hour column")
        }
        let columns = try variables.map { name in
            guard let column = header.firstIndex(of: name) else { throw AggregateError.goldFile(path: path, reason: "no column \(name)") }
            return column
        }
        while try scanner.next(into: &fields) {
            guard fields.count == header.count,
                  let seconds = scanner.bytes.withUnsafeBufferPointer({ CSVNumber.timestamp(UnsafeBufferPointer(rebasing: $0[fields[hourColumn].range])) })
            else { throw AggregateError.goldFile(path: path, reason: "line \(scanner.line) is not a city_hourly row") }
            let hour = seconds / 3600 - firstHour
            guard hour >= 0 && hour < hours else { continue }
            let city = scanner.text(fields[cityColumn])
            if values[city] == nil {
                values[city] = Array(repeating: Array(repeating: .nan, count: hours), count: variables.count)
                present[city] = Array(repeating: false, count: hours)
            }
            present[city]![hour] = true
            for (index, column) in columns.enumerated() { values[city]![index][hour] = scanner.number(fields[column]) }
        }
    }

    /// Consecutive series (each starting where the previous one ends, with the same variables)
    /// joined into one.
    static func joined(_ parts: [HourlySeries]) -> HourlySeries {
        guard let first = parts.first else { return HourlySeries(firstHour: 0, hours: 0, variables: []) }
        var joined = HourlySeries(firstHour: first.firstHour, hours: parts.reduce(0) { $0 + $1.hours }, variables: first.variables)
        let cities = Set(parts.flatMap { $0.values.keys })
        joined.sources = parts.flatMap(\.sources)
        for city in cities {
            var columns = [[Double]](repeating: [], count: first.variables.count)
            for part in parts {
                for variable in columns.indices {
                    columns[variable] += part.values[city]?[variable] ?? [Double](repeating: .nan, count: part.hours)
                }
            }
            joined.values[city] = columns
            joined.present[city] = parts.flatMap { $0.present[city] ?? Array(repeating: false, count: $0.hours) }
        }
        return joined
    }

    /// Makes every value at or after `hour` missing (data of a day not complete yet).
    mutating func truncate(beforeHour hour: Int) {
        let keep = max(0, min(hours, hour - firstHour))
        for city in values.keys {
            for variable in values[city]!.indices {
                for index in keep..<hours { values[city]![variable][index] = .nan }
            }
        }
    }
}
