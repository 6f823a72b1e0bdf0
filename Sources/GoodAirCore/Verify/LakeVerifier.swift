import Foundation
import Logging

/// `goodair verify`: checks the whole lake and reports what is wrong, changing nothing.
///
/// - every bronze manifest against its folder: each listed snapshot is there and its payload has
///   the manifest's sha256; files no manifest lists are orphans;
/// - every archive against its manifest (member sizes and sha256, the archive's own sha256);
/// - every silver, gold and quarantine file against lineage: it has the sha256 its last run
///   recorded; a file no run recorded is an orphan;
/// - hidden temporaries a killed job left, runs that started and never ended, lineage files that
///   cannot be read.
///
/// It takes the jobs' locks (waiting up to `lockWait` seconds) so no job writes while it reads.
///
/// ```swift
/// let report = try await LakeVerifier(lake: lake, clock: clock, logger: logger).verify()
/// report.isClean
/// ```
public struct LakeVerifier: Sendable {
    /// The jobs whose locks verification holds while it reads.
    public static let lockedJobs = ["collect", "curate", "aggregate", "lifecycle"]

    public let lake: Lake
    public let clock: LakeClock
    public let logger: Logger
    public var lockWait: Double = 0

    public init(lake: Lake, clock: LakeClock, logger: Logger) {
        self.lake = lake
        self.clock = clock
        self.logger = logger
    }

    public func verify() async throws -> VerifyReport {
        var locks: [RunLock] = []
        defer { locks.forEach { $0.release() } }
        for job in Self.lockedJobs { locks.append(try await RunLock.acquire(name: job, in: lake, wait: lockWait, clock: clock)) }
        let started = ContinuousClock.now
        var report = VerifyReport()
        BronzeCheck(lake: lake).run(into: &report)
        ArchivesCheck(lake: lake).run(into: &report)
        let history = try LineageHistory.load(lake: lake, detail: .outputs)
        LineageCheck(lake: lake, history: history).run(into: &report)
        TemporaryFileCheck(lake: lake).run(into: &report)
        let spent = (ContinuousClock.now - started).components
        report.seconds = Double(spent.seconds) + Double(spent.attoseconds) / 1e18
        logger.info("verify.end", metadata: ["problems": "\(report.problems.count)"])
        return report
    }
}
