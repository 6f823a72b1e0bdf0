import Foundation
import Logging

/// The hourly collector: one raw snapshot per city and source into bronze, with a manifest per
/// hour folder (LAKE.md §2–3).
///
/// Immutable and idempotent: a city whose good snapshot is already in the hour folder is skipped,
/// so running an hour again fetches only what is missing or failed. Fetches stream across hours
/// (a few hours in flight at once, so memory stays flat for a year's backfill); each hour's
/// manifests are written as soon as its last fetch is done. Snapshots are written
/// atomically, gzip-compressed, byte-for-byte as received. One collector at a time holds
/// `_state/collect.lock`.
///
/// ```swift
/// let collector = Collector(lake: lake, configuration: configuration, client: CurlHTTPClient(),
///                           clock: .system, logger: logger)
/// let report = try await collector.collect(CollectPlan(hours: [hour], cities: catalog.cities))
/// ```
public struct Collector: Sendable {
    public let lake: Lake
    public let configuration: CollectorConfiguration
    public let client: any HTTPClient
    public let clock: LakeClock
    public let logger: Logger

    public init(lake: Lake, configuration: CollectorConfiguration, client: any HTTPClient,
                clock: LakeClock, logger: Logger) {
        self.lake = lake
        self.configuration = configuration
        self.client = client
        self.clock = clock
        self.logger = logger
    }

    /// Collects `plan`, hour by hour in ascending order; `progress` is called after each hour.
    public func collect(_ plan: CollectPlan,
                        progress: (@Sendable (CollectProgress) -> Void)? = nil) async throws -> CollectReport {
        for source in plan.sources where configuration.endpoints.secret(for: source).isEmpty {
            throw CollectError.missingSecret(variable: GoodAirEnvironment.secretVariable(for: source.api), sources: plan.sources.filter { $0.api == source.api })
        }
        let lock = try await RunLock.acquire(name: "collect", in: lake, wait: configuration.lockWait, clock: clock)
        defer { lock.release() }
        // Read after the lock: a run that waited for it may now be in a later hour.
        let current = Hour(containing: clock.now())
        if let late = plan.hours.max(), late > current {
            throw CollectError.futureHour(requested: late.description, current: current.description)
        }

        let runID = UUID().uuidString.lowercased()
        var report = CollectReport(runID: runID)
        let started = ContinuousClock.now
        let limiter = RateLimiter(limit: configuration.owmCallsPerWindow, window: configuration.owmWindow)
        let ledger = RateLimitLedger(lake: lake, api: .openWeatherMap)
        if configuration.owmCallsPerWindow > 0 { await limiter.preload(ledger.load(), now: Date()) }
        let fetcher = Fetcher(configuration: configuration, client: client, clock: clock, logger: logger,
                              runID: runID, owmLimiter: limiter, breaker: APIBreaker())
        logger.info("collect.start", metadata: [
            "run.id": "\(runID)", "hours": "\(plan.hours.count)", "cities": "\(plan.cities.count)",
            "sources": "\(plan.sources.map(\.rawValue).joined(separator: ","))",
        ])
        let lineage = try LineageRun.start(job: "collect", runID: runID, lake: lake, clock: clock, parameters: plan.lineageParameters)
        var run = HourPipeline(collector: self, plan: plan, current: current, progress: progress, report: report,
                               ledger: configuration.owmCallsPerWindow > 0 ? (ledger, limiter) : nil)
        do {
            try await run.run(fetcher: fetcher)
        } catch {
            lineage.fail(error, record: run.report.lineage, logger: logger)
            throw error
        }
        report = run.report
        report.seconds = Double((ContinuousClock.now - started).milliseconds) / 1000
        try lineage.complete(report.lineage, quality: GoodAirQualityFacet(fetched: report.fetched, failed: report.failures.count))
        logger.info("collect.end", metadata: [
            "run.id": "\(runID)", "fetched": "\(report.fetched)", "skipped": "\(report.skipped)",
            "failed": "\(report.failures.count)", "seconds": "\(report.seconds)",
        ])
        return report
    }
}
