import Foundation

/// ISO 8601 UTC timestamps as the lake writes them (`2026-11-29T14:00:00Z`), and parsing of the
/// forms users type on the command line.
public enum Timestamp {
    /// Formats `date` as `YYYY-MM-DDTHH:MM:SSZ` (UTC, whole seconds, rounded down).
    public static func format(_ date: Date) -> String {
        CivilTime.wallString(seconds: Int(date.timeIntervalSince1970.rounded(.down)), separator: "T") + "Z"
    }

    /// Formats `date` with milliseconds (`2026-11-29T14:00:00.123Z`), for run logs and manifests.
    public static func formatMillis(_ date: Date) -> String {
        let total = Int((date.timeIntervalSince1970 * 1000).rounded())
        let seconds = CivilTime.floorDiv(total, 1000)
        let whole = format(Date(timeIntervalSince1970: Double(seconds)))
        return String(whole.dropLast()) + "." + CivilTime.pad(total - seconds * 1000, 3) + "Z"
    }

    /// Parses `2026-11-29T14:00:00Z`, `…T14:00Z`, `…T14Z`, fractional seconds, an offset instead of
    /// `Z` (`+01:00`, `-0530`), or a bare date `2026-11-29` (midnight UTC), with surrounding spaces.
    /// Nil for anything else.
    public static func parse(_ text: String) -> Date? {
        guard let (seconds, fraction) = instant(text) else { return nil }
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    /// ``parse(_:)`` as whole seconds since 1970 (rounded down), without going through `Date`:
    /// the form curation uses for every AQICN `time.iso`.
    public static func seconds(_ text: String) -> Int? { instant(text)?.seconds }

    private static func instant(_ text: String) -> (seconds: Int, fraction: Double)? {
        var copy = text
        return copy.withUTF8 { utf8 in
            guard let first = utf8.first, let last = utf8.last else { return nil }
            if first >= 0x80 || last >= 0x80 {   // rare: Unicode spaces around the text
                return Array(text.trimmingCharacters(in: .whitespaces).utf8).withUnsafeBufferPointer { instant($0) }
            }
            var start = 0, end = utf8.count
            while start < end, utf8[start] == 0x20 || utf8[start] == 0x09 { start += 1 }
            while end > start, utf8[end - 1] == 0x20 || utf8[end - 1] == 0x09 { end -= 1 }
            return instant(UnsafeBufferPointer(rebasing: utf8[start..<end]))
        }
    }

    /// ``instant(_:)`` over the trimmed bytes (borrowed: no copy per timestamp on the curation path).
    private static func instant(_ b: UnsafeBufferPointer<UInt8>) -> (seconds: Int, fraction: Double)? {
        guard b.count >= 10, let days = dateDays(b) else { return nil }
        if b.count == 10 { return (days * 86_400, 0) }
        guard b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: " ") else { return nil }
        var i = 11
        func number(_ digits: Int) -> Int? {
            guard i + digits <= b.count else { return nil }
            var n = 0
            for k in i..<(i + digits) {
                guard (48...57).contains(b[k]) else { return nil }
                n = n * 10 + Int(b[k] - 48)
            }
            i += digits
            return n
        }
        guard let hour = number(2), hour < 24 else { return nil }
        var minute = 0, second = 0, fraction = 0.0
        if i < b.count, b[i] == UInt8(ascii: ":") {
            i += 1
            guard let m = number(2), m < 60 else { return nil }
            minute = m
            if i < b.count, b[i] == UInt8(ascii: ":") {
                i += 1
                guard let s = number(2), s < 61 else { return nil }
                second = s
                if i < b.count, b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: ",") {
                    i += 1
                    var scale = 0.1
                    let start = i
                    while i < b.count, (48...57).contains(b[i]) { fraction += Double(b[i] - 48) * scale; scale /= 10; i += 1 }
                    guard i > start else { return nil }
                }
            }
        }
        guard i < b.count else { return nil }   // a zone is required: Z or an offset
        var offset = 0
        if b[i] == UInt8(ascii: "Z") || b[i] == UInt8(ascii: "z") {
            i += 1
        } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
            let sign = b[i] == UInt8(ascii: "-") ? -1 : 1
            i += 1
            guard let oh = number(2), oh <= 18 else { return nil }
            if i < b.count, b[i] == UInt8(ascii: ":") { i += 1 }
            guard let om = number(2), om < 60 else { return nil }
            offset = sign * (oh * 3600 + om * 60)
        } else {
            return nil
        }
        guard i == b.count else { return nil }
        return (days * 86_400 + hour * 3600 + minute * 60 + second - offset, fraction)
    }

    /// Parses a bare `YYYY-MM-DD` as midnight UTC.
    public static func parseDate(_ text: String) -> Date? {
        day(text).map { Date(timeIntervalSince1970: Double($0) * 86_400) }
    }

    /// The day number (days since 1970-01-01) of a bare `YYYY-MM-DD`, nil for anything else.
    public static func day(_ text: String) -> Int? {
        let b = Array(text.utf8)
        return b.count == 10 ? b.withUnsafeBufferPointer { dateDays($0) } : nil
    }

    /// The day number of the `YYYY-MM-DD` at the start of `b`.
    private static func dateDays(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        guard b.count >= 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
        func digits(_ range: Range<Int>) -> Int? {
            var n = 0
            for k in range {
                guard (48...57).contains(b[k]) else { return nil }
                n = n * 10 + Int(b[k] - 48)
            }
            return n
        }
        guard let y = digits(0..<4), let m = digits(5..<7), let d = digits(8..<10) else { return nil }
        return CivilTime.validDays(year: y, month: m, day: d)
    }
}
