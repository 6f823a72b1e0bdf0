import Foundation

/// A mail decided but not yet accepted by the SMTP server. It is written to the book before the
/// first attempt and removed only once the server has accepted it, so a mail is never lost by a
/// crash or an SMTP outage: every evaluation retries what is pending, oldest first.
///
/// The incidents are snapshots taken when the mail was decided (a retried mail says what was true
/// then); its ``id`` makes the Message-ID, the same on every attempt, so a receiver can recognise
/// the copy a crash between the server's acceptance and the book's update would send again.
public struct OutboxMail: Codable, Sendable, Hashable {
    /// What the mail announces.
    public enum Purpose: String, Codable, Sendable {
        /// Incidents that opened (one mail for all those of one evaluation).
        case opened
        /// Incidents still open one reminder interval after their last mail.
        case reminder
        /// Incidents that ended.
        case resolved
    }

    /// 24 hex digits from the purpose, the incidents and the instant: the Message-ID's local part.
    public var id: String
    public var purpose: Purpose
    /// The incidents it is about, as they were when it was decided.
    public var incidents: [Incident]
    public var composedAt: Date
    /// Attempts that failed.
    public var attempts: Int
    public var lastAttemptAt: Date?
    /// The last failure, redacted.
    public var lastError: String?

    init(purpose: Purpose, incidents: [Incident], at now: Date) {
        self.purpose = purpose
        self.incidents = incidents
        composedAt = now
        attempts = 0
        let seed = "\(purpose.rawValue)|\(Timestamp.format(now))|" + incidents.map(\.id).joined(separator: "|")
        id = String(Checksum.sha256Hex(Array(seed.utf8)).prefix(24))
    }

    /// Whether the mail is about the incident `id`.
    func mentions(_ incidentID: String) -> Bool { incidents.contains { $0.id == incidentID } }
}

/// The pending mails of the book, oldest first.
public struct Outbox: Codable, Sendable, Hashable {
    public private(set) var mails: [OutboxMail] = []

    public init() {}

    public var isEmpty: Bool { mails.isEmpty }
    public var count: Int { mails.count }

    /// Queues a mail about `incidents` (nothing when empty).
    mutating func queue(_ purpose: OutboxMail.Purpose, _ incidents: [Incident], at now: Date) {
        guard !incidents.isEmpty else { return }
        mails.append(OutboxMail(purpose: purpose, incidents: incidents, at: now))
    }

    /// Whether a pending mail is about the incident `id`.
    func mentions(_ incidentID: String) -> Bool { mails.contains { $0.mentions(incidentID) } }

    /// Takes a resolved incident out of pending opening and reminder mails (its resolution mail
    /// says all); mails left about nothing are dropped.
    mutating func withdraw(_ incidentID: String) {
        for index in mails.indices where mails[index].purpose != .resolved {
            mails[index].incidents.removeAll { $0.id == incidentID }
        }
        mails.removeAll { $0.incidents.isEmpty }
    }

    /// Removes the mail `id` (accepted by the server, or expired).
    mutating func remove(_ id: String) { mails.removeAll { $0.id == id } }

    /// Records a failed attempt.
    mutating func recordFailure(_ id: String, error: String, at now: Date) {
        guard let index = mails.firstIndex(where: { $0.id == id }) else { return }
        mails[index].attempts += 1
        mails[index].lastAttemptAt = now
        mails[index].lastError = error
    }

    /// Removes and returns mails composed more than `retention` seconds before `now`.
    mutating func expire(olderThan retention: Double, at now: Date) -> [OutboxMail] {
        let old = mails.filter { now.timeIntervalSince($0.composedAt) > retention }
        mails.removeAll { now.timeIntervalSince($0.composedAt) > retention }
        return old
    }
}
