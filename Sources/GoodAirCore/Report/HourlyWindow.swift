/// A stretch of one hourly column on a contiguous axis: every hour from `from` to `to`
/// (seconds, both included), NaN where `city_hourly` has no row or no value — what the episode
/// charts and rolling means need.
///
/// ```swift
/// let window = HourlyWindow(series, column: "pm10_ugm3", from: start - 86_400, to: end + 86_400)
/// Exceedances.rollingMean(window.values, hours: 24, minimumValid: 18)
/// ```
struct HourlyWindow {
    var times: [Int]
    var values: [Double]

    init(_ series: GoldReader.Series?, column: String, from: Int, to: Int) {
        let from = from - ((from % 3600) + 3600) % 3600
        let count = max(0, (to - from) / 3600 + 1)
        times = (0..<count).map { from + $0 * 3600 }
        values = [Double](repeating: .nan, count: count)
        guard let series, let index = series.names.firstIndex(of: column) else { return }
        var lower = 0, upper = series.times.count
        while lower < upper {   // first row at or after `from` (rows are in time order)
            let middle = (lower + upper) / 2
            if series.times[middle] < from { lower = middle + 1 } else { upper = middle }
        }
        var row = lower
        while row < series.times.count, series.times[row] <= to {
            let slot = (series.times[row] - from) / 3600
            if slot >= 0 && slot < count { values[slot] = series.values[index][row] }
            row += 1
        }
    }
}
