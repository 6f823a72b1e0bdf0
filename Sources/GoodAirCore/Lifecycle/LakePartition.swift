import Foundation

/// The unit retention acts on: one partition folder of a zone, or one archive (LAKE.md §6).
///
/// | zone | path |
/// | --- | --- |
/// | bronze, quarantine | `bronze/source=aqicn/date=2026-07-14` (all its hours) |
/// | silver | `silver/weather/date=2026-07-14` |
/// | gold | `gold/city_daily/month=2026-07` |
/// | lineage | `_lineage/date=2026-07-14` |
/// | archive | `archive/bronze/source=aqicn/date=2026-07-14` (its `.tar.gz` and `.manifest.json`) |
///
/// ```swift
/// let partition = LakePartition(bronze: "aqicn", date: "2026-07-14")!
/// partition.ageDays(at: Timestamp.parse("2026-08-14T00:00:00Z")!)   // 30
/// ```
public struct LakePartition: Sendable, Codable, Hashable, Comparable, CustomStringConvertible {
    public var zone: LakeZone
    /// The path relative to the lake root, as plans print it and `restore` takes it.
    public var path: String
    /// The source of a bronze, quarantine or archived partition.
    public var source: String?
    /// The table of a silver or gold partition.
    public var table: String?
    /// `YYYY-MM-DD`, or `YYYY-MM` in gold.
    public var period: String
    /// For an archive: the path of the partition it packs (`bronze/source=aqicn/date=2026-07-14`).
    public var origin: String?
    /// The day after the partition's last (days since 1970): its age counts from there.
    public var endDay: Int

    /// A partition of `zone` from its parts; nil when `period` is not a date (a month in gold).
    public init?(zone: LakeZone, source: String? = nil, table: String? = nil, period: String, originZone: LakeZone? = nil) {
        let end: Int
        if zone == .gold {
            guard let month = UTCMonth(period) else { return nil }
            end = month.endDay
        } else {
            guard let day = Timestamp.day(period) else { return nil }
            end = day + 1
        }
        self.zone = zone
        self.source = source
        self.table = table
        self.period = period
        self.endDay = end
        switch zone {
        case .bronze, .quarantine:
            path = "\(zone.folder)/source=\(source ?? "")/date=\(period)"
        case .silver:
            path = "silver/\(table ?? "")/date=\(period)"
        case .gold:
            path = "gold/\(table ?? "")/month=\(period)"
        case .lineage:
            path = "_lineage/date=\(period)"
        case .archive:
            let packed = "\((originZone ?? .bronze).folder)/source=\(source ?? "")/date=\(period)"
            origin = packed
            path = "archive/" + packed
        }
    }

    /// `bronze/source=<source>/date=<date>`.
    public init?(bronze source: String, date: String) {
        self.init(zone: .bronze, source: source, period: date)
    }

    /// The partition a path names, as plans print it (`bronze/source=aqicn/date=2026-07-14`,
    /// `archive/quarantine/source=owm_air/date=2026-07-01`, `gold/city_daily/month=2026-07`…).
    public init?(path: String) {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        func value(_ part: String, _ key: String) -> String? {
            part.hasPrefix(key + "=") ? String(part.dropFirst(key.count + 1)) : nil
        }
        switch (parts.first, parts.count) {
        case ("bronze", 3), ("quarantine", 3):
            guard let source = value(parts[1], "source"), let date = value(parts[2], "date") else { return nil }
            self.init(zone: LakeZone(rawValue: parts[0])!, source: source, period: date)
        case ("silver", 3):
            guard let date = value(parts[2], "date") else { return nil }
            self.init(zone: .silver, table: parts[1], period: date)
        case ("gold", 3):
            guard let month = value(parts[2], "month") else { return nil }
            self.init(zone: .gold, table: parts[1], period: month)
        case ("_lineage", 2):
            guard let date = value(parts[1], "date") else { return nil }
            self.init(zone: .lineage, period: date)
        case ("archive", 4):
            guard let zone = LakeZone(rawValue: parts[1]), zone.isArchivable,
                  let source = value(parts[2], "source"), let date = value(parts[3], "date") else { return nil }
            self.init(zone: .archive, source: source, period: date, originZone: zone)
        default:
            return nil
        }
        guard self.path == path else { return nil }
    }

    /// Whole days from the end of the partition's period to `now` (negative before it ends).
    public func ageDays(at now: Date) -> Int {
        CivilTime.floorDiv(Int(now.timeIntervalSince1970.rounded(.down)) - endDay * 86_400, 86_400)
    }

    /// The first instant at which the partition is `days` old.
    public func date(whenOld days: Int) -> Date {
        Date(timeIntervalSince1970: Double((endDay + days) * 86_400))
    }

    /// Paths a hold may name to hold this partition.
    var holdCandidates: [String] { [path] + (origin.map { [$0] } ?? []) }

    public var description: String { path }

    public static func < (lhs: LakePartition, rhs: LakePartition) -> Bool { lhs.path < rhs.path }
}
