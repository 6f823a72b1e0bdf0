/// Errors that stop a curation. Quarantined snapshots are not errors: they are counted.
public enum CurateError: Error, CustomStringConvertible, Sendable {
    /// A silver partition whose header is not its table's current one.
    case partitionMismatch(path: String, table: String)
    /// A schema or table file that cannot be used.
    case schema(String)
    /// `--from` after `--to`.
    case badRange(String)

    public var description: String {
        switch self {
        case let .partitionMismatch(path, table):
            return "\(path) does not have the columns of table \(table) (the schema changed?): run `goodair curate --rebuild`"
        case let .schema(why):
            return why
        case let .badRange(why):
            return "bad date range: \(why)"
        }
    }
}
