import ArgumentParser
import Foundation
import GoodAirCore

extension GoodAir {
    struct Alert: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Incidents and email alerts: what is open, the mails waiting, a test mail.",
            discussion: """
            Incidents are opened and resolved by the jobs that observe them (check, run); each opening, \
            reminder (every 24 h by default, GOODAIR_ALERT_REMIND_HOURS) and resolution is mailed once. \
            State: _state/incidents/incidents.json; page: gold/reports/alertes.html.

            Mail settings: GOODAIR_SMTP_URL (smtp://host:port or smtps://host:port), GOODAIR_SMTP_USER, \
            GOODAIR_SMTP_PASSWORD (or GOODAIR_SMTP_PASSWORD_FILE), GOODAIR_ALERT_FROM, GOODAIR_ALERT_TO \
            (comma-separated), GOODAIR_SMTP_STARTTLS (try|required), GOODAIR_SMTP_CA_FILE, GOODAIR_SMTP_TIMEOUT.

            Examples:
              goodair alert status
              goodair alert test
              goodair alert deliver
            """,
            subcommands: [Status.self, Test.self, Deliver.self]
        )
    }
}

extension GoodAir.Alert {
    /// The SMTP settings of the environment and an alert center delivering with them; throws
    /// `AlertError.notConfigured` (exit 2) when no SMTP server is configured.
    static func mailingCenter(_ options: LakeOptions) throws -> (SMTPSettings, AlertCenter) {
        let env = options.environment
        guard let settings = try SMTPSettings(environment: env) else { throw AlertError.notConfigured }
        let center = try AlertCenter.fromEnvironment(env, lake: try options.resolvedLake(), clock: try options.clock(),
                                                     logger: try options.logger(label: "goodair.alert"))
        return (settings, center)
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List open and recently resolved incidents, and the mails waiting for the SMTP server.",
            discussion: "Exit: 0 done; 1 the state cannot be read; 2 bad mail settings.")

        @OptionGroup var options: LakeOptions

        func run() throws {
            let lake = try options.resolvedLake()
            let book = try IncidentBook.load(from: lake)
            let now = try options.clock().now()
            print("open incidents: \(book.open.count)")
            for incident in book.open {
                let age = Int(now.timeIntervalSince(incident.since) / 3600)
                print("  [\(incident.severity.rawValue)] \(incident.title) — since \(Timestamp.format(incident.since)) (\(age) h), "
                      + "last seen \(Timestamp.format(incident.lastSeen)), \(incident.remindersSent) reminder(s)")
                print("      key \(incident.key)" + (incident.investigate.map { "; investigate: \($0)" } ?? ""))
            }
            print("recently resolved: \(book.resolved.count)")
            for incident in book.resolved {
                print("  \(incident.title) — \(Timestamp.format(incident.since)) … \(incident.resolvedAt.map(Timestamp.format) ?? "?")")
            }
            print("outbox: \(book.outbox.count) mail(s) waiting for the SMTP server")
            for mail in book.outbox.mails {
                print("  \(mail.purpose.rawValue) of \(Timestamp.format(mail.composedAt)): \(mail.incidents.map(\.key).joined(separator: ", "))"
                      + " — \(mail.attempts) failed attempt(s)" + (mail.lastError.map { "; last: \($0)" } ?? ""))
            }
            print(try mailLine(options.environment))
            print("page: \(lake.relativeDisplay(lake.gold.appendingPathComponent("reports/alertes.html")))")
        }

        private func mailLine(_ env: GoodAirEnvironment) throws -> String {
            guard let settings = try SMTPSettings(environment: env) else {
                return "mail: not configured (\(SMTPSettings.urlVariable) is not set): alerts go to the page and the log only"
            }
            let auth = settings.user.map { "AUTH as \($0)" } ?? "no AUTH"
            return "mail: \(settings.url) (STARTTLS \(settings.startTLS.rawValue), \(auth)), from \(settings.from.address) "
                + "to \(settings.to.map(\.address).joined(separator: ", "))"
        }
    }

    struct Test: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send one test mail with the configured SMTP settings.",
            discussion: """
            Sends "[GoodAir] Test : les alertes par courriel fonctionnent" to GOODAIR_ALERT_TO now, outside the \
            outbox. Says so, and exits 2, when no SMTP server is configured.

            Example:
              GOODAIR_SMTP_URL=smtp://mail.labo.fr:587 GOODAIR_SMTP_USER=goodair GOODAIR_SMTP_PASSWORD=… \\
              GOODAIR_ALERT_FROM='GoodAir <goodair@labo.fr>' GOODAIR_ALERT_TO=data@labo.fr goodair alert test

            Exit: 0 the server accepted it; 1 it did not; 2 mail not configured or bad settings.
            """)

        @OptionGroup var options: LakeOptions

        func run() async throws {
            let (settings, center) = try GoodAir.Alert.mailingCenter(options)
            let message = try await center.sendTestMail()
            print("test mail accepted by \(settings.url) for \(message.to.count) recipient(s): \(message.to.map(\.address).joined(separator: ", "))")
        }
    }

    struct Deliver: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Retry now the alert mails the SMTP server has not accepted yet.",
            discussion: """
            Every evaluation (check, run) already does this; this command does only that, and rewrites \
            gold/reports/alertes.html. No incident opens or resolves.

            Exit: 0 the outbox is empty; 1 mails are still waiting; 2 mail not configured or bad settings.
            """)

        @OptionGroup var options: LakeOptions

        func run() async throws {
            let (_, center) = try GoodAir.Alert.mailingCenter(options)
            let outcome = try await center.evaluate([], scope: .nothing)
            print(outcome.summary)
            if outcome.mailsPending > 0 { throw ExitCode(ExitStatus.failed) }
        }
    }
}
