import Foundation

/// The checks themselves: each kind turns the context into findings, one per partition it looks
/// at (a pass is a finding too, so `gold/quality` shows what was checked, not only what failed).
enum QualityChecks {
    static func run(_ rule: QualityRule, _ context: QualityContext) -> [QualityFinding] {
        switch rule.kind {
        case .freshness: return freshness(rule, context)
        case .completeness: return completeness(rule, context)
        case .gaps: return gaps(rule, context)
        case .missingRuns: return missingRuns(rule, context)
        case .sourceDown: return sourceDown(rule, context)
        case .fetchFailureRate: return fetchFailureRate(rule, context)
        case .quarantineRate: return quarantineRate(rule, context)
        case .corrections: return corrections(rule, context)
        case .ranges: return ranges(rule, context)
        case .primaryKey: return primaryKeys(rule, context)
        case .referential: return referential(rule, context)
        case .stuck: return stuck(rule, context)
        case .schemaDrift: return schemaDrift(rule, context)
        case .pipelineRuns: return pipelineRuns(rule, context)
        case .diskSpace: return diskSpace(rule, context)
        }
    }

    /// A finding of `rule`: `violated` gives the rule's severity, else pass.
    static func finding(_ rule: QualityRule, _ violated: Bool, subject: String, period: String,
                        value: Double? = nil, limit: Double? = nil, _ detail: String) -> QualityFinding {
        QualityFinding(check: rule.id, kind: rule.kind, status: violated ? (rule.severity == .fail ? .fail : .warn) : .pass,
                       subject: subject, period: period, value: value, limit: limit, detail: detail)
    }

    static func percent(_ ratio: Double) -> String { String(format: "%.1f %%", ratio * 100) }
}
