import Foundation
import GoodAirCore
@testable import GoodAirDashboard
import GoodAirTesting
import GoodAirWarehouse
import Testing

/// `goodair serve` over HTTP on loopback, with libcurl as the browser: nobody who has not logged
/// in gets anything but the login page, logins are throttled, sessions end, the API answers
/// what the warehouse holds, and every export is audited before it is sent (LAKE.md §7).
@Suite("Dashboard")
struct DashboardTests {
    static let seriesQuery = "city=paris&variable=temperature_c&from=2026-11-28&to=2026-11-29"

    @Test("nobody who has not logged in gets data: the API answers 401, pages send to the login form")
    func anonymous() async throws {
        try await Self.withHarness() { harness in
            for path in ["/api/cities", "/api/series?\(Self.seriesQuery)", "/api/latest?variable=aqi",
                         "/export/series.csv?city=paris&variables=aqi&from=2026-11-28&to=2026-11-29"] {
                let response = try await harness.get(path)
                #expect(response.status == 401, "\(path)")
                #expect(String(decoding: response.body, as: UTF8.self).contains("log in first"))
            }
            for path in ["/", "/?city=paris", "/reports/index.html", "/nowhere"] {
                let response = try await harness.get(path)
                #expect(response.status == 303 && response.headers["location"] == "/login", "\(path)")
            }
            let forged = try await harness.get("/api/cities", cookie: "goodair_session=" + String(repeating: "ab", count: 32))
            #expect(forged.status == 401)
            let form = try await harness.get("/login")
            #expect(form.status == 200 && String(decoding: form.body, as: UTF8.self).contains(#"<form method="post" action="/login">"#))
            #expect(form.headers["content-security-policy"]?.contains("frame-ancestors 'none'") == true)
            #expect(form.headers["x-content-type-options"] == "nosniff" && form.headers["cache-control"] == "no-store")
        }
    }

    @Test("a login sets an HttpOnly, SameSite=Strict, Secure cookie; the API then answers what the warehouse holds; logout ends it")
    func session() async throws {
        try await Self.withHarness() { harness in
            let login = try await harness.post("/login", form: "user=marie&password=\(Self.password.replacingOccurrences(of: " ", with: "+"))")
            let cookie = try #require(login.headers["set-cookie"])
            for attribute in ["HttpOnly", "SameSite=Strict", "Secure", "Path=/", "Max-Age=3600"] { #expect(cookie.contains(attribute)) }
            let session = String(cookie.split(separator: ";")[0])
            #expect(session.count == "goodair_session=".count + 64)

            let cities = try JSONSerialization.jsonObject(with: Data(try await harness.get("/api/cities", cookie: session).body)) as? [[String: String]]
            let catalog = try CityCatalog.load(from: harness.lake.citiesFile)
            #expect(cities?.first?["city_id"] == "paris" && cities?.count == catalog.cities.count)

            let series = try await harness.get("/api/series?\(Self.seriesQuery)", cookie: session)
            #expect(series.status == 200)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(series.body)) as? [String: Any])
            let points = try #require(json["points"] as? [[Any]])
            let expected = try WarehouseQueries.open(lake: harness.lake).hourlySeries(city: "paris", variable: "temperature_c",
                                                                                      from: Timestamp.day("2026-11-28")! * 86_400, to: Timestamp.day("2026-11-30")! * 86_400)
            #expect(!expected.isEmpty && points.count == expected.count)
            #expect(points.first?.first as? String == Timestamp.format(Date(timeIntervalSince1970: Double(expected[0].hour))))
            #expect(points.map { $0[1] as? Double } == expected.map { Optional($0.value) })
            #expect(json["unit"] as? String == "°C")
            let audited = try ExportAudit.entries(in: harness.lake).filter { $0.user == "marie" && $0.table == "api/series" }
            #expect(audited.contains { $0.sha256 == Checksum.sha256Hex(series.body) && $0.rows == expected.count
                && $0.query == "city=paris&from=2026-11-28&to=2026-11-29&variable=temperature_c" })

            let latest = try JSONSerialization.jsonObject(with: Data(try await harness.get("/api/latest?variable=aqi", cookie: session).body)) as? [[String: Any]]
            #expect(Set(latest?.compactMap { $0["city"] as? String } ?? []) == ["paris", "marseille"])

            let page = try await harness.get("/?city=paris&days=1", cookie: session)
            let html = String(decoding: page.body, as: UTF8.self)
            #expect(page.status == 200 && html.contains("<svg") && html.contains("Paris") && html.contains("marie"))
            let report = try await harness.get("/reports/index.html", cookie: session)
            #expect(report.status == 200 && report.headers["content-type"]?.hasPrefix("text/html") == true)

            let logout = try await harness.post("/logout", form: "", cookie: session)
            #expect(logout.status == 303 && logout.headers["set-cookie"]?.contains("Max-Age=0") == true)
            #expect(try await harness.get("/api/cities", cookie: session).status == 401)
            #expect(!harness.logs.all.contains(Self.password))
        }
    }

    @Test("a wrong password and an unknown name get the same refusal; five failures lock a name for a quarter of an hour")
    func throttle() async throws {
        try await Self.withHarness() { harness in
            let unknown = try await harness.post("/login", form: "user=nobody&password=whatever")
            let wrong = try await harness.post("/login", form: "user=paul&password=whatever")
            #expect(unknown.status == 401 && wrong.status == 401 && unknown.body == wrong.body)
            for name in ["paul", "PAUL", "Paul", "paul"] { #expect(try await harness.post("/login", form: "user=\(name)&password=guess").status == 401) }
            let locked = try await harness.post("/login", form: "user=paul&password=\(Self.password.replacingOccurrences(of: " ", with: "+"))")
            #expect(locked.status == 429 && locked.headers["set-cookie"] == nil)
            _ = try await harness.login("marie")   // another name is not locked
            harness.clock.advance(hours: 0.26)
            _ = try await harness.login("paul")
            // A password typed into the name field is not logged.
            #expect(try await harness.post("/login", form: "user=Tr0ub4dor-and-3&password=x").status == 401)
            #expect(harness.logs.all.contains("serve.login_throttled") && harness.logs.all.contains("user=(unknown)"))
            #expect(!harness.logs.all.contains(Self.password) && !harness.logs.all.lowercased().contains("tr0ub4dor"))
        }
    }

    @Test("a session ends when its lifetime has passed")
    func expiry() async throws {
        try await Self.withHarness(lifetime: 3600) { harness in
            let session = try await harness.login()
            harness.clock.advance(hours: 0.9)
            #expect(try await harness.get("/api/cities", cookie: session).status == 200)
            harness.clock.advance(hours: 0.2)
            #expect(try await harness.get("/api/cities", cookie: session).status == 401)
        }
    }

    @Test("an export is audited before it is sent: who, what, rows, bytes and the sha256 of what was sent")
    func export() async throws {
        try await Self.withHarness() { harness in
            let session = try await harness.login("paul")
            let exports = { try ExportAudit.entries(in: harness.lake).filter { $0.user == "paul" && $0.table == "export/series.csv" } }
            let before = try exports().count
            let response = try await harness.get("/export/series.csv?city=paris&variables=temperature_c,no2_ugm3&from=2026-11-28&to=2026-11-29", cookie: session)
            #expect(response.status == 200 && response.headers["content-disposition"]?.contains("goodair-paris-2026-11-28-2026-11-29.csv") == true)
            let lines = String(decoding: response.body, as: UTF8.self).split(separator: "\n")
            #expect(lines.first == "city_id,hour,temperature_c,no2_ugm3" && lines.count > 20)
            let entries = try exports()
            #expect(entries.count == before + 1)
            let entry = try #require(entries.last)
            #expect(entry.rows == lines.count - 1 && entry.bytes == response.body.count && entry.sha256 == Checksum.sha256Hex(response.body))
            #expect(entry.query == "city=paris&from=2026-11-28&to=2026-11-29&variables=temperature_c,no2_ugm3" && entry.table == "export/series.csv")
            let text = try String(contentsOf: ExportAudit(lake: harness.lake).file, encoding: .utf8)
            #expect(!text.contains(Self.password) && !text.contains(session.dropFirst(16)))
        }
    }

    @Test("bad requests name what is wrong; nothing outside gold/reports is served")
    func badRequests() async throws {
        try await Self.withHarness() { harness in
            let session = try await harness.login()
            let cases: [(String, Int, String)] = [
                ("/api/series?city=atlantis&variable=aqi&from=2026-11-28&to=2026-11-29", 404, "no city 'atlantis'"),
                ("/api/series?city=paris&variable=pm3&from=2026-11-28&to=2026-11-29", 400, "variable: give one of"),
                ("/api/series?city=paris&variable=aqi&from=2026-11-29&to=2026-11-28", 400, "is after"),
                ("/api/series?city=paris&variable=aqi&from=2025-01-01&to=2026-11-29", 400, "at most 366 days"),
                ("/api/series?city=paris&variable=aqi&from=yesterday&to=2026-11-29", 400, "is not a date"),
                ("/export/series.csv?city=paris&from=2026-11-28&to=2026-11-29", 400, "give variables"),
                ("/api/nothing", 404, "no such page"),
                ("/reports/..%2F..%2F_state%2Faudit%2Fexports.jsonl", 404, "no such report"),
                ("/reports/index.sh", 404, "no such report"),
            ]
            for (path, status, message) in cases {
                let response = try await harness.get(path, cookie: session)
                #expect(response.status == status, "\(path)")
                #expect(String(decoding: response.body, as: UTF8.self).contains(message), "\(path)")
            }
        }
    }

    @Test("a form posted from another site's page is refused: no forged login, no forged logout")
    func crossSite() async throws {
        try await Self.withHarness { harness in
            let form = "user=marie&password=\(Self.password.replacingOccurrences(of: " ", with: "+"))"
            for headers in [["Origin": "https://evil.example"], ["Sec-Fetch-Site": "cross-site"], ["Origin": "null"]] {
                let refused = try await harness.post("/login", form: form, headers: headers)
                #expect(refused.status == 403 && refused.headers["set-cookie"] == nil, "\(headers)")
            }
            let sameSite = try await harness.post("/login", form: form, headers: ["Origin": harness.server.baseURL, "Sec-Fetch-Site": "same-origin"])
            #expect(sameSite.status == 303)
            let session = String(try #require(sameSite.headers["set-cookie"]).split(separator: ";")[0])
            #expect(try await harness.post("/logout", form: "", cookie: session, headers: ["Origin": "https://evil.example"]).status == 403)
            #expect(try await harness.get("/api/cities", cookie: session).status == 200)
        }
    }

    @Test("what cannot be audited is not sent: 503, and no data in the answer")
    func auditFailure() async throws {
        let copy = try await Self.copyOfFixture()
        defer { copy.remove() }
        try? FileManager.default.removeItem(at: copy.lake.state.appendingPathComponent("audit"))
        try AtomicFile.write(Array("not a folder".utf8), to: copy.lake.state.appendingPathComponent("audit"))
        try await Self.withHarness(lake: copy.lake) { harness in
            let session = try await harness.login()
            for path in ["/export/series.csv?city=paris&variables=aqi&from=2026-11-28&to=2026-11-29", "/api/series?\(Self.seriesQuery)", "/api/latest?variable=aqi"] {
                let response = try await harness.get(path, cookie: session)
                let text = String(decoding: response.body, as: UTF8.self)
                #expect(response.status == 503 && text.contains("could not be audited") && !text.contains("2026-11-28T"), "\(path)")
            }
            #expect(harness.logs.all.contains("serve.audit_failed"))
        }
    }

    @Test("the dashboard lists the open incidents, most severe first, escaped; none, or an unreadable book, is said")
    func alerts() async throws {
        let copy = try await Self.copyOfFixture()
        defer { copy.remove() }
        try? FileManager.default.removeItem(at: IncidentBook.folder(in: copy.lake))
        try await Self.withHarness(lake: copy.lake) { harness in
            let session = try await harness.login()
            var page = String(decoding: try await harness.get("/", cookie: session).body, as: UTF8.self)
            #expect(page.contains("Aucune alerte en cours."))

            let thresholds = try Threshold.load(from: Fixtures.repositoryRoot.appendingPathComponent("lake/reference/thresholds.csv"))
            let information = try #require(thresholds.first { $0.id == "fr_information" && $0.rule.pollutant == "no2" })
            let alert = try #require(thresholds.first { $0.id == "fr_alert" && $0.rule.pollutant == "no2" })
            let center = AlertCenter(lake: copy.lake, delivery: nil, clock: harness.clock.clock, logger: .quiet)
            _ = try await center.evaluate([
                .exceedance(threshold: information, cityID: "paris", cityName: "Paris", since: Fixtures.now, details: "NO2 <b>212</b> µg/m³"),
                .exceedance(threshold: alert, cityID: "marseille", cityName: "Marseille", since: Fixtures.now, details: "NO2 412 µg/m³"),
            ], scope: .everything)
            page = String(decoding: try await harness.get("/", cookie: session).body, as: UTF8.self)
            #expect(page.contains("Alertes en cours (2)") && page.contains("NO2 &lt;b&gt;212&lt;/b&gt;") && !page.contains("<b>212"))
            let marseille = try #require(page.range(of: "NO2 412")), paris = try #require(page.range(of: "NO2 &lt;b&gt;"))
            #expect(marseille.lowerBound < paris.lowerBound)   // the alert threshold before the information one

            try AtomicFile.write(Array("{".utf8), to: IncidentBook.file(in: copy.lake))
            page = String(decoding: try await harness.get("/", cookie: session).body, as: UTF8.self)
            #expect(page.contains("Le registre des alertes est illisible"))
        }
    }

    @Test("a path that climbs out of gold/reports is refused, as the server receives it")
    func traversal() async throws {
        let lake = try await Self.fixture.value.lake
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("goodair-users-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        try DashboardUsers.add(name: "marie", password: Self.password, to: file, lake: lake, cost: 4)
        let dashboard = try Dashboard(lake: lake, users: try DashboardUsers.load(from: file, lake: lake), clock: .fixed(at: Fixtures.now), logger: .quiet)
        let login = await dashboard.respond(to: DashboardRequest(method: "POST", path: "/login", body: Array("user=marie&password=\(Self.password)".utf8)))
        let cookie = String(try #require(login.headers["Set-Cookie"]).split(separator: ";")[0])
        for path in ["/reports/../_state/audit/exports.jsonl", "/reports/../../etc/passwd", "/reports/index.html/../../silver", "/reports/.html", "/reports/a.b.html"] {
            let response = await dashboard.respond(to: DashboardRequest(method: "GET", path: path, headers: ["cookie": cookie]))
            #expect(response.status == 404, "\(path)")
        }
        #expect(await dashboard.respond(to: DashboardRequest(method: "GET", path: "/reports/index.html", headers: ["cookie": cookie])).status == 200)
    }
}
