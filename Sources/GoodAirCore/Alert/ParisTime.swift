import Foundation

/// Legal time in metropolitan France (Europe/Paris) without the system's time-zone database:
/// UTC+1, and UTC+2 from the last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC
/// (the EU rule in force since 1996). Mails give both: researchers read UTC, people read Paris time.
///
/// ```swift
/// ParisTime.offset(at: Timestamp.parse("2026-07-14T12:00:00Z")!)   // 7200
/// ParisTime.french(Timestamp.parse("2026-11-29T23:30:00Z")!)
/// // "29/11/2026 23:30 UTC (30/11/2026 00:30 heure de Paris)"
/// ```
enum ParisTime {
    /// The offset from UTC in seconds at `date`: 3600 or 7200.
    static func offset(at date: Date) -> Int {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let year = CivilTime.civil(days: CivilTime.floorDiv(seconds, 86_400)).year
        let start = lastSunday(year: year, month: 3) * 86_400 + 3600
        let end = lastSunday(year: year, month: 10) * 86_400 + 3600
        return seconds >= start && seconds < end ? 7200 : 3600
    }

    /// « 29/11/2026 14:00 UTC (15:00 heure de Paris) », with the Paris date when it differs.
    static func french(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let local = seconds + offset(at: date)
        let utcDay = CivilTime.floorDiv(seconds, 86_400), localDay = CivilTime.floorDiv(local, 86_400)
        let rest = local - localDay * 86_400
        let clock = "\(CivilTime.pad(rest / 3600)):\(CivilTime.pad(rest / 60 % 60))"
        let paris = utcDay == localDay ? clock : "\(FrenchFormat.date(days: localDay)) \(clock)"
        return "\(FrenchFormat.dateTime(seconds: seconds)) (\(paris) heure de Paris)"
    }

    private static func lastSunday(year: Int, month: Int) -> Int {
        let last = CivilTime.days(year: year, month: month, day: CivilTime.daysInMonth(year: year, month: month))
        return last - (CivilTime.weekday(days: last) + 1) % 7
    }
}
