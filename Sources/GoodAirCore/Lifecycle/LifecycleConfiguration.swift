/// How `apply` and `restore` run.
///
/// ```swift
/// var configuration = LifecycleConfiguration()
/// configuration.force = true   // override holds, minimum_age_days and curation, loudly
/// ```
public struct LifecycleConfiguration: Sendable {
    /// Override holds, `minimum_age_days` and the curation check, each printed as it is
    /// overridden. Never overrides "not archived and verified". Default false.
    public var force: Bool
    /// Seconds to wait for another lifecycle job to release `_state/lifecycle.lock`. Default 0.
    public var lockWait: Double
    /// The test hook that stops the run at a chosen file operation; nil (default) in real runs.
    public var faults: LifecycleFaults?

    public init(force: Bool = false, lockWait: Double = 0, faults: LifecycleFaults? = nil) {
        self.force = force
        self.lockWait = lockWait
        self.faults = faults
    }
}
