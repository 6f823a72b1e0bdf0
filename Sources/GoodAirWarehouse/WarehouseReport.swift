/// What ``Warehouse/update(lake:months:rebuild:logger:)`` did: the rows written per table, the
/// months reloaded, and how long it took.
///
/// ```swift
/// let report = try Warehouse.update(lake: lake, months: ["2026-07"], rebuild: false, logger: logger)
/// report.rows["hourly_measurement"]   // 482_664
/// report.summary                      // "warehouse: 1 month(s) 2026-07…2026-07; rows …; in 812 ms"
/// ```
public struct WarehouseReport: Sendable {
    /// Rows written per table: every row of each dimension, and the facts of the months reloaded
    /// (`correlation` only when its file changed).
    public var rows: [String: Int] = [:]
    /// The months reloaded whole, `YYYY-MM`, sorted (every month of gold on a rebuild).
    public var months: [String] = []
    /// The days, `YYYY-MM-DD`, whose hourly and daily facts were reloaded (with their months'
    /// monthly aggregates) in months not reloaded whole.
    public var days: [String] = []
    /// The months, not reloaded whole, whose events were reloaded.
    public var eventMonths: [String] = []
    /// Whether `correlation` was reloaded (its file changed, or a rebuild).
    public var correlationsReloaded = false
    /// Gold rows left out because they name a city, variable or threshold the dimensions lack
    /// (each such key is logged once per file).
    public var skippedRows = 0
    public var seconds = 0.0

    public init() {}

    /// One line for logs and the command line.
    public var summary: String {
        let tables = rows.keys.sorted().map { "\($0) \(rows[$0]!)" }.joined(separator: ", ")
        var span = months.isEmpty ? "no month" : "\(months.count) month(s) \(months.first!)…\(months.last!)"
        if !days.isEmpty { span += ", \(days.count) day(s) \(days.first!)…\(days.last!)" }
        if !eventMonths.isEmpty { span += ", events of \(eventMonths.joined(separator: " "))" }
        let skipped = skippedRows > 0 ? "; \(skippedRows) row(s) skipped (unknown keys)" : ""
        return "warehouse: \(span); rows \(tables)\(skipped); in \(Int((seconds * 1000).rounded())) ms"
    }
}
