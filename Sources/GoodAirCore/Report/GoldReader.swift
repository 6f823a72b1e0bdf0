import Foundation

/// Reads the gold tables the reports draw: the month partitions of a table
/// (`<table>/month=YYYY-MM/part-00000.csv`) that overlap the period, the rows of the chosen
/// cities, and only the columns asked for — numbers as `Double` (NaN for NULL), times as seconds.
///
/// ```swift
/// let daily = try GoldReader.series(lake.gold.appendingPathComponent("city_daily"), time: "date",
///                                   columns: ["temperature_c_mean"], cities: ["paris"], days: nil)
/// daily["paris"]?.column("temperature_c_mean")
/// ```
enum GoldReader {
    /// A city's rows of a table, in time order.
    struct Series {
        /// Seconds since 1970 of each row (`hour`, or midnight UTC of `date`).
        var times: [Int] = []
        var names: [String]
        var values: [[Double]]

        init(names: [String]) {
            self.names = names
            values = names.map { _ in [] }
        }

        /// The values of column `name` (all NaN when the table has no such column).
        func column(_ name: String) -> [Double] {
            names.firstIndex(of: name).map { values[$0] } ?? [Double](repeating: .nan, count: times.count)
        }
    }

    /// The months (`YYYY-MM`) of the table's partitions, sorted; those wholly outside `days` left out.
    static func months(_ table: URL, days: ClosedRange<Int>?) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: table.path)) ?? []
        return names.compactMap { name -> String? in
            guard name.hasPrefix("month="), name.count == 13 else { return nil }
            guard let month = UTCMonth(String(name.dropFirst(6))) else { return nil }
            if let days, month.endDay - 1 < days.lowerBound || month.firstDay > days.upperBound { return nil }
            return month.name
        }.sorted()
    }

    /// The CSV file of `month` in `table`.
    static func file(_ table: URL, month: String) -> URL {
        table.appendingPathComponent("month=\(month)/part-00000.csv")
    }

    /// Numeric columns per city of an hourly or daily table, rows whose time falls within `days`.
    static func series(_ table: URL, time: String, columns: [String], cities: Set<String>,
                       days: ClosedRange<Int>?) throws -> [String: Series] {
        var result: [String: Series] = [:]
        for month in months(table, days: days) {
            let url = file(table, month: month)
            guard let data = FileManager.default.contents(atPath: url.path) else { continue }
            var scanner = CSVScanner(bytes: Array(data))
            var fields: [CSVScanner.Field] = []
            do {
                guard try scanner.next(into: &fields) else { continue }
                let header = fields.map { scanner.text($0) }
                guard let cityIndex = header.firstIndex(of: "city_id"), let timeIndex = header.firstIndex(of: time) else {
                    throw ReportError.unreadable(path: url.path, reason: "no city_id or \(time) column")
                }
                let indexes = columns.map { header.firstIndex(of: $0) }
                let range = days.map { ($0.lowerBound * 86_400)...($0.upperBound * 86_400 + 86_399) }
                while try scanner.next(into: &fields) {
                    guard fields.count == header.count else {
                        throw ReportError.unreadable(path: url.path, reason: "line \(scanner.line) has \(fields.count) fields")
                    }
                    let city = scanner.text(fields[cityIndex])
                    guard cities.contains(city), let seconds = Self.seconds(scanner, fields[timeIndex]) else { continue }
                    if let range, !range.contains(seconds) { continue }
                    var series = result[city] ?? Series(names: columns)
                    series.times.append(seconds)
                    for (k, index) in indexes.enumerated() {
                        series.values[k].append(index.map { scanner.number(fields[$0]) } ?? .nan)
                    }
                    result[city] = series
                }
            } catch let error as CSVReader.SyntaxError {
                throw ReportError.unreadable(path: url.path, reason: error.description)
            }
        }
        return result
    }

    /// Seconds of a `YYYY-MM-DDTHH:MM:SSZ` or `YYYY-MM-DD` field.
    static func seconds(_ scanner: CSVScanner, _ field: CSVScanner.Field) -> Int? {
        if field.range.count == 10 { return Timestamp.day(scanner.text(field)).map { $0 * 86_400 } }
        return scanner.bytes.withUnsafeBufferPointer { CSVNumber.timestamp(UnsafeBufferPointer(rebasing: $0[field.range])) }
    }

    /// Every row of the table's partitions overlapping `days` (or of a single file), as column → text.
    /// For the small tables: events, correlations.
    static func rows(_ files: [URL]) throws -> [[String: String]] {
        var result: [[String: String]] = []
        for url in files {
            guard let data = FileManager.default.contents(atPath: url.path) else { continue }
            let rows: [CSVReader.Row]
            do { rows = try CSVReader.parse(String(decoding: data, as: UTF8.self)) } catch {
                throw ReportError.unreadable(path: url.path, reason: "\(error)")
            }
            guard let header = rows.first?.fields else { continue }
            for row in rows.dropFirst() where row.fields.count == header.count {
                result.append(Dictionary(zip(header, row.fields), uniquingKeysWith: { first, _ in first }))
            }
        }
        return result
    }
}
