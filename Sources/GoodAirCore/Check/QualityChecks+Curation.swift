import Foundation

/// Checks on curation: how much goes to quarantine, how much is corrected.
extension QualityChecks {
    /// Per source: snapshots in quarantine (any reason but a failed fetch, which collection's
    /// checks count) against the good snapshots collected over the window.
    static func quarantineRate(_ rule: QualityRule, _ context: QualityContext) -> [QualityFinding] {
        let limit = rule.maxRatio ?? 0
        let decoder = JSONDecoder()
        struct Sidecar: Decodable { let reason: String }
        return Source.allCases.compactMap { source in
            var reasons: [String: Int] = [:], snapshots = 0
            for hour in context.hours {
                snapshots += context.manifests[source]?[hour]?.fetches.filter { $0.outcome == .ok }.count ?? 0
                let folder = context.lake.quarantine.appendingPathComponent("source=\(source.rawValue)/\(Hour(index: hour).partitionPath)")
                for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where name.hasSuffix(".reason.json") {
                    guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path),
                          let sidecar = try? decoder.decode(Sidecar.self, from: data), sidecar.reason != QuarantineReason.fetchFailed.rawValue
                    else { continue }
                    reasons[sidecar.reason, default: 0] += 1
                }
            }
            guard snapshots > 0 else { return nil }
            let quarantined = reasons.values.reduce(0, +)
            let ratio = Double(quarantined) / Double(snapshots)
            let why = reasons.keys.sorted().map { "\($0) \(reasons[$0]!)" }.joined(separator: ", ")
            return finding(rule, ratio > limit, subject: source.rawValue, period: context.windowPeriod, value: ratio, limit: limit,
                           "\(quarantined) of \(snapshots) snapshots quarantined (\(percent(ratio)))" + (why.isEmpty ? "" : ": \(why)"))
        }
    }

    /// Over the window's curation runs: values corrected (turned into NULL as out of physical
    /// range) against the snapshots they read, with the columns most corrected.
    static func corrections(_ rule: QualityRule, _ context: QualityContext) -> [QualityFinding] {
        let limit = rule.maxRatio ?? 0
        var read = 0, corrected: [String: Int] = [:]
        for run in context.runs where run.job == "curate" && run.state == .complete {
            guard let start = Timestamp.seconds(run.startedAt), context.hours.contains(CivilTime.floorDiv(start, 3600)) else { continue }
            read += run.quality?.snapshotsRead ?? 0
            corrected.merge(run.quality?.corrected ?? [:], uniquingKeysWith: +)
        }
        guard read > 0 else { return [] }
        let total = corrected.values.reduce(0, +)
        let ratio = Double(total) / Double(read)
        let top = corrected.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(3).map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        return [finding(rule, ratio > limit, subject: "curate", period: context.windowPeriod, value: ratio, limit: limit,
                        "\(total) value(s) corrected in \(read) snapshots curated" + (top.isEmpty ? "" : ": \(top)"))]
    }
}
