import Foundation

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
        guard value.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    public static func int(_ value: Int?) -> String { value.map(String.init) ?? null }

    /// A number in plain decimal notation (never exponent notation), at most `decimals` places,
    /// trailing zeros dropped but always one decimal kept, so every file of a float column reads
    /// as a float (DuckDB types a multi-file read from its first file): 12.30 → "12.3",
    /// 1021 → "1021.0", 1e-7 → "0.0" with 6 decimals, -0 → "0.0". NaN and infinities are NULL.
    public static func double(_ value: Double?, decimals: Int = 6) -> String {
        guard let value, value.isFinite else { return null }
        let scale = pow(10.0, Double(decimals))
        let rounded = (value * scale).rounded() / scale
        var text = String(format: "%.\(decimals)f", rounded)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text += "0" }
        } else {
            text += ".0"
        }
        return text == "-0.0" ? "0.0" : text
    }

    /// `2026-11-29T14:00:00Z` for seconds since 1970.
    public static func timestamp(_ seconds: Int?) -> String {
        guard let seconds else { return null }
        return CivilTime.wallString(seconds: seconds, separator: "T") + "Z"
    }
}
