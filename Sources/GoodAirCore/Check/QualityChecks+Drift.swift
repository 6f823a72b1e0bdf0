import Foundation

/// Sudden schema drift: the payload fields of the window against those of the hours before.
extension QualityChecks {
    /// Hours sampled on each side (every city of each), so a long window stays cheap.
    static let driftSampleHours = 6

    static func schemaDrift(_ rule: QualityRule, _ context: QualityContext) -> [QualityFinding] {
        let baselineHours = rule.baselineHours ?? 72
        let baseline = (context.hours.lowerBound - baselineHours)...(context.hours.lowerBound - 1)
        guard let reader = try? GzipFileReader() else { return [] }
        return Source.allCases.compactMap { source in
            let before = fields(source, hours: sample(baseline, source, context), context, reader)
            let now = fields(source, hours: sample(context.hours, source, context), context, reader)
            guard !before.isEmpty, !now.isEmpty else { return nil }   // nothing to compare with yet
            let ignored = Set(rule.ignoreFields ?? [])
            let added = now.subtracting(before).subtracting(ignored).sorted(), gone = before.subtracting(now).subtracting(ignored).sorted()
            var detail: [String] = []
            if !added.isEmpty { detail.append("new: \(added.prefix(8).joined(separator: ", "))") }
            if !gone.isEmpty { detail.append("gone: \(gone.prefix(8).joined(separator: ", "))") }
            return finding(rule, !detail.isEmpty, subject: source.rawValue, period: context.windowPeriod,
                           value: Double(added.count + gone.count), limit: 0,
                           detail.isEmpty ? "\(now.count) fields, as in the \(baselineHours) hours before" : detail.joined(separator: "; "))
        }
    }

    /// Up to ``driftSampleHours`` collected hours of `hours`, evenly spread.
    private static func sample(_ hours: ClosedRange<Int>, _ source: Source, _ context: QualityContext) -> [Int] {
        let collected = hours.filter { context.manifests[source]?[$0] != nil }
        guard collected.count > driftSampleHours else { return collected }
        return (0..<driftSampleHours).map { collected[$0 * (collected.count - 1) / (driftSampleHours - 1)] }
    }

    /// The field paths (`data/iaqi/pm25/v`, arrays as `[]`) of the good snapshots of `hours`.
    private static func fields(_ source: Source, hours: [Int], _ context: QualityContext, _ reader: GzipFileReader) -> Set<String> {
        var paths = Set<String>()
        for hour in hours {
            let folder = context.lake.bronzeHourFolder(source: source, hour: Hour(index: hour))
            for record in context.manifests[source]?[hour]?.fetches ?? [] where record.outcome == .ok {
                guard let file = record.file, let data = FileManager.default.contents(atPath: folder.appendingPathComponent(file).path),
                      let raw = try? Gzip.decompress(Array(data)), let tape = try? JSONTape(parsing: raw) else { continue }
                collect(tape, node: tape.root, path: "", into: &paths)
            }
        }
        return paths
    }

    private static func collect(_ tape: JSONTape, node: Int, path: String, into paths: inout Set<String>) {
        switch tape.kind(node) {
        case .object:
            for (key, value) in tape.members(node) {
                let child = path.isEmpty ? key : "\(path)/\(key)"
                paths.insert(child)
                collect(tape, node: value, path: child, into: &paths)
            }
        case .array:
            for element in tape.elements(node) { collect(tape, node: element, path: path + "[]", into: &paths) }
        default:
            break
        }
    }
}
