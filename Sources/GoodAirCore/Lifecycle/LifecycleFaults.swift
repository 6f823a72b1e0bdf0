import Synchronization

/// A test hook that stops `apply` or `restore` as a kill would: the N-th file operation
/// (create, rename, write of a manifest, unlink, folder removal) throws ``Killed`` before it
/// happens, and nothing is cleaned up after it, so a test can stop a run at every point and
/// check that running again finishes the work with nothing lost.
///
/// Passed through ``LifecycleConfiguration/faults``, never global; nil (the default) costs nothing.
///
/// ```swift
/// let counter = LifecycleFaults()                     // counts, never fails
/// _ = try await applier(faults: counter).apply(plan)  // counter.operations == k
/// let faults = LifecycleFaults(failAt: 3)             // the third operation throws Killed
/// ```
public final class LifecycleFaults: Sendable {
    /// The error a fault throws: the run stops as if killed.
    public struct Killed: Error, CustomStringConvertible, Sendable {
        public let operation: String
        public let count: Int
        public var description: String { "killed by a test fault before operation \(count) (\(operation))" }
    }

    private let failAt: Int
    private let count = Mutex(0)

    /// Fails the `failAt`-th operation (1-based); the default never fails and only counts.
    public init(failAt: Int = .max) { self.failAt = failAt }

    /// Operations counted so far.
    public var operations: Int { count.withLock { $0 } }

    /// Counts one operation about to happen; throws ``Killed`` when it is the chosen one.
    func tick(_ operation: String) throws {
        let n = count.withLock { value -> Int in
            value += 1
            return value
        }
        if n == failAt { throw Killed(operation: operation, count: n) }
    }
}

extension Optional where Wrapped == LifecycleFaults {
    /// ``LifecycleFaults/tick(_:)`` when there is a fault hook.
    func tick(_ operation: String) throws { try self?.tick(operation) }
}

extension Error {
    /// Whether this is a test fault, which must stop the run at once, as a kill would.
    var isInjectedKill: Bool { self is LifecycleFaults.Killed }
}
