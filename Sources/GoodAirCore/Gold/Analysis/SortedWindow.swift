/// The values of a sliding window kept sorted, for rolling medians and MADs.
///
/// Insertion and removal find their place by binary search and shift the tail with a memmove:
/// O(w) per step but with a tiny constant, fine for a week of hourly values.
///
/// ```swift
/// var window = SortedWindow()
/// window.insert(3); window.insert(1); window.insert(2)
/// window.median()             // 2
/// window.medianAbsoluteDeviation(from: 2) // 1
/// ```
struct SortedWindow {
    /// The values, in increasing order.
    private(set) var values: [Double] = []

    /// An empty window with room for `capacity` values.
    init(capacity: Int = 0) {
        values.reserveCapacity(capacity)
    }

    /// The number of values in the window.
    var count: Int { values.count }

    /// Adds a finite `value`. A zero is kept as +0, so that the window's values, and its median,
    /// do not depend on the order in which -0 and +0 came in.
    mutating func insert(_ value: Double) {
        let value = value == 0 ? 0 : value
        values.insert(value, at: lowerBound(value))
    }

    /// Replaces the values by `finite` ones, sorted at once.
    mutating func fill(_ finite: [Double]) {
        values.removeAll(keepingCapacity: true)
        values.append(contentsOf: finite.lazy.map { $0 == 0 ? 0 : $0 })
        values.sort()
    }

    /// Removes one occurrence of `value`, which must be in the window.
    mutating func remove(_ value: Double) {
        let value = value == 0 ? 0 : value
        let index = lowerBound(value)
        precondition(index < values.count && values[index] == value, "value not in window")
        values.remove(at: index)
    }

    /// The median of the values: the middle one, or the mean of the two middle ones.
    /// The window must not be empty.
    func median() -> Double {
        let count = values.count
        return count % 2 == 1 ? values[count / 2] : (values[count / 2 - 1] + values[count / 2]) / 2
    }

    /// The median of the absolute deviations of the values from `median`, the median of the
    /// window. O(w): the deviations of the lower half, read downward, and of the upper half,
    /// read upward, are both increasing, so they are merged up to their middle.
    func medianAbsoluteDeviation(from median: Double) -> Double {
        let count = values.count
        let lowMiddle = (count - 1) / 2, highMiddle = count / 2
        return values.withUnsafeBufferPointer { v in
            // Below `half` every value is ≤ median, from `half` on every value is ≥ median.
            let half = count / 2
            var down = half - 1, up = half
            var current = 0.0, previous = 0.0
            for _ in 0...highMiddle {
                previous = current
                let left = down >= 0 ? median - v[down] : Double.infinity
                let right = up < count ? v[up] - median : Double.infinity
                if left <= right {
                    current = left
                    down -= 1
                } else {
                    current = right
                    up += 1
                }
            }
            return lowMiddle == highMiddle ? current : (previous + current) / 2
        }
    }

    /// The first index whose value is not less than `value`.
    private func lowerBound(_ value: Double) -> Int {
        values.withUnsafeBufferPointer { v in
            var low = 0, high = v.count
            while low < high {
                let middle = (low + high) / 2
                if v[middle] < value { low = middle + 1 } else { high = middle }
            }
            return low
        }
    }
}
