/// How to measure the association of two series.
///
/// ```swift
/// Correlation.lagged(no2, temperature, lag: 3, method: .spearman)
/// ```
public enum CorrelationMethod: String, Sendable, CaseIterable {
    /// Pearson's r: linear association of the values.
    case pearson
    /// Spearman's ρ: Pearson's r of the average ranks, for monotonic association.
    case spearman
}

/// Correlation coefficients of two series measured on the same time axis.
///
/// A value that is not finite (NaN) is missing: only the pairs where both values are present
/// count, and `n` is their number. A coefficient is nil when fewer than 3 pairs remain or when
/// one side does not vary. Results agree with pandas' `Series.corr` and SciPy's `pearsonr` /
/// `spearmanr` run on the complete pairs.
///
/// ```swift
/// if let (r, n) = Correlation.spearman(pm25, windSpeed) {
///     print("ρ = \(r) over \(n) hours")
/// }
/// ```
public enum Correlation {
    /// Pearson's correlation coefficient of the complete pairs of `x` and `y` (same length).
    ///
    /// Computed in two passes (means first, then sums of products of deviations) so that large
    /// offsets such as pressures near 1013 hPa lose no precision.
    ///
    /// ```swift
    /// Correlation.pearson([1, 2, 3, .nan], [2, 4, 7, 8]) // (r: 0.9933…, n: 3)
    /// ```
    public static func pearson(_ x: [Double], _ y: [Double]) -> (r: Double, n: Int)? {
        lagged(x, y, lag: 0, method: .pearson)
    }

    /// Spearman's rank correlation coefficient of the complete pairs of `x` and `y` (same length).
    ///
    /// Ranks are computed on the complete pairs only, tied values getting the average of their
    /// ranks, then Pearson's r of the ranks is returned.
    ///
    /// ```swift
    /// Correlation.spearman([1, 2, 2, 5], [10, 30, 20, 40]) // (r: 0.9486…, n: 4)
    /// ```
    public static func spearman(_ x: [Double], _ y: [Double]) -> (r: Double, n: Int)? {
        lagged(x, y, lag: 0, method: .spearman)
    }

    /// The correlation of `x[i]` with `y[i + lag]`, over every `i` where both exist and are
    /// present. With `lag > 0`, `y` is taken `lag` hours after `x`; a negative lag looks back.
    ///
    /// `x` and `y` are hourly series on the same time axis and must have the same length.
    ///
    /// ```swift
    /// // Does the temperature of hour h follow the ozone of 3 hours earlier?
    /// Correlation.lagged(ozone, temperature, lag: 3, method: .pearson)
    /// ```
    public static func lagged(
        _ x: [Double], _ y: [Double], lag: Int, method: CorrelationMethod
    ) -> (r: Double, n: Int)? {
        precondition(x.count == y.count, "series of different lengths")
        let count = x.count
        let low = max(0, -lag)
        let high = min(count, count - lag)
        var xs: [Double] = []
        var ys: [Double] = []
        if low < high {
            xs.reserveCapacity(high - low)
            ys.reserveCapacity(high - low)
            x.withUnsafeBufferPointer { x in
                y.withUnsafeBufferPointer { y in
                    for i in low..<high {
                        let a = x[i], b = y[i + lag]
                        if a.isFinite, b.isFinite {
                            xs.append(a)
                            ys.append(b)
                        }
                    }
                }
            }
        }
        switch method {
        case .pearson:
            return pearsonOfComplete(xs, ys)
        case .spearman:
            guard xs.count >= 3 else { return nil }
            return pearsonOfComplete(AverageRanks.of(xs), AverageRanks.of(ys))
        }
    }

    /// Pearson's r of two arrays of the same length holding no missing value.
    static func pearsonOfComplete(_ x: [Double], _ y: [Double]) -> (r: Double, n: Int)? {
        let count = x.count
        guard count >= 3 else { return nil }
        return x.withUnsafeBufferPointer { x in
            y.withUnsafeBufferPointer { y in
                // A constant side has no correlation; tested exactly, as its computed mean may
                // differ from the value in the last bit and leave a tiny spurious variance.
                var sumX = CompensatedSum(), sumY = CompensatedSum()
                var xVaries = false, yVaries = false
                let x0 = x[0], y0 = y[0]
                for i in 0..<count {
                    sumX.add(x[i])
                    sumY.add(y[i])
                    xVaries = xVaries || x[i] != x0
                    yVaries = yVaries || y[i] != y0
                }
                guard xVaries, yVaries else { return nil }
                let meanX = sumX.value / Double(count)
                let meanY = sumY.value / Double(count)
                var sxx = 0.0, syy = 0.0, sxy = 0.0
                for i in 0..<count {
                    let dx = x[i] - meanX, dy = y[i] - meanY
                    sxx += dx * dx
                    syy += dy * dy
                    sxy += dx * dy
                }
                guard sxx > 0, syy > 0 else { return nil }
                let r = sxy / (sxx.squareRoot() * syy.squareRoot())
                return (min(1, max(-1, r)), count)
            }
        }
    }
}
