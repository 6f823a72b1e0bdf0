import Foundation

/// How an aggregation runs.
///
/// ```swift
/// let configuration = AggregateConfiguration(rebuild: true)
/// ```
public struct AggregateConfiguration: Sendable {
    /// Recompute every month from silver instead of only what changed (the rows of the changed
    /// days, or the changed months); default false.
    public var rebuild: Bool
    /// How long to wait for another aggregation's lock, in seconds (default 0).
    public var lockWait: Double
    /// The schemas folder, for the `schema` facets of the run's lineage (default `./schemas`;
    /// when it is missing, lineage is written without them).
    public var schemas: URL

    public init(rebuild: Bool = false, lockWait: Double = 0, schemas: URL = URL(fileURLWithPath: "schemas")) {
        self.rebuild = rebuild
        self.lockWait = lockWait
        self.schemas = schemas
    }
}
