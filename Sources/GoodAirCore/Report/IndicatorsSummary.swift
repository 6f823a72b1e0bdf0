/// The tables of `indicateurs.html`: a city's summary of the period (mean weighted by the hours
/// observed, lowest and highest daily value with its date, hours observed per source) and the
/// comparison of the cities.
enum IndicatorsSummary {
    /// The variables summarised, in display order.
    static let variables = ["temperature_c", "humidity_pct", "wind_speed_ms", "rain_1h_mm",
                            "no2_ugm3", "o3_ugm3", "pm2_5_ugm3", "pm10_ugm3", "aqi"]

    /// The statistics of `variable` over a city's days.
    struct Statistics {
        var mean = Double.nan
        var minimum = Double.nan, minimumDay = 0
        var maximum = Double.nan, maximumDay = 0
        var total = 0.0
        var hours = 0
    }

    /// The `hours_observed_<source>` column that counts the hours behind `variable`.
    static func hoursColumn(_ variable: String) -> String {
        "hours_observed_" + (GoldVariable.named(variable)?.table ?? "weather")
    }

    static func statistics(_ variable: String, _ daily: GoldReader.Series) -> Statistics {
        var s = Statistics()
        let means = daily.column("\(variable)_mean"), mins = daily.column("\(variable)_min"), maxs = daily.column("\(variable)_max")
        let hours = daily.column(hoursColumn(variable)), sums = daily.column("\(variable)_sum")
        var weighted = 0.0, weight = 0.0
        for index in daily.times.indices {
            let day = daily.times[index] / 86_400
            let h = hours[index].isFinite ? hours[index] : 0
            if means[index].isFinite && h > 0 { weighted += means[index] * h; weight += h; s.hours += Int(h) }
            if variable == "rain_1h_mm" {
                guard sums[index].isFinite else { continue }
                s.total += sums[index]
                if !(sums[index] <= s.maximum) { s.maximum = sums[index]; s.maximumDay = day }
                continue
            }
            if mins[index].isFinite, !(mins[index] >= s.minimum) { s.minimum = mins[index]; s.minimumDay = day }
            if maxs[index].isFinite, !(maxs[index] <= s.maximum) { s.maximum = maxs[index]; s.maximumDay = day }
        }
        s.mean = weight > 0 ? weighted / weight : .nan
        return s
    }

    /// The summary table of one city.
    static func table(_ city: City, daily: GoldReader.Series, days: Int) -> HTMLTable {
        var table = HTMLTable(caption: "Résumé de la période à \(city.name)",
                              headers: ["Variable", "Unité", "Moyenne", "Minimum", "Maximum", "Heures observées"],
                              numeric: [2, 3, 4, 5])
        for variable in variables {
            let s = statistics(variable, daily)
            let decimals = ReportVariable.decimals(variable)
            let hours = "\(s.hours) / \(days * 24)"
            if variable == "rain_1h_mm" {
                table.rows.append(["Pluie", "mm", "cumul " + FrenchFormat.number(s.total, decimals: 1), "—",
                                   s.maximum.isFinite ? "\(FrenchFormat.number(s.maximum, decimals: 1)) en un jour, le \(FrenchFormat.date(days: s.maximumDay))" : "—",
                                   hours])
                continue
            }
            table.rows.append([
                ReportVariable.name(variable), ReportVariable.unit(variable), FrenchFormat.number(s.mean, decimals: decimals),
                s.minimum.isFinite ? "\(FrenchFormat.number(s.minimum, decimals: decimals)) le \(FrenchFormat.date(days: s.minimumDay))" : "—",
                s.maximum.isFinite ? "\(FrenchFormat.number(s.maximum, decimals: decimals)) le \(FrenchFormat.date(days: s.maximumDay))" : "—",
                hours,
            ])
        }
        return table
    }

    /// One row per city: the period's main means and extremes.
    static func comparison(_ cities: [City], daily: [String: GoldReader.Series]) -> HTMLTable {
        var table = HTMLTable(caption: "Moyennes de la période (concentrations en µg/m³ ; indice AQICN sans unité)",
                              headers: ["Ville", "Temp. moy. (°C)", "Temp. max (°C)", "Humidité moy. (%)", "NO₂ moy.", "O₃ moy.",
                                        "PM2,5 moy.", "PM10 moy.", "AQICN moy.", "AQICN max"],
                              numeric: Set(1...9))
        for city in cities {
            guard let series = daily[city.id] else { continue }
            let s = Dictionary(uniqueKeysWithValues: variables.map { ($0, statistics($0, series)) })
            table.rows.append([
                city.name,
                FrenchFormat.number(s["temperature_c"]!.mean), FrenchFormat.number(s["temperature_c"]!.maximum),
                FrenchFormat.number(s["humidity_pct"]!.mean, decimals: 0),
                FrenchFormat.number(s["no2_ugm3"]!.mean), FrenchFormat.number(s["o3_ugm3"]!.mean),
                FrenchFormat.number(s["pm2_5_ugm3"]!.mean), FrenchFormat.number(s["pm10_ugm3"]!.mean),
                FrenchFormat.number(s["aqi"]!.mean, decimals: 0), FrenchFormat.number(s["aqi"]!.maximum, decimals: 0),
            ])
        }
        return table
    }
}
