import Foundation
@testable import GoodAirCore
import GoodAirTesting
import Testing

@Suite("Alert mail encoding and settings")
struct AlertMailTests {
    @Test("quoted-printable: UTF-8 bytes as =XX, '=' and trailing spaces encoded, soft breaks within 76 characters")
    func quotedPrintable() throws {
        #expect(MailEncoding.quotedPrintable("Résolu") == "R=C3=A9solu")
        #expect(MailEncoding.quotedPrintable("a = b \nc\t") == "a =3D b=20\r\nc=09")
        #expect(MailEncoding.quotedPrintable(".fin\nx.y") == "=2Efin\r\nx.y")
        let long = String(repeating: "é", count: 60) + " " + String(repeating: "x", count: 100)
        let encoded = MailEncoding.quotedPrintable(long)
        let lines = encoded.components(separatedBy: "\r\n")
        #expect(lines.count > 3)
        #expect(lines.allSatisfy { $0.count <= 76 })
        #expect(lines.dropLast().allSatisfy { $0.hasSuffix("=") })
        // Decoding gives the text back.
        var bytes: [UInt8] = []
        let joined = Array(lines.map { $0.hasSuffix("=") ? String($0.dropLast()) : $0 }.joined().utf8)
        var i = 0
        while i < joined.count {
            if joined[i] == UInt8(ascii: "=") {
                bytes.append(UInt8(String(decoding: joined[(i + 1)...(i + 2)], as: UTF8.self), radix: 16)!)
                i += 3
            } else {
                bytes.append(joined[i])
                i += 1
            }
        }
        #expect(String(decoding: bytes, as: UTF8.self) == long)
    }

    @Test("RFC 2047 words: at most 75 characters, cut between characters, decoding to the subject")
    func encodedWords() throws {
        let subject = "[GoodAir] Résolu : NO₂ au-dessus du seuil d'information à Saint-Étienne 🌫️ et 2 autres"
        let words = MailEncoding.encodedWords(subject)
        #expect(words.count > 1)
        var decoded = ""
        for word in words {
            #expect(word.count <= 75 && word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?="))
            let data = try #require(Data(base64Encoded: String(word.dropFirst(10).dropLast(2))))
            decoded += try #require(String(data: data, encoding: .utf8), "each word is whole UTF-8")
        }
        #expect(decoded == subject)
        #expect(MailEncoding.header("Subject", "plain ASCII subject") == "Subject: plain ASCII subject")
        let header = MailEncoding.header("Subject", subject)
        #expect(header.components(separatedBy: "\r\n").allSatisfy { $0.count <= 78 })
    }

    @Test("RFC 5322 dates in UTC, and Paris legal time across the DST changes")
    func dates() throws {
        #expect(MailEncoding.date(Timestamp.parse("2026-11-29T14:00:00Z")!) == "Sun, 29 Nov 2026 14:00:00 +0000")
        #expect(MailEncoding.date(Timestamp.parse("2026-07-04T09:05:07Z")!) == "Sat, 4 Jul 2026 09:05:07 +0000")
        let cases = [("2026-03-29T00:59:59Z", 3600), ("2026-03-29T01:00:00Z", 7200), ("2026-10-25T00:59:59Z", 7200),
                     ("2026-10-25T01:00:00Z", 3600), ("2025-03-30T01:00:00Z", 7200), ("2025-03-30T00:00:00Z", 3600)]
        for (text, offset) in cases {
            #expect(ParisTime.offset(at: Timestamp.parse(text)!) == offset, "\(text)")
        }
        #expect(ParisTime.french(Timestamp.parse("2026-11-29T23:30:00Z")!) == "29/11/2026 23:30 UTC (30/11/2026 00:30 heure de Paris)")
        #expect(ParisTime.french(Timestamp.parse("2026-07-14T12:00:00Z")!) == "14/07/2026 12:00 UTC (14:00 heure de Paris)")
    }

    @Test("addresses: plain, with a display name, lists; a bad one names the variable")
    func addresses() throws {
        let list = try MailAddress.parseList("a@labo.fr, Équipe données <data@labo.fr>,  \"Dupont, J.\" <j@labo.fr>")
        #expect(list.map(\.address) == ["a@labo.fr", "data@labo.fr", "j@labo.fr"])
        #expect(list.map(\.name) == [nil, "Équipe données", "Dupont, J."])
        #expect(try MailAddress.parse("Équipe données <data@labo.fr>").name == "Équipe données")
        #expect(try MailAddress.parse("GoodAir Lake <g@x.fr>").headerValue == "GoodAir Lake <g@x.fr>")
        #expect(try MailAddress.parse("Dupont, J. <j@x.fr>").headerValue == "\"Dupont, J.\" <j@x.fr>")
        #expect(try MailAddress.parse("Équipe <e@x.fr>").headerValue.hasPrefix("=?UTF-8?B?"))
        for bad in ["nobody", "a@b", "a b@c.fr", "<a@b.fr", "é@x.fr"] {
            #expect(throws: AlertError.self, "\(bad)") { try MailAddress.parse(bad) }
        }
        let env = GoodAirEnvironment([SMTPSettings.urlVariable: "smtp://h:25", SMTPSettings.fromVariable: "g@x.fr",
                                      SMTPSettings.toVariable: "a@x.fr, not-an-address"])
        #expect(throws: AlertError.badSetting(variable: SMTPSettings.toVariable,
                                              reason: "'not-an-address' is not an e-mail address local@domain")) { try SMTPSettings(environment: env) }
    }

    @Test("SMTP settings from the environment: off when unset, complete or refused naming the variable, never showing the password")
    func settings() throws {
        #expect(try SMTPSettings(environment: GoodAirEnvironment([SMTPSettings.toVariable: "a@x.fr"])) == nil)
        let base = [SMTPSettings.urlVariable: "smtp://mail.labo.fr:587", SMTPSettings.fromVariable: "GoodAir <g@labo.fr>",
                    SMTPSettings.toVariable: "a@labo.fr,b@labo.fr", SMTPSettings.userVariable: "goodair",
                    SMTPSettings.passwordVariable: AlertFixtures.password, SMTPSettings.starttlsVariable: "required",
                    SMTPSettings.timeoutVariable: "12.5"]
        let settings = try #require(try SMTPSettings(environment: GoodAirEnvironment(base)))
        #expect(settings.url == "smtp://mail.labo.fr:587" && settings.user == "goodair")
        #expect(settings.password.reveal() == AlertFixtures.password)
        #expect(settings.to.map(\.address) == ["a@labo.fr", "b@labo.fr"] && settings.from.name == "GoodAir")
        #expect(settings.startTLS == .required && settings.timeout == 12.5 && settings.caFile == nil && !settings.implicitTLS)
        #expect(!"\(settings)".contains(AlertFixtures.password), "the settings print no password")

        func refusal(_ changes: [String: String?]) -> AlertError? {
            var values = base
            for (key, value) in changes { values[key] = value }
            do { _ = try SMTPSettings(environment: GoodAirEnvironment(values)) } catch let error as AlertError { return error } catch { return nil }
            return nil
        }
        #expect(refusal([SMTPSettings.fromVariable: nil]) == .missingSetting(variable: SMTPSettings.fromVariable,
                                                                           reason: "the sender of alert mails, e.g. GoodAir <alertes@labo.fr>"))
        #expect(refusal([SMTPSettings.toVariable: nil])?.description.hasPrefix("GOODAIR_ALERT_TO is not set") == true)
        #expect(refusal([SMTPSettings.userVariable: nil])?.description.hasPrefix("GOODAIR_SMTP_USER is not set") == true)
        #expect(refusal([SMTPSettings.passwordVariable: nil])?.description.hasPrefix("GOODAIR_SMTP_PASSWORD is not set") == true)
        #expect(refusal([SMTPSettings.urlVariable: "http://mail.labo.fr"])?.description.hasPrefix("GOODAIR_SMTP_URL:") == true)
        #expect(refusal([SMTPSettings.starttlsVariable: "maybe"]) != nil)
        #expect(refusal([SMTPSettings.caFileVariable: "/nonexistent/ca.pem"]) != nil)
        #expect(refusal([SMTPSettings.timeoutVariable: "0"]) != nil)
        let inURL = refusal([SMTPSettings.urlVariable: "smtp://goodair:\(AlertFixtures.password)@mail.labo.fr:587"])
        #expect(inURL?.description.contains("credentials do not belong in the URL") == true)
        #expect(inURL?.description.contains(AlertFixtures.password) == false)

        let file = FileManager.default.temporaryDirectory.appendingPathComponent("goodair-pw-\(UUID().uuidString.prefix(8))")
        try AtomicFile.write(string: "from-a-file-secret\n", to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        var fromFile = base
        fromFile[SMTPSettings.passwordVariable] = nil
        fromFile[SMTPSettings.passwordFileVariable] = file.path
        #expect(try SMTPSettings(environment: GoodAirEnvironment(fromFile))?.password.reveal() == "from-a-file-secret")

        #expect(try AlertPolicy(environment: GoodAirEnvironment([:])).remindInterval == 86_400)
        #expect(try AlertPolicy(environment: GoodAirEnvironment([AlertPolicy.remindHoursVariable: "6"])).remindInterval == 21_600)
        #expect(throws: AlertError.self) { try AlertPolicy(environment: GoodAirEnvironment([AlertPolicy.remindHoursVariable: "daily"])) }
    }
}
