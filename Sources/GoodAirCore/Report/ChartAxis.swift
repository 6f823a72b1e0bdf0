/// Axis arithmetic for the charts: a linear scale from data to pixels, "nice" value ticks
/// (1, 2, 5 × 10ⁿ) and calendar ticks on a UTC time axis (hours, days, weeks or months, chosen
/// from the span), labelled in French.
///
/// ```swift
/// ChartAxis.niceTicks(lower: 3.2, upper: 27.9, count: 5)   // [0, 5, 10, 15, 20, 25, 30]
/// ChartAxis.timeTicks(from: start, to: end)               // [(seconds, "14/07"), …]
/// ```
enum ChartAxis {
    /// A linear map from `domain` to `range` (pixels; the range may be reversed for y).
    struct Scale {
        var domain: (lower: Double, upper: Double)
        var range: (lower: Double, upper: Double)

        func callAsFunction(_ value: Double) -> Double {
            let span = domain.upper - domain.lower
            guard span != 0 else { return (range.lower + range.upper) / 2 }
            return range.lower + (value - domain.lower) / span * (range.upper - range.lower)
        }
    }

    /// Round ticks covering `lower…upper`, about `count` of them; the first and last enclose the data.
    static func niceTicks(lower: Double, upper: Double, count: Int = 5) -> [Double] {
        var lower = lower, upper = upper
        if !lower.isFinite || !upper.isFinite { return [0, 1] }
        if lower == upper { lower -= 1; upper += 1 }
        let rough = (upper - lower) / Double(max(1, count))
        var power = 1.0
        while power * 10 <= rough { power *= 10 }
        while power > rough { power /= 10 }
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * power }.first { $0 >= rough } ?? power * 10
        let first = (lower / step).rounded(.down), last = (upper / step).rounded(.up)
        return stride(from: first, through: last, by: 1).map { ($0 * step * 1e9).rounded() / 1e9 }
    }

    /// The number of decimals that tell apart ticks `step` apart.
    static func decimals(forStep step: Double) -> Int {
        var decimals = 0, scaled = abs(step)
        while decimals < 4, scaled > 0, (scaled - scaled.rounded()).magnitude > 1e-6 { scaled *= 10; decimals += 1 }
        return decimals
    }

    /// Calendar ticks in `from…to` (seconds since 1970, UTC) with their French labels: every
    /// 6 or 12 hours over a few days, every 1, 2 or 7 days over weeks, the first of each month (or
    /// of every third month) beyond.
    static func timeTicks(from: Int, to: Int) -> [(seconds: Int, label: String)] {
        let span = to - from
        let day = 86_400
        if span <= 4 * day {
            let step = span <= 2 * day ? 6 * 3600 : 12 * 3600
            var ticks: [(Int, String)] = []
            var t = (from + step - 1) / step * step
            while t <= to {
                let hour = (t % day) / 3600
                let label = hour == 0 ? dayLabel(t / day) : "\(hour) h"
                ticks.append((t, label))
                t += step
            }
            return ticks
        }
        if span <= 120 * day {
            let stepDays = span <= 12 * day ? 1 : span <= 30 * day ? 2 : span <= 60 * day ? 7 : 14
            var d = CivilTime.floorDiv(from + day - 1, day)
            if stepDays == 7 || stepDays == 14 { while CivilTime.weekday(days: d) != 0 { d += 1 } }   // Mondays
            var ticks: [(Int, String)] = []
            while d * day <= to {
                ticks.append((d * day, dayLabel(d)))
                d += stepDays
            }
            return ticks
        }
        let stepMonths = span <= 400 * day ? 1 : 3
        var (y, m, _) = CivilTime.civil(days: CivilTime.floorDiv(from, day))
        var ticks: [(Int, String)] = []
        while true {
            let d = CivilTime.days(year: y, month: m, day: 1)
            if d * day > to { break }
            if d * day >= from && (m - 1) % stepMonths == 0 {
                ticks.append((d * day, "\(FrenchFormat.monthAbbreviations[m - 1]) \(y)"))
            }
            m += 1
            if m > 12 { m = 1; y += 1 }
        }
        return ticks
    }

    /// `dd/mm` of a day number.
    static func dayLabel(_ days: Int) -> String {
        let (_, m, d) = CivilTime.civil(days: days)
        return "\(CivilTime.pad(d))/\(CivilTime.pad(m))"
    }
}
