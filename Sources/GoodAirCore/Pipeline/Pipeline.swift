import Foundation
import Logging

/// The hourly chain, `goodair run`: collect → curate → aggregate (and the warehouse) → check →
/// reports → lifecycle (when its interval has passed), as one job under one lock (`run`).
///
/// It catches up: the hours missed since the last collection are collected too, up to
/// ``PipelineConfiguration/catchUpHours``; older ones are reported as lost. A step that fails is
/// reported and the steps that do not need it still run. Each run writes the Prometheus text
/// file `_state/metrics/goodair.prom` (for node_exporter's textfile collector).
///
/// ```swift
/// let report = try await Pipeline(lake: lake, configuration: configuration, client: CurlHTTPClient(),
///                                 clock: .system, logger: logger).run()
/// print(report.summary)
/// ```
public struct Pipeline: Sendable {
    public let lake: Lake
    public let configuration: PipelineConfiguration
    public let client: any HTTPClient
    public let clock: LakeClock
    public let logger: Logger
    /// Loads the warehouse after aggregation (in its own target): what gold changed → summary line.
    public var warehouse: (@Sendable (_ changes: GoldChanges, _ clock: LakeClock, _ logger: Logger) throws -> String)?
    /// Opens, reminds and resolves incidents from the checks and gold's episodes (nil: no alerts).
    public var alerts: AlertCenter?

    public init(lake: Lake, configuration: PipelineConfiguration, client: any HTTPClient, clock: LakeClock, logger: Logger) {
        self.lake = lake
        self.configuration = configuration
        self.client = client
        self.clock = clock
        self.logger = logger
    }

    public func run() async throws -> PipelineReport {
        let lock = try await RunLock.acquire(name: "run", in: lake, wait: 0, clock: clock)
        defer { lock.release() }
        let started = ContinuousClock.now
        var state = PipelineState.load(lake: lake)
        let current = Hour(containing: clock.now())
        var report = PipelineReport(runID: UUID().uuidString.lowercased(), hour: current)
        logger.info("run.start", metadata: ["run.id": "\(report.runID)", "hour": "\(current)"])

        let (hours, lost) = catchUp(current: current, state: state)
        report.collectedHours = hours
        report.lostHours = lost
        if !lost.isEmpty {
            logger.warning("run.lost_hours", metadata: ["from": "\(lost.first!)", "to": "\(lost.last!)", "count": "\(lost.count)",
                                                        "why": "beyond the catch-up window of \(configuration.catchUpHours) hours"])
        }
        await step("collect", into: &report) {
            let catalog = try CityCatalog.load(from: lake.citiesFile)
            let collected = try await Collector(lake: lake, configuration: configuration.collector, client: client, clock: clock, logger: logger)
                .collect(CollectPlan(hours: hours, cities: catalog.cities))
            state.lastCollectedHour = current.index
            return (Self.outcome(collected.status), collected.summary,
                    ["snapshots_fetched": Double(collected.fetched), "fetch_failures": Double(collected.failures.count),
                     "http_requests": Double(collected.requests)])
        }
        await step("curate", into: &report) {
            let curated = try await Curator(lake: lake, configuration: CurateConfiguration(schemas: configuration.schemas),
                                            clock: clock, logger: logger).curate()
            return (Self.outcome(curated.status), curated.summary,
                    ["snapshots_curated": Double(curated.snapshotsRead), "rows_added": Double(curated.rowsAdded.values.reduce(0, +)),
                     "quarantined": Double(curated.quarantined.values.reduce(0, +)),
                     "values_corrected": Double(curated.corrections.values.reduce(0, +))])
        }
        await step("aggregate", into: &report) {
            let aggregated = try await Aggregator(lake: lake, configuration: AggregateConfiguration(schemas: configuration.schemas),
                                                  clock: clock, logger: logger).aggregate()
            var summary = aggregated.summary
            if let warehouse { summary += "; " + (try warehouse(aggregated.changes, clock, logger)) }
            return (.success, summary, ["gold_rows_written": Double(aggregated.rows.values.reduce(0, +))])
        }
        var quality: QualityReport?
        await step("check", into: &report) {
            let checked = try await QualityChecker(lake: lake, configuration: QualityConfiguration(schemas: configuration.schemas),
                                                   clock: clock, logger: logger).check()
            quality = checked
            return (checked.status == .pass ? .success : .partial, checked.summary.split(separator: "\n").first.map(String.init) ?? "",
                    ["check_warnings": Double(checked.findings.filter { $0.status == .warn }.count),
                     "check_failures": Double(checked.findings.filter { $0.status == .fail }.count)])
        }
        if let alerts, let quality {
            await step("alerts", into: &report) {
                let outcome = try await alerts.evaluate(try QualityAlerts.signals(quality, lake: lake, now: clock.now()), scope: QualityAlerts.scope)
                return (outcome.deliveryError == nil ? .success : .partial, outcome.summary,
                        ["incidents_open": Double(outcome.openIncidents), "incidents_opened": Double(outcome.opened.count),
                         "mails_sent": Double(outcome.mailsSent), "mails_pending": Double(outcome.mailsPending)])
            }
        }
        if configuration.reports {
            await step("report", into: &report) {
                var builder = ReportBuilder(lake: lake, logger: logger)
                builder.now = clock.now()
                return (.success, try builder.run(cities: nil, from: nil, to: nil, clock: clock).description, [:])
            }
        }
        await lifecycle(state: &state, report: &report)
        report.seconds = Double((ContinuousClock.now - started).milliseconds) / 1000
        report.counters["lost_hours"] = Double(lost.count)
        for (key, value) in report.counters { state.totals[key, default: 0] += value }
        state.totals["runs", default: 0] += 1
        if report.exitCode == 1 { state.totals["runs_failed", default: 0] += 1 }
        do {
            try state.save(lake: lake)
            try PrometheusFile.write(report, totals: state.totals, lake: lake, now: clock.now())
        } catch {
            logger.error("run.state_not_saved", metadata: ["error": "\(error)"])
        }
        logger.info("run.end", metadata: ["run.id": "\(report.runID)", "summary": "\(report.summary)"])
        return report
    }

    /// Runs one step, recording its outcome; an error is the step's failure, not the run's.
    func step(_ name: String, into report: inout PipelineReport,
              _ body: () async throws -> (PipelineReport.Step.Outcome, String, [String: Double])) async {
        let tick = ContinuousClock.now
        var outcome: PipelineReport.Step.Outcome, summary: String
        do {
            let counters: [String: Double]
            (outcome, summary, counters) = try await body()
            report.counters.merge(counters) { _, new in new }
        } catch {
            outcome = Self.isConfigurationError(error) ? .misconfigured : .failed
            summary = "\(error)"
            logger.error("run.step_failed", metadata: ["step": "\(name)", "error": "\(error)"])
        }
        let seconds = Double((ContinuousClock.now - tick).milliseconds) / 1000
        report.steps.append(.init(name: name, outcome: outcome, summary: summary, seconds: seconds))
    }

    static func outcome(_ status: JobStatus) -> PipelineReport.Step.Outcome {
        switch status {
        case .success: return .success
        case .partial: return .partial
        case .failed: return .failed
        case .misconfigured: return .misconfigured
        }
    }

    /// Errors that a person must fix in the configuration (a missing key, a bad schema).
    static func isConfigurationError(_ error: any Error) -> Bool {
        switch error {
        case let collect as CollectError:
            if case .missingSecret = collect { return true }
            return false
        case is SchemaError, is TableSchemaError, is ReferenceError, is CheckError, is RetentionError: return true
        default: return false
        }
    }

    /// The hours to collect (missed ones within the window, then the current one) and the hours lost.
    func catchUp(current: Hour, state: PipelineState) -> (hours: [Hour], lost: [Hour]) {
        guard let last = state.lastCollectedHour ?? PipelineState.bronzeHour(lake: lake, newest: true) else {
            return ((0..<max(1, configuration.firstRunHours)).reversed().map { current.advanced(by: -$0) }, [])
        }
        guard last < current.index else { return ([current], []) }
        let missed = (last + 1)..<current.index
        let window = max(0, configuration.catchUpHours)
        let kept = missed.suffix(window).map(Hour.init(index:))
        let lost = missed.dropLast(window).map(Hour.init(index:))
        return (kept + [current], lost)
    }

    /// Applies the retention policy when ``PipelineConfiguration/lifecycleIntervalHours`` have
    /// passed since it last did (skipped, and said, when there is no policy file).
    func lifecycle(state: inout PipelineState, report: inout PipelineReport) async {
        let now = clock.now()
        if let last = state.lastLifecycleAt.flatMap(Timestamp.parse),
           now.timeIntervalSince(last) < Double(configuration.lifecycleIntervalHours) * 3600 {
            report.steps.append(.init(name: "lifecycle", outcome: .skipped,
                                      summary: "next at \(Timestamp.format(last.addingTimeInterval(Double(configuration.lifecycleIntervalHours) * 3600)))",
                                      seconds: 0))
            return
        }
        guard FileManager.default.fileExists(atPath: configuration.policy.path) else {
            report.steps.append(.init(name: "lifecycle", outcome: .skipped, summary: "no retention policy at \(configuration.policy.path)", seconds: 0))
            return
        }
        var applied = false
        await step("lifecycle", into: &report) {
            let policy = try RetentionPolicy.load(from: configuration.policy, tables: KnownTables.load(schemas: configuration.schemas))
            let plan = LifecyclePlanner(lake: lake, policy: policy, policyFile: configuration.policy.path, clock: clock, logger: logger).plan()
            let done = try await LifecycleApplier(lake: lake, policy: policy, clock: clock, logger: logger).apply(plan)
            applied = true
            return (Self.outcome(done.status), done.summary, ["lifecycle_actions": Double(done.done.count)])
        }
        if applied { state.lastLifecycleAt = Timestamp.format(now) }
    }
}
