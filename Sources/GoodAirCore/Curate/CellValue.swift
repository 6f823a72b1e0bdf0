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

    /// The CSV text of the value for a column of `type`.
    func csv(as type: TableSchema.ColumnType) -> String {
        switch self {
        case .null: return CSVField.null
        case .text(let s): return CSVField.text(s)
        case .int(let v): return type == .float ? CSVField.double(Double(v)) : CSVField.int(v)
        case .double(let v): return type == .integer && v == v.rounded() && abs(v) < 1e15 ? CSVField.int(Int(v)) : CSVField.double(v)
        case .timestamp(let t): return type == .date ? String(CSVField.timestamp(t).prefix(10)) : CSVField.timestamp(t)
        }
    }
}
