import Foundation
import GoodAirCore

/// The login page and the dashboard page.
extension Dashboard {
    /// The variables the dashboard charts: weather against air quality.
    static let charted = ["temperature_c", "wind_speed_ms", "pm2_5_ugm3", "no2_ugm3", "aqi"]
    /// Periods offered, in days.
    static let periods = [1, 7, 30, 90, 365]

    func loginPage(message: String?, status: Int = 200) -> DashboardResponse {
        let note = message.map { "<p class=\"error\">\(DashboardPage.escape($0))</p>" } ?? ""
        return .html(DashboardPage.page(title: "Connexion", body: """
            <main><div class="box"><h1>GoodAir — connexion</h1>\(note)
            <form method="post" action="/login">
            <p><label>Nom <input name="user" autocomplete="username" required></label></p>
            <p><label>Mot de passe <input name="password" type="password" autocomplete="current-password" required></label></p>
            <p><button type="submit">Se connecter</button></p></form></div></main>
            """), status: status)
    }

    /// `GET /?city=paris&days=7`: the chart of the city's last days, its latest values, the
    /// export of what the chart shows, and links to the reports.
    func dashboardPage(user: String, request: DashboardRequest) -> DashboardResponse {
        let city = cities.first { $0.id == request.query["city"] } ?? cities.first { $0.id == "paris" } ?? cities[0]
        let days = Int(request.query["days"] ?? "").flatMap { Self.periods.contains($0) ? $0 : nil } ?? 7
        let options = cities.map { "<option value=\"\($0.id)\"\($0.id == city.id ? " selected" : "")>\(DashboardPage.escape($0.name))</option>" }.joined()
        let periodOptions = Self.periods.map { "<option value=\"\($0)\"\($0 == days ? " selected" : "")>\($0) j</option>" }.joined()
        var body = """
            <header><strong>GoodAir — tableau de bord</strong><span>\(DashboardPage.escape(user)) \
            <form class="inline" method="post" action="/logout"><button type="submit">Se déconnecter</button></form></span></header><main>
            <form method="get" action="/"><label>Ville <select name="city">\(options)</select></label> \
            <label>Période <select name="days">\(periodOptions)</select></label> <button type="submit">Afficher</button></form>
            """
        guard let queries = queries() else {
            body += "<p>Pas encore d'entrepôt : lancez <code>goodair aggregate</code>.</p></main>"
            return .html(DashboardPage.page(title: "Tableau de bord", body: body))
        }
        // The window ends at the city's latest hour with data (a replayed lake lies in the past).
        let latest = Self.charted.compactMap { name in (try? queries.latest(variable: name))?.first { $0.city == city.id }.map { (name, $0) } }
        let end = (latest.map(\.1.hour).max() ?? Int(clock.now().timeIntervalSince1970)) / 3600 * 3600 + 3600
        let start = end - days * 86_400
        let series = Self.charted.map { name in
            DashboardChart.Series(variable: name, points: (try? queries.hourlySeries(city: city.id, variable: name, from: start, to: end)) ?? [])
        }
        body += "<div class=\"box\"><h2>\(DashboardPage.escape(city.name)) : météo et qualité de l'air</h2>"
        body += DashboardChart.svg(label: "\(city.name), \(days) jours", from: start, to: end, series: series)
        let from = CivilTime.dateString(days: start / 86_400), to = CivilTime.dateString(days: (end - 1) / 86_400)
        body += "<p><a href=\"/export/series.csv?city=\(city.id)&amp;variables=\(Self.charted.joined(separator: ","))&amp;from=\(from)&amp;to=\(to)\">Exporter ces données (CSV)</a> — chaque export est journalisé.</p></div>"
        body += "<div class=\"box\"><h2>Dernières valeurs</h2><table><tr><th>variable</th><th>heure (UTC)</th><th>valeur</th></tr>"
        for (name, value) in latest {
            let unit = GoldVariable.named(name)?.unit ?? ""
            body += "<tr><td>\(name)</td><td>\(Timestamp.format(Date(timeIntervalSince1970: Double(value.hour))))</td>"
                + "<td class=\"n\">\(String(format: "%.1f", value.value)) \(DashboardPage.escape(unit))</td></tr>"
        }
        body += "</table></div>" + alertsBox() + "<div class=\"box\"><h2>Rapports</h2><ul>"
        for (file, title) in [("index", "Sommaire"), ("indicateurs", "Indicateurs"), ("extremes", "Extrêmes"), ("correlations", "Corrélations"), ("alertes", "Alertes")] {
            body += "<li><a href=\"/reports/\(file).html\">\(title)</a></li>"
        }
        body += "</ul></div></main>"
        return .html(DashboardPage.page(title: "Tableau de bord", body: body))
    }

    /// The incidents `goodair check` and `goodair run` hold open (thresholds exceeded, failing
    /// sources, stale data…), most severe first, as `goodair alert status` lists them.
    func alertsBox() -> String {
        guard let book = try? IncidentBook.load(from: lake) else {
            return "<div class=\"box\"><h2>Alertes en cours</h2><p class=\"error\">Le registre des alertes est illisible : lancez goodair check.</p></div>"
        }
        let open = book.open.sorted { ($0.severity, $1.since) > ($1.severity, $0.since) }
        guard !open.isEmpty else { return "<div class=\"box\"><h2>Alertes en cours</h2><p>Aucune alerte en cours.</p></div>" }
        var box = "<div class=\"box\"><h2>Alertes en cours (\(open.count))</h2><table><tr><th>gravité</th><th>depuis (UTC)</th><th>alerte</th></tr>"
        for incident in open {
            box += "<tr><td>\(incident.severity.french)</td><td>\(Timestamp.format(incident.since))</td>"
                + "<td><strong>\(DashboardPage.escape(incident.title))</strong><br>\(DashboardPage.escape(incident.details))</td></tr>"
        }
        return box + "</table></div>"
    }
}
