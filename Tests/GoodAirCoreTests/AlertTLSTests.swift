import Foundation
@testable import GoodAirCore
import GoodAirTesting
import Testing

// STARTTLS, smtps:// and AUTH against the real SMTP server with a self-signed certificate made by
// openssl at test time. Skipped without GOODAIR_PYTHON (make test sets it); fails when it is set
// but aiosmtpd or openssl is missing.
@Suite("Alert mails over TLS with AUTH", .enabled(if: SMTPSink.isConfigured, "GOODAIR_PYTHON is not set: no SMTP server to test against (make test sets it)"))
struct AlertTLSTests {
    typealias F = AlertFixtures
    static let recipients = [try! MailAddress.parse("Équipe données <data@labo.test>"), try! MailAddress("chercheuse@labo.test"),
                             try! MailAddress("direction@labo.test")]

    func settings(_ sink: SMTPSink, certificate: SelfSignedCertificate?, password: String = F.password) throws -> SMTPSettings {
        var settings = try SMTPSettings(url: sink.url, user: "goodair", password: Secret(password), from: F.from, to: Self.recipients)
        settings.startTLS = .required
        settings.caFile = certificate?.certificate.path
        settings.timeout = 10
        return settings
    }

    @Test("STARTTLS + AUTH with a CA file, three recipients; the password is nowhere in the lake, the logs or the outcome")
    func startTLSAuth() async throws {
        let certificate = try SelfSignedCertificate.make()
        defer { certificate.remove() }
        let sink = try await SMTPSink.start(.init(certificate: certificate, requireStartTLS: true, user: "goodair", password: F.password))
        defer { sink.stop() }
        let lake = try TemporaryLake()
        defer { lake.remove() }
        let logs = LogCapture()
        let clock = MovableClock(F.start)
        let center = F.center(lake, settings: try settings(sink, certificate: certificate), clock: clock, logs: logs)

        let outcome = try await center.evaluate([try F.no2Paris()], scope: .everything)
        #expect(outcome.mailsSent == 1 && outcome.deliveryError == nil)
        let mails = try sink.received()
        try #require(mails.count == 1)
        #expect(mails[0].tls)
        #expect(mails[0].authenticatedUser == "goodair")
        #expect(mails[0].recipients == ["data@labo.test", "chercheuse@labo.test", "direction@labo.test"])
        #expect(mails[0].to == "Équipe données <data@labo.test>, chercheuse@labo.test, direction@labo.test")
        #expect(mails[0].defects.isEmpty)

        // A wrong password: refused, and neither password appears in the error, the lake or the logs.
        let wrong = "pw-Wrong-Password-0b7d2f19"
        clock.advance(hours: 1)
        let refused = try await F.center(lake, settings: try settings(sink, certificate: certificate, password: wrong), clock: clock,
                                         logs: logs).evaluate([.sourceDown(source: "aqicn", details: "HTTP 503")], scope: .nothing)
        let error = try #require(refused.deliveryError)
        #expect(refused.mailsPending == 1)
        for secret in [F.password, wrong] {
            #expect(!"\(error)".contains(secret))
            #expect(!refused.summary.contains(secret) && !outcome.summary.contains(secret))
            #expect(try lake.pathsContaining(secret).isEmpty, "the lake holds no password")
            #expect(!logs.all.contains(secret), "the logs hold no password")
        }
        #expect(logs.all.contains("alert mail sent") && logs.all.contains("kept in the outbox"), "the logs were captured")
        #expect(try sink.received().count == 1)
    }

    @Test("a self-signed certificate is refused without the CA file, even when STARTTLS is only tried")
    func untrustedCertificate() async throws {
        let certificate = try SelfSignedCertificate.make()
        defer { certificate.remove() }
        let sink = try await SMTPSink.start(.init(certificate: certificate))
        defer { sink.stop() }
        let lake = try TemporaryLake()
        defer { lake.remove() }
        var settings = try SMTPSettings(url: sink.url, from: F.from, to: F.to)
        settings.timeout = 10
        #expect(settings.startTLS == .opportunistic, "the default")
        let outcome = try await F.center(lake, settings: settings, clock: MovableClock(F.start)).evaluate([try F.no2Paris()], scope: .everything)
        #expect(outcome.mailsSent == 0 && outcome.mailsPending == 1 && outcome.deliveryError != nil)
        #expect(try sink.received().isEmpty)

        settings.caFile = certificate.certificate.path
        let trusted = try await F.center(lake, settings: settings, clock: MovableClock(F.start)).evaluate([], scope: .nothing)
        #expect(trusted.mailsSent == 1)
        #expect(try sink.received().first?.tls == true)
    }

    @Test("smtps:// (TLS from the first byte) with AUTH")
    func implicitTLS() async throws {
        let certificate = try SelfSignedCertificate.make()
        defer { certificate.remove() }
        let sink = try await SMTPSink.start(.init(certificate: certificate, implicitTLS: true, user: "goodair", password: F.password))
        defer { sink.stop() }
        #expect(sink.url.hasPrefix("smtps://"))
        let lake = try TemporaryLake()
        defer { lake.remove() }
        let center = F.center(lake, settings: try settings(sink, certificate: certificate), clock: MovableClock(F.start))
        let message = try await center.sendTestMail()
        let mails = try sink.received()
        try #require(mails.count == 1)
        #expect(mails[0].tls && mails[0].authenticatedUser == "goodair")
        #expect(mails[0].subject == "[GoodAir] Test : les alertes par courriel fonctionnent")
        #expect(mails[0].body.contains("Serveur : \(sink.url) ; expéditeur : alertes@goodair.test ; destinataires : "
                                       + "data@labo.test, chercheuse@labo.test, direction@labo.test.\n"))
        #expect(mails[0].messageID == "<\(message.messageID)>")
        #expect(try IncidentBook.load(from: lake.lake).incidents.isEmpty, "a test mail is no incident")
    }
}
