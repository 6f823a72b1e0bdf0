/// Errors that stop an aggregation.
public enum AggregateError: Error, CustomStringConvertible, Sendable {
    /// A silver file that cannot be read as its table.
    case silverFile(path: String, reason: String)
    /// A gold file that cannot be read back as its table.
    case goldFile(path: String, reason: String)

    public var description: String {
        switch self {
        case let .silverFile(path, reason):
            return "\(path): \(reason) (run `goodair curate --rebuild` to rewrite silver)"
        case let .goldFile(path, reason):
            return "\(path): \(reason) (run `goodair aggregate --rebuild` to rewrite gold)"
        }
    }
}
