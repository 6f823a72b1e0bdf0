import Foundation

/// `alertes.html`: the incidents open now (a card each, most severe first, with where, since when,
/// the details and the command to investigate), those resolved recently, and the mails the SMTP
/// server has not accepted yet. Written by every ``AlertCenter`` evaluation and by
/// `goodair report`, from `_state/incidents/incidents.json`.
///
/// ```swift
/// try AlertsReport.write(try IncidentBook.load(from: lake), lake: lake, now: clock.now())
/// ```
struct AlertsReport {
    static let file = "alertes.html"

    var book: IncidentBook
    /// The instant the page describes (printed in the subtitle); nil prints no stamp.
    var now: Date?

    /// Where the page lives: `gold/reports/alertes.html`.
    static func url(lake: Lake) -> URL {
        lake.gold.appendingPathComponent("reports", isDirectory: true).appendingPathComponent(file)
    }

    /// Writes the page atomically into `gold/reports/`; returns its bytes.
    @discardableResult
    static func write(_ book: IncidentBook, lake: Lake, now: Date?) throws -> [UInt8] {
        let bytes = Array(AlertsReport(book: book, now: now).render().utf8)
        try AtomicFile.write(bytes, to: url(lake: lake))
        return bytes
    }

    /// The page.
    func render() -> String {
        let open = book.open, resolved = book.resolved
        let stamp = now.map { " — état au \(FrenchFormat.dateTime(seconds: Int($0.timeIntervalSince1970.rounded(.down))))" } ?? ""
        var page = HTMLDocument(title: "Alertes", file: Self.file,
                                subtitle: "\(open.count) incident\(open.count > 1 ? "s" : "") ouvert\(open.count > 1 ? "s" : "")\(stamp)")
        page.append(HTML.heading(2, "Incidents ouverts", id: "ouverts"))
        if open.isEmpty { page.append(HTML.paragraph("Aucun incident ouvert.", class: "note")) }
        for incident in open { page.append(card(incident)) }

        page.append(HTML.heading(2, "Incidents résolus récemment", id: "resolus"))
        if resolved.isEmpty {
            page.append(HTML.paragraph("Aucun incident résolu récemment.", class: "note"))
        } else {
            var table = HTMLTable(caption: nil, headers: ["Incident", "Gravité", "Où", "Début", "Fin", "Durée"])
            for incident in resolved {
                let end = incident.resolvedAt ?? incident.lastSeen
                table.rows.append([incident.title, incident.severity.french, incident.location.french, ParisTime.french(incident.since),
                                   ParisTime.french(end), AlertMail.duration(end.timeIntervalSince(incident.since))])
            }
            page.append(table.render())
        }

        page.append(HTML.heading(2, "Courriels en attente d'envoi", id: "envoi"))
        if book.outbox.isEmpty {
            page.append(HTML.paragraph("Aucun : le serveur SMTP a accepté tous les courriels d'alerte (ou l'envoi n'est pas configuré).", class: "note"))
        } else {
            page.append(HTML.paragraph("Le serveur SMTP n'a pas encore accepté ces courriels : ils seront renvoyés à la prochaine évaluation "
                + "(goodair check, goodair run ou goodair alert deliver).", class: "warning"))
            var table = HTMLTable(caption: nil, headers: ["Objet", "Préparé le", "Tentatives", "Dernière erreur"], numeric: [2])
            for mail in book.outbox.mails {
                table.rows.append([AlertMail.subject(mail), ParisTime.french(mail.composedAt), "\(mail.attempts)", mail.lastError ?? "—"])
            }
            page.append(table.render())
        }
        page.append(HTML.paragraph(
            "Un courriel part à l'ouverture d'un incident, un rappel toutes les 24 heures par défaut tant qu'il dure "
            + "(GOODAIR_ALERT_REMIND_HOURS), un courriel à sa résolution. goodair alert status donne le même état en ligne de commande."))
        return page.render()
    }

    private func card(_ incident: Incident) -> String {
        let tag = incident.severity == .critical ? "alert" : incident.severity == .warning ? "information" : "guideline"
        var out = "<article class=\"event\" id=\"\(HTML.identifier(incident.key))\">\n<h3><span class=\"tag \(tag)\">"
            + "\(HTML.escape(incident.severity.french))</span>\(HTML.escape(incident.title))</h3>\n<dl class=\"facts\">\n"
        var facts = [("Où", incident.location.french), ("Depuis", ParisTime.french(incident.since)),
                     ("Dernière observation", ParisTime.french(incident.lastSeen))]
        if !incident.details.isEmpty { facts.append(("Détails", incident.details)) }
        facts.append(("Courriels", incident.lastMailAt.map { "dernier accepté le \(ParisTime.french($0)), \(incident.remindersSent) rappel(s)" }
            ?? "aucun accepté à ce jour"))
        for (name, value) in facts { out += "<dt>\(HTML.escape(name))</dt><dd>\(HTML.escape(value))</dd>\n" }
        if let command = incident.investigate { out += "<dt>Pour enquêter</dt><dd><code>\(HTML.escape(command))</code></dd>\n" }
        out += "<dt>Clé</dt><dd><code>\(HTML.escape(incident.key))</code></dd>\n"
        return out + "</dl>\n</article>\n"
    }
}
