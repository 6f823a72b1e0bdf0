import Foundation

/// The signals GoodAir's jobs raise, with their keys and French titles in one place.
extension IncidentSignal {
    /// A source answered nothing usable in a collection run: key `source-down:<source>`, critical.
    ///
    /// ```swift
    /// IncidentSignal.sourceDown(source: "aqicn", details: "26 villes sur 26 en échec (HTTP 503)").title
    /// // "Source aqicn indisponible"
    /// ```
    public static func sourceDown(source: String, details: String, since: Date? = nil,
                                  investigate: String? = nil) -> IncidentSignal {
        IncidentSignal(key: "source-down:\(source)", kind: .sourceDown, severity: .critical,
                       title: "Source \(source) indisponible", location: IncidentLocation(source: source),
                       since: since, details: details,
                       investigate: investigate ?? "goodair collect --sources \(source) --log-level debug")
    }

    /// A failed check of `goodair check`: key `check:<check>[:<source>][:<city>]`, warning by default.
    ///
    /// ```swift
    /// IncidentSignal.checkFailed(check: "freshness", title: "Données owm_air en retard à Paris",
    ///                            details: "dernière observation il y a 5 h", city: "paris", source: "owm_air").key
    /// // "check:freshness:owm_air:paris"
    /// ```
    public static func checkFailed(check: String, title: String, details: String, city: String? = nil,
                                   source: String? = nil, table: String? = nil, severity: IncidentSeverity = .warning,
                                   since: Date? = nil, investigate: String? = nil) -> IncidentSignal {
        let key = (["check", check] + [source, city].compactMap { $0 }).joined(separator: ":")
        return IncidentSignal(key: key, kind: .check, severity: severity, title: title,
                              location: IncidentLocation(city: city, source: source, table: table),
                              since: since, details: details, investigate: investigate ?? "goodair check")
    }

    /// A pollution episode above `threshold` in a city: key
    /// `episode:exceedance:<city>:<pollutant>:<threshold id>`; critical for an alert threshold,
    /// warning for an information threshold, info for a guideline.
    ///
    /// ```swift
    /// IncidentSignal.exceedance(threshold: no2Information, cityID: "paris", cityName: "Paris",
    ///                           since: start, details: "pic de 212 µg/m³").title
    /// // "NO2 au-dessus du seuil d'information à Paris"
    /// ```
    public static func exceedance(threshold: Threshold, cityID: String, cityName: String, since: Date?,
                                  details: String, investigate: String? = nil) -> IncidentSignal {
        let level = threshold.rule.level.lowercased()
        let (what, severity): (String, IncidentSeverity)
        if level.hasPrefix("alert") {
            (what, severity) = ("du seuil d'alerte", .critical)
        } else if level.hasPrefix("information") {
            (what, severity) = ("du seuil d'information", .warning)
        } else {
            (what, severity) = (threshold.id.hasPrefix("who") ? "de la valeur guide OMS" : "du seuil \(threshold.id)", .info)
        }
        let pollutant = pollutantName(threshold.rule.pollutant)
        let day = since.map { String(Timestamp.format($0).prefix(10)) }
        return IncidentSignal(
            key: "episode:exceedance:\(cityID):\(threshold.rule.pollutant):\(threshold.id)", kind: .exceedance,
            severity: severity, title: "\(pollutant) au-dessus \(what) à \(cityName)",
            location: IncidentLocation(city: cityID, source: "owm_air", table: "gold/exceedances"), since: since,
            details: details, investigate: investigate ?? "goodair report --city \(cityID)" + (day.map { " --from \($0)" } ?? ""))
    }

    /// A heatwave in a city: key `episode:heatwave:<city>`, warning.
    public static func heatwave(cityID: String, cityName: String, since: Date?, details: String,
                                investigate: String? = nil) -> IncidentSignal {
        IncidentSignal(key: "episode:heatwave:\(cityID)", kind: .heatwave, severity: .warning,
                       title: "Canicule à \(cityName)",
                       location: IncidentLocation(city: cityID, source: "owm_weather", table: "gold/heatwaves"),
                       since: since, details: details, investigate: investigate ?? "goodair report --city \(cityID)")
    }

    /// Pollutant names as mail subjects write them: plain ASCII digits, so they can be searched.
    static func pollutantName(_ pollutant: String) -> String {
        switch pollutant {
        case "pm2_5", "pm25": return "PM2,5"
        default: return pollutant.uppercased()
        }
    }
}
