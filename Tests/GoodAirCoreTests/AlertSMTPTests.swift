import Foundation
@testable import GoodAirCore
import GoodAirTesting
import Testing

// Alerts against a real SMTP server (Python aiosmtpd, scripts/smtp-sink.py) on loopback; the mails
// it receives are decoded by Python's e-mail package and checked here. Needs GOODAIR_PYTHON (the Makefile's `make test` sets it to .venv/bin/python, which has
// aiosmtpd); without it the suite is skipped. With it set but aiosmtpd missing, the tests fail.
@Suite("Alert mails over SMTP", .enabled(if: SMTPSink.isConfigured, "GOODAIR_PYTHON is not set: no SMTP server to test against (make test sets it)"))
struct AlertSMTPTests {
    typealias F = AlertFixtures
    let scope = AlertScope.kinds([.exceedance])

    @Test("an incident opens: one mail; no reminder before 24 h, one after; it resolves: one mail; then nothing")
    func lifecycle() async throws {
        let harness = try await SMTPHarness()
        defer { harness.close() }
        let (lake, sink, clock, center) = (harness.lake, harness.sink, harness.clock, try harness.center())
        let signal = try F.no2Paris()

        let first = try await center.evaluate([signal], scope: scope)
        #expect(first.opened.map(\.key) == ["episode:exceedance:paris:no2:fr_information"])
        #expect((first.mailsSent, first.mailsPending, first.openIncidents) == (1, 0, 1))
        #expect(first.deliveryError == nil)
        var mails = try sink.received()
        try #require(mails.count == 1)
        let opened = mails[0]
        #expect(opened.subject == "[GoodAir] Ouvert : NO2 au-dessus du seuil d'information à Paris")
        #expect(opened.defects.isEmpty)
        #expect(opened.charset == "utf-8")
        #expect(opened.transferEncoding == "quoted-printable")
        #expect(opened.mailFrom == "alertes@goodair.test")
        #expect(opened.recipients == ["data@labo.test"])
        #expect(opened.from == "GoodAir Lake <alertes@goodair.test>")
        #expect(opened.date == "Sun, 29 Nov 2026 14:00:00 +0000")
        #expect(opened.messageID.hasPrefix("<goodair.") && opened.messageID.hasSuffix("@goodair.test>"))
        #expect(opened.raw.utf8.allSatisfy { $0 < 0x80 }, "7-bit on the wire: headers RFC 2047, body quoted-printable")
        #expect(opened.raw.contains("Subject: =?UTF-8?B?"))
        #expect(opened.raw.contains("Auto-Submitted: auto-generated"))
        #expect(opened.raw.contains("X-GoodAir-Incident: episode:exceedance:paris:no2:fr_information"))
        for line in ["GoodAir Lake signale un nouvel incident.",
                     "* NO2 au-dessus du seuil d'information à Paris",
                     "  Gravité : avertissement",
                     "  Où : ville paris, source owm_air, table gold/exceedances",
                     "  Depuis : 29/11/2026 14:00 UTC (15:00 heure de Paris)",
                     "  Détails : moyenne horaire de 212 µg/m³ (seuil 200 µg/m³)",
                     "  Pour enquêter : goodair report --city paris --from 2026-11-29",
                     "  Clé : episode:exceedance:paris:no2:fr_information",
                     "Un rappel sera envoyé toutes les 24 h tant qu'il dure, et un message quand il sera résolu."] {
            #expect(opened.body.contains(line + "\n"), "\(line)")
        }

        clock.advance(hours: 23)
        let quiet = try await center.evaluate([signal], scope: scope)
        #expect(quiet.opened.isEmpty && quiet.reminded.isEmpty && quiet.mailsSent == 0)
        #expect(try sink.received().count == 1, "no reminder before 24 h")

        clock.advance(hours: 1)
        let reminder = try await center.evaluate([signal], scope: scope)
        #expect(reminder.reminded.count == 1 && reminder.mailsSent == 1)
        mails = try sink.received()
        try #require(mails.count == 2)
        #expect(mails[1].subject == "[GoodAir] Rappel : NO2 au-dessus du seuil d'information à Paris")
        #expect(mails[1].body.contains("Rappel : cet incident est toujours en cours.\n"))
        #expect(mails[1].body.contains("  Durée : 1 j au 30/11/2026 14:00 UTC (15:00 heure de Paris)\n"))
        #expect(mails[1].messageID != opened.messageID)
        #expect(try IncidentBook.load(from: lake.lake).open.first?.remindersSent == 1)

        clock.advance(hours: 6)
        let resolved = try await center.evaluate([], scope: scope)
        #expect(resolved.resolved.map(\.key) == [signal.key] && resolved.mailsSent == 1 && resolved.openIncidents == 0)
        mails = try sink.received()
        try #require(mails.count == 3)
        #expect(mails[2].subject == "[GoodAir] Résolu : NO2 au-dessus du seuil d'information à Paris")
        #expect(mails[2].body.contains("Cet incident est terminé.\n"))
        #expect(mails[2].body.contains("  Fin : 30/11/2026 20:00 UTC (21:00 heure de Paris), après 1 j 6 h\n"))
        #expect(!mails[2].body.contains("Un rappel sera envoyé"))
        #expect(!opened.body.contains("Durée"), "an incident that just opened has no duration yet")

        clock.advance(hours: 48)
        _ = try await center.evaluate([], scope: scope)
        #expect(try sink.received().count == 3, "nothing after the resolution")
        #expect(Set(try sink.received().map(\.messageID)).count == 3)
    }

    @Test("incidents opening in one evaluation share one mail, most severe first; each resolves on its own")
    func grouped() async throws {
        let harness = try await SMTPHarness()
        defer { harness.close() }
        let (sink, clock, center) = (harness.sink, harness.clock, try harness.center())
        let down = IncidentSignal.sourceDown(source: "aqicn", details: "26 villes sur 26 en échec (HTTP 503)")
        let outcome = try await center.evaluate([try F.no2Paris(), down], scope: .everything)
        #expect(outcome.opened.count == 2 && outcome.mailsSent == 1)
        var mails = try sink.received()
        try #require(mails.count == 1)
        #expect(mails[0].subject == "[GoodAir] Ouvert : 2 incidents — Source aqicn indisponible et 1 autre")
        #expect(mails[0].body.contains("GoodAir Lake signale 2 nouveaux incidents.\n"))
        let aqicn = try #require(mails[0].body.range(of: "* Source aqicn indisponible"))
        let paris = try #require(mails[0].body.range(of: "* NO2 au-dessus du seuil d'information à Paris"))
        #expect(aqicn.lowerBound < paris.lowerBound, "critical before warning")
        let unfolded = mails[0].raw.replacingOccurrences(of: "\r\n ", with: " ")
        #expect(unfolded.contains("X-GoodAir-Incident: source-down:aqicn episode:exceedance:paris:no2:fr_information\r\n"))

        clock.advance(hours: 2)
        let collected = try await center.evaluate([], scope: .kinds([.sourceDown]))
        #expect(collected.resolved.map(\.key) == ["source-down:aqicn"] && collected.openIncidents == 1)
        mails = try sink.received()
        try #require(mails.count == 2)
        #expect(mails[1].subject == "[GoodAir] Résolu : Source aqicn indisponible")
    }

    @Test("SMTP refusing (451): the mail waits in the outbox and on the page, nothing throws; once accepted it is sent exactly once")
    func refusedThenAccepted() async throws {
        let harness = try await SMTPHarness()
        defer { harness.close() }
        let logs = LogCapture()
        let (lake, sink, clock, center) = (harness.lake, harness.sink, harness.clock, try harness.center(logs: logs))
        try sink.refuse(451)
        let signal = try F.no2Paris()

        let down = try await center.evaluate([signal], scope: scope)
        #expect(down.opened.count == 1)
        #expect((down.mailsSent, down.mailsPending) == (0, 1))
        guard case .delivery(_, let code)? = down.deliveryError else { Issue.record("no delivery error"); return }
        #expect(code == 451)
        #expect(down.summary.contains("1 pending"))
        #expect(try sink.received().isEmpty)
        let book = try IncidentBook.load(from: lake.lake)
        #expect(book.outbox.count == 1 && book.outbox.mails[0].attempts == 1 && book.outbox.mails[0].lastError != nil)
        let page = try String(contentsOf: lake.lake.gold.appendingPathComponent("reports/alertes.html"), encoding: .utf8)
        #expect(page.contains("NO2 au-dessus du seuil d&#39;information à Paris"))
        #expect(page.contains("[GoodAir] Ouvert : NO2 au-dessus du seuil d&#39;information à Paris"), "listed as waiting")
        #expect(logs.all.contains("kept in the outbox"))

        clock.advance(hours: 1)
        let stillDown = try await center.evaluate([signal], scope: scope)
        #expect(stillDown.mailsPending == 1 && stillDown.reminded.isEmpty, "retried, not queued twice")
        #expect(try IncidentBook.load(from: lake.lake).outbox.mails.map(\.attempts) == [2])

        try sink.refuse(nil)
        clock.advance(hours: 1)
        let up = try await center.evaluate([signal], scope: scope)
        #expect((up.mailsSent, up.mailsPending) == (1, 0) && up.deliveryError == nil)
        let mails = try sink.received()
        try #require(mails.count == 1)
        #expect(mails[0].subject == "[GoodAir] Ouvert : NO2 au-dessus du seuil d'information à Paris")
        #expect(mails[0].date == "Sun, 29 Nov 2026 14:00:00 +0000", "the mail as composed when the incident opened")
        clock.advance(hours: 1)
        _ = try await center.evaluate([signal], scope: scope)
        #expect(try sink.received().count == 1, "exactly once")
        let after = try String(contentsOf: lake.lake.gold.appendingPathComponent("reports/alertes.html"), encoding: .utf8)
        #expect(!after.contains("[GoodAir] Ouvert"), "no longer waiting")
    }

    @Test("SMTP not running: the evaluation reports it and keeps the mail; the next one with SMTP up delivers it once")
    func serverDown() async throws {
        let lake = try TemporaryLake()
        defer { lake.remove() }
        let gone = try await SMTPSink.start()
        let goneSettings = try F.settings(gone)
        gone.stop()
        let clock = MovableClock(F.start)
        let signal = try F.no2Paris()

        let down = try await F.center(lake, settings: goneSettings, clock: clock).evaluate([signal], scope: scope)
        #expect(down.mailsPending == 1 && down.mailsSent == 0)
        let error = try #require(down.deliveryError)
        #expect("\(error)".contains(goneSettings.url))

        let sink = try await SMTPSink.start()
        defer { sink.stop() }
        clock.advance(hours: 1)
        let up = try await F.center(lake, settings: try F.settings(sink), clock: clock).evaluate([signal], scope: scope)
        #expect(up.mailsSent == 1 && up.mailsPending == 0)
        _ = try await F.center(lake, settings: try F.settings(sink), clock: clock).evaluate([signal], scope: scope)
        #expect(try sink.received().map(\.subject) == ["[GoodAir] Ouvert : NO2 au-dessus du seuil d'information à Paris"])
    }
}
