/// A UTC calendar month, `YYYY-MM`: the unit the gold zone is partitioned by, and its bounds in
/// days and hours since 1970.
///
/// ```swift
/// let july = UTCMonth("2026-07")!
/// july.next.name                     // "2026-08"
/// july.endHour - july.firstHour      // 744
/// ```
public struct UTCMonth: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    /// Exactly `YYYY-MM` with a month 01…12; nil for anything else.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"),
              bytes.enumerated().allSatisfy({ $0.offset == 4 || (48...57).contains($0.element) }),
              let year = Int(text.prefix(4)), let month = Int(text.suffix(2)), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// The month of a day number (days since 1970-01-01).
    public init(containingDay day: Int) {
        let (year, month, _) = CivilTime.civil(days: day)
        self.year = year
        self.month = month
    }

    /// `YYYY-MM`.
    public var name: String { "\(CivilTime.pad(year, 4))-\(CivilTime.pad(month))" }
    public var description: String { name }

    public var firstDay: Int { CivilTime.validDays(year: year, month: month, day: 1)! }
    /// The day after the month's last.
    public var endDay: Int { firstDay + CivilTime.daysInMonth(year: year, month: month) }
    public var firstHour: Int { firstDay * 24 }
    /// The hour after the month's last.
    public var endHour: Int { endDay * 24 }

    public var next: UTCMonth { UTCMonth(containingDay: endDay) }
    public var previous: UTCMonth { UTCMonth(containingDay: firstDay - 1) }

    public static func < (lhs: UTCMonth, rhs: UTCMonth) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }
}
