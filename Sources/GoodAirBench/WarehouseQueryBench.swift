import Foundation
import GoodAirCore
import GoodAirWarehouse

/// `warehouse-query LAKE [CITY] [VARIABLE]`: the dashboard's three queries on
/// `gold/warehouse.sqlite`, each run many times on one open connection (as the dashboard holds
/// one), reporting the median and the slowest run, and the first run's time (cold statement
/// cache). The target: one city's hourly year under 10 ms.
///
/// Defaults: the first city in alphabetical order that has values, `temperature_c`, and the year
/// (365 days) ending at that city's latest hour.
struct WarehouseQueryBench {
    let lake: URL
    var city: String?
    var variable = "temperature_c"
    var runs = 51

    func run() throws {
        let queries = try WarehouseQueries.open(lake: Lake(root: lake))
        let latest = try queries.latest(variable: variable)
        guard let anchor = city.flatMap({ id in latest.first { $0.city == id } }) ?? latest.first else {
            throw BenchError("no hourly value of \(variable) in the warehouse")
        }
        let to = anchor.hour + 3600, from = to - 365 * 86_400
        let lastDay = Timestamp.format(Date(timeIntervalSince1970: TimeInterval(anchor.hour))).prefix(10)
        var count = 0
        let year = try measure { count = try queries.hourlySeries(city: anchor.city, variable: variable, from: from, to: to).count }
        print(String(format: "one city's hourly year (%@, %@, %d values): median %.2f ms, slowest %.2f ms, first %.2f ms",
                     anchor.city, variable, count, year.median, year.slowest, year.first))
        var cities = 0
        let day = try measure { cities = Set(try queries.day(String(lastDay)).map(\.city)).count }
        print(String(format: "all cities for a day (%@, %d cities, every variable): median %.2f ms, slowest %.2f ms, first %.2f ms",
                     String(lastDay), cities, day.median, day.slowest, day.first))
        let latestTimes = try measure { cities = try queries.latest(variable: variable).count }
        print(String(format: "latest value per city (%d cities): median %.2f ms, slowest %.2f ms, first %.2f ms",
                     cities, latestTimes.median, latestTimes.slowest, latestTimes.first))
    }

    /// `runs` timings of `body` in milliseconds: the first, the median and the slowest.
    private func measure(_ body: () throws -> Void) rethrows -> (first: Double, median: Double, slowest: Double) {
        let clock = ContinuousClock()
        var times: [Double] = []
        for _ in 0..<runs { times.append(BenchClock.nanoseconds(try clock.measure(body)) / 1e6) }
        let first = times[0]
        times.sort()
        return (first, times[times.count / 2], times.last!)
    }
}
