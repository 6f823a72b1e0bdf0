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
    /// Per city (``HourlyBlock``): `hours × variables` sums (of sines for directions) and counts;
    /// `hours × directions` cosine sums and the hour's first value (returned as is when it is the
    /// only one); and per source, `hours` row counts. Shared between copies of a frame until one
    /// writes it.
    private(set) var blocks: [HourlyBlock] = []

    static let variableCount = GoldVariable.all.count
    /// Each variable's index among the directions (-1 for the others), and their number: the
    /// direction arrays hold only them.
    static let directionIndexes: [Int] = {
        var indexes: [Int] = [], next = 0
        for variable in GoldVariable.all {
            indexes.append(variable.kind == .direction ? next : -1)
            if variable.kind == .direction { next += 1 }
        }
        return indexes
    }()
    static let directionCount = GoldVariable.all.filter { $0.kind == .direction }.count

    public init(firstHour: Int, hours: Int) {
        self.firstHour = firstHour
        self.hours = hours
    }

    /// A frame of `cities` with their blocks as they are (read from a ``CityHourlyCache`` file).
    init(firstHour: Int, hours: Int, cities: [String], blocks: [HourlyBlock]) {
        self.init(firstHour: firstHour, hours: hours)
        self.cities = cities
        self.blocks = blocks
        for (index, id) in cities.enumerated() { cityIndexes[id] = index }
    }

    public func cityIndex(_ id: String) -> Int? { cityIndexes[id] }

    /// Adds the rows of one silver partition file of `table`. Rows observed outside the frame's
    /// hours are ignored, and counted in the result; a file without the table's key columns throws.
    @discardableResult
    public mutating func add(_ bytes: [UInt8], table: String, path: String) throws -> Int {
        var scanner = CSVScanner(bytes: bytes)
        var fields: [CSVScanner.Field] = []
        guard try scanner.next(into: &fields) else { return 0 }
        let header = fields.map { scanner.text($0) }
        guard let cityColumn = header.firstIndex(of: "city_id"), let observedColumn = header.firstIndex(of: "observed_at") else {
            throw AggregateError.silverFile(path: path, reason: "no city_id or observed_at column")
        }
        let columns: [(variable: Int, column: Int)] = GoldVariable.all.enumerated().compactMap { variable, gold in
            guard gold.table == table, let column = header.firstIndex(of: gold.name) else { return nil }
            return (variable, column)
        }
        let source = GoldVariable.sources.firstIndex(of: table)!
        let width = Self.variableCount, directionWidth = Self.directionCount
        var outside = 0
        while try scanner.next(into: &fields) {
            guard fields.count == header.count else {
                throw AggregateError.silverFile(path: path, reason: "line \(scanner.line) has \(fields.count) fields, not \(header.count)")
            }
            let observed = scanner.bytes.withUnsafeBufferPointer { CSVNumber.timestamp(UnsafeBufferPointer(rebasing: $0[fields[observedColumn].range])) }
            guard let observed else {
                throw AggregateError.silverFile(path: path, reason: "line \(scanner.line): observed_at is not a timestamp")
            }
            let hour = CivilTime.floorDiv(observed, 3600) - firstHour
            guard hour >= 0 && hour < hours else {
                outside += 1
                continue
            }
            let block = writable(self.city(scanner.text(fields[cityColumn])))
            block.sourceRows[source * hours + hour] += 1
            for (variable, column) in columns {
                let value = scanner.number(fields[column])
                guard !value.isNaN else { continue }
                let slot = hour * width + variable
                let direction = Self.directionIndexes[variable]
                if direction >= 0 {
                    let radians = value * .pi / 180, directionSlot = hour * directionWidth + direction
                    block.sums[slot] += sin(radians)
                    block.cosines[directionSlot] += cos(radians)
                    if block.counts[slot] == 0 { block.firstDirections[directionSlot] = value }
                } else {
                    block.sums[slot] += value
                }
                block.counts[slot] += 1
            }
        }
        return outside
    }

    /// Adds the rows of a `gold/city_hourly` file as they were written: each value is one
    /// observation of its hour, so ``value(city:hour:variable:)`` gives it back exactly (gold
    /// writes numbers that read back as the same double), and each `<source>_rows` count is the
    /// hour's rows of that source. Rows outside the frame's hours, and rows whose index `skipping`
    /// marks, are skipped undecoded.
    ///
    /// ```swift
    /// var frame = HourlyFrame(firstHour: month.firstHour, hours: month.endHour - month.firstHour)
    /// try frame.addCityHourly(GoldLines(bytes: cityHourlyBytes), path: "gold/city_hourly/month=2026-11/part-00000.csv")
    /// ```
    mutating func addCityHourly(_ lines: GoldLines, skipping: [Bool]? = nil, path: String) throws {
        guard let headerRange = lines.header else { return }
        let header = lines.withBytes { $0[headerRange].split(separator: 0x2C, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) } }
        guard header.count > 2, header[0] == "city_id", header[1] == "hour" else {
            throw AggregateError.goldFile(path: path, reason: "not a city_hourly header")
        }
        // Per column: a variable (≥ 0), a source's row count (-2 - source), or nothing (-1).
        let roles = header.map { name -> Int in
            if let variable = GoldVariable.all.firstIndex(where: { $0.name == name }) { return variable }
            if name.hasSuffix("_rows"), let source = GoldVariable.sources.firstIndex(of: String(name.dropLast(5))) { return -2 - source }
            return -1
        }
        let width = Self.variableCount
        let variables = roles.enumerated().filter { $0.element >= 0 }.map { (column: $0.offset, variable: $0.element) }
        let directions = variables.filter { Self.directionIndexes[$0.variable] >= 0 }
        let directionWidth = Self.directionCount
        let sources = roles.enumerated().filter { $0.element <= -2 }.map { (column: $0.offset, source: -2 - $0.element) }
        var parsed = [Double](repeating: .nan, count: roles.count)
        var lastCity = 0..<0, city = -1
        try lines.withBytes { buffer in
            for (number, range) in lines.rows.enumerated() where skipping?[number] != true {
                var comma = range.lowerBound
                while comma < range.upperBound && buffer[comma] != 0x2C { comma += 1 }
                let hourStart = comma + 1
                guard hourStart + 20 <= range.upperBound,
                      let seconds = CSVNumber.timestamp(UnsafeBufferPointer(rebasing: buffer[hourStart..<hourStart + 20])) else {
                    throw AggregateError.goldFile(path: path, reason: "row \(number + 1) has no hour")
                }
                let hour = CivilTime.floorDiv(seconds, 3600) - firstHour
                guard hour >= 0 && hour < hours else { continue }
                let id = range.lowerBound..<comma
                if city < 0 || !buffer[id].elementsEqual(buffer[lastCity]) {
                    city = self.city(String(decoding: buffer[id], as: UTF8.self))
                    lastCity = id
                }
                // The row's fields first, then one write per array (one uniqueness check each).
                let row = UnsafeBufferPointer(rebasing: buffer[range])
                var column = 2, start = hourStart + 21 - range.lowerBound
                while column < roles.count && start <= row.count {
                    if roles[column] != -1 {
                        let (value, end) = CSVNumber.field(row, from: start)
                        parsed[column] = value
                        start = end + 1
                    } else {
                        var end = start
                        while end < row.count && row[end] != 0x2C { end += 1 }
                        start = end + 1
                    }
                    column += 1
                }
                let block = writable(city)
                for (column, variable) in variables {
                    let value = parsed[column], slot = hour * width + variable
                    block.counts[slot] = value.isNaN ? 0 : 1
                    if !value.isNaN { block.sums[slot] = value }
                }
                for (column, variable) in directions where !parsed[column].isNaN {
                    block.firstDirections[hour * directionWidth + Self.directionIndexes[variable]] = parsed[column]
                }
                for (column, source) in sources {
                    block.sourceRows[source * hours + hour] = parsed[column].isNaN ? 0 : Int32(parsed[column])
                }
                guard column == roles.count && start == row.count + 1 else {
                    throw AggregateError.goldFile(path: path, reason: "row \(number + 1) has not \(roles.count) fields")
                }
            }
        }
    }

    private mutating func city(_ id: String) -> Int {
        if let index = cityIndexes[id] { return index }
        let index = cities.count
        cities.append(id)
        cityIndexes[id] = index
        blocks.append(HourlyBlock(hours: hours))
        return index
    }

    /// The block of `city`, copied first when another frame shares it.
    private mutating func writable(_ city: Int) -> HourlyBlock {
        if !isKnownUniquelyReferenced(&blocks[city]) { blocks[city] = HourlyBlock(copying: blocks[city]) }
        return blocks[city]
    }

    /// Empties the hours `range` (of the frame) of every city: no value, no row. A city left
    /// without any row stays in ``cities`` (see ``everyCityHasRows``).
    mutating func clear(_ range: Range<Int>) {
        for city in blocks.indices { writable(city).clear(range) }
    }

    /// Whether every city of the frame has a row in some hour, as in a frame made from rows.
    var everyCityHasRows: Bool { blocks.allSatisfy(\.hasRows) }

    /// The hour's value of a variable (NaN when no row had one): a mean, or for a direction the
    /// circular mean in [0, 360) (the value itself when only one row had one).
    public func value(city: Int, hour: Int, variable: Int) -> Double {
        precondition(hour >= 0 && hour < hours && variable >= 0 && variable < Self.variableCount)
        let block = blocks[city], slot = hour * Self.variableCount + variable
        let n = block.counts[slot]
        guard n > 0 else { return .nan }
        let direction = Self.directionIndexes[variable]
        guard direction >= 0 else { return block.sums[slot] / Double(n) }
        let directionSlot = hour * Self.directionCount + direction
        if n == 1 { return block.firstDirections[directionSlot] }
        let degrees = atan2(block.sums[slot], block.cosines[directionSlot]) * 180 / .pi
        return degrees < 0 ? degrees + 360 : degrees
    }

    /// The ``Summary`` of each variable that is not a direction (nil for directions, and for
    /// variables without a value) in `city` over `hours`: ``Summary/of(_:)`` of its values hour by
    /// hour as ``value(city:hour:variable:)`` gives them, read in the frame's own order (hour
    /// after hour), which is what a day's or a month's statistics are made of.
    func summaries(city: Int, hours: Range<Int>) -> [Summary?] {
        let width = Self.variableCount
        var accumulators = [Summary.Accumulator](repeating: .init(), count: width)
        let plain = (0..<width).filter { Self.directionIndexes[$0] < 0 }
        precondition(hours.lowerBound >= 0 && hours.upperBound <= self.hours)
        let block = blocks[city]
        for hour in hours {
            for variable in plain {
                let slot = hour * width + variable, n = block.counts[slot]
                accumulators[variable].add(n > 0 ? block.sums[slot] / Double(n) : .nan)
            }
        }
        return (0..<width).map { Self.directionIndexes[$0] < 0 ? accumulators[$0].summary : nil }
    }

    /// How many rows `source` (an index in ``GoldVariable/sources``) gave for the hour.
    public func rows(city: Int, hour: Int, source: Int) -> Int {
        precondition(hour >= 0 && hour < hours && source >= 0 && source < GoldVariable.sources.count)
        return Int(blocks[city].sourceRows[source * hours + hour])
    }
}
