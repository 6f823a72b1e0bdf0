import Foundation

/// How the hourly chain runs (`goodair run`).
///
/// ```swift
/// var configuration = PipelineConfiguration(collector: collectorConfiguration, schemas: URL(fileURLWithPath: "schemas"))
/// configuration.catchUpHours = 48
/// ```
public struct PipelineConfiguration: Sendable {
    /// How each fetch is made (endpoints, secrets, retries, the OWM rate limit).
    public var collector: CollectorConfiguration
    /// The folder with payload, table and quality schemas (default `./schemas`).
    public var schemas: URL
    /// The retention policy (default `./retention.yml`).
    public var policy: URL
    /// The most hours a run collects: hours missed since the last collection beyond this window
    /// are given up and reported as lost (default 24). The real APIs only answer with the present:
    /// a past hour can only be collected from a server that replays it (the simulator).
    public var catchUpHours: Int
    /// Hours between two lifecycle applies (default 24: once a day).
    public var lifecycleIntervalHours: Int
    /// Write the HTML reports at each run (default true).
    public var reports: Bool
    /// Hours a run collects when the lake has no collection yet, the current one included
    /// (default 1: just the current hour; the demo backfills a day).
    public var firstRunHours = 1

    public init(collector: CollectorConfiguration, schemas: URL = URL(fileURLWithPath: "schemas"),
                policy: URL = URL(fileURLWithPath: "retention.yml"), catchUpHours: Int = 24,
                lifecycleIntervalHours: Int = 24, reports: Bool = true) {
        self.collector = collector
        self.schemas = schemas
        self.policy = policy
        self.catchUpHours = catchUpHours
        self.lifecycleIntervalHours = lifecycleIntervalHours
        self.reports = reports
    }
}
