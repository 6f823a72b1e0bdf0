/// `indicateurs.html`: per city, weather and air quality stacked on one shared time axis
/// (temperature, humidity, wind, rain, NO₂ and O₃, PM2,5 and PM10, AQICN index), then a table
/// of the period's means, extremes and hours observed; first, a table comparing the cities.
///
/// Periods up to 31 days are drawn hour by hour from `city_hourly`; longer ones day by day from
/// `city_daily` (daily mean as a line, daily min–max as a band, daily rain totals as bars).
struct IndicatorsReport {
    static let file = "indicateurs.html"
    /// The `city_daily` columns read.
    static let dailyColumns: [String] = {
        var names: [String] = []
        for variable in IndicatorsSummary.variables {
            names += ["\(variable)_mean", "\(variable)_min", "\(variable)_max"]
        }
        return names + ["rain_1h_mm_sum", "hours_observed_weather", "hours_observed_air_pollution", "hours_observed_air_quality"]
    }()
    /// The `city_hourly` columns read.
    static let hourlyColumns = ["temperature_c", "humidity_pct", "wind_speed_ms", "rain_1h_mm",
                                "no2_ugm3", "o3_ugm3", "pm2_5_ugm3", "pm10_ugm3", "aqi"]

    var context: ReportContext
    var daily: [String: GoldReader.Series]
    /// Hourly series, when ``ReportContext/hourly``.
    var hourly: [String: GoldReader.Series]?

    /// The page.
    func render() -> String {
        var page = HTMLDocument(title: "Indicateurs par ville", file: Self.file, subtitle: context.subtitle)
        page.append(HTML.paragraph(
            "Pour chaque ville : la météo et la qualité de l'air sur le même axe du temps, puis le résumé de la période. "
            + "Les concentrations (NO₂, O₃, PM2,5, PM10) viennent d'OpenWeatherMap et sont en µg/m³, l'unité des seuils réglementaires. "
            + "L'indice AQICN est un indice américain (US-EPA, de 0 à 500, sans unité) : ce n'est pas une concentration et il ne se "
            + "compare pas aux seuils en µg/m³.", class: "note"))
        let present = context.cities.filter { !(daily[$0.id]?.times.isEmpty ?? true) }
        guard !present.isEmpty else {
            page.append(HTML.paragraph("Aucune donnée journalière pour ces villes sur la période.", class: "warning"))
            return page.render()
        }
        page.append(HTML.heading(2, "Comparaison des villes", id: "comparaison"))
        page.append(IndicatorsSummary.comparison(present, daily: daily).render())
        page.append("<p>Villes : " + present.map { "<a href=\"#\(HTML.identifier($0.id))\">\(HTML.escape($0.name))</a>" }
            .joined(separator: " · ") + "</p>\n")
        for city in present {
            let series = daily[city.id]!
            page.append(HTML.heading(2, "\(city.name) (\(city.departmentCode), \(city.region))", id: HTML.identifier(city.id)))
            page.appendFigure(chart(city), caption: caption(city))
            page.append(IndicatorsSummary.table(city, daily: series, days: context.period.count).render())
        }
        return page.render()
    }

    private func caption(_ city: City) -> String {
        let how = context.hourly
            ? "Valeurs horaires (UTC) de \(city.name)."
            : "Moyennes journalières (ligne) et minimum–maximum du jour (bande claire) à \(city.name) ; pluie : cumul du jour."
        return how + " Météo et concentrations : OpenWeatherMap ; indice : AQICN. La ligne relie les mesures par-dessus un à trois pas manquants ; elle s'interrompt au-delà. "
            + "Sur l'indice AQICN, les lignes 50 et 100 séparent les catégories « bon », « modéré » et « mauvais pour les personnes sensibles » "
            + "de l'échelle US-EPA ; elles ne sont pas des seuils réglementaires français."
    }

    /// The stacked panels of one city.
    func chart(_ city: City) -> String {
        let hourlySeries = hourly?[city.id]
        let day = 86_400
        var from = context.firstSecond, to = context.period.upperBound * day + day
        if hourlySeries != nil { to = context.lastHour }
        func series(_ variable: String, _ name: String, _ color: String, bars: Bool = false) -> ChartSeries {
            if let hourlySeries {
                return ChartSeries(name: name, color: color, times: hourlySeries.times, values: hourlySeries.column(variable),
                                   style: bars ? .bars(seconds: 3600) : .line(dash: nil))
            }
            let d = daily[city.id]!
            if bars {
                return ChartSeries(name: name, color: color, times: d.times, values: d.column("\(variable)_sum"), style: .bars(seconds: day))
            }
            return ChartSeries(name: name, color: color, times: d.times.map { $0 + day / 2 }, values: d.column("\(variable)_mean"),
                               lows: d.column("\(variable)_min"), highs: d.column("\(variable)_max"))
        }
        from = min(from, to - 3600)
        var panels = [
            ChartPanel(title: "Température", unit: "°C", series: [series("temperature_c", "", ChartPalette.temperature)]),
            ChartPanel(title: "Humidité relative", unit: "%", series: [series("humidity_pct", "", ChartPalette.humidity)]),
            ChartPanel(title: "Vitesse du vent", unit: "m/s", series: [series("wind_speed_ms", "", ChartPalette.wind)], includesZero: true),
            ChartPanel(title: hourlySeries != nil ? "Pluie horaire" : "Pluie (cumul du jour)", unit: "mm",
                       series: [series("rain_1h_mm", "", ChartPalette.rain, bars: true)], includesZero: true),
            ChartPanel(title: "NO₂ et O₃", unit: "µg/m³", series: [series("no2_ugm3", "NO₂", ChartPalette.pollutant("no2_ugm3")),
                                                                   series("o3_ugm3", "O₃", ChartPalette.pollutant("o3_ugm3"))],
                       includesZero: true),
            ChartPanel(title: "Particules PM2,5 et PM10", unit: "µg/m³",
                       series: [series("pm2_5_ugm3", "PM2,5", ChartPalette.pollutant("pm2_5_ugm3")),
                                series("pm10_ugm3", "PM10", ChartPalette.pollutant("pm10_ugm3"))], includesZero: true),
            ChartPanel(title: "Indice AQICN", unit: "US-EPA, sans unité", series: [series("aqi", "", ChartPalette.black)], includesZero: true),
        ]
        panels[6].lines = [(50, "50 : bon | modéré", ChartPalette.grey), (100, "100 : mauvais (sensibles)", ChartPalette.vermillion)]
        return SVGLineChart(label: "Météo et qualité de l'air à \(city.name), \(context.periodText)", from: from, to: to, panels: panels).render()
    }
}
