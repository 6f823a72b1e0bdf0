import Foundation

/// Where and how alert mails are sent, from the environment (LAKE.md §2):
///
/// | variable | meaning | default |
/// | --- | --- | --- |
/// | `GOODAIR_SMTP_URL` | `smtp://host:port` (STARTTLS when offered) or `smtps://host:port` (TLS from the start) | unset: no mail |
/// | `GOODAIR_SMTP_USER`, `GOODAIR_SMTP_PASSWORD` | AUTH credentials (the password is a ``Secret``) | none: no AUTH |
/// | `GOODAIR_SMTP_PASSWORD_FILE` | a file holding the password, instead of the variable | — |
/// | `GOODAIR_ALERT_FROM` | sender, `alertes@labo.fr` or `GoodAir <alertes@labo.fr>` | required |
/// | `GOODAIR_ALERT_TO` | recipients, comma-separated | required |
/// | `GOODAIR_SMTP_STARTTLS` | `try` (use it when the server offers it) or `required` | `try` |
/// | `GOODAIR_SMTP_CA_FILE` | PEM file of the CAs to trust (a private or self-signed certificate) | the system's |
/// | `GOODAIR_SMTP_TIMEOUT` | seconds for one whole delivery | 30 |
///
/// ```swift
/// let env = GoodAirEnvironment(ProcessInfo.processInfo.environment)
/// if let settings = try SMTPSettings(environment: env) { … } else { /* alerts go to the page and the log only */ }
/// ```
public struct SMTPSettings: Sendable {
    public static let urlVariable = "GOODAIR_SMTP_URL"
    public static let userVariable = "GOODAIR_SMTP_USER"
    public static let passwordVariable = "GOODAIR_SMTP_PASSWORD"
    public static let passwordFileVariable = "GOODAIR_SMTP_PASSWORD_FILE"
    public static let fromVariable = "GOODAIR_ALERT_FROM"
    public static let toVariable = "GOODAIR_ALERT_TO"
    public static let starttlsVariable = "GOODAIR_SMTP_STARTTLS"
    public static let caFileVariable = "GOODAIR_SMTP_CA_FILE"
    public static let timeoutVariable = "GOODAIR_SMTP_TIMEOUT"

    /// STARTTLS on `smtp://` URLs (`smtps://` is always TLS).
    public enum StartTLS: String, Sendable {
        /// Upgrade when the server offers it; the certificate is then verified.
        case opportunistic = "try"
        /// Refuse to send if the server does not offer it.
        case required
    }

    /// `smtp://host:port` or `smtps://host:port`, without credentials.
    public var url: String
    public var user: String?
    public var password: Secret
    public var from: MailAddress
    public var to: [MailAddress]
    public var startTLS: StartTLS = .opportunistic
    /// PEM file of trusted CAs; nil: the system's.
    public var caFile: String?
    /// Seconds for one delivery, connection included. Default 30.
    public var timeout: Double = 30

    public init(url: String, user: String? = nil, password: Secret = Secret(""), from: MailAddress, to: [MailAddress]) throws {
        let lower = url.lowercased()
        guard lower.hasPrefix("smtp://") || lower.hasPrefix("smtps://"), let parsed = URL(string: url), let host = parsed.host, !host.isEmpty
        else {
            throw AlertError.badSetting(variable: Self.urlVariable, reason: "expected smtp://host:port or smtps://host:port")
        }
        guard parsed.user == nil && parsed.password == nil else {
            throw AlertError.badSetting(variable: Self.urlVariable,
                                        reason: "credentials do not belong in the URL: use \(Self.userVariable) and \(Self.passwordVariable)")
        }
        guard !to.isEmpty else { throw AlertError.missingSetting(variable: Self.toVariable, reason: "no recipient") }
        self.url = url
        self.user = user
        self.password = password
        self.from = from
        self.to = to
    }

    /// Whether the URL asks for TLS from the first byte.
    public var implicitTLS: Bool { url.lowercased().hasPrefix("smtps://") }

    /// The settings of the environment; nil when `GOODAIR_SMTP_URL` is not set (no mail is sent).
    /// Throws ``AlertError`` naming the variable when a value is unusable or missing.
    public init?(environment env: GoodAirEnvironment) throws {
        guard let url = env.value(Self.urlVariable) else { return nil }
        guard let fromText = env.value(Self.fromVariable) else {
            throw AlertError.missingSetting(variable: Self.fromVariable, reason: "the sender of alert mails, e.g. GoodAir <alertes@labo.fr>")
        }
        guard let toText = env.value(Self.toVariable) else {
            throw AlertError.missingSetting(variable: Self.toVariable, reason: "the recipients of alert mails, comma-separated")
        }
        let from = try Self.addresses(fromText, variable: Self.fromVariable)
        guard from.count == 1 else { throw AlertError.badSetting(variable: Self.fromVariable, reason: "one sender address") }
        var password = env.value(Self.passwordVariable).map(Secret.init) ?? Secret("")
        if let file = env.value(Self.passwordFileVariable) {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw AlertError.badSetting(variable: Self.passwordFileVariable, reason: "cannot read \(file)")
            }
            password = Secret(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .newlines))
        }
        let user = env.value(Self.userVariable)
        if user == nil && !password.isEmpty {
            throw AlertError.missingSetting(variable: Self.userVariable, reason: "a password is set without a user")
        }
        if user != nil && password.isEmpty {
            throw AlertError.missingSetting(variable: Self.passwordVariable, reason: "\(Self.userVariable) is set without a password")
        }
        try self.init(url: url, user: user, password: password, from: from[0], to: try Self.addresses(toText, variable: Self.toVariable))
        if let text = env.value(Self.starttlsVariable) {
            guard let mode = StartTLS(rawValue: text.lowercased()) else {
                throw AlertError.badSetting(variable: Self.starttlsVariable, reason: "'\(text)' is neither try nor required")
            }
            startTLS = mode
        }
        if let file = env.value(Self.caFileVariable) {
            guard FileManager.default.isReadableFile(atPath: file) else {
                throw AlertError.badSetting(variable: Self.caFileVariable, reason: "cannot read \(file)")
            }
            caFile = file
        }
        if let text = env.value(Self.timeoutVariable) {
            guard let seconds = Double(text), seconds > 0 else {
                throw AlertError.badSetting(variable: Self.timeoutVariable, reason: "'\(text)' is not a number of seconds > 0")
            }
            timeout = seconds
        }
    }

    private static func addresses(_ text: String, variable: String) throws -> [MailAddress] {
        do { return try MailAddress.parseList(text) } catch AlertError.badSetting(_, let reason) {
            throw AlertError.badSetting(variable: variable, reason: reason)
        }
    }
}
