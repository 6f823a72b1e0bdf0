/// The rows of `gold/correlations/part-00000.csv`, and the strongest lag of each pair: for a
/// scope (a city or `all`), a period (`all`, `djf`…) and a method, the lag whose |r| is largest
/// (the shortest lag on a tie).
struct CorrelationFacts {
    /// One correlation: weather `x` at hour t, pollution `y` at t + `lag`.
    struct Entry {
        var scope: String, period: String, x: String, y: String, method: String
        var lag: Int, n: Int, r: Double
    }

    /// The weather variables (rows) and pollution variables (columns), in display order.
    static let weather = ["temperature_c", "humidity_pct", "wind_speed_ms", "pressure_hpa", "rain_1h_mm"]
    static let pollution = ["no2_ugm3", "o3_ugm3", "pm2_5_ugm3", "pm10_ugm3", "aqi"]
    static let periods = ["all", "djf", "mam", "jja", "son"]
    static let periodNames = ["all": "toute l'année", "djf": "hiver (déc.–févr.)", "mam": "printemps (mars–mai)",
                              "jja": "été (juin–août)", "son": "automne (sept.–nov.)"]
    static let methodNames = ["pearson": "Pearson", "spearman": "Spearman"]

    /// Best entry per scope, period, method, x, y.
    private(set) var best: [String: Entry] = [:]

    static func key(_ scope: String, _ period: String, _ method: String, _ x: String, _ y: String) -> String {
        "\(scope)|\(period)|\(method)|\(x)|\(y)"
    }

    /// Reads the table; a missing file gives no facts.
    init(lake: Lake) throws {
        for row in try GoldReader.rows([lake.gold.appendingPathComponent("correlations/part-00000.csv")]) {
            guard let lag = Int(row["lag_hours"] ?? ""), let n = Int(row["n"] ?? ""), let r = Double(row["r"] ?? ""), r.isFinite else { continue }
            let entry = Entry(scope: row["scope"] ?? "", period: row["period"] ?? "", x: row["variable_x"] ?? "", y: row["variable_y"] ?? "",
                              method: row["method"] ?? "", lag: lag, n: n, r: r)
            let key = Self.key(entry.scope, entry.period, entry.method, entry.x, entry.y)
            if let current = best[key], abs(current.r) > abs(r) || (abs(current.r) == abs(r) && current.lag <= lag) { continue }
            best[key] = entry
        }
    }

    /// The strongest lag of a pair.
    func entry(scope: String, period: String, method: String, x: String, y: String) -> Entry? {
        best[Self.key(scope, period, method, x, y)]
    }

    /// Whether anything was computed for `scope` and `period`.
    func has(scope: String, period: String) -> Bool {
        best.values.contains { $0.scope == scope && $0.period == period }
    }

    /// The pairs of `scope`, over the whole year, by decreasing |r| of `method`.
    func ranked(scope: String, method: String) -> [Entry] {
        best.values.filter { $0.scope == scope && $0.period == "all" && $0.method == method }
            .sorted { (abs($1.r), $0.x, $0.y) < (abs($0.r), $1.x, $1.y) }
    }

    /// « +3 h » or « 0 h ».
    static func lagText(_ lag: Int) -> String { lag == 0 ? "0 h" : "+\(lag) h" }

    /// The tooltip sentence of an entry.
    static func sentence(_ e: Entry) -> String {
        "\(ReportVariable.name(e.x)) → \(ReportVariable.name(e.y)) : r de \(methodNames[e.method] ?? e.method) = \(FrenchFormat.number(e.r, decimals: 2)), "
            + (e.lag == 0 ? "à la même heure" : "pollution \(e.lag) h après la météo") + ", n = \(e.n) paires horaires"
    }
}
