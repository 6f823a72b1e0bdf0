/// Why ``Warehouse/update(lake:months:rebuild:logger:)`` refused its inputs: the file and line at
/// fault (relative to the lake root), and what is wrong. Nothing was changed in the database.
///
/// ```swift
/// do { _ = try Warehouse.update(lake: lake, months: ["2026-7"], rebuild: false, logger: logger) }
/// catch let error as WarehouseError { print(error) }   // "month '2026-7': expected YYYY-MM"
/// ```
public struct WarehouseError: Error, CustomStringConvertible, Sendable {
    /// The file at fault, relative to the lake root; nil for a bad argument.
    public let file: String?
    /// The 1-based line in ``file``, when known.
    public let line: Int?
    public let reason: String

    public init(file: String? = nil, line: Int? = nil, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    public var description: String {
        switch (file, line) {
        case let (file?, line?): return "\(file), line \(line): \(reason)"
        case let (file?, nil): return "\(file): \(reason)"
        default: return reason
        }
    }
}
