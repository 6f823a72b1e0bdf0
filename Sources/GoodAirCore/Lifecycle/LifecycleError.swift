/// Errors that stop `goodair lifecycle plan`, `apply` or `restore`.
///
/// Descriptions name partitions and files of the lake and say what to do; they never hold file
/// contents or anything from the environment.
public enum LifecycleError: Error, CustomStringConvertible, Sendable, Equatable {
    /// A saved plan whose partitions changed since it was made (exit 1).
    case planStale(partition: String)
    /// A saved plan that cannot be used here: unreadable, another version, another lake (exit 2).
    case badPlan(path: String, reason: String)
    /// A path that does not name a partition (exit 2).
    case badPartition(String)
    /// `restore` of a partition that has no archive (exit 2).
    case notArchived(String)
    /// An archive manifest that is missing or not one.
    case badManifest(path: String, reason: String)
    /// An archive that is not what its manifest says, or not a tar.gz at all.
    case corruptArchive(path: String, reason: String)
    /// `restore` would overwrite a file that differs from the archive's copy.
    case conflict(path: String)
    /// A member path that a ustar header cannot hold.
    case pathTooLong(String)
    /// An original whose bytes differ from its archived copy: bronze is immutable, so one of the
    /// two was damaged; nothing is packed or deleted until someone looks.
    case differsFromArchive(path: String)

    public var description: String {
        switch self {
        case let .planStale(partition):
            return "the lake changed since the plan was made (\(partition) is not as the plan saw it): make a new plan with `goodair lifecycle plan`"
        case let .badPlan(path, reason):
            return "cannot use the plan \(path): \(reason)"
        case let .badPartition(path):
            return "'\(path)' is not a partition path such as bronze/source=aqicn/date=2026-07-14"
        case let .notArchived(path):
            return "\(path) has no archive (looked for archive/\(path).tar.gz and its .manifest.json)"
        case let .badManifest(path, reason):
            return "archive manifest \(path): \(reason)"
        case let .corruptArchive(path, reason):
            return "archive \(path): \(reason)"
        case let .conflict(path):
            return "\(path) exists and differs from the archive's copy: restore leaves it alone (move it aside to restore the archived one)"
        case let .differsFromArchive(path):
            return "\(path) differs from its copy in the archive: bronze never changes, so one of them is damaged; nothing is packed again or deleted until someone compares them (tar -xzOf the archive with that path)"
        case let .pathTooLong(path):
            return "\(path) is too long for a ustar header (100 + 155 bytes)"
        }
    }
}
