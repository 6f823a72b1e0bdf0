/// One part of a primary key, ordered as researchers expect: numbers numerically, text and
/// timestamps (ISO 8601, fixed width) as text.
public enum KeyPart: Hashable, Comparable, Sendable {
    case int(Int)
    case text(String)
}

/// A curated row: its primary key, the collection it came from (to keep the latest when the same
/// observation was fetched twice), and its CSV fields in the table's column order.
public struct SilverRow: Sendable, Equatable {
    public var key: [KeyPart]
    /// `collected_at` as written (ISO 8601, so text order is time order).
    public var collectedAt: String
    public var fields: [String]

    /// The CSV line (no line end).
    public var line: String { fields.joined(separator: ",") }

    /// Whether `self` wins over `other` for the same key: the later collection, then (for two
    /// collections of the same hour) the greater line, so the choice never depends on the order
    /// in which snapshots were curated.
    public func supersedes(_ other: SilverRow) -> Bool {
        if collectedAt != other.collectedAt { return collectedAt > other.collectedAt }
        return line > other.line
    }
}
