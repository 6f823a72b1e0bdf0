/// One typed value extracted from a payload, before it is range-checked and written as CSV.
public enum CellValue: Sendable, Equatable {
    case null
    case text(String)
    case int(Int)
    case double(Double)
    /// Seconds since 1970, UTC.
    case timestamp(Int)

    /// The value as a number, for range checks; nil for text, timestamps and NULL.
    var number: Double? {
        switch self {
        case .int(let v): return Double(v)
        case .double(let v): return v
        default: return nil
        }
    }
}
