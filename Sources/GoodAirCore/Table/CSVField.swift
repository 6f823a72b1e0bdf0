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
        let places = max(0, min(decimals, 15))
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (value * scale).rounded()
        // Integer arithmetic when it is exact (|scaled| < 2^53): no String(format:), which is
        // slow on the hot path; beyond, fall back to it.
        guard abs(scaled) < 9_007_199_254_740_992 else {
            return trimmed(String(format: "%.\(places)f", scaled / scale))
        }
        var units = Int64(scaled)
        if units == 0 { return "0.0" }
        let negative = units < 0
        if negative { units = -units }
        var divisor: Int64 = 1
        for _ in 0..<places { divisor *= 10 }
        let whole = units / divisor
        var fraction = units % divisor
        var digits = places
        while digits > 0 && fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        var text = negative ? "-" : ""
        text += String(whole)
        text += "."
        if digits == 0 {
            text += "0"
        } else {
            let f = String(fraction)
            text += String(repeating: "0", count: digits - f.count) + f
        }
        return text
    }

    private static func trimmed(_ formatted: String) -> String {
        var text = formatted
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
