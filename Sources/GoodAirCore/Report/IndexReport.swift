import Foundation

/// `index.html`: what the reports cover (period, cities, counts), a link and a sentence for each
/// report, how to read the data (sources, units, AQICN indices), and the thresholds applied with
/// their defining texts.
struct IndexReport {
    static let file = "index.html"

    var context: ReportContext
    var events: ReportEvents
    var daysWithData: Int

    /// The page.
    func render() -> String {
        var page = HTMLDocument(title: "Rapports GoodAir", file: Self.file, subtitle: context.subtitle)
        if daysWithData == 0 {
            page.append(HTML.paragraph("La zone gold ne contient aucune donnée journalière pour ces villes sur la période : "
                + "lancez d'abord goodair aggregate.", class: "warning"))
        }
        page.append(HTML.heading(2, "Les rapports"))
        page.append("<ul>\n")
        var items = [
            (IndicatorsReport.file, "Indicateurs par ville",
             "météo (température, humidité, vent, pluie) et qualité de l'air (NO₂, O₃, PM2,5, PM10, indice AQICN) sur le même axe du temps, "
             + "et le résumé de la période (moyennes, extrêmes, heures observées) pour chaque ville."),
            (ExtremesReport.file, "Épisodes de pollution, canicules et anomalies",
             "\(events.exceedances.count) dépassements de seuils, \(events.heatwaves.count) vagues de chaleur et \(events.anomalies.count) "
             + "anomalies, du plus récent au plus ancien, chacun avec ce qui l'a déclenché et un graphique."),
            (CorrelationsReport.file, "Corrélations météo × pollution",
             "carte des paires les plus corrélées (avec le décalage et le nombre d'heures) et nuages de points des plus fortes."),
            (AlertsReport.file, "Alertes",
             "incidents ouverts (sources en panne, contrôles en échec, épisodes de pollution, canicules) et récemment résolus, "
             + "et courriels d'alerte en attente d'envoi."),
        ]
        // The quality page is written by `goodair check`: linked once it exists.
        if FileManager.default.fileExists(atPath: context.lake.gold.appendingPathComponent("reports/\(QualityPage.file)").path) {
            items.append((QualityPage.file, "Qualité des données",
                          "contrôles de fraîcheur, de complétude, de validité, d'unicité et de santé de la chaîne (goodair check), "
                          + "avec ce qui est à examiner en premier."))
        }
        for (file, title, text) in items {
            page.append("<li><a href=\"\(file)\">\(HTML.escape(title))</a> : \(HTML.escape(text))</li>\n")
        }
        page.append("</ul>\n")
        page.append(HTML.heading(2, "Lire les données"))
        page.append(HTML.paragraph(
            "Toutes les heures sont en temps universel (UTC) et les jours sont des jours UTC. La météo vient d'OpenWeatherMap ; "
            + "les concentrations de polluants (NO₂, O₃, PM2,5, PM10, SO₂, CO) aussi, en microgrammes par mètre cube (µg/m³) : "
            + "c'est sur elles que sont appliqués les seuils réglementaires ci-dessous."))
        page.append(HTML.paragraph(
            "L'indice AQICN (World Air Quality Index) suit l'échelle américaine US-EPA de 0 à 500 : il est calculé à partir du polluant "
            + "le plus pénalisant et n'a pas d'unité. Ce n'est pas une concentration : un indice de 60 ne veut pas dire 60 µg/m³, et il ne se "
            + "compare jamais aux seuils français.", class: "warning"))
        if !context.thresholds.isEmpty {
            page.append(HTML.heading(2, "Seuils appliqués"))
            var table = HTMLTable(caption: "reference/thresholds.csv", headers: ["Seuil", "Polluant", "Valeur", "Mesure", "Texte"], numeric: [2])
            for t in context.thresholds {
                let measure = t.rule.averagingHours == 1 ? "moyenne horaire" : "moyenne glissante sur \(t.rule.averagingHours) h"
                table.rows.append([t.id, ReportVariable.name(t.rule.pollutant), "\(FrenchFormat.number(t.rule.thresholdUgm3, decimals: 0)) µg/m³",
                                   measure + (t.rule.consecutiveHours > 1 ? ", \(t.rule.consecutiveHours) h consécutives" : ""),
                                   "\(t.text) — \(t.authority)"])
            }
            page.append(table.render())
        }
        return page.render()
    }
}
