/// Why `goodair check` could not run.
public enum CheckError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The checks file is missing or wrong.
    case rules(file: String, reason: String)
    /// A bad range (`--from` after `--to`, not a date).
    case badRange(String)

    public var description: String {
        switch self {
        case .rules(let file, let reason): return "check: \(file): \(reason)"
        case .badRange(let reason): return "check: \(reason)"
        }
    }
}
