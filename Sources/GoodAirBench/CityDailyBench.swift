import Foundation
import GoodAirCore

/// `city-daily LAKE`: computes gold `city_daily` of every month from the silver CSV files (read,
/// hourly means, daily statistics, CSV rendering; nothing written), the work `scripts/bench-gold.sh`
/// compares with DuckDB running the same aggregate on the same files.
struct CityDailyBench {
    let lake: URL

    func run() throws {
        let silver = lake.appendingPathComponent("silver")
        var months = Set<String>()
        for table in GoldVariable.sources {
            for name in try FileManager.default.contentsOfDirectory(atPath: silver.appendingPathComponent(table).path) where name.hasPrefix("date=") {
                months.insert(String(name.dropFirst(5).prefix(7)))
            }
        }
        let clock = ContinuousClock()
        var rows = 0, files = 0, bytes = 0
        let elapsed = try clock.measure {
            for month in months.sorted() {
                guard let utc = UTCMonth(month) else { continue }
                var frame = HourlyFrame(firstHour: utc.firstHour, hours: utc.endHour - utc.firstHour)
                for table in GoldVariable.sources {
                    let folder = silver.appendingPathComponent(table)
                    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where name.hasPrefix("date=\(month)-") {
                        let path = folder.appendingPathComponent("\(name)/part-00000.csv").path
                        guard let data = FileManager.default.contents(atPath: path) else { continue }
                        try frame.add(Array(data), table: table, path: path)
                        files += 1
                        bytes += data.count
                    }
                }
                let out = CityTables.render("city_daily", frame: frame)
                rows += out.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } - 1
            }
        }
        let seconds = BenchClock.nanoseconds(elapsed) / 1e9
        print(String(format: "city_daily from silver: %d files, %.1f MB, %d rows in %.3f s", files, Double(bytes) / 1e6, rows, seconds))
    }
}
