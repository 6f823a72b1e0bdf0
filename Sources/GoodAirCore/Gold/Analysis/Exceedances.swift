/// Regulatory threshold episodes on hourly concentrations (µg/m³).
///
/// A value that is not finite (NaN) is missing.
///
/// ```swift
/// let rule = ExceedanceRule(pollutant: "pm10", level: "information", thresholdUgm3: 50,
///                           averagingHours: 24, minimumValidHours: 18)
/// let episodes = Exceedances.episodes(hourly: pm10, firstHour: firstHour, rule: rule)
/// ```
public enum Exceedances {
    /// The rolling mean of the `hours` values ending at each index (`i - hours + 1 … i`): NaN
    /// when fewer than `minimumValid` of them are present. Values before the start of the series
    /// count as missing. O(n · hours), each window summed afresh so that no rounding drifts
    /// from one hour to the next. With `atValuesOnly` (default false), NaN also at every hour
    /// without its own value, which costs nothing: what ``episodes(hourly:firstHour:rule:)`` needs;
    /// with `indexes` (default: all), NaN outside them.
    ///
    /// ```swift
    /// Exceedances.rollingMean([10, .nan, 30, 50], hours: 2, minimumValid: 1) // [10, 10, 30, 40]
    /// Exceedances.rollingMean([10, .nan, 30, 50], hours: 2, minimumValid: 1, atValuesOnly: true) // [10, nan, 30, 40]
    /// ```
    public static func rollingMean(_ hourly: [Double], hours: Int, minimumValid: Int, atValuesOnly: Bool = false,
                                   indexes: Range<Int>? = nil) -> [Double] {
        precondition(hours >= 1, "hours must be at least 1")
        let minimumValid = max(1, minimumValid)
        var means = [Double](repeating: .nan, count: hourly.count)
        hourly.withUnsafeBufferPointer { values in
            means.withUnsafeMutableBufferPointer { means in
                let indexes = (indexes ?? 0..<values.count).clamped(to: 0..<values.count)
                for i in indexes where !atValuesOnly || values[i].isFinite {
                    var sum = 0.0
                    var present = 0
                    for k in max(0, i - hours + 1)...i {
                        let value = values[k]
                        if value.isFinite {
                            sum += value
                            present += 1
                        }
                    }
                    if present >= minimumValid { means[i] = sum / Double(present) }
                }
            }
        }
        return means
    }

    /// The episodes of `rule` in `hourly`, where `hourly[k]` is the concentration of hour
    /// `firstHour + k`.
    ///
    /// An hour exceeds when its averaged value is strictly greater than the threshold; an
    /// episode is a maximal run of consecutive exceeding hours (a missing average breaks the
    /// run) at least `rule.consecutiveHours` long. An hour without its own value has no average,
    /// however full its window: otherwise a 24-hour mean would carry an episode hours past the
    /// last measurement.
    ///
    /// ```swift
    /// let alert = ExceedanceRule(pollutant: "no2", level: "alert", thresholdUgm3: 400,
    ///                            consecutiveHours: 3)
    /// Exceedances.episodes(hourly: [410, 420, 405, 100], firstHour: 500_000, rule: alert)
    /// // [ExceedanceEpisode(start: 500_000, end: 500_002, peak: 420)]
    /// ```
    public static func episodes(hourly: [Double], firstHour: Int, rule: ExceedanceRule) -> [ExceedanceEpisode] {
        episodes(hourly: hourly, averaged: averaged(hourly, rule: rule), firstHour: firstHour, rule: rule)
    }

    /// The averages `rule` compares with its threshold: the rolling means of its averaging, at
    /// the hours that have a value. Rules of the same averaging share them.
    static func averaged(_ hourly: [Double], rule: ExceedanceRule) -> [Double] {
        rollingMean(hourly, hours: rule.averagingHours, minimumValid: rule.minimumValidHours, atValuesOnly: true)
    }

    /// The episodes of `rule` in `hourly`, given its ``averaged(_:rule:)`` values.
    static func episodes(hourly: [Double], averaged: [Double], firstHour: Int, rule: ExceedanceRule) -> [ExceedanceEpisode] {
        let threshold = rule.thresholdUgm3
        var episodes: [ExceedanceEpisode] = []
        var runStart = -1
        var peak = -Double.infinity
        for (k, value) in averaged.enumerated() {
            if value > threshold && hourly[k].isFinite {
                if runStart < 0 {
                    runStart = k
                    peak = value
                } else {
                    peak = max(peak, value)
                }
            } else if runStart >= 0 {
                if k - runStart >= rule.consecutiveHours {
                    episodes.append(ExceedanceEpisode(start: firstHour + runStart, end: firstHour + k - 1, peak: peak))
                }
                runStart = -1
            }
        }
        if runStart >= 0, averaged.count - runStart >= rule.consecutiveHours {
            episodes.append(ExceedanceEpisode(start: firstHour + runStart, end: firstHour + averaged.count - 1, peak: peak))
        }
        return episodes
    }
}
