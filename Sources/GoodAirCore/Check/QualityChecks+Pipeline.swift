import Foundation

/// Pipeline health: the runs `_lineage` records, and the disk.
extension QualityChecks {
    /// Per run started in the window: failed, or started and never ended while its job's lock is
    /// free (killed). A window with no failing run gives one passing finding.
    static func pipelineRuns(_ rule: QualityRule, _ context: QualityContext) -> [QualityFinding] {
        var out: [QualityFinding] = []
        var healthy = 0
        for run in context.runs where run.runID != context.ownRunID {
            guard let start = Timestamp.seconds(run.startedAt), context.hours.contains(CivilTime.floorDiv(start, 3600)) else { continue }
            switch run.state {
            case .fail:
                out.append(finding(rule, true, subject: "\(run.job)/\(run.runID)", period: run.startedAt,
                                   "the \(run.job) run failed: \(run.error ?? "no error recorded") (\(run.file))"))
            case .start where !context.busyJobs.contains(run.job):
                out.append(finding(rule, true, subject: "\(run.job)/\(run.runID)", period: run.startedAt,
                                   "the \(run.job) run started and never ended: killed or crashed (\(run.file))"))
            default:
                healthy += 1
            }
        }
        if out.isEmpty {
            out.append(finding(rule, false, subject: "runs", period: context.windowPeriod, value: Double(healthy), "\(healthy) run(s), none failed"))
        }
        return out
    }

    /// Free space on the lake's file system, in GB.
    static func diskSpace(_ rule: QualityRule, _ context: QualityContext) -> [QualityFinding] {
        let limit = rule.minFreeGB ?? 1
        var info = statvfs()
        guard statvfs(context.lake.root.path, &info) == 0 else {
            return [finding(rule, true, subject: "disk", period: QualityContext.hourText(context.hours.upperBound), "cannot read the file system's free space")]
        }
        let free = Double(info.f_bavail) * Double(info.f_frsize) / 1e9
        return [finding(rule, free < limit, subject: "disk", period: QualityContext.hourText(context.hours.upperBound),
                        value: (free * 10).rounded() / 10, limit: limit, String(format: "%.1f GB free on the lake's file system", free))]
    }
}
