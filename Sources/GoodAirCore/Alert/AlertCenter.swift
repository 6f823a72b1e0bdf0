import Foundation
import Logging

/// The step that turns what one evaluation observed into incidents and mails: one mail when an
/// incident opens, a reminder each ``AlertPolicy/remindInterval`` while it lasts, one mail when it
/// resolves; never a storm, never a mail twice, never a mail lost (see ``IncidentBook`` and
/// ``OutboxMail``).
///
/// Each evaluation, under the lock `_state/incidents/alerts.lock`:
/// 1. applies the signals to the book and queues the mails due, and writes the book;
/// 2. sends the pending mails, oldest first; each one the server accepts is recorded at once
///    (book written again); the first failure stops the round and leaves the rest pending for
///    the next evaluation, reported in the ``AlertOutcome``, never thrown;
/// 3. writes the alerts page `gold/reports/alertes.html`.
///
/// Without a ``AlertDelivery`` (no SMTP configured) no mail is queued; incidents still go to the
/// book, the page and the log.
///
/// ```swift
/// let env = GoodAirEnvironment(ProcessInfo.processInfo.environment)
/// let center = AlertCenter(lake: lake, policy: try AlertPolicy(environment: env),
///                          delivery: try SMTPSettings(environment: env).map(AlertDelivery.init),
///                          clock: clock, logger: logger)
/// let outcome = try await center.evaluate(
///     [.sourceDown(source: "aqicn", details: "26 villes sur 26 en échec")],
///     scope: .kinds([.sourceDown]))
/// logger.notice("\(outcome.summary)")
/// ```
public struct AlertCenter: Sendable {
    public let lake: Lake
    public var policy: AlertPolicy
    /// Where mails go; nil when no SMTP server is configured.
    public var delivery: AlertDelivery?
    public let clock: LakeClock
    public let logger: Logger
    /// Whether each evaluation rewrites `gold/reports/alertes.html`. Default true.
    public var writesPage = true

    public init(lake: Lake, policy: AlertPolicy = AlertPolicy(), delivery: AlertDelivery?, clock: LakeClock, logger: Logger) {
        self.lake = lake
        self.policy = policy
        self.delivery = delivery
        self.clock = clock
        self.logger = logger
    }

    /// Applies `signals`, every condition observed as active by an evaluation of `scope`:
    /// incidents open or go on; open incidents in `scope` not signalled resolve. Then delivers
    /// the mails due and pending. Throws only when the lake cannot be read or written.
    public func evaluate(_ signals: [IncidentSignal], scope: AlertScope) async throws -> AlertOutcome {
        try AtomicFile.createFolder(IncidentBook.folder(in: lake))
        let lock = try await RunLock.acquire(name: "incidents/alerts", in: lake, wait: policy.lockWait, clock: clock)
        defer { lock.release() }
        let now = Incident.whole(clock.now())
        var book = try IncidentBook.load(from: lake)
        let changes = book.apply(signals, scope: scope, at: now, policy: policy, mailing: delivery != nil)
        try book.save(to: lake)
        log(changes)

        var outcome = AlertOutcome()
        outcome.opened = changes.opened
        outcome.continuing = changes.continuing
        outcome.resolved = changes.resolved
        outcome.reminded = changes.reminded
        if let delivery {
            outcome.mailConfigured = true
            try await deliver(&book, with: delivery, at: now, into: &outcome)
        } else if !changes.opened.isEmpty || !changes.resolved.isEmpty {
            logger.notice("email alerts are off: \(SMTPSettings.urlVariable) is not set")
        }
        outcome.mailsPending = book.outbox.count
        outcome.openIncidents = book.open.count
        if writesPage { try writePage(book, at: now) }
        return outcome
    }

    /// Sends pending mails oldest first until one fails.
    private func deliver(_ book: inout IncidentBook, with delivery: AlertDelivery, at now: Date,
                         into outcome: inout AlertOutcome) async throws {
        for mail in book.outbox.expire(olderThan: policy.outboxRetention, at: now) {
            outcome.mailsExpired += 1
            logger.error("alert mail dropped after \(AlertMail.duration(policy.outboxRetention)) of failed attempts",
                         metadata: ["mail.id": "\(mail.id)", "mail.subject": "\(AlertMail.subject(mail))", "mail.attempts": "\(mail.attempts)"])
        }
        if outcome.mailsExpired > 0 { try book.save(to: lake) }
        for mail in book.outbox.mails {
            let message = compose(mail, delivery: delivery)
            do {
                try await delivery.transport.send(message)
            } catch {
                let failure = error as? AlertError ?? .delivery(reason: "\(type(of: error))", smtpCode: nil)
                book.outbox.recordFailure(mail.id, error: failure.description, at: now)
                try book.save(to: lake)
                outcome.deliveryError = failure
                logger.warning("alert mail not sent; kept in the outbox for the next evaluation",
                               metadata: ["mail.subject": "\(message.subject)", "error": "\(failure)",
                                          "outbox": "\(book.outbox.count)"])
                return
            }
            book.markDelivered(mail, at: now)
            try book.save(to: lake)
            outcome.mailsSent += 1
            logger.info("alert mail sent", metadata: ["mail.subject": "\(message.subject)", "mail.to": "\(delivery.to.count)",
                                                     "mail.id": "\(message.messageID)"])
        }
    }

    /// The message of an outbox mail.
    func compose(_ mail: OutboxMail, delivery: AlertDelivery) -> MailMessage {
        MailMessage(from: delivery.from, to: delivery.to, subject: AlertMail.subject(mail), body: AlertMail.body(mail, policy: policy),
                    date: mail.composedAt, messageID: "goodair.\(mail.id)@\(delivery.from.domain)",
                    extraHeaders: [MailHeader("X-GoodAir-Incident", AlertMail.ordered(mail.incidents).map(\.key).joined(separator: " "))])
    }

    private func log(_ changes: IncidentChanges) {
        for incident in changes.opened {
            logger.notice("incident opened", metadata: ["incident.key": "\(incident.key)", "incident.title": "\(incident.title)",
                                                       "incident.severity": "\(incident.severity.rawValue)"])
        }
        for incident in changes.resolved {
            logger.notice("incident resolved", metadata: ["incident.key": "\(incident.key)", "incident.title": "\(incident.title)",
                                                         "incident.since": "\(Timestamp.format(incident.since))"])
        }
        for incident in changes.continuing {
            logger.debug("incident still open", metadata: ["incident.key": "\(incident.key)"])
        }
    }
}
