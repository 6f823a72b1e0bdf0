/// Something that hands a message to a mail server. ``SMTPMailer`` is the real one; a test may
/// pass its own.
///
/// ```swift
/// let transport: any MailTransport = SMTPMailer(settings: settings)
/// try await transport.send(message)   // returns once the server accepted it for every recipient
/// ```
public protocol MailTransport: Sendable {
    /// Sends `message` to its `to` addresses. Returns only when the server accepted it; throws
    /// ``AlertError/delivery(reason:smtpCode:)`` (with no secret in it) otherwise.
    func send(_ message: MailMessage) async throws
}

/// Where alert mails go: the transport and the addresses.
///
/// ```swift
/// let delivery = AlertDelivery(settings: settings)    // SMTP from the environment
/// ```
public struct AlertDelivery: Sendable {
    public var transport: any MailTransport
    public var from: MailAddress
    public var to: [MailAddress]

    public init(transport: any MailTransport, from: MailAddress, to: [MailAddress]) {
        self.transport = transport
        self.from = from
        self.to = to
    }

    /// Delivery by ``SMTPMailer`` with `settings`.
    public init(settings: SMTPSettings) {
        self.init(transport: SMTPMailer(settings: settings), from: settings.from, to: settings.to)
    }
}
