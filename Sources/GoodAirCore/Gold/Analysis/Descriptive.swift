/// Count, mean, extremes and sum of the present values of a series.
///
/// Values that are not finite (NaN) are missing and ignored. The sum is compensated
/// (Kahan–Neumaier), so the mean of a long series is accurate to the last bits, like pandas'.
///
/// ```swift
/// let summary = Summary.of([12.5, .nan, 20, 7.5])
/// // Summary(count: 3, mean: 13.333…, min: 7.5, max: 20, sum: 40)
/// ```
public struct Summary: Sendable, Equatable {
    /// The number of present values.
    public var count: Int
    /// The mean of the present values, `sum / count`.
    public var mean: Double
    /// The smallest present value.
    public var min: Double
    /// The largest present value.
    public var max: Double
    /// The sum of the present values.
    public var sum: Double

    /// A summary from its parts.
    public init(count: Int, mean: Double, min: Double, max: Double, sum: Double) {
        self.count = count
        self.mean = mean
        self.min = min
        self.max = max
        self.sum = sum
    }

    /// The summary of the present values of `values`; nil when none is present.
    ///
    /// ```swift
    /// Summary.of(hourlyNO2)?.mean
    /// Summary.of([Double.nan]) // nil
    /// ```
    public static func of(_ values: some Sequence<Double>) -> Summary? {
        var accumulator = Accumulator()
        for value in values { accumulator.add(value) }
        return accumulator.summary
    }

    /// A summary built one value at a time, in order: what ``of(_:)`` computes, for values that
    /// come interleaved with others' (a frame's variables, hour by hour).
    struct Accumulator {
        private var sum = CompensatedSum()
        private var count = 0
        private var low = Double.infinity, high = -Double.infinity

        /// Adds `value` when it is present (finite).
        @inline(__always)
        mutating func add(_ value: Double) {
            guard value.isFinite else { return }
            sum.add(value)
            count += 1
            if value < low { low = value }
            if value > high { high = value }
        }

        /// The summary of the values added; nil when none was present.
        var summary: Summary? {
            guard count > 0 else { return nil }
            let total = sum.value
            return Summary(count: count, mean: total / Double(count), min: low, max: high, sum: total)
        }
    }
}
