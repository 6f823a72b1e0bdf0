/// The kind of a JSON value in a ``JSONTape``.
///
/// `true` and `false` are kinds of their own, so a node's kind alone tells its boolean value.
///
/// ```swift
/// let tape = try JSONTape(parsing: #"{"ok":true}"#)
/// tape.kind(tape.root)                        // .object
/// tape.kind(tape.member(tape.root, "ok")!)     // .true
/// ```
public enum JSONKind: UInt8, Sendable, CustomStringConvertible {
    case object, array, string, number, `true`, `false`, null

    /// The JSON Schema type name: `object`, `array`, `string`, `number`, `boolean` or `null`.
    public var description: String {
        switch self {
        case .object: return "object"
        case .array: return "array"
        case .string: return "string"
        case .number: return "number"
        case .true, .false: return "boolean"
        case .null: return "null"
        }
    }
}

/// One node of a ``JSONTape``: a fixed-size record, so a document is one flat array and reading
/// it costs no allocation and no reference counting.
///
/// Offsets are byte offsets into the tape's source. For a string (a value or an object key),
/// `start` is just after the opening quote and `end` is the closing quote; for every other value
/// `start..<end` is its exact source text.
struct JSONNode: Sendable {
    /// First byte (strings: first byte after the opening quote).
    var start: UInt32
    /// One past the last byte (strings: the closing quote).
    var end: UInt32
    /// Index of the node after this value's whole subtree.
    var next: UInt32
    /// Members of an object, elements of an array; for a member name, its ``JSONKeyTag``; 0 otherwise.
    var count: UInt32
    var kind: JSONKind
    /// Strings: ``JSONNode/escaped``; numbers: ``JSONNode/fraction``, ``JSONNode/exponent``.
    var flags: UInt8

    /// A string holding at least one backslash escape.
    static let escaped: UInt8 = 1
    /// A number written with a decimal point.
    static let fraction: UInt8 = 1
    /// A number written with an exponent.
    static let exponent: UInt8 = 2
}
