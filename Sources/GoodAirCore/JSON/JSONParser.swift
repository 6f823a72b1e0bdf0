/// The byte-level JSON reader behind ``JSONTape/init(parsing:)-([UInt8])``: one pass over the
/// bytes, appending fixed-size ``JSONNode`` records to one array.
///
/// Strict RFC 8259: one value, optional whitespace around it (and an optional UTF-8 byte-order
/// mark); no trailing commas, comments, `NaN`, leading zeros or unescaped control characters;
/// strings must be valid UTF-8. Lone surrogate escapes (`\uD800`) are accepted and read as U+FFFD.
/// Nesting is limited to ``maximumDepth`` so a hostile document cannot exhaust the stack.
///
/// The cursor is a `mutating` method on a local struct over an `UnsafeBufferPointer`: no closure,
/// no class, no exclusivity check in the inner loops.
struct JSONParser {
    /// Deepest nesting of arrays and objects accepted (default 512; API payloads use fewer than 10).
    static let maximumDepth = 512

    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0
    var nodes: [JSONNode] = []

    /// Parses a whole document into tape nodes.
    static func parse(_ source: [UInt8]) throws(JSONParseError) -> [JSONNode] {
        guard source.count < Int(UInt32.max) else {
            throw JSONParseError(offset: 0, reason: "document larger than 4 GiB")
        }
        return try source.withUnsafeBufferPointer { (buffer) throws(JSONParseError) -> [JSONNode] in
            var parser = JSONParser(bytes: buffer)
            parser.nodes.reserveCapacity(buffer.count / 8 + 4)
            try parser.parseDocument()
            return parser.nodes
        }
    }

    mutating func parseDocument() throws(JSONParseError) {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
        try parseValue(depth: 0)
        skipWhitespace()
        if position < bytes.count {
            throw failure(at: position, "unexpected \(describe(position)) after the JSON value")
        }
    }

    mutating func parseValue(depth: Int) throws(JSONParseError) {
        skipWhitespace()
        guard position < bytes.count else {
            throw failure(at: position, bytes.isEmpty ? "empty document" : "unexpected end of input, expected a value")
        }
        switch bytes[position] {
        case UInt8(ascii: "{"): try parseObject(depth: depth + 1)
        case UInt8(ascii: "["): try parseArray(depth: depth + 1)
        case UInt8(ascii: "\""): try parseString()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try parseNumber()
        case UInt8(ascii: "t"): try parseLiteral("true", .true)
        case UInt8(ascii: "f"): try parseLiteral("false", .false)
        case UInt8(ascii: "n"): try parseLiteral("null", .null)
        default: throw failure(at: position, "expected a value, found \(describe(position))")
        }
    }

    mutating func parseObject(depth: Int) throws(JSONParseError) {
        guard depth <= Self.maximumDepth else { throw failure(at: position, "nesting deeper than \(Self.maximumDepth) levels") }
        let index = beginContainer(.object)
        var count: UInt32 = 0
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
            position += 1
        } else {
            while true {
                skipWhitespace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                    if position == bytes.count { throw failure(at: position, "unexpected end of input, expected a member name") }
                    if bytes[position] == UInt8(ascii: "}"), count > 0 {
                        throw failure(at: position, "expected a member name, found '}' (trailing commas are not allowed)")
                    }
                    throw failure(at: position, "expected a member name in quotes, found \(describe(position))")
                }
                try parseString(memberName: true)
                skipWhitespace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
                    throw failure(at: position, "expected ':' after a member name, found \(describe(position))")
                }
                position += 1
                try parseValue(depth: depth)
                count += 1
                if try endOfMember(closing: UInt8(ascii: "}")) { break }
            }
        }
        endContainer(index, count: count)
    }

    mutating func parseArray(depth: Int) throws(JSONParseError) {
        guard depth <= Self.maximumDepth else { throw failure(at: position, "nesting deeper than \(Self.maximumDepth) levels") }
        let index = beginContainer(.array)
        var count: UInt32 = 0
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
            position += 1
        } else {
            while true {
                skipWhitespace()
                if position < bytes.count, bytes[position] == UInt8(ascii: "]"), count > 0 {
                    throw failure(at: position, "expected a value, found ']' (trailing commas are not allowed)")
                }
                try parseValue(depth: depth)
                count += 1
                if try endOfMember(closing: UInt8(ascii: "]")) { break }
            }
        }
        endContainer(index, count: count)
    }

    /// After a member or element: consumes `,` (false: more follow) or the closing bracket (true).
    private mutating func endOfMember(closing: UInt8) throws(JSONParseError) -> Bool {
        skipWhitespace()
        guard position < bytes.count else {
            throw failure(at: position, "unexpected end of input, expected ',' or '\(Character(Unicode.Scalar(closing)))'")
        }
        let byte = bytes[position]
        position += 1
        if byte == UInt8(ascii: ",") { return false }
        if byte == closing { return true }
        throw failure(at: position - 1, "expected ',' or '\(Character(Unicode.Scalar(closing)))', found \(describe(position - 1))")
    }

    private mutating func beginContainer(_ kind: JSONKind) -> Int {
        let index = nodes.count
        nodes.append(JSONNode(start: UInt32(position), end: 0, next: 0, count: 0, kind: kind, flags: 0))
        position += 1
        return index
    }

    private mutating func endContainer(_ index: Int, count: UInt32) {
        nodes[index].end = UInt32(position)
        nodes[index].next = UInt32(nodes.count)
        nodes[index].count = count
    }

    mutating func parseLiteral(_ word: StaticString, _ kind: JSONKind) throws(JSONParseError) {
        let length = word.utf8CodeUnitCount
        let start = position
        guard start + length <= bytes.count else { throw failure(at: start, "expected \(word), found \(describe(start))") }
        for offset in 0..<length where bytes[start + offset] != word.utf8Start[offset] {
            throw failure(at: start, "expected \(word), found \(describe(start))")
        }
        position += length
        appendScalar(kind, start: start, end: position, flags: 0)
    }

    mutating func appendScalar(_ kind: JSONKind, start: Int, end: Int, flags: UInt8) {
        let next = UInt32(nodes.count + 1)
        nodes.append(JSONNode(start: UInt32(start), end: UInt32(end), next: next, count: 0, kind: kind, flags: flags))
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while position < bytes.count {
            let byte = bytes[position]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            position += 1
        }
    }

    /// A short, safe description of the byte at `offset` for error messages.
    func describe(_ offset: Int) -> String {
        guard offset < bytes.count else { return "the end of input" }
        let byte = bytes[offset]
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }

    func failure(at offset: Int, _ reason: String) -> JSONParseError {
        JSONParseError(offset: offset, reason: reason)
    }
}
