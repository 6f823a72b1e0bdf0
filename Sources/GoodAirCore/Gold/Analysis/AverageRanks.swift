/// Average ranks ("fractional ranking"): 1-based ranks where tied values all get the mean of
/// the ranks they span, as `scipy.stats.rankdata(method="average")` and pandas' `rank()` give.
///
/// Every rank is an integer or a half-integer, so it is exact in a `Double`: two computations of
/// the ranks of the same values always agree to the last bit.
///
/// ```swift
/// AverageRanks.of([10, 20, 10, 30]) // [1.5, 3, 1.5, 4]
/// ```
enum AverageRanks {
    /// The average ranks of `values`, which must all be finite. O(n log n).
    static func of(_ values: [Double]) -> [Double] {
        var order = Array(0..<values.count)
        values.withUnsafeBufferPointer { v in
            order.sort { v[$0] < v[$1] }
        }
        var ranks = [Double](repeating: 0, count: values.count)
        order.withUnsafeBufferPointer { sorted in
            values.withUnsafeBufferPointer { v in
                ranks.withUnsafeMutableBufferPointer { out in
                    assign(sorted: sorted, values: v, into: out)
                }
            }
        }
        return ranks
    }

    /// Writes into `ranks[index]` the average rank of each index of `sorted`, a list of indexes
    /// into `values` ordered by increasing value. Indexes not listed are left untouched. O(n).
    @inline(__always)
    static func assign(
        sorted: UnsafeBufferPointer<Int>,
        values: UnsafeBufferPointer<Double>,
        into ranks: UnsafeMutableBufferPointer<Double>
    ) {
        let count = sorted.count
        var start = 0
        while start < count {
            let value = values[sorted[start]]
            var end = start + 1
            while end < count, values[sorted[end]] == value { end += 1 }
            // Positions start..<end hold ranks start+1 … end; their mean is (start + 1 + end) / 2.
            let rank = Double(start + 1 + end) * 0.5
            for position in start..<end { ranks[sorted[position]] = rank }
            start = end
        }
    }
}
