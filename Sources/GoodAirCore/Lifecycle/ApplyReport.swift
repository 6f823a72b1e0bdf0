/// What `goodair lifecycle apply` did: the metrics value ``LifecycleApplier/apply(_:progress:)`` returns.
public struct ApplyReport: Sendable, Codable, Equatable {
    /// An action carried out.
    public struct Done: Sendable, Codable, Equatable {
        public var kind: LifecycleAction.Kind
        public var partition: String
        /// What it read: the partition, or the archive it verified or expired.
        public var inputs: [String]
        /// What it wrote: the archive and its manifest; empty for deletes.
        public var outputs: [String]
        /// Bytes and files read (archive, verify) or removed (delete, expire-archive).
        public var bytes: Int64
        public var files: Int
        /// The archive's sha256 (archive, verify).
        public var archiveSHA256: String?
        /// Whether an existing archive already held everything, so nothing was packed.
        public var reused = false

        enum CodingKeys: String, CodingKey {
            case kind, partition, inputs, outputs, bytes, files, reused
            case archiveSHA256 = "archive_sha256"
        }
    }

    /// An action not carried out, and why: a safety rule (held, too young, not curated,
    /// archive not verified) or an error.
    public struct NotDone: Sendable, Codable, Equatable {
        public var kind: LifecycleAction.Kind
        public var partition: String
        public var reason: String
    }

    public var done: [Done] = []
    /// Refused by a safety rule (exit 3 when nothing failed).
    public var refused: [NotDone] = []
    /// Failed with an error (exit 1); the partition's later steps were not attempted.
    public var failures: [NotDone] = []
    /// What `--force` overrode, one line each, as printed.
    public var overrides: [String] = []
    public var seconds = 0.0

    public init() {}

    /// 0 all done; 3 some actions refused for safety; 1 some failed.
    public var status: JobStatus {
        if !failures.isEmpty { return .failed }
        return refused.isEmpty ? .success : .partial
    }

    public var summary: String {
        func count(_ kind: LifecycleAction.Kind) -> Int { done.filter { $0.kind == kind }.count }
        let archived = done.filter { $0.kind == .archive }
        let packed = archived.filter { !$0.reused }
        let removed = done.filter { $0.kind == .delete || $0.kind == .expireArchive }.reduce(Int64(0)) { $0 + $1.bytes }
        var text = "lifecycle apply: \(packed.count) archived (\(LifecyclePlan.size(packed.reduce(0) { $0 + $1.bytes })) packed"
            + "\(archived.count > packed.count ? ", \(archived.count - packed.count) already archived" : "")), "
            + "\(count(.verify)) verified, \(count(.delete)) deleted, \(count(.expireArchive)) archives expired; "
            + "\(LifecyclePlan.size(removed)) removed in \(String(format: "%.1f", seconds)) s"
        for item in refused { text += "\n  refused \(item.kind.rawValue) \(item.partition): \(item.reason)" }
        for item in failures { text += "\n  FAILED \(item.kind.rawValue) \(item.partition): \(item.reason)" }
        return text
    }
}

/// Progress of a long apply, reported after each partition.
public struct ApplyProgress: Sendable {
    public var partitionsDone: Int
    public var partitionsTotal: Int
    public var partition: String
}
