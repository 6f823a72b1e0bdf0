/// What one ``AlertCenter`` evaluation did: incidents opened, still open, resolved, and what
/// happened to the mails. Delivery failures are reported here, never thrown: an SMTP outage must
/// not fail the chain; the caller logs ``summary`` and carries on.
///
/// ```swift
/// let outcome = try await center.evaluate(signals, scope: .kinds([.check]))
/// print(outcome.summary)
/// // "alerts: 1 opened, 0 resolved, 2 still open; mail: 0 sent, 1 pending (SMTP delivery failed: …)"
/// ```
public struct AlertOutcome: Sendable {
    public var opened: [Incident] = []
    /// Signalled again and still open.
    public var continuing: [Incident] = []
    public var resolved: [Incident] = []
    /// Incidents a reminder mail was decided for in this evaluation.
    public var reminded: [Incident] = []
    /// Whether an SMTP server is configured; when not, alerts only go to the log and the page.
    public var mailConfigured = false
    /// Mails the server accepted in this evaluation.
    public var mailsSent = 0
    /// Mails still waiting in the outbox after this evaluation.
    public var mailsPending = 0
    /// Mails dropped because they waited longer than ``AlertPolicy/outboxRetention``.
    public var mailsExpired = 0
    /// The delivery failure that left mails pending, redacted; nil when none failed.
    public var deliveryError: AlertError?
    /// Open incidents after this evaluation (all scopes).
    public var openIncidents = 0

    public init() {}

    /// One line for the log and the command's output.
    public var summary: String {
        var text = "alerts: \(opened.count) opened, \(resolved.count) resolved, \(openIncidents) open"
        if mailConfigured {
            text += "; mail: \(mailsSent) sent, \(mailsPending) pending"
            if mailsExpired > 0 { text += ", \(mailsExpired) expired" }
            if let deliveryError { text += " (\(deliveryError))" }
        } else {
            text += "; mail: off (\(SMTPSettings.urlVariable) is not set; alerts are in gold/reports/alertes.html and this log)"
        }
        return text
    }
}
