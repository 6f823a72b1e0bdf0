import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import GoodAirCore
import GoodAirTesting
import Testing

@Suite("Reports")
struct ReportTests {
    static let pages = ["index.html", "indicateurs.html", "extremes.html", "correlations.html"]

    private func build(_ lake: TemporaryLake, cities: [String]? = nil, from: String? = nil, to: String? = nil) throws -> (ReportSummary, [String: String]) {
        var builder = ReportBuilder(lake: lake.lake, logger: .quiet)
        builder.now = Timestamp.parse("2026-07-10T12:20:00Z")
        let summary = try builder.build(cities: cities, from: from, to: to)
        var pages: [String: String] = [:]
        for name in Self.pages {
            pages[name] = try String(contentsOf: summary.folder.appendingPathComponent(name), encoding: .utf8)
        }
        return (summary, pages)
    }

    @Test("writes the pages under gold/reports, index last, for the whole gold zone by default")
    func files() throws {
        let lake = try ReportFixture.make()
        defer { lake.remove() }
        let (summary, pages) = try build(lake)
        #expect(summary.files.map(\.lastPathComponent) == ["indicateurs.html", "extremes.html", "correlations.html", "alertes.html", "index.html"])
        #expect(summary.folder.path.hasSuffix("gold/reports"))
        #expect((summary.from, summary.to) == ("2026-07-01", "2026-07-10"))
        #expect((summary.exceedances, summary.heatwaves, summary.anomalies) == (3, 1, 2))
        for (name, html) in pages {
            #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"fr\">"), "\(name)")
            #expect(html.contains("du 01/07/2026 au 10/07/2026"), "\(name)")
            #expect(html.contains("données du lac au 10/07/2026 12:20 UTC"), "\(name)")
        }
        #expect(pages["index.html"]!.contains("href=\"extremes.html\""))
        #expect(pages["index.html"]!.contains("href=\"alertes.html\""))
        #expect(lake.allFiles().filter { $0.contains(".tmp-") }.isEmpty)
    }

    @Test("pages are self-contained: no script, stylesheet, image or font loaded from anywhere")
    func selfContained() throws {
        let lake = try ReportFixture.make()
        defer { lake.remove() }
        let (_, pages) = try build(lake)
        for (name, html) in pages {
            let lower = html.lowercased()
            for pattern in ["src=", "<script", "<link", "@import", "url(", "<iframe", "<img", "<object"] {
                #expect(!lower.contains(pattern), "\(name) contains \(pattern)")
            }
            let links = lower.components(separatedBy: "href=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
            #expect(links.allSatisfy { !$0.hasPrefix("http") && !$0.hasPrefix("//") }, "\(name): \(links)")
            #expect(html.contains("<style>"))
        }
    }

    @Test("episodes are listed newest first and say what triggered them")
    func newestFirst() throws {
        let lake = try ReportFixture.make()
        defer { lake.remove() }
        let (_, pages) = try build(lake)
        let html = pages["extremes.html"]!
        let anchors = ["dep-lyon-no2-fr-information-", "dep-paris-so2-fr-test-", "dep-paris-pm10-fr-information-"]
            .map { html.range(of: "id=\"\($0)")?.lowerBound }
        #expect(anchors.allSatisfy { $0 != nil })
        #expect(anchors.compactMap { $0 }.sorted() == anchors.compactMap { $0 })
        let anomalies = [html.range(of: "id=\"anomalie-lyon-pm2-5-ugm3"), html.range(of: "id=\"anomalie-paris-temperature-c")]
        #expect(anomalies[0]!.lowerBound < anomalies[1]!.lowerBound)
        #expect(html.contains("Seuil d&#39;information et de recommandation PM10 : 50 µg/m³ en moyenne sur 24 heures."))
        #expect(html.contains("moyenne glissante sur 24 h"))
        #expect(html.contains("61,2 µg/m³ pour un seuil de 50 µg/m³"))
        #expect(html.contains("03/07/2026 10:00 UTC") && html.contains("17 h"))
        #expect(html.contains("du 06/07/2026 au 08/07/2026"))
        #expect(html.contains("Score robuste") && html.contains("7,3"))
        // The chronology of episodes (exceedances and heatwaves) opens with the newest.
        let chronology = html.components(separatedBy: "<tbody>")[1].components(separatedBy: "</tbody>")[0]
        let order = ["08/07/2026 06:00 UTC", "06/07/2026", "05/07/2026 00:00 UTC", "03/07/2026 10:00 UTC"]
            .map { chronology.range(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil } && order.compactMap { $0 }.sorted() == order.compactMap { $0 })
        #expect(!chronology.contains("Anomalie"))
    }

    @Test("text from the lake is escaped")
    func escaping() throws {
        let lake = try ReportFixture.make()
        defer { lake.remove() }
        let (_, pages) = try build(lake)
        for (name, html) in pages {
            #expect(!html.contains("Paris <test>"), "\(name)")
            #expect(!html.contains("<script"), "\(name)")
            #expect(!html.contains("<i>test"), "\(name)")
        }
        #expect(pages["indicateurs.html"]!.contains("Paris &lt;test&gt; &amp; Cie"))
        #expect(pages["extremes.html"]!.contains("Texte &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co"))
    }

    @Test("every SVG is well-formed XML")
    func wellFormedSVG() throws {
        let lake = try ReportFixture.make()
        defer { lake.remove() }
        let (_, pages) = try build(lake)
        var count = 0
        for (name, html) in pages {
            for chunk in html.components(separatedBy: "<svg ").dropFirst() {
                guard let end = chunk.range(of: "</svg>") else { Issue.record("\(name): unclosed <svg>"); continue }
                let svg = "<svg " + chunk[..<end.upperBound]
                let parser = XMLParser(data: Data(svg.utf8))
                #expect(parser.parse(), "\(name): \(parser.parserError.map { "\($0)" } ?? "") in \(svg.prefix(300))")
                count += 1
            }
        }
        #expect(count >= 2 + 3 + 1 + 2 + 2 + 3)   // 2 cities, 3 episodes, 1 heatwave, 2 anomalies, 2 heatmaps, scatters
    }

    @Test("the same gold zone gives the same bytes")
    func deterministic() throws {
        let lake = try ReportFixture.make()
        defer { lake.remove() }
        let (_, first) = try build(lake)
        let (_, second) = try build(lake)
        #expect(first == second)
    }

    @Test("--city and --from/--to narrow the reports")
    func filters() throws {
        let lake = try ReportFixture.make()
        defer { lake.remove() }
        let (summary, pages) = try build(lake, cities: ["lyon"], from: "2026-07-08", to: "2026-07-09")
        #expect(summary.cities == ["lyon"] && summary.correlationScope == "lyon")
        #expect((summary.exceedances, summary.heatwaves, summary.anomalies) == (1, 0, 1))
        #expect(!pages["extremes.html"]!.contains("Paris"))
        #expect(pages["indicateurs.html"]!.contains("du 08/07/2026 au 09/07/2026"))
        #expect(pages["correlations.html"]!.contains("Lyon"))
        let (both, _) = try build(lake, cities: ["paris,lyon"])
        #expect(both.cities == ["paris", "lyon"] && both.correlationScope == "all")
    }

    @Test("bad options are refused")
    func badOptions() throws {
        let lake = try ReportFixture.make()
        defer { lake.remove() }
        #expect(throws: ReportError.self) { try build(lake, from: "2026-13-01") }
        #expect(throws: ReportError.self) { try build(lake, from: "2026-07-09", to: "2026-07-01") }
        #expect(throws: ReferenceError.self) { try build(lake, cities: ["atlantis"]) }
    }

    @Test("French formatting")
    func french() {
        #expect(FrenchFormat.number(12.345, decimals: 1) == "12,3")
        #expect(FrenchFormat.number(-0.04, decimals: 1) == "0,0")
        #expect(FrenchFormat.number(-3.25, decimals: 2) == "−3,25")
        #expect(FrenchFormat.date(days: CivilTime.days(year: 2026, month: 11, day: 29)) == "29/11/2026")
        #expect(FrenchFormat.duration(hours: 27) == "1 j 3 h")
        #expect(HTML.escape("a<b & \"c\" 'd'") == "a&lt;b &amp; &quot;c&quot; &#39;d&#39;")
        #expect(ChartAxis.niceTicks(lower: 3.2, upper: 27.9, count: 5) == [0, 5, 10, 15, 20, 25, 30])
    }
}
