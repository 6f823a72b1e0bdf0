import Foundation

extension EpisodeCards {
    /// The card of an anomaly: the value, the past week's median it is compared with, its robust
    /// score, and a chart of the week before with the limits the value crossed.
    func card(_ a: ReportEvents.Anomaly, chart: Bool) -> String {
        let name = ReportVariable.name(a.variable)
        let direction = a.score >= 0 ? "hausse" : "baisse"
        var out = "<article class=\"event\" id=\"\(a.anchor)\" data-start=\"\(Timestamp.format(Date(timeIntervalSince1970: Double(a.hour))))\">\n<h3><span class=\"tag anomaly\">anomalie</span>"
            + "\(HTML.escape("\(context.cityName(a.city)) — \(name) : \(direction) inhabituelle le \(FrenchFormat.dateTime(seconds: a.hour))"))</h3>\n"
        let mad = a.score != 0 ? abs(a.value - a.baseline) / abs(a.score) : .nan
        out += Self.facts([
            ("Valeur", ReportVariable.format(a.value, a.variable)),
            ("Référence", "\(ReportVariable.format(a.baseline, a.variable)) (médiane des 7 jours précédents)"),
            ("Score robuste", "\(FrenchFormat.number(a.score, decimals: 1)) (seuil ±\(FrenchFormat.number(a.threshold, decimals: 1)))"),
            ("Méthode", "score = (valeur − médiane) / (1,4826 × écart absolu médian) sur les 168 heures précédentes"),
            ("Heure", FrenchFormat.dateTime(seconds: a.hour)),
        ])
        guard chart else { return out + "</article>\n" }
        let from = a.hour - 168 * 3600, to = a.hour + 24 * 3600
        let window = HourlyWindow(hourly[a.city], column: a.variable, from: from, to: to)
        var series = ChartSeries(name: "valeur horaire", color: ChartPalette.pollutant(a.variable), times: window.times, values: window.values)
        if !a.variable.hasSuffix("_ugm3") && a.variable != "aqi" { series.color = ChartPalette.blue }
        series.markers = [(a.hour, a.value, "\(ReportVariable.format(a.value, a.variable)), score \(FrenchFormat.number(a.score))")]
        var panel = ChartPanel(title: name, unit: a.variable == "aqi" ? "indice, sans unité" : ReportVariable.unit(a.variable), series: [series])
        panel.lines = [(a.baseline, "médiane 7 j", ChartPalette.grey)]
        if mad.isFinite && mad > 0 {
            let limit = a.threshold * mad
            panel.lines.append((a.baseline + limit, "limite haute", ChartPalette.threshold))
            if a.score < 0 || a.baseline - limit >= 0 || a.variable == "temperature_c" {
                panel.lines.append((a.baseline - limit, "limite basse", ChartPalette.threshold))
            }
        }
        panel.shaded = a.hour...(a.hour + 3599)
        let svg = SVGLineChart(label: "\(name) à \(context.cityName(a.city)), semaine précédant le \(FrenchFormat.dateTime(seconds: a.hour))",
                               from: from, to: to, panels: [panel], panelHeight: 190).render()
        out += Self.figure(svg, caption:
            "\(name) heure par heure pendant les 7 jours précédant l'anomalie (cercle) et le jour suivant. La ligne grise est la médiane "
            + "de la semaine précédente ; les lignes rouges, la médiane ± \(FrenchFormat.number(a.threshold, decimals: 0)) écarts robustes : "
            + "une valeur au-delà est signalée. Ce n'est pas un seuil réglementaire.")
        return out + "</article>\n"
    }
}
