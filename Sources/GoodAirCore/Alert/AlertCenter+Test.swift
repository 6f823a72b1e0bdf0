import Foundation

extension AlertCenter {
    /// Sends one test mail now, outside the outbox and the book: for `goodair alert test`, to see
    /// that the SMTP settings work. Throws ``AlertError/notConfigured`` without a delivery, and the
    /// delivery's ``AlertError`` when the server does not accept it.
    ///
    /// ```swift
    /// let message = try await center.sendTestMail()
    /// print("sent \(message.subject) to \(message.to.count) recipients")
    /// ```
    @discardableResult
    public func sendTestMail() async throws -> MailMessage {
        guard let delivery else { throw AlertError.notConfigured }
        let now = Incident.whole(clock.now())
        let server = (delivery.transport as? SMTPMailer)?.settings.url
        let text = AlertMail.test(from: delivery.from, to: delivery.to, server: server, at: now)
        let id = String(Checksum.sha256Hex(Array("test|\(Timestamp.format(now))".utf8)).prefix(24))
        let message = MailMessage(from: delivery.from, to: delivery.to, subject: text.subject, body: text.body, date: now,
                                  messageID: "goodair.test.\(id)@\(delivery.from.domain)")
        try await delivery.transport.send(message)
        logger.info("test mail sent", metadata: ["mail.to": "\(delivery.to.count)", "mail.id": "\(message.messageID)"])
        return message
    }
}
