import Foundation

/// ISO 8601 UTC timestamps as the lake writes them (`2026-11-29T14:00:00Z`), and parsing of the
/// forms users type on the command line.
public enum Timestamp {
    /// Formats `date` as `YYYY-MM-DDTHH:MM:SSZ` (UTC, whole seconds).
    public static func format(_ date: Date) -> String {
        let c = utcCalendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ",
                      c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

    /// Formats `date` with milliseconds (`2026-11-29T14:00:00.123Z`), for run logs and manifests.
    public static func formatMillis(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        let millis = Int(((date.timeIntervalSince1970 - seconds) * 1000).rounded(.down))
        let base = format(Date(timeIntervalSince1970: seconds))
        return String(base.dropLast()) + String(format: ".%03dZ", min(max(millis, 0), 999))
    }

    /// Parses `2026-11-29T14:00:00Z`, `2026-11-29T14:00Z`, `2026-11-29T14Z`, `2026-11-29T14:00:00+01:00`,
    /// or a bare date `2026-11-29` (midnight UTC). Returns nil for anything else.
    public static func parse(_ text: String) -> Date? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.count == 10, let day = parseDate(t) { return day }
        var candidates = [t]
        if t.hasSuffix("Z") {
            let body = String(t.dropLast())
            if body.count == 13 { candidates.append(body + ":00:00Z") }
            if body.count == 16 { candidates.append(body + ":00Z") }
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        for candidate in candidates {
            if let d = formatter.date(from: candidate) { return d }
        }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: t)
    }

    /// Parses a bare `YYYY-MM-DD` as midnight UTC.
    public static func parseDate(_ text: String) -> Date? {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...31).contains(d) else { return nil }
        let date = utcCalendar.date(from: DateComponents(year: y, month: m, day: d))
        // Reject 2026-02-31 and the like, which Calendar would roll over.
        guard let date, utcCalendar.component(.day, from: date) == d else { return nil }
        return date
    }

    /// The Gregorian calendar in UTC, shared by partition and timestamp code.
    public static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}
