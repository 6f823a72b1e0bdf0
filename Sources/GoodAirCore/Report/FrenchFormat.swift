/// Numbers, dates and durations as a French reader expects them: decimal comma, `29/11/2026`,
/// `29/11/2026 14:00 UTC`, « 3 h », « 2 j 5 h ». Locale-free and deterministic: the same value
/// always gives the same bytes, whatever the machine's locale.
///
/// ```swift
/// FrenchFormat.number(12.345, decimals: 1)   // "12,3"
/// FrenchFormat.date(days: 20_421)             // "29/11/2025"
/// ```
enum FrenchFormat {
    /// Abbreviated month names, January first.
    static let monthAbbreviations = ["janv.", "févr.", "mars", "avr.", "mai", "juin",
                                     "juil.", "août", "sept.", "oct.", "nov.", "déc."]

    /// `value` rounded to `decimals` digits with a decimal comma and a true minus sign; "—" for NaN.
    static func number(_ value: Double, decimals: Int = 1) -> String {
        guard value.isFinite else { return "—" }
        return plain(value, decimals: decimals).replacing(".", with: ",").replacing("-", with: "−")
    }

    /// `value` rounded to `decimals` digits with a decimal point (for SVG coordinates); "0" for NaN.
    static func plain(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "0" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9e15 else { return String(Int(value)) }
        let units = Int(scaled)
        let whole = units / Int(scale), fraction = units % Int(scale)
        var text = (value < 0 && units != 0 ? "-" : "") + String(whole)
        if decimals > 0 {
            let digits = String(fraction)
            text += "." + String(repeating: "0", count: decimals - digits.count) + digits
        }
        return text
    }

    /// `dd/mm/yyyy` of a day number (days since 1970-01-01).
    static func date(days: Int) -> String {
        let (y, m, d) = CivilTime.civil(days: days)
        return "\(CivilTime.pad(d))/\(CivilTime.pad(m))/\(CivilTime.pad(y, 4))"
    }

    /// `dd/mm/yyyy HH:MM UTC` of seconds since 1970.
    static func dateTime(seconds: Int) -> String {
        let days = CivilTime.floorDiv(seconds, 86_400)
        let rest = seconds - days * 86_400
        return "\(date(days: days)) \(CivilTime.pad(rest / 3600)):\(CivilTime.pad(rest / 60 % 60)) UTC"
    }

    /// A duration in hours: « 5 h », « 1 j 3 h », « 2 j ».
    static func duration(hours: Int) -> String {
        guard hours >= 24 else { return "\(hours) h" }
        let days = hours / 24, rest = hours % 24
        return rest == 0 ? "\(days) j" : "\(days) j \(rest) h"
    }
}
