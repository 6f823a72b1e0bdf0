/// Why `goodair report` could not build the reports.
public enum ReportError: Error, CustomStringConvertible, Sendable {
    /// `--from` or `--to` is not a `YYYY-MM-DD` date.
    case badDate(option: String, value: String)
    /// `--from` is after `--to`.
    case emptyPeriod(from: String, to: String)
    /// A gold file could not be read or parsed.
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case .badDate(let option, let value): return "\(option): '\(value)' is not a date YYYY-MM-DD"
        case .emptyPeriod(let from, let to): return "--from \(from) is after --to \(to)"
        case .unreadable(let path, let reason): return "cannot read \(path): \(reason)"
        }
    }
}
