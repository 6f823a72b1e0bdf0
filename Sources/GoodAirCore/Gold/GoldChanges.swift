/// What an aggregation rewrote in the month-partitioned gold tables, so that what serves them
/// (the warehouse) reloads no more than that: whole months; and, from a run day by day, the days
/// whose `city_hourly` and `city_daily` rows were recomputed (their months' `city_monthly` with
/// them) and the months whose event files were rewritten.
///
/// ```swift
/// let changes = report.changes    // an hourly run at 23:30 that recomputed the day
/// changes.months                  // []
/// changes.days                    // ["2026-11-28"]
/// changes.eventMonths             // ["2026-11"]
/// try Warehouse.update(lake: lake, changes: changes, rebuild: false, logger: logger)
/// ```
public struct GoldChanges: Sendable, Equatable {
    /// Months (`YYYY-MM`) whose every gold file may have been rewritten or removed.
    public var months: [String]
    /// Dates (`YYYY-MM-DD`, consecutive) whose city rows were recomputed, in months not in ``months``.
    public var days: [String]
    /// Months, not in ``months``, whose event files (exceedances, heatwaves, anomalies, features)
    /// were rewritten.
    public var eventMonths: [String]

    /// Changes of whole `months`, and of `days` and the events of `eventMonths` (none by default).
    public init(months: [String], days: [String] = [], eventMonths: [String] = []) {
        self.months = months
        self.days = days
        self.eventMonths = eventMonths
    }

    /// Whether nothing changed.
    public var isEmpty: Bool { months.isEmpty && days.isEmpty && eventMonths.isEmpty }
}
