import Foundation

/// An RFC 5322 message in UTF-8: a plain-text body encoded quoted-printable, the subject and
/// display names encoded per RFC 2047, `Date`, `Message-ID`, MIME headers, and
/// `Auto-Submitted: auto-generated` (RFC 3834) so that no auto-responder answers an alert.
///
/// ```swift
/// let message = MailMessage(from: try MailAddress.parse("GoodAir <alertes@labo.fr>"),
///                           to: [try MailAddress("data@labo.fr")],
///                           subject: "[GoodAir] Résolu : Source aqicn indisponible",
///                           body: "Bonjour,\n…", date: clock.now(), messageID: "goodair.3f2a…@labo.fr")
/// let bytes = message.rendered()    // CRLF lines, ready for SMTP DATA
/// ```
public struct MailMessage: Sendable, Hashable {
    public var from: MailAddress
    public var to: [MailAddress]
    /// The subject as people read it (any Unicode text).
    public var subject: String
    /// The body as people read it, lines separated by `\n`.
    public var body: String
    public var date: Date
    /// Without angle brackets: `local@domain`.
    public var messageID: String
    /// More headers, ASCII names and values (e.g. `X-GoodAir-Incident`).
    public var extraHeaders: [MailHeader]

    public init(from: MailAddress, to: [MailAddress], subject: String, body: String, date: Date, messageID: String,
                extraHeaders: [MailHeader] = []) {
        self.from = from
        self.to = to
        self.subject = subject
        self.body = body
        self.date = date
        self.messageID = messageID
        self.extraHeaders = extraHeaders
    }

    /// The message as SMTP carries it: header lines, an empty line, the body; CRLF line ends.
    public func rendered() -> [UInt8] {
        var lines = [
            MailEncoding.header("From", from.headerValue),
            "To: " + to.map(\.headerValue).joined(separator: ",\r\n "),
            MailEncoding.header("Subject", subject),
            "Date: \(MailEncoding.date(date))",
            "Message-ID: <\(messageID)>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: quoted-printable",
            "Content-Language: fr",
            "Auto-Submitted: auto-generated",
        ]
        lines += extraHeaders.map { MailEncoding.header($0.name, $0.value) }
        let text = lines.joined(separator: "\r\n") + "\r\n\r\n" + MailEncoding.quotedPrintable(body) + "\r\n"
        return Array(text.utf8)
    }
}

/// One header field of a ``MailMessage``.
public struct MailHeader: Sendable, Hashable {
    public var name: String
    public var value: String
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}
