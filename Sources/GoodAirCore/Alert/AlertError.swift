/// Why alerting could not be configured, or a mail could not be delivered.
///
/// Descriptions are plain sentences for the person running the job. They never hold a secret: the
/// SMTP password is a ``Secret``, and every text that comes from libcurl or the server goes through
/// a ``Redactor`` before it is put into an error (LAKE.md §7, GDPR).
///
/// ```swift
/// do { try await mailer.send(message) } catch let error as AlertError { print(error) }
/// // "SMTP delivery failed: RCPT failed: 451 (server answered 451)"
/// ```
public enum AlertError: Error, CustomStringConvertible, Sendable, Equatable {
    /// An environment variable of the mail settings has a value that cannot be used.
    case badSetting(variable: String, reason: String)
    /// The mail settings are incomplete (`GOODAIR_SMTP_URL` set without `GOODAIR_ALERT_TO`, say).
    case missingSetting(variable: String, reason: String)
    /// `goodair alert test` or a delivery was asked for while no SMTP server is configured.
    case notConfigured
    /// The SMTP server could not be reached, refused the message, or the transfer failed.
    /// `reason` is redacted; `smtpCode` is the server's last reply code when there was one.
    case delivery(reason: String, smtpCode: Int?)
    /// `_state/incidents/incidents.json` exists but cannot be read.
    case corruptState(path: String, reason: String)

    public var description: String {
        switch self {
        case .badSetting(let variable, let reason): return "\(variable): \(reason)"
        case .missingSetting(let variable, let reason): return "\(variable) is not set: \(reason)"
        case .notConfigured:
            return "email alerts are not configured: set \(SMTPSettings.urlVariable), \(SMTPSettings.fromVariable) "
                + "and \(SMTPSettings.toVariable) (and \(SMTPSettings.userVariable), \(SMTPSettings.passwordVariable) if the server needs AUTH)"
        case .delivery(let reason, let code):
            return "SMTP delivery failed: \(reason)" + (code.map { " (server answered \($0))" } ?? "")
        case .corruptState(let path, let reason): return "cannot read \(path): \(reason)"
        }
    }
}
