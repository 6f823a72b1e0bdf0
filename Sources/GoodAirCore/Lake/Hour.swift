import Foundation

/// One UTC hour, the unit of collection: bronze partitions are `date=YYYY-MM-DD/hour=HH`.
///
/// ```swift
/// let hour = Hour(containing: Date())        // the current hour, truncated
/// hour.partitionPath                        // "date=2026-11-29/hour=14"
/// ```
public struct Hour: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Hours since 1970-01-01T00:00Z.
    public let index: Int

    public init(index: Int) { self.index = index }

    /// The hour that contains `date` (UTC).
    public init(containing date: Date) {
        index = Int((date.timeIntervalSince1970 / 3600).rounded(.down))
    }

    /// Parses `2026-11-29T14`, `2026-11-29T14Z`, `2026-11-29T14:00Z`, `2026-11-29T14:00:00Z`, or any
    /// timestamp `Timestamp.parse` takes, as long as it falls exactly on an hour; nil otherwise.
    public init?(parsing text: String) {
        var t = text.trimmingCharacters(in: .whitespaces)
        if t.count == 13, t.dropFirst(10).first == "T" { t += ":00:00Z" }
        guard t.count > 10, let date = Timestamp.parse(t) else { return nil }
        let hour = Hour(containing: date)
        guard hour.start == date else { return nil }
        self = hour
    }

    /// The first instant of the hour.
    public var start: Date { Date(timeIntervalSince1970: TimeInterval(index) * 3600) }

    /// `YYYY-MM-DD` of the hour (UTC).
    public var dateString: String { String(Timestamp.format(start).prefix(10)) }

    /// `HH` of the hour (UTC), two digits.
    public var hourString: String { CivilTime.pad(((index % 24) + 24) % 24) }

    /// The Hive-style partition path, `date=YYYY-MM-DD/hour=HH`.
    public var partitionPath: String { "date=\(dateString)/hour=\(hourString)" }

    /// `2026-11-29T14:00:00Z`.
    public var description: String { Timestamp.format(start) }

    public func advanced(by hours: Int) -> Hour { Hour(index: index + hours) }

    public static func < (lhs: Hour, rhs: Hour) -> Bool { lhs.index < rhs.index }

    /// Every hour from `first` to `last`, both included; empty when `last < first`.
    public static func range(_ first: Hour, through last: Hour) -> [Hour] {
        guard first <= last else { return [] }
        return (first.index...last.index).map(Hour.init(index:))
    }
}
