import Foundation

/// The French text of alert mails: subjects `[GoodAir] Ouvert : …`, `[GoodAir] Rappel : …`,
/// `[GoodAir] Résolu : …`, and a plain-text body saying what, where, since when (UTC and Paris
/// time), and the command to investigate.
///
/// Incidents decided in the same evaluation for the same purpose share one mail; its subject
/// names the most severe and counts the others:
/// `[GoodAir] Ouvert : 3 incidents — Source aqicn indisponible et 2 autres`.
enum AlertMail {
    /// The subject of `mail`.
    static func subject(_ mail: OutboxMail) -> String {
        let incidents = ordered(mail.incidents)
        let what = incidents.count == 1 ? incidents[0].title
            : "\(incidents.count) incidents — \(incidents[0].title) et \(incidents.count - 1) autre\(incidents.count > 2 ? "s" : "")"
        return "[GoodAir] \(verb(mail.purpose)) : \(what)"
    }

    /// The body of `mail`.
    static func body(_ mail: OutboxMail, policy: AlertPolicy) -> String {
        let incidents = ordered(mail.incidents), n = incidents.count
        var lines = ["Bonjour,", ""]
        switch mail.purpose {
        case .opened: lines.append(n == 1 ? "GoodAir Lake signale un nouvel incident." : "GoodAir Lake signale \(n) nouveaux incidents.")
        case .reminder: lines.append(n == 1 ? "Rappel : cet incident est toujours en cours." : "Rappel : ces \(n) incidents sont toujours en cours.")
        case .resolved: lines.append(n == 1 ? "Cet incident est terminé." : "Ces \(n) incidents sont terminés.")
        }
        for incident in incidents {
            lines += [""] + describe(incident, purpose: mail.purpose, at: mail.composedAt)
        }
        lines.append("")
        if mail.purpose != .resolved {
            let every = policy.remindInterval > 0 ? "Un rappel sera envoyé toutes les \(interval(policy.remindInterval)) tant qu'il dure, et un" : "Un"
            lines.append("\(every) message quand il sera résolu.")
        }
        lines.append("Les incidents ouverts et récents : gold/reports/alertes.html dans le lac, ou goodair alert status.")
        lines += signature
        return lines.joined(separator: "\n")
    }

    /// The lines about one incident.
    static func describe(_ incident: Incident, purpose: OutboxMail.Purpose, at now: Date) -> [String] {
        var lines = ["* \(incident.title)",
                     "  Gravité : \(incident.severity.french)",
                     "  Où : \(incident.location.french)",
                     "  Depuis : \(ParisTime.french(incident.since))"]
        if purpose == .resolved, let end = incident.resolvedAt {
            lines.append("  Fin : \(ParisTime.french(end)), après \(duration(end.timeIntervalSince(incident.since)))")
            lines.append("  Dernière observation : \(ParisTime.french(incident.lastSeen))")
        } else if now.timeIntervalSince(incident.since) >= 60 {
            lines.append("  Durée : \(duration(now.timeIntervalSince(incident.since))) au \(ParisTime.french(now))")
        }
        if !incident.details.isEmpty { lines.append("  Détails : \(incident.details)") }
        if let command = incident.investigate { lines.append("  Pour enquêter : \(command)") }
        lines.append("  Clé : \(incident.key)")
        return lines
    }

    /// The test mail of `goodair alert test`.
    static func test(from: MailAddress, to: [MailAddress], server: String?, at now: Date) -> (subject: String, body: String) {
        let body = ["Bonjour,", "",
                    "Ceci est un message de test de GoodAir Lake, envoyé par goodair alert test le \(ParisTime.french(now)).",
                    (server.map { "Serveur : \($0) ; " } ?? "") + "expéditeur : \(from.address) ; destinataires : "
                        + to.map(\.address).joined(separator: ", ") + ".",
                    "S'il vous parvient, les alertes par courriel fonctionnent."] + signature
        return ("[GoodAir] Test : les alertes par courriel fonctionnent", body.joined(separator: "\n"))
    }

    /// The closing lines of every mail.
    static let signature = ["", "-- ", "GoodAir Lake, message automatique envoyé par goodair : merci de ne pas y répondre."]

    /// « Ouvert », « Rappel », « Résolu ».
    static func verb(_ purpose: OutboxMail.Purpose) -> String {
        switch purpose {
        case .opened: return "Ouvert"
        case .reminder: return "Rappel"
        case .resolved: return "Résolu"
        }
    }

    /// « 45 min », « 3 h », « 1 j 2 h ».
    static func duration(_ seconds: Double) -> String {
        let minutes = max(0, Int(seconds / 60))
        return minutes < 60 ? "\(minutes) min" : FrenchFormat.duration(hours: minutes / 60)
    }

    /// « 24 h », « 90 min », « 1 h 30 min »: a reminder interval.
    static func interval(_ seconds: Double) -> String {
        let minutes = max(1, Int((seconds / 60).rounded()))
        let (hours, rest) = (minutes / 60, minutes % 60)
        return hours == 0 ? "\(rest) min" : rest == 0 ? "\(hours) h" : "\(hours) h \(rest) min"
    }

    /// Most severe first, then oldest, then by key.
    static func ordered(_ incidents: [Incident]) -> [Incident] {
        incidents.sorted(by: Incident.mostSevereFirst)
    }
}
