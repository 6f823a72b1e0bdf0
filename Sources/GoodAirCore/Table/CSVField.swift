/// How values are written into the lake's CSV files (LAKE.md §3): RFC 4180 quoting, `.` decimal
/// point, empty field = NULL, timestamps ISO 8601 UTC with `Z`. The same value always gives the
/// same text, so the same inputs give byte-identical files.
///
/// ```swift
/// CSVField.double(12.30)          // "12.3"
/// CSVField.double(1021)           // "1021.0"
/// CSVField.text("Lyon, France")   // "\"Lyon, France\""
/// ```
public enum CSVField {
    /// NULL.
    public static let null = ""

    /// A text field, quoted when it holds a comma, a quote, CR or LF (quotes doubled).
    public static func text(_ value: String?) -> String {
        guard let value else { return null }
        var line = CSVLine(capacity: value.utf8.count + 2)
        line.appendText(value)
        return String(decoding: line.bytes, as: UTF8.self)
    }

    public static func int(_ value: Int?) -> String { value.map(String.init) ?? null }

    /// A number in plain decimal notation (never exponent notation), at most `decimals` places,
    /// trailing zeros dropped but always one decimal kept, so every file of a float column reads
    /// as a float (DuckDB types a multi-file read from its first file): 12.30 → "12.3",
    /// 1021 → "1021.0", 1e-7 → "0.0" with 6 decimals, -0 → "0.0". NaN and infinities are NULL.
    public static func double(_ value: Double?, decimals: Int = 6) -> String {
        guard let value else { return null }
        var line = CSVLine(capacity: 24)
        line.appendDouble(value, decimals: decimals)
        return String(decoding: line.bytes, as: UTF8.self)
    }

    /// `2026-11-29T14:00:00Z` for seconds since 1970.
    public static func timestamp(_ seconds: Int?) -> String {
        guard let seconds else { return null }
        var line = CSVLine(capacity: 20)
        line.appendTimestamp(seconds)
        return String(decoding: line.bytes, as: UTF8.self)
    }
}
