/// Heatwave detection after Météo-France's biometeorological indicators.
///
/// IBMn and IBMx are the 3-day rolling means, ending at each day, of the daily minimum and
/// maximum temperatures. A day is in a heatwave when IBMn and IBMx both reach the thresholds
/// of the department (for Paris, 21 °C and 31 °C). A value that is not finite (NaN) is missing.
///
/// ```swift
/// let waves = Heatwaves.episodes(firstDay: CivilTime.days(year: 2025, month: 6, day: 1),
///                                tmin: tmin, tmax: tmax, thresholdMin: 21, thresholdMax: 31)
/// ```
public enum Heatwaves {
    /// The IBMn and IBMx of each day: means of the day and the two days before, NaN unless all
    /// three days are present (so NaN for the first two days).
    ///
    /// ```swift
    /// Heatwaves.indicators(tmin: [18, 21, 24, 27], tmax: [30, 33, 36, .nan])
    /// // (ibmn: [nan, nan, 21, 24], ibmx: [nan, nan, 33, nan])
    /// ```
    public static func indicators(tmin: [Double], tmax: [Double]) -> (ibmn: [Double], ibmx: [Double]) {
        precondition(tmin.count == tmax.count, "tmin and tmax of different lengths")
        return (threeDayMeans(tmin), threeDayMeans(tmax))
    }

    /// The heatwaves of daily temperatures starting at day `firstDay`: maximal runs of
    /// consecutive days where IBMn ≥ `thresholdMin` and IBMx ≥ `thresholdMax`. A day whose
    /// indicators are missing ends a run.
    ///
    /// ```swift
    /// Heatwaves.episodes(firstDay: 20_000, tmin: [22, 22, 22, 22], tmax: [35, 35, 35, 20],
    ///                    thresholdMin: 21, thresholdMax: 31)
    /// // [HeatwaveEpisode(startDay: 20_002, endDay: 20_002, ibmnMax: 22, ibmxMax: 35)]
    /// ```
    public static func episodes(
        firstDay: Int, tmin: [Double], tmax: [Double], thresholdMin: Double, thresholdMax: Double
    ) -> [HeatwaveEpisode] {
        let (ibmn, ibmx) = indicators(tmin: tmin, tmax: tmax)
        var episodes: [HeatwaveEpisode] = []
        var runStart = -1
        var ibmnMax = -Double.infinity, ibmxMax = -Double.infinity
        for day in 0...ibmn.count {
            let hot = day < ibmn.count && ibmn[day] >= thresholdMin && ibmx[day] >= thresholdMax
            if hot {
                if runStart < 0 {
                    runStart = day
                    ibmnMax = ibmn[day]
                    ibmxMax = ibmx[day]
                } else {
                    ibmnMax = max(ibmnMax, ibmn[day])
                    ibmxMax = max(ibmxMax, ibmx[day])
                }
            } else if runStart >= 0 {
                episodes.append(HeatwaveEpisode(
                    startDay: firstDay + runStart, endDay: firstDay + day - 1, ibmnMax: ibmnMax, ibmxMax: ibmxMax))
                runStart = -1
            }
        }
        return episodes
    }

    /// The mean of each value and the two before it; NaN unless all three are present.
    private static func threeDayMeans(_ values: [Double]) -> [Double] {
        var means = [Double](repeating: .nan, count: values.count)
        guard values.count >= 3 else { return means }
        for day in 2..<values.count {
            let a = values[day - 2], b = values[day - 1], c = values[day]
            if a.isFinite, b.isFinite, c.isFinite { means[day] = (a + b + c) / 3 }
        }
        return means
    }
}
