import Foundation

/// The quality report for people and tools: `gold/reports/qualite.html` (French, like the other
/// reports) and `gold/reports/quality.json` (the whole ``QualityReport``).
enum QualityPage {
    static let file = "qualite.html"
    static let json = "quality.json"

    static let statusText: [QualityFinding.Status: String] = [.pass: "conforme", .warn: "avertissement", .fail: "échec"]

    /// Writes both files; returns them with their bytes.
    static func write(_ report: QualityReport, lake: Lake) throws -> [(URL, [UInt8])] {
        let folder = lake.gold.appendingPathComponent("reports")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let jsonBytes = Array(try encoder.encode(report)) + [0x0A]
        let htmlBytes = Array(render(report).utf8)
        try AtomicFile.write(jsonBytes, to: folder.appendingPathComponent(json))
        try AtomicFile.write(htmlBytes, to: folder.appendingPathComponent(file))
        return [(folder.appendingPathComponent(json), jsonBytes), (folder.appendingPathComponent(file), htmlBytes)]
    }

    static func render(_ report: QualityReport) -> String {
        var page = HTMLDocument(title: "Qualité des données", file: file,
                                subtitle: "Contrôles du \(report.from) au \(report.to) (UTC), effectués le \(report.checkedAt)")
        let byStatus = Dictionary(grouping: report.findings, by: \.status)
        page.append(HTML.paragraph("\(Set(report.findings.map(\.check)).count) contrôles, \(report.findings.count) partitions examinées : "
                                   + "\(byStatus[.pass]?.count ?? 0) conformes, \(byStatus[.warn]?.count ?? 0) avertissements, "
                                   + "\(byStatus[.fail]?.count ?? 0) échecs. Les contrôles sont déclarés dans schemas/quality/checks.json ; "
                                   + "le détail est dans gold/quality (une ligne par contrôle et partition) et gold/reports/quality.json."))
        page.append(HTML.heading(2, "À examiner"))
        if report.problems.isEmpty {
            page.append(HTML.paragraph("Aucun problème."))
        } else {
            var table = HTMLTable(caption: "Avertissements et échecs, les plus graves d'abord",
                                  headers: ["Contrôle", "État", "Objet", "Période", "Valeur", "Limite", "Constat"])
            for finding in report.problems.prefix(500) {
                table.rows.append([finding.check, statusText[finding.status]!, finding.subject, finding.period,
                                   finding.value.map { FrenchFormat.number($0) } ?? "", finding.limit.map { FrenchFormat.number($0) } ?? "", finding.detail])
            }
            page.append(table.render())
        }
        page.append(HTML.heading(2, "Tous les contrôles"))
        var summary = HTMLTable(caption: "Par contrôle : partitions conformes, en avertissement, en échec",
                                headers: ["Contrôle", "Type", "Conformes", "Avertissements", "Échecs"], numeric: [2, 3, 4])
        for check in Array(Set(report.findings.map(\.check))).sorted() {
            let findings = report.findings.filter { $0.check == check }
            summary.rows.append([check, findings[0].kind.rawValue] + [QualityFinding.Status.pass, .warn, .fail].map { status in
                "\(findings.filter { $0.status == status }.count)"
            })
        }
        page.append(summary.render())
        return page.render()
    }
}
