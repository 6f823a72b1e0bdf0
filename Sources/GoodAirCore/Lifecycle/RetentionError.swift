/// A `retention.yml` that cannot be used, with every mistake found in it (exit 2).
///
/// Each issue names its line and key, so the file can be fixed in one pass:
///
/// ```text
/// retention.yml: 2 mistakes
///   line 7, rules[0].sources: an empty list would match every partition of the zone; remove the key or name sources
///   line 12, rules[1].delete_after_days: 3 days is below minimum_age_days (7)
/// ```
///
/// Descriptions quote keys and the policy's own values, never anything from the environment.
public struct RetentionError: Error, CustomStringConvertible, Sendable, Equatable {
    /// One mistake: where it is and what is wrong.
    public struct Issue: Sendable, Equatable, CustomStringConvertible {
        /// 1-based line in the file, 0 when the mistake is the file as a whole.
        public var line: Int
        /// The key path, such as `rules[1].delete_after_days` or `holds[0].path`.
        public var key: String
        /// What is wrong, in plain words.
        public var message: String

        public init(line: Int, key: String, message: String) {
            self.line = line
            self.key = key
            self.message = message
        }

        public var description: String {
            line > 0 ? "line \(line), \(key): \(message)" : "\(key.isEmpty ? "" : key + ": ")\(message)"
        }
    }

    /// The file, as the user named it.
    public var file: String
    /// Every mistake, in the order of the file.
    public var issues: [Issue]

    public init(file: String, issues: [Issue]) {
        self.file = file
        self.issues = issues.sorted { ($0.line, $0.key) < ($1.line, $1.key) }
    }

    public var description: String {
        if issues.count == 1 { return "\(file): \(issues[0])" }
        return "\(file): \(issues.count) mistakes\n" + issues.map { "  \($0)" }.joined(separator: "\n")
    }
}
