import Foundation

/// The incidents an hourly evaluation signals (issue #6): every failed check (a source down as
/// such), and from gold every regulatory pollution episode (French information and alert
/// thresholds; WHO guideline levels are reported, not alerted) and every heatwave still going.
/// Whatever is not signalled again within ``scope`` resolves.
///
/// ```swift
/// let outcome = try await center.evaluate(try QualityAlerts.signals(report, lake: lake, now: now), scope: QualityAlerts.scope)
/// ```
public enum QualityAlerts {
    /// The incidents these signals own: what is not signalled again resolves.
    public static let scope = AlertScope.kinds([.check, .sourceDown, .exceedance, .heatwave])

    /// An episode still counts as going when its last hour is this recent (hours before now).
    static let ongoingHours = 2

    /// The signals of an evaluation at `now`: failed checks, and the episodes going on or started
    /// within the report's window (so that an episode that began and ended between two runs is
    /// still told, then resolves).
    public static func signals(_ report: QualityReport, lake: Lake, now: Date) throws -> [IncidentSignal] {
        var signals = report.findings.filter { $0.status == .fail }.map(signal)
        signals += try episodes(lake: lake, now: now, since: Timestamp.seconds(report.from) ?? Int(now.timeIntervalSince1970))
        return signals
    }

    static func signal(_ finding: QualityFinding) -> IncidentSignal {
        let parts = finding.subject.split(separator: "/").map(String.init)
        if finding.kind == .sourceDown {
            return .sourceDown(source: finding.subject, details: finding.detail,
                               investigate: "goodair check && goodair collect --sources \(finding.subject) --log-level debug")
        }
        let source = Source(rawValue: parts[0])?.rawValue
        let city = parts.count >= 2 && source == nil && ["air_quality", "weather", "air_pollution"].contains(parts[0]) ? parts[1] : nil
        return IncidentSignal(key: "check:\(finding.check):\(finding.subject)", kind: .check, severity: .warning,
                              title: "Contrôle \(finding.check) en échec : \(finding.subject)",
                              location: IncidentLocation(city: city, source: source, table: city == nil ? nil : parts[0]),
                              since: nil, details: finding.detail, investigate: "goodair check --json")
    }

    /// Regulatory exceedances and heatwaves of the current and previous month going on at `now`
    /// or started since `since` (seconds).
    static func episodes(lake: Lake, now: Date, since: Int) throws -> [IncidentSignal] {
        let seconds = Int(now.timeIntervalSince1970)
        let month = UTCMonth(containingDay: CivilTime.floorDiv(seconds, 86_400))
        let thresholdsFile = lake.reference.appendingPathComponent("thresholds.csv")
        guard FileManager.default.fileExists(atPath: thresholdsFile.path) else { return [] }
        let thresholds = try Threshold.load(from: thresholdsFile)
        let names = Dictionary(try CityCatalog.load(from: lake.citiesFile).cities.map { ($0.id, $0.name) }) { first, _ in first }
        var signals: [IncidentSignal] = []
        for row in try rows(lake, "exceedances", months: [month.previous, month]) {
            guard let end = row["end"].flatMap(Timestamp.seconds), let start = row["start"].flatMap(Timestamp.seconds),
                  end >= seconds - (ongoingHours + 1) * 3600 || start >= since,
                  let id = row["threshold"], let pollutant = row["pollutant"], let city = row["city_id"],
                  let threshold = thresholds.first(where: { $0.id == id && $0.rule.pollutant == pollutant }),
                  id.hasPrefix("fr_") else { continue }
            signals.append(.exceedance(threshold: threshold, cityID: city, cityName: names[city] ?? city,
                                       since: row["start"].flatMap(Timestamp.parse),
                                       details: "pic de \(row["peak_ugm3"] ?? "?") µg/m³ (seuil \(row["threshold_ugm3"] ?? "?") µg/m³, \(row["averaging"] ?? "")), \(row["hours"] ?? "?") h depuis \(row["start"] ?? "?")"))
        }
        let today = CivilTime.floorDiv(seconds, 86_400)
        for row in try rows(lake, "heatwaves", months: [month.previous, month]) {
            guard let end = row["end_date"].flatMap(Timestamp.day), let start = row["start_date"].flatMap(Timestamp.day),
                  end >= today - 1 || start * 86_400 >= since, let city = row["city_id"] else { continue }
            signals.append(.heatwave(cityID: city, cityName: names[city] ?? city, since: row["start_date"].flatMap(Timestamp.parse),
                                     details: "IBMn \(row["ibmn_max_c"] ?? "?") °C / IBMx \(row["ibmx_max_c"] ?? "?") °C, seuils \(row["threshold_tmin_c"] ?? "?") / \(row["threshold_tmax_c"] ?? "?") °C, depuis le \(row["start_date"] ?? "?")"))
        }
        return signals
    }

    private static func rows(_ lake: Lake, _ table: String, months: [UTCMonth]) throws -> [[String: String]] {
        try GoldReader.rows(months.map { GoldReader.file(lake.gold.appendingPathComponent(table), month: $0.name) })
    }
}
