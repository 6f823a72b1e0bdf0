import Foundation
import GoodAirCore
import Synchronization

/// The dashboard's logged-in sessions, in memory (a restart logs everyone out), and the throttle
/// on failed logins. A session is a random 256-bit token in an `HttpOnly`, `SameSite=Strict`
/// cookie; it ends at logout or `lifetime` after login, whichever comes first.
///
/// After ``maximumFailures`` failed logins of one name within ``failureWindow`` seconds, that
/// name is refused (HTTP 429) until the window has passed, whatever the password: guessing a
/// password then takes years, not hours.
final class SessionStore: Sendable {
    struct Session: Sendable {
        let user: String
        let expires: Date
    }

    static let maximumFailures = 5
    static let failureWindow: TimeInterval = 15 * 60
    /// Sessions kept at most; the oldest go first beyond it.
    static let capacity = 10_000

    let lifetime: TimeInterval
    private let clock: LakeClock
    private let state = Mutex(State())

    private struct State {
        var sessions: [String: Session] = [:]
        var failures: [String: [Date]] = [:]
    }

    init(lifetime: TimeInterval, clock: LakeClock) {
        self.lifetime = lifetime
        self.clock = clock
    }

    /// A new session for `user`; returns its token.
    func open(for user: String) -> String {
        var bytes = [UInt8](repeating: 0, count: 32)
        var generator = SystemRandomNumberGenerator()
        for index in bytes.indices { bytes[index] = generator.next() }
        let token = bytes.map { String(format: "%02x", $0) }.joined()
        let now = clock.now()
        state.withLock { state in
            state.sessions = state.sessions.filter { $0.value.expires > now }
            if state.sessions.count >= Self.capacity, let oldest = state.sessions.min(by: { $0.value.expires < $1.value.expires }) {
                state.sessions[oldest.key] = nil
            }
            state.sessions[token] = Session(user: user, expires: now.addingTimeInterval(lifetime))
            state.failures[user] = nil
        }
        return token
    }

    /// The user of a live session, nil when the token is unknown or expired.
    func user(of token: String) -> String? {
        let now = clock.now()
        return state.withLock { state in
            guard let session = state.sessions[token] else { return nil }
            guard session.expires > now else {
                state.sessions[token] = nil
                return nil
            }
            return session.user
        }
    }

    /// Ends a session.
    func close(_ token: String) {
        _ = state.withLock { $0.sessions.removeValue(forKey: token) }
    }

    /// Counts a login attempt of `name`, before its password is checked; false, and nothing
    /// counted, when `name` already had ``maximumFailures`` attempts within ``failureWindow``. An
    /// attempt that succeeds is forgotten (``open(for:)``), so only failures add up. Check and
    /// count are one step, so concurrent attempts cannot pass together.
    func reserveAttempt(_ name: String) -> Bool {
        let now = clock.now()
        let since = now.addingTimeInterval(-Self.failureWindow)
        return state.withLock { state in
            var recent = (state.failures[name] ?? []).filter { $0 > since }
            guard recent.count < Self.maximumFailures else { return false }
            recent.append(now)
            state.failures[name] = recent
            if state.failures.count > Self.capacity {
                state.failures = state.failures.filter { $0.value.contains { $0 > since } }
                // Still full (a flood of made-up names): the names seen least recently go.
                while state.failures.count > Self.capacity, let stalest = state.failures.min(by: { ($0.value.last ?? now) < ($1.value.last ?? now) }) {
                    state.failures[stalest.key] = nil
                }
            }
            return true
        }
    }
}
