import Foundation

/// Checks on collection, from the bronze manifests.
extension QualityChecks {
    /// Per source and hour: good snapshots against the référentiel's cities.
    static func completeness(_ rule: QualityRule, _ context: QualityContext) -> [QualityFinding] {
        let minimum = rule.minRatio ?? 1
        var out: [QualityFinding] = []
        for source in Source.allCases {
            for hour in context.hours {
                guard let manifest = context.manifests[source]?[hour] else { continue }   // missing_runs says so
                let good = Set(manifest.fetches.filter { $0.outcome == .ok }.map(\.cityID)).intersection(context.cities).count
                let ratio = context.cities.isEmpty ? 1 : Double(good) / Double(context.cities.count)
                out.append(finding(rule, ratio < minimum, subject: source.rawValue, period: QualityContext.hourText(hour),
                                   value: ratio, limit: minimum, "\(good) of \(context.cities.count) cities have a good snapshot"))
            }
        }
        return out
    }

    /// Per source: every hour of the window has a manifest (a collection ran). The current hour
    /// is left out (its collection may still be under way), and so are hours before the lake's
    /// first collection.
    static func missingRuns(_ rule: QualityRule, _ context: QualityContext) -> [QualityFinding] {
        let first = max(context.hours.lowerBound, PipelineState.bronzeHour(lake: context.lake, newest: false) ?? context.hours.upperBound)
        let hours = first..<max(first, context.hours.upperBound)
        return Source.allCases.map { source in
            let missing = hours.filter { context.manifests[source]?[$0] == nil }
            let listed = missing.prefix(5).map(QualityContext.hourText).joined(separator: ", ") + (missing.count > 5 ? ", …" : "")
            return finding(rule, !missing.isEmpty, subject: source.rawValue, period: context.windowPeriod,
                           value: Double(missing.count), limit: 0,
                           missing.isEmpty ? "every hour was collected" : "\(missing.count) hour(s) never collected: \(listed)")
        }
    }

    /// Per source: down when none of its fetches succeeded in the last `hours` collected hours.
    static func sourceDown(_ rule: QualityRule, _ context: QualityContext) -> [QualityFinding] {
        let span = rule.hours ?? 2
        return Source.allCases.compactMap { source in
            let collected = context.hours.filter { context.manifests[source]?[$0] != nil }.suffix(span)
            guard collected.count == span else { return nil }   // too few hours to say
            let good = collected.reduce(0) { total, hour in total + context.manifests[source]![hour]!.fetches.filter { $0.outcome == .ok }.count }
            let errors = Set(collected.flatMap { context.manifests[source]![$0]!.fetches.compactMap(\.error) }).sorted().prefix(3)
            return finding(rule, good == 0, subject: source.rawValue, period: QualityContext.hourText(collected.last!),
                           value: Double(good), limit: 1,
                           good == 0 ? "no good snapshot in the last \(span) collected hours (since \(QualityContext.hourText(collected.first!))): \(errors.joined(separator: "; "))"
                                     : "\(good) good snapshot(s) in the last \(span) collected hours")
        }
    }

    /// Per source: failed fetches over the window.
    static func fetchFailureRate(_ rule: QualityRule, _ context: QualityContext) -> [QualityFinding] {
        let limit = rule.maxRatio ?? 0
        return Source.allCases.compactMap { source in
            let records = context.hours.flatMap { context.manifests[source]?[$0]?.fetches ?? [] }
            guard !records.isEmpty else { return nil }
            let failed = records.filter { $0.outcome != .ok }.count
            let ratio = Double(failed) / Double(records.count)
            return finding(rule, ratio > limit, subject: source.rawValue, period: context.windowPeriod, value: ratio, limit: limit,
                           "\(failed) of \(records.count) fetches failed (\(percent(ratio)))")
        }
    }
}
