/// `correlations.html`: heatmaps of weather × pollution correlations (the strongest lag of each
/// pair, with that lag and n in the cell and a tooltip), by method and by season, the strongest
/// pair of each city, and scatter plots of the top pairs from `city_hourly` at their lag.
struct CorrelationsReport {
    static let file = "correlations.html"
    /// How many pairs get a scatter plot.
    static let scatterCount = 6

    var context: ReportContext
    var facts: CorrelationFacts
    /// `city_hourly` of the scope's cities, whole history, for the scatter plots.
    var hourly: [String: GoldReader.Series]
    /// `all`, or the one chosen city.
    var scope: String

    var scopeName: String { scope == "all" ? "toutes les villes réunies" : context.cityName(scope) }

    /// The page.
    func render() -> String {
        var page = HTMLDocument(title: "Météo et pollution : corrélations", file: Self.file, subtitle: context.subtitle)
        page.append(HTML.paragraph(
            "Corrélation entre une variable météo à l'heure t et une variable de pollution à l'heure t + décalage (0 à 24 h) : "
            + "de −1 (l'une monte quand l'autre baisse) à +1 (elles montent ensemble). Chaque case retient le décalage où |r| est le plus fort. "
            + "Calculées par la chaîne gold sur tout l'historique du lac (jours UTC complets), et non sur la seule période du rapport. "
            + "Une corrélation n'est pas une cause : le vent, la saison ou l'heure du jour agissent souvent sur les deux variables. "
            + "NO₂, O₃, PM2,5, PM10 sont des concentrations (µg/m³) ; l'indice AQICN est un indice US-EPA sans unité.", class: "note"))
        guard facts.has(scope: scope, period: "all") else {
            page.append(HTML.paragraph("Pas de corrélation calculée pour \(scopeName) (il faut au moins 30 heures complètes).", class: "warning"))
            return page.render()
        }
        page.append(HTML.heading(2, "Carte des corrélations — \(scopeName)", id: "carte"))
        for method in ["spearman", "pearson"] {
            let name = CorrelationFacts.methodNames[method]!
            page.append(HTML.heading(3, "Coefficient de \(name)"))
            page.appendFigure(heatmap(period: "all", method: method, label: "Corrélations de \(name), \(scopeName), toute l'année"),
                              caption: "Coefficient de \(name) le plus fort en valeur absolue sur les décalages de 0 à 24 h ; sous r, le décalage "
                              + "(pollution après la météo) et n, le nombre de paires horaires. Rouge : corrélation positive ; bleu : négative. "
                              + (method == "spearman" ? "Spearman compare les rangs : il capte toute relation monotone et résiste aux valeurs extrêmes."
                                 : "Pearson mesure une relation linéaire et est sensible aux valeurs extrêmes."))
        }
        let seasons = CorrelationFacts.periods.dropFirst().filter { facts.has(scope: scope, period: $0) }
        if seasons.count == 1 {
            page.append(HTML.paragraph("L'historique ne couvre qu'une saison (\(CorrelationFacts.periodNames[seasons[0]]!)) : "
                + "la carte saisonnière serait celle de l'année entière, elle n'est pas répétée."))
        } else if seasons.count > 1 {
            page.append(HTML.heading(2, "Par saison (Spearman)", id: "saisons"))
            page.append(HTML.paragraph("Saisons météorologiques de l'heure t. Une saison n'apparaît que si elle compte assez d'heures dans le lac."))
            for season in seasons {
                let name = CorrelationFacts.periodNames[season]!
                page.append(HTML.heading(3, name.prefix(1).uppercased() + name.dropFirst()))
                page.appendFigure(heatmap(period: season, method: "spearman", label: "Corrélations de Spearman, \(scopeName), \(name)"),
                                  caption: "Comme ci-dessus, en ne gardant que les heures t de la saison : \(name).")
            }
        }
        page.append(cityTable())
        page.append(HTML.heading(2, "Nuages de points des paires les plus fortes", id: "nuages"))
        page.append(HTML.paragraph("Chaque point est une heure de \(scopeName) : en abscisse la météo à l'heure t, en ordonnée la pollution "
            + "au décalage retenu. Au-delà de \(SVGScatter.maximumPoints) heures, les points sont regroupés en cases d'autant plus foncées "
            + "qu'elles en contiennent. La ligne tiretée orange est la droite des moindres carrés."))
        page.append("<div class=\"grid-2\">\n")
        for entry in facts.ranked(scope: scope, method: "spearman").prefix(Self.scatterCount) { page.append(scatter(entry)) }
        page.append("</div>\n")
        return page.render()
    }

    private func heatmap(period: String, method: String, label: String) -> String {
        let cells = CorrelationFacts.weather.map { x in
            CorrelationFacts.pollution.map { y -> HeatmapCell? in
                guard let e = facts.entry(scope: scope, period: period, method: method, x: x, y: y) else { return nil }
                return HeatmapCell(r: e.r, text: FrenchFormat.number(e.r, decimals: 2),
                                   detail: "\(CorrelationFacts.lagText(e.lag)) · n=\(e.n)", tooltip: CorrelationFacts.sentence(e))
            }
        }
        return SVGHeatmap(label: label, rows: CorrelationFacts.weather.map { "\(ReportVariable.name($0)) (t)" },
                          columns: CorrelationFacts.pollution.map(ReportVariable.name), cells: cells).render()
    }

    private func cityTable() -> String {
        var table = HTMLTable(caption: "Paire la plus fortement corrélée par ville (Spearman, toute l'année)",
                              headers: ["Ville", "Météo (t)", "Pollution (t + décalage)", "r", "Décalage", "n"], numeric: [3, 4, 5])
        for city in context.cities {
            guard let e = facts.ranked(scope: city.id, method: "spearman").first else { continue }
            table.rows.append([city.name, ReportVariable.name(e.x), ReportVariable.name(e.y), FrenchFormat.number(e.r, decimals: 2),
                               CorrelationFacts.lagText(e.lag), String(e.n)])
        }
        guard !table.rows.isEmpty else { return "" }
        return HTML.heading(2, "Par ville", id: "villes") + table.render()
    }

    private func scatter(_ e: CorrelationFacts.Entry) -> String {
        var xs: [Double] = [], ys: [Double] = []
        for city in hourly.keys.sorted() {
            let series = hourly[city]!
            guard let first = series.times.first, let last = series.times.last else { continue }
            let x = HourlyWindow(series, column: e.x, from: first, to: last).values
            let y = HourlyWindow(series, column: e.y, from: first, to: last).values
            for i in 0..<max(0, x.count - e.lag) { xs.append(x[i]); ys.append(y[i + e.lag]) }
        }
        let pearson = facts.entry(scope: scope, period: "all", method: "pearson", x: e.x, y: e.y)
        let title = "\(ReportVariable.name(e.x)) (t) et \(ReportVariable.name(e.y)) (\(e.lag == 0 ? "t" : "t + \(e.lag) h"))"
        let svg = SVGScatter(label: title, xTitle: "\(ReportVariable.name(e.x)) (\(ReportVariable.unit(e.x)))",
                             yTitle: "\(ReportVariable.name(e.y)) (\(ReportVariable.unit(e.y)))", xs: xs, ys: ys,
                             color: ChartPalette.pollutant(e.y)).render()
        let shown = zip(xs, ys).filter { $0.0.isFinite && $0.1.isFinite }.count
        let caption = "\(title) — \(scopeName). r de Spearman = \(FrenchFormat.number(e.r, decimals: 2))"
            + (pearson.map { " (Pearson : \(FrenchFormat.number($0.r, decimals: 2)) au décalage \(CorrelationFacts.lagText($0.lag)))" } ?? "")
            + ", décalage \(CorrelationFacts.lagText(e.lag)), n = \(e.n) paires (table gold) ; \(shown) heures affichées."
        return "<figure>\n<div class=\"chart\">\(svg)</div>\n<figcaption>\(HTML.escape(caption))</figcaption>\n</figure>\n"
    }
}
