/// `extremes.html`: threshold episodes, heatwaves and anomalies, newest first. A chronology of
/// the episodes (exceedances and heatwaves) opens the page; then one section per kind, each event a card saying what
/// triggered it with a chart around it (the most recent ones: see ``chartLimit``), the older
/// ones in a table.
struct ExtremesReport {
    static let file = "extremes.html"
    /// How many events of each kind get a card with a chart; older ones are listed in a table.
    static let chartLimit = 40
    /// Rows of the opening chronology.
    static let chronologyLimit = 200

    var context: ReportContext
    var events: ReportEvents
    var hourly: [String: GoldReader.Series]

    /// The page.
    func render() -> String {
        var page = HTMLDocument(title: "Épisodes de pollution, canicules et anomalies", file: Self.file, subtitle: context.subtitle)
        page.append(HTML.paragraph(
            "Les dépassements sont calculés sur les concentrations d'OpenWeatherMap en µg/m³, l'unité des seuils réglementaires "
            + "(reference/thresholds.csv) — jamais sur les indices AQICN, qui ne sont pas des concentrations. Les vagues de chaleur suivent "
            + "la méthode de Météo-France ; les anomalies sont des valeurs très éloignées de la semaine précédente. Du plus récent au plus ancien.",
            class: "note"))
        let cards = EpisodeCards(context: context, hourly: hourly)
        page.append("<p>Sur la période : <a href=\"#depassements\">\(events.exceedances.count) dépassements de seuils</a>, "
            + "<a href=\"#canicules\">\(events.heatwaves.count) vagues de chaleur</a>, "
            + "<a href=\"#anomalies\">\(events.anomalies.count) anomalies</a>.</p>\n")
        page.append(HTML.heading(2, "Chronologie des épisodes", id: "chronologie"))
        page.append(chronology())
        page.append(HTML.heading(2, "Dépassements de seuils (\(events.exceedances.count))", id: "depassements"))
        if events.exceedances.isEmpty { page.append(HTML.paragraph("Aucun dépassement de seuil sur la période.")) }
        for (index, e) in events.exceedances.enumerated() where index < Self.chartLimit { page.append(cards.card(e, chart: true)) }
        if events.exceedances.count > Self.chartLimit {
            var table = HTMLTable(caption: "Épisodes plus anciens", headers: ["Début", "Ville", "Polluant", "Seuil", "Pic (µg/m³)", "Durée"],
                                  numeric: [4])
            for e in events.exceedances.dropFirst(Self.chartLimit) {
                table.rows.append([FrenchFormat.dateTime(seconds: e.start), context.cityName(e.city), ReportVariable.name(e.pollutant),
                                   "\(e.threshold) (\(FrenchFormat.number(e.thresholdUgm3, decimals: 0)) µg/m³)",
                                   FrenchFormat.number(e.peak), FrenchFormat.duration(hours: e.hours)])
            }
            page.append(table.render())
        }
        page.append(HTML.heading(2, "Vagues de chaleur (\(events.heatwaves.count))", id: "canicules"))
        if events.heatwaves.isEmpty { page.append(HTML.paragraph("Aucune vague de chaleur sur la période.")) }
        for (index, h) in events.heatwaves.enumerated() { page.append(cards.card(h, chart: index < Self.chartLimit)) }
        page.append(HTML.heading(2, "Anomalies (\(events.anomalies.count))", id: "anomalies"))
        if events.anomalies.isEmpty { page.append(HTML.paragraph("Aucune anomalie sur la période.")) }
        for (index, a) in events.anomalies.enumerated() where index < Self.chartLimit { page.append(cards.card(a, chart: true)) }
        if events.anomalies.count > Self.chartLimit {
            var table = HTMLTable(caption: "Anomalies plus anciennes", headers: ["Heure", "Ville", "Variable", "Valeur", "Médiane 7 j", "Score"],
                                  numeric: [3, 4, 5])
            for a in events.anomalies.dropFirst(Self.chartLimit) {
                table.rows.append([FrenchFormat.dateTime(seconds: a.hour), context.cityName(a.city), ReportVariable.name(a.variable),
                                   ReportVariable.format(a.value, a.variable), ReportVariable.format(a.baseline, a.variable),
                                   FrenchFormat.number(a.score)])
            }
            page.append(table.render())
        }
        return page.render()
    }

    /// Every episode (exceedances and heatwaves; anomalies have their own section), newest first.
    private func chronology() -> String {
        var items: [(start: Int, order: Int, row: [String], anchor: String?)] = []
        for (i, e) in events.exceedances.enumerated() {
            items.append((e.start, i, [FrenchFormat.dateTime(seconds: e.start), context.cityName(e.city), "Dépassement",
                                       "\(ReportVariable.name(e.pollutant)) > \(FrenchFormat.number(e.thresholdUgm3, decimals: 0)) µg/m³ (\(e.threshold)), "
                                       + "pic \(FrenchFormat.number(e.peak)) µg/m³, \(FrenchFormat.duration(hours: e.hours))"],
                          i < Self.chartLimit ? e.anchor : nil))
        }
        for (i, h) in events.heatwaves.enumerated() {
            items.append((h.startDay * 86_400, 100_000 + i, [FrenchFormat.date(days: h.startDay), context.cityName(h.city), "Canicule",
                                                            "\(h.days) jours, IBMx max \(FrenchFormat.number(h.ibmxMax)) °C"], h.anchor))
        }
        guard !items.isEmpty else { return HTML.paragraph("Aucun dépassement de seuil ni vague de chaleur sur la période.") }
        items.sort { ($1.start, $0.order) < ($0.start, $1.order) }
        var out = "<div class=\"tablewrap\"><table>\n<caption>\(HTML.escape("\(items.count) épisodes (dépassements de seuils et vagues de chaleur), du plus récent au plus ancien"))</caption>\n"
            + "<thead><tr><th scope=\"col\">Début</th><th scope=\"col\">Ville</th><th scope=\"col\">Type</th><th scope=\"col\">Détail</th></tr></thead>\n<tbody>\n"
        for item in items.prefix(Self.chronologyLimit) {
            let type = item.anchor.map { "<a href=\"#\($0)\">\(HTML.escape(item.row[2]))</a>" } ?? HTML.escape(item.row[2])
            out += "<tr><td>\(HTML.escape(item.row[0]))</td><td>\(HTML.escape(item.row[1]))</td><td>\(type)</td><td>\(HTML.escape(item.row[3]))</td></tr>\n"
        }
        out += "</tbody>\n</table></div>\n"
        if items.count > Self.chronologyLimit {
            out += HTML.paragraph("… et \(items.count - Self.chronologyLimit) épisodes plus anciens, détaillés plus bas.")
        }
        return out
    }
}
