/// An extreme variation: a value far from the median of the week before it, in units of the
/// week's median absolute deviation.
///
/// ```swift
/// for anomaly in RobustAnomalies.detect(pm25) {
///     print(anomaly.index, anomaly.value, anomaly.baseline, anomaly.score)
/// }
/// ```
public struct Anomaly: Sendable, Equatable {
    /// The index of the value in the series.
    public var index: Int
    /// The anomalous value.
    public var value: Double
    /// The median of the window before the value.
    public var baseline: Double
    /// The robust z-score, `(value - baseline) / (1.4826 · MAD)`; negative for a drop.
    public var score: Double

    /// An anomaly of `value` at `index`.
    public init(index: Int, value: Double, baseline: Double, score: Double) {
        self.index = index
        self.value = value
        self.baseline = baseline
        self.score = score
    }
}

/// Robust detection of extreme variations in an hourly series.
///
/// Each value is compared with the values of the `window` hours before it (by default the past
/// week, 168 hours, not including the value itself): the baseline is their median and the
/// spread their median absolute deviation (MAD) scaled by 1.4826, which estimates the standard
/// deviation of normal data while ignoring outliers. A value that is not finite (NaN) is missing.
///
/// ```swift
/// let anomalies = RobustAnomalies.detect(no2, threshold: 6)
/// ```
public enum RobustAnomalies {
    /// The default threshold on the absolute robust z-score: 5.
    public static let defaultThreshold = 5.0

    /// The factor that turns a MAD into a standard deviation for normal data.
    static let madScale = 1.4826

    /// For each index, the baseline (median of the present values among the `window` before it)
    /// and the robust z-score of the value. Nil where the value is missing, where fewer than
    /// `minimumValid` values are present in the window, where the MAD is 0, and before
    /// `scoredFrom` (default 0): the values before it only fill the window of those after, so a
    /// span's scores need only the week before it, and cost nothing there.
    /// O(n · window) in the worst case, each step a binary search and a memmove.
    ///
    /// ```swift
    /// RobustAnomalies.scores(series, window: 24, minimumValid: 12)
    /// RobustAnomalies.scores(lastWeekAndToday, scoredFrom: 168)   // today's scores only
    /// ```
    public static func scores(
        _ series: [Double], window: Int = 168, minimumValid: Int = 72, scoredFrom: Int = 0
    ) -> [(baseline: Double, score: Double)?] {
        precondition(window >= 1, "window must be at least 1")
        var scores = [(baseline: Double, score: Double)?](repeating: nil, count: series.count)
        var sorted = SortedWindow(capacity: window + 1)
        let minimumValid = max(1, minimumValid)
        // The window of the first scored index, sorted at once; then it slides one value at a time.
        let first = min(max(0, scoredFrom), series.count)
        sorted.fill(series[max(0, first - window)..<first].filter(\.isFinite))
        for i in first..<series.count {
            // The window is i - window … i - 1.
            if i > first, series[i - 1].isFinite { sorted.insert(series[i - 1]) }
            if i > first, i - window - 1 >= 0, series[i - window - 1].isFinite { sorted.remove(series[i - window - 1]) }
            let value = series[i]
            guard value.isFinite, sorted.count >= minimumValid else { continue }
            let median = sorted.median()
            let mad = sorted.medianAbsoluteDeviation(from: median)
            guard mad > 0 else { continue }
            scores[i] = (median, (value - median) / (madScale * mad))
        }
        return scores
    }

    /// The values whose absolute robust z-score is at least `threshold` (default 5), in order,
    /// from index `scoredFrom` on (default 0: all).
    ///
    /// ```swift
    /// RobustAnomalies.detect(pm10).map(\.index)
    /// ```
    public static func detect(
        _ series: [Double], threshold: Double = defaultThreshold, window: Int = 168, minimumValid: Int = 72, scoredFrom: Int = 0
    ) -> [Anomaly] {
        var anomalies: [Anomaly] = []
        for (index, scored) in scores(series, window: window, minimumValid: minimumValid, scoredFrom: scoredFrom).enumerated() {
            guard let scored, abs(scored.score) >= threshold else { continue }
            anomalies.append(Anomaly(index: index, value: series[index], baseline: scored.baseline, score: scored.score))
        }
        return anomalies
    }
}
