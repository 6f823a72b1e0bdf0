import Foundation

/// The card of each event of `extremes.html`: what triggered it, in French, then a chart of the
/// variable around it with the line it crossed.
struct EpisodeCards {
    var context: ReportContext
    /// `city_hourly` around the period (a week before, for the anomalies' baseline, to a few days after).
    var hourly: [String: GoldReader.Series]

    /// French name of a threshold level (`alert level 2` → « alerte, niveau 2 »).
    static func level(_ level: String) -> String {
        switch level {
        case "information": return "seuil d'information et de recommandation"
        case "alert": return "seuil d'alerte"
        case "WHO guideline": return "valeur guide OMS 2021"
        default:
            if level.hasPrefix("alert level ") { return "seuil d'alerte, niveau \(level.dropFirst(12))" }
            return level
        }
    }

    /// The tag class of a level.
    static func tag(_ level: String) -> String {
        level.hasPrefix("alert") ? "alert" : level == "information" ? "information" : "guideline"
    }

    /// French reading of the `averaging` column (`24h rolling mean` → « moyenne glissante sur 24 h »).
    static func averaging(_ text: String) -> String {
        if text == "1h" { return "moyenne horaire" }
        if text.hasSuffix("h rolling mean"), let hours = Int(text.dropLast(14)) { return "moyenne glissante sur \(hours) h" }
        return text
    }

    /// A chart and its explanation.
    static func figure(_ svg: String, caption: String) -> String {
        "<figure><div class=\"chart\">\(svg)</div><figcaption>\(HTML.escape(caption))</figcaption></figure>\n"
    }

    static func facts(_ items: [(String, String)]) -> String {
        "<dl class=\"facts\">" + items.map { "<dt>\(HTML.escape($0.0))</dt><dd>\(HTML.escape($0.1))</dd>" }.joined() + "</dl>\n"
    }

    /// The card of an exceedance episode.
    func card(_ e: ReportEvents.Exceedance, chart: Bool) -> String {
        let name = ReportVariable.name(e.pollutant), threshold = context.threshold(e.threshold, pollutant: e.pollutant)
        var out = "<article class=\"event\" id=\"\(e.anchor)\" data-start=\"\(Timestamp.format(Date(timeIntervalSince1970: Double(e.start))))\">\n<h3><span class=\"tag \(Self.tag(e.level))\">\(HTML.escape(Self.level(e.level)))</span>"
            + "\(HTML.escape("\(context.cityName(e.city)) — \(name) au-dessus de \(FrenchFormat.number(e.thresholdUgm3, decimals: 0)) µg/m³"))</h3>\n"
        let excess = e.thresholdUgm3 > 0 ? (e.peak / e.thresholdUgm3 - 1) * 100 : .nan
        out += Self.facts([
            ("Déclencheur", "\(name), seuil « \(e.threshold) » : \(Self.level(e.level))"),
            ("Texte de référence", threshold.map { "\($0.text) (\($0.authority))" } ?? "texte absent de reference/thresholds.csv"),
            ("Mesure comparée", "\(Self.averaging(e.averaging)) (concentration OpenWeatherMap)"
                + (e.consecutiveHours > 1 ? ", dépassée \(e.consecutiveHours) heures consécutives au moins" : "")),
            ("Pic / seuil", "\(FrenchFormat.number(e.peak)) µg/m³ pour un seuil de \(FrenchFormat.number(e.thresholdUgm3, decimals: 0)) µg/m³ "
                + "(+\(FrenchFormat.number(excess, decimals: 0)) %)"),
            ("Début", FrenchFormat.dateTime(seconds: e.start)),
            ("Fin (dernière heure)", FrenchFormat.dateTime(seconds: e.end)),
            ("Durée", FrenchFormat.duration(hours: e.hours)),
        ])
        if chart {
            let variable = "\(e.pollutant)_ugm3"
            let window = HourlyWindow(hourly[e.city], column: variable, from: e.start - 36 * 3600 - 24 * 3600, to: e.end + 36 * 3600)
            let hours = threshold?.rule.averagingHours ?? 1
            var panel = ChartPanel(title: name, unit: "µg/m³", includesZero: true)
            panel.shaded = e.start...(e.end + 3599)
            panel.lines = [(e.thresholdUgm3, "seuil \(FrenchFormat.number(e.thresholdUgm3, decimals: 0)) µg/m³", ChartPalette.threshold)]
            let from = e.start - 36 * 3600
            if hours > 1 {
                panel.series.append(ChartSeries(name: "valeur horaire", color: "#9A9A9A", times: window.times, values: window.values))
                let mean = Exceedances.rollingMean(window.values, hours: hours, minimumValid: threshold?.rule.minimumValidHours ?? hours)
                panel.series.append(ChartSeries(name: "moyenne glissante \(hours) h", color: ChartPalette.pollutant(variable),
                                                times: window.times, values: mean))
            } else {
                panel.series.append(ChartSeries(name: "valeur horaire", color: ChartPalette.pollutant(variable), times: window.times, values: window.values))
            }
            let svg = SVGLineChart(label: "\(name) à \(context.cityName(e.city)) autour de l'épisode du \(FrenchFormat.dateTime(seconds: e.start))",
                                   from: from, to: e.end + 36 * 3600, panels: [panel], panelHeight: 190).render()
            out += Self.figure(svg, caption:
                "Concentration de \(name) (µg/m³, OpenWeatherMap) de 36 h avant à 36 h après l'épisode (zone jaune). "
                + "La ligne rouge tiretée est le seuil ; c'est la \(Self.averaging(e.averaging)) qui lui est comparée.")
        }
        return out + "</article>\n"
    }

    /// The card of a heatwave.
    func card(_ h: ReportEvents.Heatwave, chart: Bool) -> String {
        var out = "<article class=\"event\" id=\"\(h.anchor)\" data-start=\"\(CivilTime.dateString(days: h.startDay))T00:00:00Z\">\n<h3><span class=\"tag heat\">vague de chaleur</span>"
            + "\(HTML.escape("\(context.cityName(h.city)) — du \(FrenchFormat.date(days: h.startDay)) au \(FrenchFormat.date(days: h.endDay))"))</h3>\n"
        out += Self.facts([
            ("Déclencheur", "IBMn ≥ \(FrenchFormat.number(h.thresholdMin)) °C et IBMx ≥ \(FrenchFormat.number(h.thresholdMax)) °C "
                + "(seuils Météo-France du département), les mêmes jours"),
            ("Définition", "IBMn et IBMx : moyennes sur 3 jours des températures minimales et maximales quotidiennes (jours UTC)."),
            ("Maximum atteint", "IBMn \(FrenchFormat.number(h.ibmnMax)) °C ; IBMx \(FrenchFormat.number(h.ibmxMax)) °C"),
            ("Début", FrenchFormat.date(days: h.startDay)), ("Fin", FrenchFormat.date(days: h.endDay)),
            ("Durée", "\(h.days) jour\(h.days > 1 ? "s" : "")"),
        ])
        if chart {
            let firstDay = h.startDay - 7, lastDay = h.endDay + 4
            let window = HourlyWindow(hourly[h.city], column: "temperature_c", from: firstDay * 86_400, to: lastDay * 86_400 + 23 * 3600)
            let (tmin, tmax) = EventTables.dailyExtremes(window.values, firstHour: firstDay * 24)
            let (ibmn, ibmx) = Heatwaves.indicators(tmin: tmin, tmax: tmax)
            let noon = (firstDay...lastDay).map { $0 * 86_400 + 43_200 }
            var panel = ChartPanel(title: "Indicateurs de canicule", unit: "°C")
            panel.series = [
                ChartSeries(name: "IBMx", color: ChartPalette.vermillion, times: noon, values: ibmx),
                ChartSeries(name: "T max du jour", color: ChartPalette.vermillion, times: noon, values: tmax, style: .line(dash: "2 3")),
                ChartSeries(name: "IBMn", color: ChartPalette.blue, times: noon, values: ibmn),
                ChartSeries(name: "T min du jour", color: ChartPalette.blue, times: noon, values: tmin, style: .line(dash: "2 3")),
            ]
            panel.lines = [(h.thresholdMax, "seuil IBMx \(FrenchFormat.number(h.thresholdMax)) °C", ChartPalette.vermillion),
                           (h.thresholdMin, "seuil IBMn \(FrenchFormat.number(h.thresholdMin)) °C", ChartPalette.blue)]
            panel.shaded = (h.startDay * 86_400)...(h.endDay * 86_400 + 86_399)
            let svg = SVGLineChart(label: "Canicule à \(context.cityName(h.city)) du \(FrenchFormat.date(days: h.startDay))",
                                   from: firstDay * 86_400, to: lastDay * 86_400 + 86_400, panels: [panel], panelHeight: 210).render()
            out += Self.figure(svg, caption:
                "Températures minimales et maximales du jour (pointillés, jours d'au moins 18 heures mesurées) et leurs moyennes sur 3 jours "
                + "IBMn et IBMx (traits pleins), avec les seuils du département (tiretés). Zone jaune : la vague de chaleur.")
        }
        return out + "</article>\n"
    }
}
