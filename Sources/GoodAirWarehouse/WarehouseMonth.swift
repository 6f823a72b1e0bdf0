import GoodAirCore
import Foundation

/// A UTC month of the gold zone, `YYYY-MM`, with the bounds each fact table is deleted by when the
/// month is reloaded: `[firstSecond, nextSecond)` for hours, `[firstDate, nextDate)` for dates —
/// and the days of it a reload covers: all, or some (``days(_:)``) for the hourly and daily facts.
///
/// ```swift
/// let month = try WarehouseMonth("2026-07")
/// month.firstSecond   // 1782864000 (2026-07-01T00:00:00Z)
/// month.nextDate      // "2026-08-01"
/// month.days(20_648..<20_649).seconds   // the hours of 2026-07-14 only
/// ```
struct WarehouseMonth: Hashable, Comparable {
    let name: String
    let firstSecond: Int
    let nextSecond: Int
    var firstDate: String { name + "-01" }
    let nextDate: String
    /// The seconds and dates a reload of hourly and daily facts covers (the whole month by default).
    private(set) var seconds: Range<Int>
    private(set) var dates: Range<String>

    /// The month `YYYY-MM`; an error for anything else.
    init(_ name: String) throws {
        guard let month = UTCMonth(name) else { throw WarehouseError(reason: "month '\(name)': expected YYYY-MM") }
        self.name = name
        firstSecond = month.firstDay * 86_400
        nextSecond = month.endDay * 86_400
        nextDate = CivilTime.dateString(days: month.endDay)
        seconds = firstSecond..<nextSecond
        dates = name + "-01"..<nextDate
    }

    /// The month with its reload narrowed to `days` (days since 1970, clamped to the month).
    func days(_ days: Range<Int>) -> WarehouseMonth {
        var narrowed = self
        let first = max(days.lowerBound * 86_400, firstSecond), next = max(first, min(days.upperBound * 86_400, nextSecond))
        narrowed.seconds = first..<next
        narrowed.dates = CivilTime.dateString(days: first / 86_400)..<CivilTime.dateString(days: next / 86_400)
        return narrowed
    }

    static func < (lhs: WarehouseMonth, rhs: WarehouseMonth) -> Bool { lhs.name < rhs.name }

    /// The gold tables partitioned by month, which a month's reload reads: the city tables (which a
    /// reload of some days reads) and the event tables.
    static let cityTables = ["city_hourly", "city_daily", "city_monthly"]
    static let eventTables = ["exceedances", "heatwaves", "anomalies"]
    static var goldTables: [String] { cityTables + eventTables }

    /// `gold/<table>/month=<name>/part-00000.csv`.
    func file(_ table: String, lake: Lake) -> URL {
        lake.gold.appendingPathComponent("\(table)/month=\(name)/part-00000.csv")
    }

    /// Every month with a folder in any monthly gold table, sorted.
    static func inGold(lake: Lake) -> [WarehouseMonth] {
        var months = Set<WarehouseMonth>()
        for table in goldTables {
            let folder = lake.gold.appendingPathComponent(table, isDirectory: true)
            for entry in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where entry.hasPrefix("month=") {
                if let month = try? WarehouseMonth(String(entry.dropFirst(6))) { months.insert(month) }
            }
        }
        return months.sorted()
    }
}
