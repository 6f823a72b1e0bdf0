import Foundation

extension LifecyclePlan {
    /// The plan as people read it: one line per partition acted on (its steps joined), what is
    /// kept and why, what comes due next, and totals.
    public var text: String {
        var lines = ["Lifecycle plan at \(now) (policy \(policy), minimum age \(minimumAgeDays) days)"]
        var byPartition: [(partition: String, actions: [LifecycleAction])] = []
        for action in actions {
            if byPartition.last?.partition == action.partition { byPartition[byPartition.count - 1].actions.append(action) } else {
                byPartition.append((action.partition, [action]))
            }
        }
        if byPartition.isEmpty { lines.append("  nothing to do") }
        let width = byPartition.map { $0.partition.count }.max() ?? 0
        for (partition, steps) in byPartition {
            let first = steps[0]
            let kinds = steps.map(\.kind.rawValue).joined(separator: "+")
            lines.append("  \(pad(kinds, 21)) \(pad(partition, width))  \(pad("\(first.ageDays) d", 6)) "
                         + "\(pad("\(first.files) files", 11)) \(pad(Self.size(first.bytes), 9))  \(first.rule): \(first.reason)")
        }
        if !kept.isEmpty {
            lines.append("Kept:")
            for item in kept {
                lines.append("  \(pad(item.why.rawValue, 11)) \(item.partition) (\(item.rule), \(item.ageDays) d): \(item.reason)")
            }
        }
        if !waiting.isEmpty {
            lines.append("Not yet due:")
            for item in waiting {
                lines.append("  \(item.rule): \(item.partitions) partition\(item.partitions == 1 ? "" : "s"); next \(item.next) on \(item.nextDue)")
            }
        }
        let unmatchedText = unmatched.keys.sorted().map { "\($0) \(unmatched[$0]!)" }.joined(separator: ", ")
        if !unmatchedText.isEmpty { lines.append("No rule (kept): \(unmatchedText) partitions") }
        lines.append("Totals: \(totals.archives) to archive (\(Self.size(totals.archiveBytes))), \(totals.verifies) to verify, "
                     + "\(totals.deletes) to delete (\(Self.size(totals.deleteBytes)) in \(totals.deleteFiles) files), "
                     + "\(totals.expiredArchives) archive\(totals.expiredArchives == 1 ? "" : "s") to expire (\(Self.size(totals.expiredBytes))); "
                     + "\(totals.kept) kept")
        return lines.joined(separator: "\n")
    }

    /// `1.2 MB`, `812 KB`, `96 B` (powers of 1000).
    static func size(_ bytes: Int64) -> String {
        switch bytes {
        case ..<1000: return "\(bytes) B"
        case ..<1_000_000: return String(format: "%.1f KB", Double(bytes) / 1e3)
        case ..<1_000_000_000: return String(format: "%.1f MB", Double(bytes) / 1e6)
        default: return String(format: "%.2f GB", Double(bytes) / 1e9)
        }
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
