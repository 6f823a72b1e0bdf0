/// A parsed JSON document as a flat tape: one array of fixed-size nodes over the source bytes.
///
/// Values are addressed by node index (``root`` is 0). A container's node is followed by its
/// contents in document order — for an object, each member name (a string node) then its value's
/// subtree — and ``next(_:)`` jumps over a whole subtree. Nothing is decoded until asked: strings
/// are unescaped by ``string(_:)``, numbers converted by ``double(_:)`` or ``int(_:)``, and the
/// exact source text of any value stays available (``rawText(_:)``), so a number can be written to
/// a CSV exactly as the API sent it.
///
/// Parsing is strict RFC 8259 (see ``JSONParseError`` for what is refused); a tape is immutable and
/// `Sendable`. Reading is O(1) per step and allocates nothing except where a `String` or array is
/// returned.
///
/// ```swift
/// let tape = try JSONTape(parsing: Array(#"{"data":{"iaqi":{"pm25":{"v":42}}}}"#.utf8))
/// if let v = tape.node(at: "/data/iaqi/pm25/v") { tape.int(v) }          // 42
/// tape.member(tape.root, "status")                                        // nil
/// ```
public struct JSONTape: Sendable {
    /// The document's bytes, exactly as given.
    public let bytes: [UInt8]
    let nodes: JSONNodes

    /// Parses a whole document (RFC 8259, UTF-8). Throws ``JSONParseError`` (offset and reason)
    /// on trailing garbage, unescaped control characters, bad escapes, leading zeros, invalid
    /// UTF-8, nesting deeper than 512… Lone surrogate escapes are accepted and read as U+FFFD.
    public init(parsing bytes: [UInt8]) throws {
        self.bytes = bytes
        self.nodes = try JSONParser.parse(bytes)
    }

    /// Parses the UTF-8 bytes of `text`.
    public init(parsing text: String) throws {
        try self.init(parsing: Array(text.utf8))
    }

    /// The node index of the root value (always 0).
    public var root: Int { 0 }

    /// How many nodes the tape holds (values and member names).
    public var nodeCount: Int { nodes.count }

    /// The kind of a value.
    public func kind(_ node: Int) -> JSONKind { nodes[node].kind }

    /// Members of an object, elements of an array; 0 for any other value.
    public func count(_ node: Int) -> Int {
        let record = nodes[node]
        return record.kind == .object || record.kind == .array ? Int(record.count) : 0
    }

    /// The index of the node after this value's whole subtree (for the root: ``nodeCount``).
    public func next(_ node: Int) -> Int { Int(nodes[node].next) }

    /// `true` or `false`; nil for any other kind.
    public func bool(_ node: Int) -> Bool? {
        switch nodes[node].kind {
        case .true: return true
        case .false: return false
        default: return nil
        }
    }

    /// Whether the value is `null`.
    public func isNull(_ node: Int) -> Bool { nodes[node].kind == .null }

    /// The source byte range of a value, quotes included for a string.
    public func sourceRange(_ node: Int) -> Range<Int> {
        let record = nodes[node]
        if record.kind == .string { return Int(record.start) - 1 ..< Int(record.end) + 1 }
        return Int(record.start) ..< Int(record.end)
    }

    /// The value's exact source text (a string keeps its quotes and escapes): `12.50` stays
    /// `12.50`, `1E+2` stays `1E+2`.
    public func rawText(_ node: Int) -> String {
        let range = sourceRange(node)
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }

    /// The value's exact source bytes, without copying.
    public func rawBytes(_ node: Int) -> ArraySlice<UInt8> { bytes[sourceRange(node)] }
}
