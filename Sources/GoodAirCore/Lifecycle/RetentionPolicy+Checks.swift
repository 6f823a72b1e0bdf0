import Yams

extension PolicyReader {
    /// The checks across a rule's keys and across rules: windows, order of archive and delete,
    /// names, and rules that an earlier one leaves nothing to match.
    mutating func checkRules(_ policy: RetentionPolicy) {
        var names: [String: Int] = [:]
        for (index, rule) in policy.rules.enumerated() {
            let key = ruleKeys[index]
            func line(_ field: String) -> Int { lines["\(key).\(field)"] ?? rule.line }
            func add(_ field: String, _ message: String) {
                issues.append(.init(line: line(field), key: "\(key).\(field)", message: message))
            }
            if !rule.name.isEmpty {
                if let first = names[rule.name] {
                    add("name", "'\(rule.name)' is also the name of \(ruleKeys[first]); plans tell rules apart by name")
                } else {
                    names[rule.name] = index
                }
            }
            let archive = rule.archiveAfterDays, delete = rule.deleteAfterDays
            if delete == 0 {
                add("delete_after_days", "0 days would delete every partition of the zone\(rule.sources == nil && rule.tables == nil ? "" : " it matches") as soon as it exists")
            }
            if rule.zone == .bronze, delete != nil, archive == nil {
                add("delete_after_days", "bronze is the raw data: it is deleted only after it is archived (add archive_after_days, no later than delete_after_days)")
            }
            if let archive, let delete, delete < archive {
                add("delete_after_days", "\(delete) days comes before archive_after_days (\(archive)): the originals would go before they are archived")
            }
            for (field, days) in [("archive_after_days", archive), ("delete_after_days", delete)] {
                if let days, days < policy.minimumAgeDays, !(field == "delete_after_days" && days == 0) {
                    add(field, "\(days) days is below minimum_age_days (\(policy.minimumAgeDays)): nothing that young may be removed")
                }
            }
            if let earlier = policy.rules[..<index].firstIndex(where: { rule.isCovered(by: $0) }) {
                let other = policy.rules[earlier]
                issues.append(.init(line: rule.line, key: key, message: "matches nothing: \(ruleKeys[earlier]) '\(other.name)' (line \(other.line)) comes first and takes every partition it would"))
            }
        }
    }

    /// A YAML syntax error as an issue with its line.
    static func syntaxIssue(_ error: any Error) -> RetentionError.Issue {
        switch error {
        case let YamlError.scanner(_, problem, mark, _), let YamlError.parser(_, problem, mark, _), let YamlError.composer(_, problem, mark, _):
            return .init(line: mark.line, key: "", message: "not valid YAML: \(problem)")
        default:
            return .init(line: 0, key: "", message: "not valid YAML")
        }
    }
}
