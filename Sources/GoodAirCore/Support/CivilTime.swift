/// Calendar arithmetic on days since 1970-01-01 in the proleptic Gregorian calendar, without
/// Foundation's Calendar (slow on hot paths such as naming partitions or rendering payloads).
/// Algorithms from Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms".
///
/// ```swift
/// CivilTime.civil(days: 20_421)                   // (2025, 11, 29)
/// CivilTime.wallString(seconds: 0, separator: "T") // "1970-01-01T00:00:00"
/// ```
public enum CivilTime {
    /// (year, month 1…12, day 1…31) of a day number.
    public static func civil(days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// The day number of (year, month, day), for a date known to exist.
    public static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The day number of (year, month, day); nil when the date does not exist (2026-02-30).
    public static func validDays(year: Int, month: Int, day: Int) -> Int? {
        guard (1...12).contains(month), day >= 1, day <= daysInMonth(year: year, month: month) else { return nil }
        return days(year: year, month: month, day: day)
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Weekday of a day number, 0 = Monday … 6 = Sunday.
    public static func weekday(days: Int) -> Int { ((days + 3) % 7 + 7) % 7 }

    /// Floor division, correct for negative numbers.
    public static func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }

    /// `n` zero-padded to `width` digits (`pad(7, 2)` is `"07"`).
    public static func pad(_ n: Int, _ width: Int = 2) -> String {
        let text = String(n)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    /// `YYYY-MM-DD` of a day number.
    public static func dateString(days: Int) -> String {
        let (y, m, d) = civil(days: days)
        return "\(pad(y, 4))-\(pad(m))-\(pad(d))"
    }

    /// `YYYY-MM-DD<separator>HH:MM:SS` of seconds since 1970 (no offset applied here).
    public static func wallString(seconds: Int, separator: String) -> String {
        let days = floorDiv(seconds, 86_400)
        let rest = seconds - days * 86_400
        return dateString(days: days) + separator + "\(pad(rest / 3600)):\(pad(rest / 60 % 60)):\(pad(rest % 60))"
    }

    /// `+02:00`-style rendering of a UTC offset in seconds.
    public static func offsetString(seconds: Int) -> String {
        let a = abs(seconds)
        return (seconds < 0 ? "-" : "+") + "\(pad(a / 3600)):\(pad(a / 60 % 60))"
    }
}
