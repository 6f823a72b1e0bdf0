import Foundation

/// How often to remind, how long to keep what is over, how long to retry a mail.
///
/// ```swift
/// var policy = try AlertPolicy(environment: env)   // GOODAIR_ALERT_REMIND_HOURS, default 24
/// policy.remindInterval = 6 * 3600                 // every 6 hours while it lasts
/// ```
public struct AlertPolicy: Sendable, Hashable {
    /// The variable of ``remindInterval``, in hours (decimals allowed; 0 turns reminders off).
    public static let remindHoursVariable = "GOODAIR_ALERT_REMIND_HOURS"

    /// Seconds after the last mail the SMTP server accepted about an open incident before a
    /// reminder is sent. Default 24 h; 0 means never remind.
    public var remindInterval: Double = 24 * 3600
    /// Resolved incidents stay in the book (and on the alerts page) this long after they resolve.
    /// Default 30 days.
    public var keepResolved: Double = 30 * 86_400
    /// A mail the SMTP server has not accepted is retried by every evaluation for this long after it
    /// was composed, then dropped with an error in the log (the incident stays on the alerts page).
    /// Default 7 days.
    public var outboxRetention: Double = 7 * 86_400
    /// Seconds to wait for another evaluation holding `_state/incidents/alerts.lock`. Default 60.
    public var lockWait: Double = 60

    /// The defaults.
    public init() {}

    /// The defaults, with ``remindInterval`` from `GOODAIR_ALERT_REMIND_HOURS` when set.
    public init(environment: GoodAirEnvironment) throws {
        if let text = environment.value(Self.remindHoursVariable) {
            guard let hours = Double(text), hours.isFinite, hours >= 0 else {
                throw AlertError.badSetting(variable: Self.remindHoursVariable, reason: "'\(text)' is not a number of hours ≥ 0")
            }
            remindInterval = hours * 3600
        }
    }
}
