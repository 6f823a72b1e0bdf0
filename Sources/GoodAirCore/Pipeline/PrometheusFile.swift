import Foundation

/// The Prometheus text file of the chain, `_state/metrics/goodair.prom`, for node_exporter's
/// textfile collector (`--collector.textfile.directory`): the last run's numbers as gauges, and
/// running totals as counters.
///
/// ```
/// goodair_last_run_timestamp_seconds 1795960800
/// goodair_step_success{step="collect"} 1
/// goodair_snapshots_fetched_total 18720
/// ```
enum PrometheusFile {
    static func url(lake: Lake) -> URL { lake.state.appendingPathComponent("metrics/goodair.prom") }

    static func write(_ report: PipelineReport, totals: [String: Double], lake: Lake, now: Date) throws {
        var lines: [String] = []
        func metric(_ name: String, _ help: String, _ type: String, _ samples: [(String, Double)]) {
            lines.append("# HELP goodair_\(name) \(help)")
            lines.append("# TYPE goodair_\(name) \(type)")
            for (labels, value) in samples { lines.append("goodair_\(name)\(labels) \(format(value))") }
        }
        metric("last_run_timestamp_seconds", "When the last run of the chain ended (Unix time).", "gauge", [("", now.timeIntervalSince1970.rounded())])
        metric("last_run_duration_seconds", "How long the last run took.", "gauge", [("", report.seconds)])
        metric("last_run_exit_code", "The last run's exit code (0 good, 3 partial, 1 failed, 2 misconfigured).", "gauge", [("", Double(report.exitCode))])
        metric("step_success", "1 when the step of the last run succeeded (fully or partly), else 0.", "gauge",
               report.steps.map { ("{step=\"\($0.name)\"}", $0.outcome == .success || $0.outcome == .partial ? 1 : 0) })
        metric("step_duration_seconds", "Duration of each step of the last run.", "gauge", report.steps.map { ("{step=\"\($0.name)\"}", $0.seconds) })
        for key in report.counters.keys.sorted() {
            metric("last_run_\(key)", "\(key.replacingOccurrences(of: "_", with: " ")) in the last run.", "gauge", [("", report.counters[key]!)])
        }
        for key in totals.keys.sorted() {
            metric("\(key)_total", "\(key.replacingOccurrences(of: "_", with: " ")) since the first run.", "counter", [("", totals[key]!)])
        }
        try AtomicFile.write(string: lines.joined(separator: "\n") + "\n", to: url(lake: lake))
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
