/// A running sum with Kahan–Neumaier compensation: the rounding error of every addition is
/// kept aside and added back at the end, so long sums of hourly values stay accurate to the
/// last bits whatever their order and magnitude.
///
/// ```swift
/// var sum = CompensatedSum()
/// for value in [1e16, 1, -1e16] { sum.add(value) }
/// sum.value // 1.0 (a plain sum gives 0.0)
/// ```
struct CompensatedSum {
    private var total = 0.0
    private var compensation = 0.0

    /// An empty sum (0).
    init() {}

    /// Adds `value` to the sum.
    @inline(__always)
    mutating func add(_ value: Double) {
        let next = total + value
        if abs(total) >= abs(value) {
            compensation += (total - next) + value
        } else {
            compensation += (value - next) + total
        }
        total = next
    }

    /// The compensated sum of every value added so far.
    var value: Double { total + compensation }
}
