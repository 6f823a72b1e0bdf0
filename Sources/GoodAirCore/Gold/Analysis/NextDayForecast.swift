import Foundation

/// Baseline next-day forecasts of a daily series, backtested day by day without looking ahead:
/// the door the lab asked to keep open for heatwave prediction, kept honest and simple.
///
/// Issued at the end of day d for day d + 1, from days ≤ d only:
/// - persistence: y(d);
/// - climatology: the mean of the earlier days within ±15 days of the target's day of year (any
///   year), when there are at least 5;
/// - harmonic regression: y(d+1) = β0 + β1·y(d) + β2·sin(2π·doy/365.25) + β3·cos(2π·doy/365.25),
///   least squares over every earlier pair (y(k), y(k+1)) with k + 1 ≤ d, when there are at least
///   ``minimumPairs`` of them (a tiny ridge, 1e-9 × n, keeps a short history's near-collinear
///   harmonics solvable).
///
/// ```swift
/// let rows = NextDayForecast.backtest(firstDay: 20_000, values: dailyTmax)
/// rows.first { $0.targetDay == 20_010 }?.model   // the regression's forecast for that day
/// ```
public enum NextDayForecast {
    public static let minimumPairs = 20
    public static let climatologyHalfWindow = 15
    public static let minimumClimatologyDays = 5

    public struct Row: Sendable, Equatable {
        public var targetDay: Int
        public var observed: Double
        public var persistence: Double?
        public var climatology: Double?
        public var model: Double?
    }

    /// One row per day d + 1 that has an observation and whose day d has one too.
    /// `values[k]` is the value of day `firstDay + k` (NaN: missing).
    public static func backtest(firstDay: Int, values: [Double]) -> [Row] {
        var rows: [Row] = []
        var normal = [Double](repeating: 0, count: 16), right = [Double](repeating: 0, count: 4)
        var pairs = 0
        for d in 0..<max(0, values.count - 1) {
            // The pair (d-1 → d) is now history: add it to the normal equations.
            if d >= 1, values[d - 1].isFinite, values[d].isFinite {
                let x = features(previous: values[d - 1], targetDay: firstDay + d)
                for i in 0..<4 {
                    right[i] += x[i] * values[d]
                    for j in 0..<4 { normal[i * 4 + j] += x[i] * x[j] }
                }
                pairs += 1
            }
            guard values[d].isFinite, values[d + 1].isFinite else { continue }
            let target = firstDay + d + 1
            var row = Row(targetDay: target, observed: values[d + 1], persistence: values[d])
            row.climatology = climatology(values: values, upTo: d, firstDay: firstDay, targetDay: target)
            if pairs >= minimumPairs, let beta = solve(normal, right, ridge: 1e-9 * Double(pairs)) {
                let x = features(previous: values[d], targetDay: target)
                row.model = (0..<4).reduce(0) { $0 + beta[$1] * x[$1] }
            }
            rows.append(row)
        }
        return rows
    }

    static func features(previous: Double, targetDay: Int) -> [Double] {
        let (year, _, _) = CivilTime.civil(days: targetDay)
        let doy = Double(targetDay - CivilTime.validDays(year: year, month: 1, day: 1)! + 1)
        let phase = 2 * Double.pi * doy / 365.25
        return [1, previous, sin(phase), cos(phase)]
    }

    static func climatology(values: [Double], upTo d: Int, firstDay: Int, targetDay: Int) -> Double? {
        let targetDoy = dayOfYear(targetDay)
        var sum = 0.0, count = 0
        for k in 0...d where values[k].isFinite {
            var distance = abs(dayOfYear(firstDay + k) - targetDoy)
            distance = min(distance, 365 - distance)
            if distance <= climatologyHalfWindow {
                sum += values[k]
                count += 1
            }
        }
        return count >= minimumClimatologyDays ? sum / Double(count) : nil
    }

    static func dayOfYear(_ day: Int) -> Int {
        let (year, _, _) = CivilTime.civil(days: day)
        return day - CivilTime.validDays(year: year, month: 1, day: 1)! + 1
    }

    /// Solves (A + ridge·I) β = b for a 4×4 A by Gaussian elimination with partial pivoting.
    static func solve(_ a: [Double], _ b: [Double], ridge: Double) -> [Double]? {
        var m = a, v = b
        for i in 0..<4 { m[i * 4 + i] += ridge }
        for column in 0..<4 {
            let pivot = (column..<4).max { abs(m[$0 * 4 + column]) < abs(m[$1 * 4 + column]) }!
            guard abs(m[pivot * 4 + column]) > 1e-12 else { return nil }
            if pivot != column {
                for j in 0..<4 { m.swapAt(pivot * 4 + j, column * 4 + j) }
                v.swapAt(pivot, column)
            }
            for row in (column + 1)..<4 {
                let factor = m[row * 4 + column] / m[column * 4 + column]
                for j in column..<4 { m[row * 4 + j] -= factor * m[column * 4 + j] }
                v[row] -= factor * v[column]
            }
        }
        var beta = [Double](repeating: 0, count: 4)
        for row in stride(from: 3, through: 0, by: -1) {
            var sum = v[row]
            for j in (row + 1)..<4 { sum -= m[row * 4 + j] * beta[j] }
            beta[row] = sum / m[row * 4 + row]
        }
        return beta
    }
}
