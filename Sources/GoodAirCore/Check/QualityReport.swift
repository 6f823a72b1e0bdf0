import Foundation

/// What `goodair check` found: the metrics value `QualityChecker.check` returns.
public struct QualityReport: Codable, Sendable {
    public var runID: String
    public var checkedAt: String
    /// The window checked: first and last hour (UTC).
    public var from: String
    public var to: String
    public var findings: [QualityFinding] = []
    public var seconds = 0.0

    /// Warnings and failures, worst first.
    public var problems: [QualityFinding] {
        findings.filter { $0.status != .pass }.sorted { ($1.status, $0.check, $0.subject) < ($0.status, $1.check, $1.subject) }
    }

    /// The worst status found: fail exits 1, warn exits 3 (LAKE.md §5 and issue #6).
    public var status: QualityFinding.Status { findings.map(\.status).max() ?? .pass }

    public var exitCode: Int32 { status == .fail ? 1 : status == .warn ? 3 : 0 }

    /// One line: counts by status, then the problems, one a line.
    public var summary: String {
        let count = { (status: QualityFinding.Status) in self.findings.filter { $0.status == status }.count }
        let checks = Set(findings.map(\.check)).count
        var lines = ["check: \(checks) checks on \(from) … \(to): \(count(.pass)) passed, \(count(.warn)) warning(s), \(count(.fail)) failure(s) in \(String(format: "%.1f", seconds)) s"]
        for finding in problems.prefix(40) { lines.append("  \(finding.status.rawValue) \(finding.check) \(finding.subject): \(finding.detail)") }
        if problems.count > 40 { lines.append("  … and \(problems.count - 40) more in gold/reports/quality.json") }
        return lines.joined(separator: "\n")
    }
}
