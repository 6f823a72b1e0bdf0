import Foundation

/// How a curation runs.
///
/// ```swift
/// let configuration = CurateConfiguration(schemas: URL(fileURLWithPath: "schemas"))
/// ```
public struct CurateConfiguration: Sendable {
    /// The folder with `payload/*.schema.json` and `table/*.table.json` (default `./schemas`).
    public var schemas: URL
    /// First and last bronze (collection) date to consider, `YYYY-MM-DD`, both included; nil: all.
    public var from: String?
    public var to: String?
    /// Rebuild silver from bronze instead of curating only what is new.
    public var rebuild: Bool
    /// How long to wait for another curation's lock, in seconds (default 0).
    public var lockWait: Double

    public init(schemas: URL, from: String? = nil, to: String? = nil, rebuild: Bool = false, lockWait: Double = 0) {
        self.schemas = schemas
        self.from = from
        self.to = to
        self.rebuild = rebuild
        self.lockWait = lockWait
    }

    /// What lineage records of this configuration.
    var lineageParameters: [String: String] {
        var parameters = ["rebuild": "\(rebuild)"]
        parameters["from"] = from
        parameters["to"] = to
        return parameters
    }
}
