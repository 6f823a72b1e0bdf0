import Foundation
@testable import GoodAirCore
import GoodAirTesting
import Synchronization
import Testing

/// A transport in memory that can refuse, and that reads the book on disk at each send.
final class RecordingTransport: MailTransport {
    private let state = Mutex<(sent: [MailMessage], refusing: Bool, outboxAtSend: [[String]])>(([], false, []))
    let lake: Lake
    init(lake: Lake) { self.lake = lake }

    var sent: [MailMessage] { state.withLock { $0.sent } }
    var outboxAtSend: [[String]] { state.withLock { $0.outboxAtSend } }
    func refuse(_ refusing: Bool) { state.withLock { $0.refusing = refusing } }

    func send(_ message: MailMessage) async throws {
        let onDisk = try IncidentBook.load(from: lake).outbox.mails.map(\.id)
        let refused = state.withLock { state in
            state.outboxAtSend.append(onDisk)
            if !state.refusing { state.sent.append(message) }
            return state.refusing
        }
        if refused { throw AlertError.delivery(reason: "test transport: refused", smtpCode: 451) }
    }
}

@Suite("Alert incident book")
struct AlertBookTests {
    typealias F = AlertFixtures

    func center(_ lake: TemporaryLake, _ transport: RecordingTransport?, _ clock: MovableClock, logs: LogCapture = LogCapture()) -> AlertCenter {
        AlertCenter(lake: lake.lake, delivery: transport.map { AlertDelivery(transport: $0, from: F.from, to: F.to) },
                    clock: clock.clock, logger: logs.logger)
    }

    @Test("without SMTP: incidents are kept, logged and on the page; the outcome says mail is off; nothing is queued")
    func noSMTP() async throws {
        let lake = try TemporaryLake()
        defer { lake.remove() }
        let logs = LogCapture()
        let outcome = try await center(lake, nil, MovableClock(F.start), logs: logs).evaluate([try F.no2Paris()], scope: .everything)
        #expect(!outcome.mailConfigured && outcome.opened.count == 1 && outcome.mailsPending == 0)
        #expect(outcome.summary.contains("mail: off (GOODAIR_SMTP_URL is not set"))
        #expect(logs.all.components(separatedBy: "email alerts are off").count == 2, "said once")
        #expect(logs.all.contains("incident opened") && logs.all.contains("incident.key=episode:exceedance:paris:no2:fr_information"))
        let book = try IncidentBook.load(from: lake.lake)
        #expect(book.open.count == 1 && book.outbox.isEmpty)
        let page = try String(contentsOf: lake.lake.gold.appendingPathComponent("reports/alertes.html"), encoding: .utf8)
        #expect(page.contains("<h1>Alertes</h1>") && page.contains("NO2 au-dessus du seuil d&#39;information à Paris"))
        #expect(page.contains("goodair report --city paris --from 2026-11-29"))
        #expect(lake.allFiles().filter { $0.contains(".tmp-") }.isEmpty)
    }

    @Test("a scope resolves only the incidents it evaluated")
    func scopes() async throws {
        let lake = try TemporaryLake()
        defer { lake.remove() }
        let clock = MovableClock(F.start)
        let alerts = center(lake, nil, clock)
        let lyonHeat = IncidentSignal.heatwave(cityID: "lyon", cityName: "Lyon", since: nil, details: "IBMx 36 °C")
        let down = IncidentSignal.sourceDown(source: "owm_air", details: "HTTP 401")
        let check = IncidentSignal.checkFailed(check: "freshness", title: "Données owm_air en retard à Paris", details: "5 h",
                                               city: "paris", source: "owm_air")
        #expect(check.key == "check:freshness:owm_air:paris")
        _ = try await alerts.evaluate([try F.no2Paris(), lyonHeat, down, check], scope: .everything)
        func open() throws -> Set<String> { Set(try IncidentBook.load(from: lake.lake).open.map(\.key)) }
        #expect(try open().count == 4)

        _ = try await alerts.evaluate([], scope: .nothing)
        #expect(try open().count == 4)
        _ = try await alerts.evaluate([], scope: AlertScope(kinds: [.exceedance, .heatwave], cities: ["marseille"]))
        #expect(try open().count == 4, "another city")
        _ = try await alerts.evaluate([], scope: AlertScope(cities: ["lyon"]))
        #expect(try !open().contains("episode:heatwave:lyon"))
        #expect(try open().contains("source-down:owm_air"), "no city: not in a city scope unless includesLakeWide")
        _ = try await alerts.evaluate([], scope: .keyPrefixes(["check:freshness:"]))
        #expect(try open() == ["episode:exceedance:paris:no2:fr_information", "source-down:owm_air"])
        _ = try await alerts.evaluate([down], scope: .everything)
        #expect(try open() == ["source-down:owm_air"])
    }

    @Test("the mail is in the book before it is sent, and leaves it only once accepted; a refusal keeps it")
    func outboxBeforeSend() async throws {
        let lake = try TemporaryLake()
        defer { lake.remove() }
        let transport = RecordingTransport(lake: lake.lake)
        let clock = MovableClock(F.start)
        transport.refuse(true)
        let down = try await center(lake, transport, clock).evaluate([try F.no2Paris()], scope: .everything)
        #expect(down.mailsPending == 1 && down.deliveryError == .delivery(reason: "test transport: refused", smtpCode: 451))
        let pending = try IncidentBook.load(from: lake.lake).outbox.mails
        #expect(transport.outboxAtSend == [pending.map(\.id)], "on disk while being sent")
        #expect(try IncidentBook.load(from: lake.lake).open.first?.lastMailAt == nil)

        transport.refuse(false)
        clock.advance(hours: 2)
        let up = try await center(lake, transport, clock).evaluate([try F.no2Paris()], scope: .everything)
        #expect(up.mailsSent == 1 && up.mailsPending == 0)
        #expect(transport.sent.count == 1 && transport.outboxAtSend.last == pending.map(\.id))
        let book = try IncidentBook.load(from: lake.lake)
        #expect(book.outbox.isEmpty && book.open.first?.lastMailAt == F.start.addingTimeInterval(7200))
        #expect(transport.sent[0].messageID == "goodair.\(pending[0].id)@goodair.test", "the same Message-ID on every attempt")
    }

    @Test("an incident that ends before its opening mail was accepted gets one resolution mail, not two")
    func resolvedWhileDown() async throws {
        let lake = try TemporaryLake()
        defer { lake.remove() }
        let transport = RecordingTransport(lake: lake.lake)
        let clock = MovableClock(F.start)
        transport.refuse(true)
        _ = try await center(lake, transport, clock).evaluate([try F.no2Paris()], scope: .everything)
        clock.advance(hours: 3)
        let ended = try await center(lake, transport, clock).evaluate([], scope: .everything)
        #expect(ended.resolved.count == 1 && ended.mailsPending == 1)
        transport.refuse(false)
        clock.advance(hours: 1)
        _ = try await center(lake, transport, clock).evaluate([], scope: .everything)
        #expect(transport.sent.map(\.subject) == ["[GoodAir] Résolu : NO2 au-dessus du seuil d'information à Paris"])
        #expect(transport.sent[0].body.contains("après 3 h"))
    }

    @Test("reminders follow the interval from the last accepted mail; 0 turns them off")
    func reminders() async throws {
        for hours in [6.0, 0] {
            let lake = try TemporaryLake()
            defer { lake.remove() }
            let transport = RecordingTransport(lake: lake.lake)
            let clock = MovableClock(F.start)
            var alerts = center(lake, transport, clock)
            alerts.policy.remindInterval = hours * 3600
            for _ in 0..<13 {   // 0 h … 24 h every 2 h
                _ = try await alerts.evaluate([try F.no2Paris()], scope: .everything)
                clock.advance(hours: 2)
            }
            let subjects = transport.sent.map { String($0.subject.prefix(16)) }
            #expect(subjects == ["[GoodAir] Ouvert"] + Array(repeating: "[GoodAir] Rappel", count: hours == 0 ? 0 : 4), "\(hours)")
            #expect(try IncidentBook.load(from: lake.lake).open.first?.remindersSent == (hours == 0 ? 0 : 4))
        }
    }

    @Test("an incident that comes back is a new one; resolved incidents are kept 30 days; undelivered mails expire after 7 days")
    func history() async throws {
        let lake = try TemporaryLake()
        defer { lake.remove() }
        let transport = RecordingTransport(lake: lake.lake)
        let clock = MovableClock(F.start)
        let alerts = center(lake, transport, clock)
        let heat = IncidentSignal.heatwave(cityID: "lyon", cityName: "Lyon", since: F.start.addingTimeInterval(-86_400), details: "")
        _ = try await alerts.evaluate([heat], scope: .everything)
        #expect(try IncidentBook.load(from: lake.lake).open.first?.since == F.start.addingTimeInterval(-86_400), "the episode's start")
        clock.advance(hours: 5)
        _ = try await alerts.evaluate([], scope: .everything)
        clock.advance(hours: 5)
        _ = try await alerts.evaluate([heat], scope: .everything)
        var book = try IncidentBook.load(from: lake.lake)
        #expect(book.incidents.count == 2 && book.open.count == 1 && book.resolved.count == 1)
        #expect(Set(book.incidents.map(\.id)).count == 2)

        transport.refuse(true)
        clock.advance(hours: 24 * 29)
        _ = try await alerts.evaluate([], scope: .everything)   // the second one resolves; its mail is refused
        clock.advance(hours: 24 * 2)
        _ = try await alerts.evaluate([], scope: .nothing)
        book = try IncidentBook.load(from: lake.lake)
        #expect(book.incidents.count == 1, "the first resolved more than 30 days ago is forgotten")
        clock.advance(hours: 24 * 6)
        let expired = try await alerts.evaluate([], scope: .nothing)
        #expect(expired.mailsExpired == 1 && expired.mailsPending == 0)
    }

    @Test("the book is pretty JSON with ISO 8601 UTC timestamps, and a damaged one is an error naming it")
    func persistence() async throws {
        let lake = try TemporaryLake()
        defer { lake.remove() }
        _ = try await center(lake, nil, MovableClock(F.start.addingTimeInterval(0.75))).evaluate([try F.no2Paris()], scope: .everything)
        let file = IncidentBook.file(in: lake.lake)
        #expect(lake.lake.relativePath(file) == "_state/incidents/incidents.json")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains("\"since\" : \"2026-11-29T14:00:00Z\"") && text.contains("\"state\" : \"open\""))
        try AtomicFile.write(string: "{ not json", to: file)
        #expect(throws: AlertError.corruptState(path: "_state/incidents/incidents.json", reason: "not an incident book (DecodingError)")) {
            try IncidentBook.load(from: lake.lake)
        }
    }
}
