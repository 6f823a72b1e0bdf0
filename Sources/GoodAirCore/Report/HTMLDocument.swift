/// A self-contained HTML page of the reports: French, inline CSS, inline SVG, no script and no
/// resource from the network, a navigation bar between the reports. Body parts are appended as
/// markup already escaped by their makers (``HTML``, ``HTMLTable``, the SVG charts).
///
/// ```swift
/// var page = HTMLDocument(title: "Indicateurs", file: "indicateurs.html", subtitle: "Du 01/07/2026 au 15/07/2026")
/// page.append(HTML.heading(2, "Paris"))
/// let text = page.render()
/// ```
struct HTMLDocument {
    var title: String
    /// The page's file name, to mark it as current in the navigation.
    var file: String
    var subtitle: String
    private var body = ""

    /// The reports, in navigation order: file and title.
    static let pages = [("index.html", "Sommaire"), ("indicateurs.html", "Indicateurs"),
                        ("extremes.html", "Épisodes et anomalies"), ("correlations.html", "Corrélations"),
                        ("alertes.html", "Alertes")]

    init(title: String, file: String, subtitle: String) {
        self.title = title
        self.file = file
        self.subtitle = subtitle
    }

    /// Appends markup to the body.
    mutating func append(_ markup: String) { body += markup }

    /// Appends a figure: the chart, then its explanation paragraph (`<figcaption>`).
    mutating func appendFigure(_ svg: String, caption: String) {
        body += "<figure>\n<div class=\"chart\">\(svg)</div>\n<figcaption>\(HTML.escape(caption))</figcaption>\n</figure>\n"
    }

    /// The whole page.
    func render() -> String {
        var nav = ""
        for (page, name) in Self.pages {
            nav += page == file ? "<span aria-current=\"page\">\(HTML.escape(name))</span>"
                : "<a href=\"\(page)\">\(HTML.escape(name))</a>"
        }
        return """
        <!DOCTYPE html>
        <html lang="fr">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTML.escape(title)) — GoodAir</title>
        <style>
        \(ReportStyle.css)
        </style>
        </head>
        <body>
        <header>
        <nav aria-label="Rapports">\(nav)</nav>
        <h1>\(HTML.escape(title))</h1>
        <p class="subtitle">\(HTML.escape(subtitle))</p>
        </header>
        <main>
        \(body)
        </main>
        <footer><p>GoodAir Lake — rapport statique produit par <code>goodair report</code> à partir de la zone gold du lac. \
        Météo et concentrations (µg/m³) : OpenWeatherMap ; indices de qualité de l'air : AQICN (World Air Quality Index). \
        Heures en UTC.</p></footer>
        </body>
        </html>

        """
    }
}

/// An HTML table of escaped text cells, with a caption and an optional first column of row headers.
struct HTMLTable {
    var caption: String?
    var headers: [String]
    var rows: [[String]] = []
    /// Columns aligned right (numbers).
    var numeric: Set<Int> = []
    var rowHeaders = true

    /// The markup.
    func render() -> String {
        var out = "<div class=\"tablewrap\"><table>\n"
        if let caption { out += "<caption>\(HTML.escape(caption))</caption>\n" }
        out += "<thead><tr>" + headers.map { "<th scope=\"col\">\(HTML.escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in rows {
            out += "<tr>"
            for (index, cell) in row.enumerated() {
                let align = numeric.contains(index) ? " class=\"num\"" : ""
                out += index == 0 && rowHeaders ? "<th scope=\"row\">\(HTML.escape(cell))</th>" : "<td\(align)>\(HTML.escape(cell))</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table></div>\n"
    }
}
