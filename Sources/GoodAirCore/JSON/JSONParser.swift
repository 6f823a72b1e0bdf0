/// The byte-level JSON reader behind ``JSONTape/init(parsing:)-([UInt8])``: one pass over the
/// bytes, writing fixed-size ``JSONNode`` records straight into the storage of one array.
///
/// Strict RFC 8259: one value, optional whitespace around it (and an optional UTF-8 byte-order
/// mark); no trailing commas, comments, `NaN`, leading zeros or unescaped control characters;
/// strings must be valid UTF-8. Lone surrogate escapes (`\uD800`) are accepted and read as U+FFFD.
/// Nesting is limited to ``maximumDepth`` so a hostile document cannot exhaust memory.
///
/// One loop, no recursion (see ``parseDocument()``): the open containers form a chain through
/// their nodes, all state lives in local variables over raw pointers — no closure, no class, no
/// exclusivity check, no array uniqueness or capacity check in the inner loops. Nodes go to a
/// buffer sized from the document (see ``parse(_:)``); the only per-node check is its capacity.
struct JSONParser {
    /// Deepest nesting of arrays and objects accepted (default 512; API payloads use fewer than 10).
    static let maximumDepth = 512

    let bytes: UnsafeBufferPointer<UInt8>
    /// `bytes.baseAddress` (never nil: an empty document is refused before parsing) and `bytes.count`.
    let base: UnsafePointer<UInt8>
    let count: Int
    let nodes: UnsafeMutablePointer<JSONNode>
    let capacity: Int

    /// Parses a whole document into tape nodes.
    ///
    /// Nodes are written into storage allocated once with room for `bytes/4 + 16` nodes (API
    /// payloads use one node per 5 to 20 bytes). A denser document is parsed again with room for
    /// `bytes/2 + 2` nodes, which any valid document fits (each node but the first needs a value
    /// and a separator byte), then, for a malformed one, `bytes + 1` (each node starts at its own byte).
    static func parse(_ source: [UInt8]) throws(JSONParseError) -> JSONNodes {
        guard source.count < Int(UInt32.max) else {
            throw JSONParseError(offset: 0, reason: "document larger than 4 GiB")
        }
        return try source.withUnsafeBufferPointer { (buffer) throws(JSONParseError) -> JSONNodes in
            guard let base = buffer.baseAddress, !buffer.isEmpty else { throw JSONParseError(offset: 0, reason: "empty document") }
            if let nodes = try parse(base, buffer.count, capacity: buffer.count / 4 + 16) { return nodes }
            if let nodes = try parse(base, buffer.count, capacity: buffer.count / 2 + 2) { return nodes }
            if let nodes = try parse(base, buffer.count, capacity: buffer.count + 1) { return nodes }
            preconditionFailure("a node starts at each of its own bytes")
        }
    }

    /// One attempt: the nodes, or nil when more than `capacity` are needed.
    private static func parse(_ base: UnsafePointer<UInt8>, _ count: Int, capacity: Int) throws(JSONParseError) -> JSONNodes? {
        var failure: JSONParseError?
        let nodes = JSONNodes(capacity: capacity)
        let written = nodes.storage.withUnsafeMutablePointerToElements { storage -> Int in
            let parser = JSONParser(bytes: UnsafeBufferPointer(start: base, count: count), base: base, count: count,
                                    nodes: storage, capacity: capacity)
            do throws(JSONParseError) {
                return try parser.parseDocument()
            } catch {
                failure = error
                return 0
            }
        }
        if let failure {
            if failure.offset < 0 { return nil }
            throw failure
        }
        nodes.setCount(written)
        return nodes
    }

    /// Thrown when the node buffer is full; caught by ``parse(_:)``, which tries a bigger one.
    @inline(__always)
    static var full: JSONParseError { JSONParseError(offset: -1, reason: "") }

    /// The index of the first byte at or after `index` that is not JSON whitespace (or `count`).
    @inline(__always)
    func skipWhitespace(_ index: Int) -> Int {
        if index < count, base[index] > 0x20 { return index }
        return skipWhitespaceRun(index)
    }

    /// ``skipWhitespace(_:)`` past its first byte: after each whitespace byte, the spaces that
    /// follow (indentation) are skipped a word at a time.
    func skipWhitespaceRun(_ index: Int) -> Int {
        var index = index
        while index < count {
            let byte = base[index]
            if byte != 0x20 && byte != 0x0A && byte != 0x0D && byte != 0x09 {
                return index
            }
            index &+= 1
            while index &+ 8 <= count {
                let others = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) ^ 0x2020_2020_2020_2020
                if others != 0 {
                    index &+= others.trailingZeroBitCount &>> 3
                    break
                }
                index &+= 8
            }
        }
        return index
    }

    /// A short, safe description of the byte at `offset` for error messages.
    func describe(_ offset: Int) -> String {
        guard offset < count else { return "the end of input" }
        let byte = base[offset]
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }

    func failure(at offset: Int, _ reason: String) -> JSONParseError {
        JSONParseError(offset: offset, reason: reason)
    }
}
