import Foundation
import GoodAirCore
import Synchronization

/// A clock tests move by hand.
public final class MovableClock: Sendable {
    private let instant: Mutex<Date>
    public init(_ start: Date) { instant = Mutex(start) }
    public var clock: LakeClock { LakeClock(now: { self.instant.withLock { $0 } }, sleep: LakeClock.realSleep) }
    public func advance(hours: Double) { instant.withLock { $0 = $0.addingTimeInterval(hours * 3600) } }
}
