/// Correlations of two hourly series at many lags, sorting each series once.
///
/// `Correlation.lagged` sorts the complete pairs of every lag again, O(n log n) per lag. The
/// correlator sorts the present values of `x` and of `y` once, then ranks each lag's complete
/// pairs in O(n) by walking those orders and skipping the indexes the lag excludes. Ranks are
/// recomputed on each lag's complete pairs, ties averaged, so every result equals
/// `Correlation.lagged(x, y, lag:, method:)`.
///
/// ```swift
/// let correlator = LaggedCorrelator(no2, temperature)
/// for case let (lag, r, n)? in correlator.correlations(lags: 0...24, method: .spearman) {
///     print(lag, r, n)
/// }
/// ```
public struct LaggedCorrelator: Sendable {
    /// The leading series.
    public let x: [Double]
    /// The following series: lag `k` pairs `x[i]` with `y[i + k]`.
    public let y: [Double]
    /// Indexes of the present values of `x`, by increasing value.
    private let xOrder: [Int]
    /// Indexes of the present values of `y`, by increasing value.
    private let yOrder: [Int]

    /// Prepares the correlations of `x` and `y`, two hourly series of the same length on the
    /// same time axis (NaN = missing). O(n log n).
    public init(_ x: [Double], _ y: [Double]) {
        precondition(x.count == y.count, "series of different lengths")
        self.x = x
        self.y = y
        xOrder = Self.order(x)
        yOrder = Self.order(y)
    }

    /// Prepares the correlations of `x` and `y` with their orders already computed by
    /// ``order(_:)`` (when one series is correlated with many others, sort it once).
    init(_ x: [Double], _ y: [Double], xOrder: [Int], yOrder: [Int]) {
        precondition(x.count == y.count, "series of different lengths")
        self.x = x
        self.y = y
        self.xOrder = xOrder
        self.yOrder = yOrder
    }

    /// The correlation at each lag of `lags`, in order: nil where fewer than 3 complete pairs
    /// remain or one side does not vary. O(n) per lag once the correlator is built.
    ///
    /// ```swift
    /// correlator.correlations(lags: -6...6, method: .pearson)
    /// ```
    public func correlations(
        lags: ClosedRange<Int>, method: CorrelationMethod
    ) -> [(lag: Int, r: Double, n: Int)?] {
        var results: [(lag: Int, r: Double, n: Int)?] = []
        results.reserveCapacity(lags.count)
        switch method {
        case .pearson:
            for lag in lags {
                results.append(Correlation.lagged(x, y, lag: lag, method: .pearson).map { (lag, $0.r, $0.n) })
            }
        case .spearman:
            var scratch = Scratch(count: x.count)
            for lag in lags {
                results.append(spearman(lag: lag, scratch: &scratch).map { (lag, $0.r, $0.n) })
            }
        }
        return results
    }

    /// Buffers reused from one lag to the next.
    private struct Scratch {
        /// Rank of `x[i]` among the complete pairs of the lag, at index `i`.
        var xRanks: [Double]
        /// Rank of `y[j]` among the complete pairs of the lag, at index `j`.
        var yRanks: [Double]
        /// Indexes of one series kept by the lag, by increasing value.
        var kept: [Int]
        /// The ranks of the complete pairs, in time order.
        var pairedX: [Double] = []
        var pairedY: [Double] = []

        init(count: Int) {
            xRanks = [Double](repeating: 0, count: count)
            yRanks = [Double](repeating: 0, count: count)
            kept = [Int](repeating: 0, count: count)
            pairedX.reserveCapacity(count)
            pairedY.reserveCapacity(count)
        }
    }

    /// Spearman's ρ of the pairs (`x[i]`, `y[i + lag]`).
    private func spearman(lag: Int, scratch: inout Scratch) -> (r: Double, n: Int)? {
        let count = x.count
        let low = max(0, -lag)
        let high = min(count, count - lag)
        guard high - low >= 3 else { return nil }
        scratch.pairedX.removeAll(keepingCapacity: true)
        scratch.pairedY.removeAll(keepingCapacity: true)
        x.withUnsafeBufferPointer { x in
            y.withUnsafeBufferPointer { y in
                scratch.kept.withUnsafeMutableBufferPointer { kept in
                    // x[i] is paired when i is in range and y[i + lag] is present.
                    var keptCount = 0
                    for i in xOrder where i >= low && i < high && y[i + lag].isFinite {
                        kept[keptCount] = i
                        keptCount += 1
                    }
                    scratch.xRanks.withUnsafeMutableBufferPointer { ranks in
                        AverageRanks.assign(
                            sorted: UnsafeBufferPointer(rebasing: kept[0..<keptCount]), values: x, into: ranks)
                    }
                    // y[j] is paired when j - lag is in range and x[j - lag] is present.
                    keptCount = 0
                    for j in yOrder where j - lag >= low && j - lag < high && x[j - lag].isFinite {
                        kept[keptCount] = j
                        keptCount += 1
                    }
                    scratch.yRanks.withUnsafeMutableBufferPointer { ranks in
                        AverageRanks.assign(
                            sorted: UnsafeBufferPointer(rebasing: kept[0..<keptCount]), values: y, into: ranks)
                    }
                }
                // The pairs in time order, as `Correlation.lagged` sees them.
                for i in low..<high where x[i].isFinite && y[i + lag].isFinite {
                    scratch.pairedX.append(scratch.xRanks[i])
                    scratch.pairedY.append(scratch.yRanks[i + lag])
                }
            }
        }
        return Correlation.pearsonOfComplete(scratch.pairedX, scratch.pairedY)
    }

    /// Indexes of the present values of `values`, by increasing value.
    static func order(_ values: [Double]) -> [Int] {
        var order = values.indices.filter { values[$0].isFinite }
        values.withUnsafeBufferPointer { v in order.sort { v[$0] < v[$1] } }
        return order
    }
}
