import Foundation
import Logging

/// What every report of a run shares: the lake, the chosen cities, the period, the thresholds'
/// texts and the stamp of the run (the lake's `--now`, never the wall clock, so that the same
/// gold zone gives the same bytes).
struct ReportContext {
    var lake: Lake
    /// The chosen cities, in the référentiel's order.
    var cities: [City]
    /// Whether the user chose the cities (`--city`).
    var citiesChosen: Bool
    /// The period shown, in days since 1970, both ends included.
    var period: ClosedRange<Int>
    /// The seconds of `--now`, if given.
    var now: Int?
    var thresholds: [Threshold]
    var logger: Logger

    /// The city's name, or its id when the référentiel does not know it.
    func cityName(_ id: String) -> String { cities.first { $0.id == id }?.name ?? id }

    /// « du 05/07/2026 au 15/07/2026 ».
    var periodText: String {
        "du \(FrenchFormat.date(days: period.lowerBound)) au \(FrenchFormat.date(days: period.upperBound))"
    }

    /// The page subtitle: period, cities, stamp.
    var subtitle: String {
        let who = citiesChosen ? cities.map(\.name).joined(separator: ", ") : "\(cities.count) villes"
        let stamp = now.map { " — données du lac au \(FrenchFormat.dateTime(seconds: $0))" } ?? ""
        return "Période \(periodText) (UTC) — \(who)\(stamp)"
    }

    /// The first second of the period and the last hour's start.
    var firstSecond: Int { period.lowerBound * 86_400 }
    var lastHour: Int { period.upperBound * 86_400 + 23 * 3600 }

    /// Whether charts show hourly values (periods up to 31 days) rather than daily summaries.
    var hourly: Bool { period.count <= 31 }

    /// The threshold `id` of `pollutant`.
    func threshold(_ id: String, pollutant: String) -> Threshold? {
        thresholds.first { $0.id == id && $0.rule.pollutant == pollutant }
    }
}

/// French names and units of the variables the reports show.
enum ReportVariable {
    /// The display name of a gold variable (`pm2_5_ugm3` → « PM2,5 »).
    static func name(_ variable: String) -> String {
        switch variable {
        case "temperature_c": return "Température"
        case "feels_like_c": return "Température ressentie"
        case "humidity_pct": return "Humidité relative"
        case "pressure_hpa": return "Pression"
        case "wind_speed_ms": return "Vitesse du vent"
        case "wind_gust_ms": return "Rafales"
        case "rain_1h_mm": return "Pluie"
        case "snow_1h_mm": return "Neige"
        case "no2_ugm3", "no2": return "NO₂"
        case "o3_ugm3", "o3": return "O₃"
        case "pm2_5_ugm3", "pm2_5", "pm25": return "PM2,5"
        case "pm10_ugm3", "pm10": return "PM10"
        case "so2_ugm3", "so2": return "SO₂"
        case "co_ugm3", "co": return "CO"
        case "nh3_ugm3": return "NH₃"
        case "aqi": return "Indice AQICN"
        default: return variable
        }
    }

    /// The unit as displayed (« µg/m³ », « indice US-EPA, sans unité »).
    static func unit(_ variable: String) -> String {
        if variable == "aqi" || variable.hasSuffix("_aqi") { return "indice US-EPA, sans unité" }
        if variable.hasSuffix("_ugm3") { return "µg/m³" }
        return GoldVariable.named(variable)?.unit ?? ""
    }

    /// Decimals worth showing for the variable.
    static func decimals(_ variable: String) -> Int {
        variable == "aqi" || variable.hasSuffix("_pct") ? 0 : 1
    }

    /// `value` with its unit, in French (« 12,3 µg/m³ »).
    static func format(_ value: Double, _ variable: String) -> String {
        let unit = variable == "aqi" ? "" : " " + unit(variable)
        return FrenchFormat.number(value, decimals: decimals(variable)) + unit
    }
}
