/// Errors that stop a collection before or while it runs. Descriptions never contain a secret.
public enum CollectError: Error, CustomStringConvertible, Sendable {
    /// A required environment variable (an API key) is missing or empty.
    case missingSecret(variable: String, sources: [Source])
    /// A base URL that is not http(s).
    case badBaseURL(variable: String, value: String)
    /// An hour after the current one was asked for.
    case futureHour(requested: String, current: String)
    /// `--from` after `--to`, or a range that is too long.
    case badRange(String)
    /// A `_manifest.json` that cannot be read: never overwritten blindly.
    case corruptManifest(path: String, reason: String)

    public var description: String {
        switch self {
        case let .missingSecret(variable, sources):
            return "\(variable) is not set: it is needed to collect \(sources.map(\.rawValue).joined(separator: ", "))"
                + " (set it in the environment, or pass --sources without them)"
        case let .badBaseURL(variable, value):
            return "\(variable) must be an http:// or https:// base URL, not '\(value)'"
        case let .futureHour(requested, current):
            return "hour \(requested) is in the future (the current hour is \(current))"
        case let .badRange(why):
            return "bad hour range: \(why)"
        case let .corruptManifest(path, reason):
            return "cannot read \(path) (\(reason)); move it aside to collect this hour again"
        }
    }
}
