import Foundation
import Logging

/// One collection run's moving parts: hours are prepared a few at a time, their fetches keep
/// `concurrency` requests in flight across hour boundaries, and an hour is finished (folders
/// synced, manifests written, progress reported) when its last fetch returns.
struct HourPipeline {
    /// Hours prepared but not finished, at most (bounds memory whatever the range).
    static let hoursInFlight = 4

    /// An hour whose fetches are under way.
    struct OpenHour {
        var folders: [Source: HourFolder]
        var remaining: Int
        var touched: Set<Source>
    }

    let collector: Collector
    let plan: CollectPlan
    let current: Hour
    let progress: (@Sendable (CollectProgress) -> Void)?
    var report: CollectReport
    /// Where the OpenWeatherMap limiter's calls are saved after each hour (nil: no limit).
    let ledger: (RateLimitLedger, RateLimiter)?
    private var hours: IndexingIterator<[Hour]>
    private var queue: [FetchJob] = []
    private var open: [Hour: OpenHour] = [:]
    private var inFlight = 0
    private var finished = 0

    init(collector: Collector, plan: CollectPlan, current: Hour, progress: (@Sendable (CollectProgress) -> Void)?,
         report: CollectReport, ledger: (RateLimitLedger, RateLimiter)?) {
        self.ledger = ledger
        self.collector = collector
        self.plan = plan
        self.current = current
        self.progress = progress
        self.report = report
        self.hours = plan.hours.sorted().makeIterator()
    }

    mutating func run(fetcher: Fetcher) async throws {
        let collector = self.collector
        try await withThrowingTaskGroup(of: (FetchJob, FetchResult).self) { group in
            while true {
                if inFlight < collector.configuration.concurrency, let job = try await nextJob() {
                    let folder = collector.lake.bronzeHourFolder(source: job.source, hour: job.hour)
                    group.addTask {
                        let fetched = try await fetcher.fetch(job)
                        let stored = try await BlockingWork.run {
                            var result = fetched
                            try HourFolder.store(&result, in: folder, cityID: job.city.id)
                            return result
                        }
                        return (job, stored)
                    }
                    inFlight += 1
                    continue
                }
                // Nothing can be launched now: wait for a fetch to finish, or stop when none runs
                // (every open hour still has fetches queued or running, so none runs means done).
                guard inFlight > 0, let (done, result) = try await group.next() else { break }
                inFlight -= 1
                try await complete(done, result)
            }
        }
    }

    /// The next fetch to launch, preparing hours as needed; nil when none is ready (the hours in
    /// flight are all launched and no more may open yet, or every hour is prepared).
    private mutating func nextJob() async throws -> FetchJob? {
        while queue.isEmpty {
            guard open.count < Self.hoursInFlight, let hour = hours.next() else { return nil }
            try await prepare(hour)
        }
        return queue.removeFirst()
    }

    /// Opens the hour's folders (reconciling manifests with files) and queues what is missing or
    /// failed. An hour with nothing to do is finished at once.
    private mutating func prepare(_ hour: Hour) async throws {
        var opening = OpenHour(folders: [:], remaining: 0, touched: [])
        let now = collector.clock.now()
        for source in plan.sources {
            var folder = try HourFolder(lake: collector.lake, source: source, hour: hour)
            let before = folder.manifest
            for city in plan.cities {
                if folder.needsFetch(city, endpoints: collector.configuration.endpoints, runID: report.runID, now: now) {
                    queue.append(FetchJob(source: source, hour: hour, city: city, replay: hour < current))
                    opening.remaining += 1
                } else {
                    report.skipped += 1
                }
            }
            if folder.manifest != before { opening.touched.insert(source) }
            opening.folders[source] = folder
        }
        opening.touched.formUnion(queue.filter { $0.hour == hour }.map(\.source))
        open[hour] = opening
        if opening.remaining == 0 { try await finish(hour) }
    }

    /// Records a finished fetch; finishes its hour when it was the last.
    private mutating func complete(_ job: FetchJob, _ result: FetchResult) async throws {
        let record = result.record
        report.requests += record.attempts
        if record.file != nil {
            report.rawBytes += record.rawBytes ?? 0
            report.storedBytes += record.storedBytes ?? 0
        }
        if result.credentialsRefused { report.refusedCredentials.insert(job.source.api) }
        if record.outcome == .ok {
            report.fetched += 1
            if let file = record.file, let sha256 = record.sha256 {
                let api = collector.configuration.endpoints.lineageDataset(for: job.source)
                let url = collector.lake.bronzeHourFolder(source: job.source, hour: job.hour).appendingPathComponent(file)
                report.lineage.read(namespace: api.namespace, name: api.name)
                report.lineage.wrote(LineageFile(path: collector.lake.relativePath(url), bytes: record.storedBytes ?? 0, sha256: sha256),
                                     rows: 1, derivedFrom: ["\(api.namespace)\(api.name)"])
            }
        } else {
            let error = record.error ?? "failed"
            report.failures.append(.init(source: job.source, hour: job.hour, cityID: job.city.id, error: error))
            collector.logger.warning("fetch.failed", metadata: [
                "source": "\(job.source.rawValue)", "city": "\(job.city.id)", "hour": "\(job.hour)",
                "attempts": "\(record.attempts)", "error": "\(error)",
            ])
        }
        guard var hour = open[job.hour] else { return }
        hour.folders[job.source]?.manifest.merge(record)
        hour.remaining -= 1
        open[job.hour] = hour
        guard hour.remaining == 0 else { return }
        try await finish(job.hour)
        if let (ledger, limiter) = ledger {
            try ledger.save(await limiter.history(now: Date()))
        }
    }

    /// Writes the touched manifests of a finished hour (after making its files durable) and
    /// reports progress.
    private mutating func finish(_ hour: Hour) async throws {
        guard let done = open.removeValue(forKey: hour) else { return }
        let now = collector.clock.now()
        let folders = plan.sources.filter { done.touched.contains($0) }.compactMap { done.folders[$0] }
        let lake = collector.lake
        let manifests = try await BlockingWork.run {
            try folders.map { folder in
                var folder = folder
                try folder.finish(now: now)
                return LineageFile.read(lake: lake, url: folder.url.appendingPathComponent(HourManifest.fileName))
            }
        }
        for case let manifest? in manifests { report.lineage.wrote(manifest, derivedFrom: []) }
        finished += 1
        report.hours += 1
        progress?(CollectProgress(hoursDone: finished, hoursTotal: plan.hours.count, fetched: report.fetched,
                                  skipped: report.skipped, failed: report.failures.count))
    }
}
