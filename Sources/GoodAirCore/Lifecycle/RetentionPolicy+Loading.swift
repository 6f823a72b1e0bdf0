import Foundation
import Yams

extension RetentionPolicy {
    /// Reads and checks the policy at `url` (`--policy`, default `./retention.yml`). Throws a
    /// ``RetentionError`` listing every mistake with its line and key; `tables`, when given,
    /// are the tables a `tables:` filter may name.
    ///
    /// ```swift
    /// let policy = try RetentionPolicy.load(from: URL(fileURLWithPath: "retention.yml"),
    ///                                       tables: KnownTables.load(schemas: URL(fileURLWithPath: "schemas")))
    /// ```
    public static func load(from url: URL, tables: KnownTables? = nil) throws -> RetentionPolicy {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw RetentionError(file: url.path, issues: [.init(line: 0, key: "", message: "cannot be read (is the path right? --policy FILE)")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw RetentionError(file: url.path, issues: [.init(line: 0, key: "", message: "is not UTF-8 text")])
        }
        return try parse(text, file: url.path, tables: tables)
    }

    /// Parses and checks the policy in `text`; `file` names it in messages.
    public static func parse(_ text: String, file: String = "retention.yml", tables: KnownTables? = nil) throws -> RetentionPolicy {
        var reader = PolicyReader(tables: tables)
        let policy = reader.read(text)
        guard reader.issues.isEmpty, let policy else { throw RetentionError(file: file, issues: reader.issues) }
        return policy
    }
}

/// Walks the YAML nodes of a policy, collecting every mistake rather than stopping at the first.
struct PolicyReader {
    let tables: KnownTables?
    var issues: [RetentionError.Issue] = []
    /// The line of each key path seen, for the checks across rules.
    var lines: [String: Int] = [:]
    /// The key of each rule read (`rules[2]`): rules with mistakes are left out of the policy.
    var ruleKeys: [String] = []

    init(tables: KnownTables?) { self.tables = tables }

    mutating func issue(_ node: Node?, _ key: String, _ message: String) {
        issues.append(.init(line: node?.mark?.line ?? 0, key: key, message: message))
    }

    mutating func read(_ text: String) -> RetentionPolicy? {
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            issues.append(Self.syntaxIssue(error))
            return nil
        }
        guard let root, let mapping = root.mapping else {
            issue(root, "", "the file must be a mapping with version, minimum_age_days, rules and holds")
            return nil
        }
        let fields = self.fields(mapping, key: "", allowed: ["version", "minimum_age_days", "rules", "holds"])
        var policy = RetentionPolicy()
        if let version = fields["version"] {
            if let number = integer(version, "version") {
                if number != 1 { issue(version.value, "version", "version \(number) is not known; this goodair reads version 1") }
            }
        } else {
            issue(root, "version", "missing: write `version: 1`")
        }
        if let minimum = fields["minimum_age_days"], let days = days(minimum, "minimum_age_days") {
            policy.minimumAgeDays = days
        }
        if let rules = fields["rules"] {
            for (index, node) in list(rules, "rules").enumerated() {
                guard let rule = rule(node, key: "rules[\(index)]") else { continue }
                policy.rules.append(rule)
                ruleKeys.append("rules[\(index)]")
            }
        }
        if let holds = fields["holds"] {
            policy.holds = list(holds, "holds").enumerated().compactMap { hold($1, key: "holds[\($0)]") }
        }
        checkRules(policy)
        return policy
    }

    typealias Field = (keyNode: Node, value: Node)

    /// The fields of a mapping; unknown and repeated keys are mistakes.
    mutating func fields(_ mapping: Node.Mapping, key: String, allowed: [String]) -> [String: Field] {
        var found: [String: Field] = [:]
        for (keyNode, value) in mapping {
            let name = keyNode.string ?? ""
            let path = key.isEmpty ? name : "\(key).\(name)"
            if !allowed.contains(name) {
                issue(keyNode, path, "unknown key (known here: \(allowed.joined(separator: ", ")))")
            } else if found[name] != nil {
                issue(keyNode, path, "given twice")
            } else {
                found[name] = (keyNode, value)
                lines[path] = value.mark?.line ?? keyNode.mark?.line ?? 0
            }
        }
        return found
    }

    mutating func integer(_ field: Field, _ key: String) -> Int? {
        guard let scalar = field.value.scalar, let number = Int(scalar.string.trimmingCharacters(in: .whitespaces)) else {
            issue(field.value.mark == nil ? field.keyNode : field.value, key, "needs a whole number, not '\(field.value.string ?? "a list")'")
            return nil
        }
        return number
    }

    /// A number of days: a whole number, zero or more.
    mutating func days(_ field: Field, _ key: String) -> Int? {
        guard let number = integer(field, key) else { return nil }
        guard number >= 0 else {
            issue(field.value, key, "\(number) days is negative")
            return nil
        }
        return number
    }

    mutating func text(_ field: Field, _ key: String) -> String? {
        guard let scalar = field.value.scalar, !scalar.string.trimmingCharacters(in: .whitespaces).isEmpty else {
            issue(field.keyNode, key, "needs a value")
            return nil
        }
        return scalar.string
    }

    mutating func list(_ field: Field, _ key: String) -> [Node] {
        guard let sequence = field.value.sequence else {
            if field.value.scalar?.string.isEmpty == true { return [] }   // `holds:` with nothing after it
            issue(field.value, key, "needs a list")
            return []
        }
        return Array(sequence)
    }

    /// A `sources:` or `tables:` filter: a non-empty list of names.
    mutating func filter(_ field: Field, _ key: String) -> [String]? {
        guard let sequence = field.value.sequence, !sequence.isEmpty else {
            issue(field.value.mark == nil ? field.keyNode : field.value, key,
                  "an empty filter would match every partition of the zone; name what it is for, or remove the key")
            return []   // matches nothing, so the checks across rules do not take it for a zone-wide rule
        }
        var names: [String] = []
        for item in sequence {
            guard let name = item.scalar?.string, !name.isEmpty else {
                issue(item, key, "needs names")
                continue
            }
            names.append(name)
        }
        return names
    }

    mutating func rule(_ node: Node, key: String) -> RetentionRule? {
        guard let mapping = node.mapping else {
            issue(node, key, "a rule is a mapping with name, zone, and archive_after_days or delete_after_days")
            return nil
        }
        let fields = self.fields(mapping, key: key, allowed: ["name", "zone", "sources", "tables", "archive_after_days", "delete_after_days"])
        let name = fields["name"].flatMap { text($0, key + ".name") }
        if fields["name"] == nil { issue(node, key + ".name", "missing: every rule needs a name") }
        guard let zoneField = fields["zone"] else {
            issue(node, key + ".zone", "missing (one of \(LakeZone.allCases.map(\.rawValue).joined(separator: ", ")))")
            return nil
        }
        guard let zoneName = text(zoneField, key + ".zone") else { return nil }
        guard let zone = LakeZone(rawValue: zoneName) else {
            issue(zoneField.value, key + ".zone", "unknown zone '\(zoneName)' (known: \(LakeZone.allCases.map(\.rawValue).joined(separator: ", ")))")
            return nil
        }
        var rule = RetentionRule(name: name ?? "", zone: zone, line: node.mark?.line ?? 0)
        if let field = fields["sources"] {
            if !zone.filtersBySource {
                issue(field.keyNode, key + ".sources", "\(zone.rawValue) has no sources\(zone.filtersByTable ? ": filter it with tables" : "")")
            } else if let sources = filter(field, key + ".sources") {
                let unknown = sources.filter { Source(rawValue: $0) == nil }
                if !unknown.isEmpty {
                    issue(field.value, key + ".sources", "unknown source \(unknown.map { "'\($0)'" }.joined(separator: ", ")), which matches nothing (known: \(Source.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                rule.sources = sources
            }
        }
        if let field = fields["tables"] {
            if !zone.filtersByTable {
                issue(field.keyNode, key + ".tables", "\(zone.rawValue) has no tables\(zone.filtersBySource ? ": filter it with sources" : "")")
            } else if let names = filter(field, key + ".tables") {
                if let known = tables?.names(in: zone) {
                    let unknown = names.filter { !known.contains($0) }
                    if !unknown.isEmpty {
                        issue(field.value, key + ".tables", "no \(zone.rawValue) table \(unknown.map { "'\($0)'" }.joined(separator: ", ")), so it matches nothing (known: \(known.joined(separator: ", ")))")
                    }
                }
                rule.tables = names
            }
        }
        if let field = fields["archive_after_days"] {
            if zone.isArchivable {
                rule.archiveAfterDays = days(field, key + ".archive_after_days")
            } else {
                issue(field.keyNode, key + ".archive_after_days", "only bronze and quarantine are archived\(zone == .archive ? "; archives expire with delete_after_days" : "")")
            }
        }
        if let field = fields["delete_after_days"] {
            rule.deleteAfterDays = days(field, key + ".delete_after_days")
        }
        if fields["archive_after_days"] == nil && fields["delete_after_days"] == nil {
            issue(node, key, "says neither archive_after_days nor delete_after_days: it would do nothing")
        }
        return rule
    }

    mutating func hold(_ node: Node, key: String) -> RetentionHold? {
        guard let mapping = node.mapping else {
            issue(node, key, "a hold is a mapping with path and reason")
            return nil
        }
        let fields = self.fields(mapping, key: key, allowed: ["path", "reason"])
        if fields["path"] == nil { issue(node, key + ".path", "missing") }
        if fields["reason"] == nil { issue(node, key + ".reason", "missing: say why it is held") }
        var path: String?
        if let pathField = fields["path"], let text = text(pathField, key + ".path") {
            let zones = LakeZone.allCases.map(\.folder)
            if let first = text.split(separator: "/").first, zones.contains(String(first)), !text.hasPrefix("/") {
                path = text
            } else {
                issue(pathField.value, key + ".path", "'\(text)' does not start with a zone folder (\(zones.joined(separator: ", ")))")
            }
        }
        let reason = fields["reason"].flatMap { text($0, key + ".reason") }
        guard let path, let reason else { return nil }
        return RetentionHold(path: path, reason: reason, line: node.mark?.line ?? 0)
    }
}
