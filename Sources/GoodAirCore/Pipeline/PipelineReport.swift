import Foundation

/// What one run of the chain did: the metrics value ``Pipeline/run()`` returns.
public struct PipelineReport: Sendable {
    /// One step of the chain.
    public struct Step: Sendable {
        public enum Outcome: String, Sendable { case success, partial, failed, misconfigured, skipped }
        public var name: String
        public var outcome: Outcome
        /// The step's own summary line, or why it failed or was skipped.
        public var summary: String
        public var seconds: Double
    }

    public var runID: String
    /// The hour the run is for (the current hour).
    public var hour: Hour
    public var steps: [Step] = []
    /// Hours collected in this run (the current one and those caught up).
    public var collectedHours: [Hour] = []
    /// Hours missed beyond the catch-up window: never collected.
    public var lostHours: [Hour] = []
    /// Numbers for the metrics file (`snapshots_fetched`, `rows_added`, `quarantined`…).
    public var counters: [String: Double] = [:]
    public var seconds = 0.0

    /// The worst outcome: a failed step exits 1, a misconfigured one 2, a partial one 3.
    public var exitCode: Int32 {
        let outcomes = Set(steps.map(\.outcome))
        if outcomes.contains(.failed) { return 1 }
        if outcomes.contains(.misconfigured) { return 2 }
        if outcomes.contains(.partial) || !lostHours.isEmpty { return 3 }
        return 0
    }

    /// The one line a run states: each step and its outcome.
    public var summary: String {
        let steps = self.steps.map { step in step.outcome == .success ? step.name : "\(step.name) \(step.outcome.rawValue)" }
        let hours = collectedHours.count == 1 ? "1 hour" : "\(collectedHours.count) hours"
        let lost = lostHours.isEmpty ? "" : ", \(lostHours.count) hour(s) lost (\(lostHours.first!)…\(lostHours.last!))"
        return "run \(hour): \(hours) collected\(lost); \(steps.joined(separator: ", ")) in \(String(format: "%.1f", seconds)) s"
    }
}
