import Foundation
import Logging

/// The hourly collector: one raw snapshot per city and source into bronze, with a manifest per
/// hour folder (LAKE.md §2–3).
///
/// Immutable and idempotent: a city whose good snapshot is already in the hour folder is skipped,
/// so running an hour again fetches only what is missing or failed. Snapshots are written
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
        for (done, hour) in plan.hours.sorted().enumerated() {
            try await collectHour(hour, plan: plan, replay: hour < current, fetcher: fetcher, report: &report)
            report.hours += 1
            progress?(CollectProgress(hoursDone: done + 1, hoursTotal: plan.hours.count, fetched: report.fetched,
                                      skipped: report.skipped, failed: report.failures.count))
        }
        report.seconds = Double((ContinuousClock.now - started).milliseconds) / 1000
        logger.info("collect.end", metadata: [
            "run.id": "\(runID)", "fetched": "\(report.fetched)", "skipped": "\(report.skipped)",
            "failed": "\(report.failures.count)", "seconds": "\(report.seconds)",
        ])
        return report
    }

    /// Fetches what the hour lacks for every source, then rewrites the touched manifests.
    private func collectHour(_ hour: Hour, plan: CollectPlan, replay: Bool, fetcher: Fetcher,
                             report: inout CollectReport) async throws {
        var manifests: [Source: HourManifest] = [:]
        var jobs: [FetchJob] = []
        for source in plan.sources {
            let folder = lake.bronzeHourFolder(source: source, hour: hour)
            AtomicFile.cleanTemporaries(in: folder)
            let manifest = try HourManifest.read(in: folder) ?? HourManifest(source: source, hour: hour)
            manifests[source] = manifest
            for city in plan.cities {
                if let record = manifest.record(for: city.id), record.outcome == .ok, let file = record.file,
                   FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path) {
                    report.skipped += 1
                } else {
                    jobs.append(FetchJob(source: source, hour: hour, city: city, replay: replay))
                }
            }
        }
        guard !jobs.isEmpty else { return }
        let results = try await run(jobs, fetcher: fetcher)
        for (job, result) in zip(jobs, results) {
            if result.record.file != nil {
                report.rawBytes += result.record.rawBytes ?? 0
                report.storedBytes += result.record.storedBytes ?? 0
            }
            report.requests += result.record.attempts
            if result.record.outcome == .ok {
                report.fetched += 1
            } else {
                let error = result.record.error ?? "failed"
                report.failures.append(.init(source: job.source, hour: hour, cityID: job.city.id, error: error))
                logger.warning("fetch.failed", metadata: [
                    "source": "\(job.source.rawValue)", "city": "\(job.city.id)", "hour": "\(hour)",
                    "attempts": "\(result.record.attempts)", "error": "\(error)",
                ])
            }
            manifests[job.source]?.merge(result.record)
        }
        let touched = Set(jobs.map(\.source))
        for source in plan.sources where touched.contains(source) {
            guard var manifest = manifests[source] else { continue }
            // The snapshots' renames are made durable before the manifest that vouches for them.
            AtomicFile.syncFolder(lake.bronzeHourFolder(source: source, hour: hour))
            manifest.updatedAt = Timestamp.format(clock.now())
            try manifest.write(in: lake.bronzeHourFolder(source: source, hour: hour))
        }
    }

    /// Writes the body of a fetch (gzip, atomically) beside its manifest, or removes the body an
    /// earlier failure left, so the folder always matches the manifest.
    private func store(_ result: inout FetchResult, job: FetchJob) throws {
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

    /// Runs the jobs with at most `configuration.concurrency` in flight; results in job order.
    private func run(_ jobs: [FetchJob], fetcher: Fetcher) async throws -> [FetchResult] {
        try await withThrowingTaskGroup(of: (Int, FetchResult).self) { group in
            var results = [FetchResult?](repeating: nil, count: jobs.count)
            var next = 0
            func launch() {
                guard next < jobs.count else { return }
                let index = next, job = jobs[index]
                next += 1
                group.addTask {
                    var result = try await fetcher.fetch(job)
                    try store(&result, job: job)
                    return (index, result)
                }
            }
            for _ in 0..<configuration.concurrency { launch() }
            while let (index, result) = try await group.next() {
                results[index] = result
                launch()
            }
            return results.map { $0! }
        }
    }
}
