/// Why lineage cannot answer.
public enum LineageError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The path given is not a file of the lake (or is malformed).
    case badTarget(String, String)
    /// The file exists, but no recorded run wrote it.
    case noLineage(String)
    /// A line of a `_lineage` file is not an event this program wrote, and why.
    case notAnEvent(String)

    public var description: String {
        switch self {
        case .badTarget(let target, let why): return "lineage: '\(target)': \(why)"
        case .notAnEvent(let why): return "lineage: an event line cannot be read: \(why)"
        case .noLineage(let path): return "lineage: no recorded run wrote \(path) (made before lineage was kept, or by hand: `goodair verify` lists such files)"
        }
    }
}
