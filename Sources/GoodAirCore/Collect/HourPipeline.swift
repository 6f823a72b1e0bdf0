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
        var manifests: [Source: HourManifest]
        var remaining: Int
        var touched: Set<Source>
    }

    let collector: Collector
    let plan: CollectPlan
    let current: Hour
    let progress: (@Sendable (CollectProgress) -> Void)?
    var report: CollectReport
    private var hours: IndexingIterator<[Hour]>
    private var queue: [FetchJob] = []
    private var open: [Hour: OpenHour] = [:]
    private var inFlight = 0
    private var finished = 0

    init(collector: Collector, plan: CollectPlan, current: Hour, progress: (@Sendable (CollectProgress) -> Void)?,
         report: CollectReport) {
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
                if inFlight < collector.configuration.concurrency, let job = try nextJob() {
                    group.addTask {
                        var result = try await fetcher.fetch(job)
                        try collector.store(&result, job: job)
                        return (job, result)
                    }
                    inFlight += 1
                    continue
                }
                // Nothing can be launched now: wait for a fetch to finish, or stop when none runs
                // (every open hour still has fetches queued or running, so none runs means done).
                guard inFlight > 0, let (done, result) = try await group.next() else { break }
                inFlight -= 1
                try complete(done, result)
            }
        }
    }

    /// The next fetch to launch, preparing hours as needed; nil when none is ready (the hours in
    /// flight are all launched and no more may open yet, or every hour is prepared).
    private mutating func nextJob() throws -> FetchJob? {
        while queue.isEmpty {
            guard open.count < Self.hoursInFlight, let hour = hours.next() else { return nil }
            try prepare(hour)
        }
        return queue.removeFirst()
    }

    /// Reads the hour's manifests and queues what is missing or failed. An hour with nothing to do
    /// is finished at once.
    private mutating func prepare(_ hour: Hour) throws {
        var opening = OpenHour(manifests: [:], remaining: 0, touched: [])
        for source in plan.sources {
            let folder = collector.lake.bronzeHourFolder(source: source, hour: hour)
            AtomicFile.cleanTemporaries(in: folder)
            let manifest = try HourManifest.read(in: folder) ?? HourManifest(source: source, hour: hour)
            opening.manifests[source] = manifest
            for city in plan.cities {
                if let record = manifest.record(for: city.id), record.outcome == .ok, let file = record.file,
                   FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path) {
                    report.skipped += 1
                } else {
                    queue.append(FetchJob(source: source, hour: hour, city: city, replay: hour < current))
                    opening.remaining += 1
                    opening.touched.insert(source)
                }
            }
        }
        if opening.remaining == 0 {
            hourDone()
        } else {
            open[hour] = opening
        }
    }

    /// Records a finished fetch; finishes its hour when it was the last.
    private mutating func complete(_ job: FetchJob, _ result: FetchResult) throws {
        let record = result.record
        report.requests += record.attempts
        if record.file != nil {
            report.rawBytes += record.rawBytes ?? 0
            report.storedBytes += record.storedBytes ?? 0
        }
        if record.outcome == .ok {
            report.fetched += 1
        } else {
            let error = record.error ?? "failed"
            report.failures.append(.init(source: job.source, hour: job.hour, cityID: job.city.id, error: error))
            collector.logger.warning("fetch.failed", metadata: [
                "source": "\(job.source.rawValue)", "city": "\(job.city.id)", "hour": "\(job.hour)",
                "attempts": "\(record.attempts)", "error": "\(error)",
            ])
        }
        guard var hour = open[job.hour] else { return }
        hour.manifests[job.source]?.merge(record)
        hour.remaining -= 1
        guard hour.remaining == 0 else {
            open[job.hour] = hour
            return
        }
        open[job.hour] = nil
        for source in plan.sources where hour.touched.contains(source) {
            guard var manifest = hour.manifests[source] else { continue }
            let folder = collector.lake.bronzeHourFolder(source: source, hour: job.hour)
            // The snapshots' renames are made durable before the manifest that vouches for them.
            AtomicFile.syncFolder(folder)
            manifest.updatedAt = Timestamp.format(collector.clock.now())
            try manifest.write(in: folder)
        }
        hourDone()
    }

    private mutating func hourDone() {
        finished += 1
        report.hours += 1
        progress?(CollectProgress(hoursDone: finished, hoursTotal: plan.hours.count, fetched: report.fetched,
                                  skipped: report.skipped, failed: report.failures.count))
    }
}
