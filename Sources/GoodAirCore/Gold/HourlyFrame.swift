#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every city's hourly values over a span of hours (a month, for the gold zone), built from silver
/// rows: each variable's mean over the rows observed in that UTC hour (a circular mean for
/// directions), and how many rows each source gave. NaN is "no value".
///
/// ```swift
/// var frame = HourlyFrame(firstHour: hour, hours: 744)
/// try frame.add(silverFileBytes, table: "weather")
/// frame.value(city: frame.cityIndex("paris")!, hour: 0, variable: 0)   // mean temperature_c of the first hour
/// ```
public struct HourlyFrame: Sendable {
    public let firstHour: Int
    public let hours: Int
    public private(set) var cities: [String] = []
    private var cityIndexes: [String: Int] = [:]
    /// Per city: `hours × variables` sums (of sines for directions), counts, cosine sums (for
    /// directions); and per source, `hours` row counts.
    private var sums: [[Double]] = []
    private var cosines: [[Double]] = []
    private var counts: [[Int32]] = []
    private var sourceRows: [[Int32]] = []
    /// For directions: the first value of the hour (returned as is when it is the only one).
    private var firstDirections: [[Double]] = []

    static let variableCount = GoldVariable.all.count

    public init(firstHour: Int, hours: Int) {
        self.firstHour = firstHour
        self.hours = hours
    }

    public func cityIndex(_ id: String) -> Int? { cityIndexes[id] }

    /// Adds the rows of one silver partition file of `table`. Rows observed outside the frame's
    /// hours are ignored; a file without the table's key columns throws.
    public mutating func add(_ bytes: [UInt8], table: String, path: String) throws {
        var scanner = CSVScanner(bytes: bytes)
        var fields: [CSVScanner.Field] = []
        guard try scanner.next(into: &fields) else { return }
        let header = fields.map { scanner.text($0) }
        guard let cityColumn = header.firstIndex(of: "city_id"), let observedColumn = header.firstIndex(of: "observed_at") else {
            throw AggregateError.silverFile(path: path, reason: "no city_id or observed_at column")
        }
        let columns: [(variable: Int, column: Int)] = GoldVariable.all.enumerated().compactMap { variable, gold in
            guard gold.table == table, let column = header.firstIndex(of: gold.name) else { return nil }
            return (variable, column)
        }
        let source = GoldVariable.sources.firstIndex(of: table)!
        let width = Self.variableCount
        while try scanner.next(into: &fields) {
            guard fields.count == header.count else {
                throw AggregateError.silverFile(path: path, reason: "line \(scanner.line) has \(fields.count) fields, not \(header.count)")
            }
            let observed = scanner.bytes.withUnsafeBufferPointer { CSVNumber.timestamp(UnsafeBufferPointer(rebasing: $0[fields[observedColumn].range])) }
            guard let observed else {
                throw AggregateError.silverFile(path: path, reason: "line \(scanner.line): observed_at is not a timestamp")
            }
            let hour = CivilTime.floorDiv(observed, 3600) - firstHour
            guard hour >= 0 && hour < hours else { continue }
            let city = self.city(scanner.text(fields[cityColumn]))
            sourceRows[city][source * hours + hour] += 1
            for (variable, column) in columns {
                let value = scanner.number(fields[column])
                guard !value.isNaN else { continue }
                let slot = hour * width + variable
                if GoldVariable.all[variable].kind == .direction {
                    let radians = value * .pi / 180
                    sums[city][slot] += sin(radians)
                    cosines[city][slot] += cos(radians)
                    if counts[city][slot] == 0 { firstDirections[city][slot] = value }
                } else {
                    sums[city][slot] += value
                }
                counts[city][slot] += 1
            }
        }
    }

    private mutating func city(_ id: String) -> Int {
        if let index = cityIndexes[id] { return index }
        let index = cities.count
        cities.append(id)
        cityIndexes[id] = index
        sums.append([Double](repeating: 0, count: hours * Self.variableCount))
        cosines.append([Double](repeating: 0, count: hours * Self.variableCount))
        counts.append([Int32](repeating: 0, count: hours * Self.variableCount))
        sourceRows.append([Int32](repeating: 0, count: hours * GoldVariable.sources.count))
        firstDirections.append([Double](repeating: .nan, count: hours * Self.variableCount))
        return index
    }

    /// The hour's value of a variable (NaN when no row had one): a mean, or for a direction the
    /// circular mean in [0, 360) (the value itself when only one row had one).
    public func value(city: Int, hour: Int, variable: Int) -> Double {
        let slot = hour * Self.variableCount + variable
        let n = counts[city][slot]
        guard n > 0 else { return .nan }
        guard GoldVariable.all[variable].kind == .direction else { return sums[city][slot] / Double(n) }
        if n == 1 { return firstDirections[city][slot] }
        let degrees = atan2(sums[city][slot], cosines[city][slot]) * 180 / .pi
        return degrees < 0 ? degrees + 360 : degrees
    }

    /// How many rows `source` (an index in ``GoldVariable/sources``) gave for the hour.
    public func rows(city: Int, hour: Int, source: Int) -> Int { Int(sourceRows[city][source * hours + hour]) }
}
