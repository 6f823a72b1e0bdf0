import Foundation

/// The time source of every job: what "now" is, and how to wait.
///
/// The core never reads the wall clock directly, so a replay (`--now`) or a test can move time.
/// Waiting is separate from "now": a job replayed at a fixed instant still backs off for real.
///
/// ```swift
/// let clock = LakeClock.fixed(at: Timestamp.parse("2026-11-29T14:00:00Z")!)
/// clock.now()   // 2026-11-29 14:00:00 +0000, however long the job runs
/// ```
public struct LakeClock: Sendable {
    private let nowProvider: @Sendable () -> Date
    private let sleeper: @Sendable (Double) async throws -> Void

    /// A clock from a "now" function and a sleep function (seconds).
    public init(now: @escaping @Sendable () -> Date, sleep: @escaping @Sendable (Double) async throws -> Void) {
        self.nowProvider = now
        self.sleeper = sleep
    }

    /// The current instant as this clock sees it.
    public func now() -> Date { nowProvider() }

    /// Waits `seconds` (nothing when zero or negative). Throws `CancellationError` when cancelled.
    public func sleep(seconds: Double) async throws {
        guard seconds > 0 else { return }
        try await sleeper(seconds)
    }

    /// The wall clock, with real sleeps.
    public static let system = LakeClock(now: { Date() }, sleep: LakeClock.realSleep)

    /// A clock frozen at `instant` (for `--now` replays), with real sleeps.
    public static func fixed(at instant: Date) -> LakeClock {
        LakeClock(now: { instant }, sleep: LakeClock.realSleep)
    }

    /// A clock that reads `instant` at creation and runs on from there at the real pace (for
    /// `--now`: a job replayed at a past instant still measures its own durations), with real sleeps.
    public static func starting(at instant: Date) -> LakeClock {
        let origin = ContinuousClock.now
        return LakeClock(now: {
            let elapsed = ContinuousClock.now - origin
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            return instant.addingTimeInterval(seconds)
        }, sleep: LakeClock.realSleep)
    }

    /// Real sleep, used by the built-in clocks.
    @Sendable public static func realSleep(_ seconds: Double) async throws {
        try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
    }
}
