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
        let current = Hour(containing: clock.now())
        if let late = plan.hours.max(), late > current {
            throw CollectError.futureHour(requested: late.description, current: current.description)
        }
        for source in plan.sources where configuration.endpoints.secret(for: source).isEmpty {
            let variable = source.api == .aqicn ? "GOODAIR_AQICN_TOKEN" : "GOODAIR_OWM_KEY"
            throw CollectError.missingSecret(variable: variable, sources: plan.sources.filter { $0.api == source.api })
        }
        let lock = try await RunLock.acquire(name: "collect", in: lake, wait: configuration.lockWait, clock: clock)
        defer { lock.release() }

        let runID = UUID().uuidString.lowercased()
        var report = CollectReport(runID: runID)
        let started = ContinuousClock.now
        let fetcher = Fetcher(configuration: configuration, client: client, clock: clock, logger: logger,
                              runID: runID, owmLimiter: RateLimiter(limit: configuration.owmCallsPerWindow,
                                                                    window: configuration.owmWindow),
                              breaker: APIBreaker())
        logger.info("collect.start", metadata: [
            "run.id": "\(runID)", "hours": "\(plan.hours.count)", "cities": "\(plan.cities.count)",
            "sources": "\(plan.sources.map(\.rawValue).joined(separator: ","))",
        ])
        var run = HourPipeline(collector: self, plan: plan, current: current, progress: progress, report: report)
        try await run.run(fetcher: fetcher)
        report = run.report
        report.seconds = Double((ContinuousClock.now - started).milliseconds) / 1000
        logger.info("collect.end", metadata: [
            "run.id": "\(runID)", "fetched": "\(report.fetched)", "skipped": "\(report.skipped)",
            "failed": "\(report.failures.count)", "seconds": "\(report.seconds)",
        ])
        return report
    }

    /// Writes the body of a fetch (gzip, atomically) beside its manifest, or removes the body an
    /// earlier failure left, so the folder always matches the manifest. The folder is fsynced
    /// once per hour, before the manifest that refers to these files.
    func store(_ result: inout FetchResult, job: FetchJob) throws {
        let file = lake.snapshotFile(source: job.source, hour: job.hour, cityID: job.city.id)
        guard let body = result.body else {
            unlink(file.path)
            return
        }
        let stored = try Gzip.compress(body)
        try AtomicFile.write(stored, to: file, syncFolder: false)
        result.record.file = file.lastPathComponent
        result.record.storedBytes = stored.count
    }
}
