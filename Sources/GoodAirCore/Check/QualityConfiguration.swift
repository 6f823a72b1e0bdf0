import Foundation

/// How a quality evaluation runs.
///
/// ```swift
/// let configuration = QualityConfiguration(schemas: URL(fileURLWithPath: "schemas"), from: "2026-07-01", to: "2026-07-31")
/// ```
public struct QualityConfiguration: Sendable {
    /// The folder with `quality/checks.json` and `table/*.table.json` (default `./schemas`).
    public var schemas: URL
    /// First and last UTC day to check, `YYYY-MM-DD`; nil: the `window_hours` before now.
    public var from: String?
    public var to: String?
    /// Hours before now to check, instead of the checks file's `window_hours`.
    public var windowHours: Int?

    public init(schemas: URL = URL(fileURLWithPath: "schemas"), from: String? = nil, to: String? = nil, windowHours: Int? = nil) {
        self.schemas = schemas
        self.from = from
        self.to = to
        self.windowHours = windowHours
    }
}
