/// The document loop: values, members and the brackets around them, without recursion.
///
/// An open container's node holds, until it closes, the index of the container around it in
/// `next` (-1 as a bit pattern at the top level), and, while a container inside it is open, its
/// own member count in `count`: the chain of open nodes is the parser's stack, so nesting costs
/// no extra memory and the loop's state (position, nodes written, innermost container and its
/// member count) stays in registers.
extension JSONParser {
    /// Parses the whole document; returns the number of nodes written.
    func parseDocument() throws(JSONParseError) -> Int {
        var position = 0
        if count >= 3, base[0] == 0xEF, base[1] == 0xBB, base[2] == 0xBF { position = 3 }
        var written = 0
        var open = -1
        var depth = 0
        var inObject = false
        var members: UInt32 = 0   // of the innermost open container (the others keep theirs in `count`)
        var named = false         // a member name and its colon come first (after `{` or `,` in an object)
        value: while true {
            if named {   // written once, so the quick path stays in line
                named = false
                // Quick path: a short plain name (see ``plainName(at:)``) and its colon; else the general path.
                let quote = skipWhitespace(position)
                if quote < count, base[quote] == UInt8(ascii: "\""), written < capacity, let name = plainName(at: quote &+ 1) {
                    var colon = name.end &+ 1
                    if colon >= count || base[colon] != UInt8(ascii: ":") { colon = skipWhitespace(colon) }
                    if colon < count, base[colon] == UInt8(ascii: ":") {
                        (nodes + written).initialize(to: JSONNode(
                            start: UInt32(truncatingIfNeeded: quote &+ 1), end: UInt32(truncatingIfNeeded: name.end),
                            next: UInt32(truncatingIfNeeded: written &+ 1), count: name.tag, kind: .string, flags: 0))
                        (position, written) = (colon &+ 1, written &+ 1)
                        continue value   // on to the value (`named` is false now)
                    }
                }
                position = try memberName(at: position, members: members, &written)
            }
            position = skipWhitespace(position)
            guard position < count else { throw failure(at: position, "unexpected end of input, expected a value") }
            guard written < capacity else { throw Self.full }
            let start = position
            let byte = base[position]
            switch byte {
            case UInt8(ascii: "\""):
                var (end, flags) = (quickString(from: position), UInt8(0))
                if end < 0 { (end, flags) = try scanString(from: position) }
                write(written, .string, start &+ 1, end, flags: flags)
                written &+= 1
                position = end &+ 1
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                var (end, flags) = quickNumber(from: position)
                if end < 0 { (end, flags) = try scanNumber(from: position) }
                write(written, .number, start, end, flags: flags)
                written &+= 1
                position = end
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                guard depth < Self.maximumDepth else { throw failure(at: position, "nesting deeper than \(Self.maximumDepth) levels") }
                let kind: JSONKind = byte == UInt8(ascii: "{") ? .object : .array
                if open >= 0 { nodes[open].count = members }
                (nodes + written).initialize(to: JSONNode(start: UInt32(truncatingIfNeeded: start), end: 0,
                                                          next: UInt32(bitPattern: Int32(truncatingIfNeeded: open)),
                                                          count: 0, kind: kind, flags: 0))
                open = written
                written &+= 1
                depth &+= 1
                members = 0
                inObject = kind == .object
                position = skipWhitespace(position &+ 1)
                if position < count, base[position] == byte &+ 2 {   // `{}` or `[]`
                    position &+= 1
                    open = close(open, end: position, written: written, members: &members)
                    depth &-= 1
                    inObject = open >= 0 && nodes[open].kind == .object
                } else {
                    named = inObject
                    continue value
                }
            case UInt8(ascii: "t"):
                position = try scanLiteral("true", at: position)
                write(written, .true, start, position, flags: 0)
                written &+= 1
            case UInt8(ascii: "f"):
                position = try scanLiteral("false", at: position)
                write(written, .false, start, position, flags: 0)
                written &+= 1
            case UInt8(ascii: "n"):
                position = try scanLiteral("null", at: position)
                write(written, .null, start, position, flags: 0)
                written &+= 1
            default:
                throw failure(at: position, "expected a value, found \(describe(position))")
            }
            // A value is complete: a separator or closing brackets follow, unless it was the root.
            while open >= 0 {
                members &+= 1
                position = skipWhitespace(position)
                let closing = inObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
                guard position < count else {
                    throw failure(at: position, "unexpected end of input, expected ',' or '\(Character(Unicode.Scalar(closing)))'")
                }
                let separator = base[position]
                position &+= 1
                if separator == UInt8(ascii: ",") {
                    if inObject {
                        named = true
                    } else {
                        position = skipWhitespace(position)
                        if position < count, base[position] == UInt8(ascii: "]") {
                            throw failure(at: position, "expected a value, found ']' (trailing commas are not allowed)")
                        }
                    }
                    continue value
                }
                guard separator == closing else {
                    throw failure(at: position - 1, "expected ',' or '\(Character(Unicode.Scalar(closing)))', found \(describe(position - 1))")
                }
                open = close(open, end: position, written: written, members: &members)
                depth &-= 1
                inObject = open >= 0 && nodes[open].kind == .object
            }
            break
        }
        position = skipWhitespace(position)
        if position < count {
            throw failure(at: position, "unexpected \(describe(position)) after the JSON value")
        }
        return written
    }

    /// Reads a member name and its colon from `position` (after `{` or `,`) into node `written`;
    /// returns the position after the colon. The general path behind the loop's quick one for
    /// short plain names: it reads every name, and throws the errors.
    @inline(never)
    private func memberName(at position: Int, members: UInt32, _ written: inout Int) throws(JSONParseError) -> Int {
        var position = skipWhitespace(position)
        guard position < count, base[position] == UInt8(ascii: "\"") else { throw badMemberName(at: position, after: members) }
        guard written < capacity else { throw Self.full }
        let (end, flags) = try scanString(from: position)
        (nodes + written).initialize(to: JSONNode(
            start: UInt32(truncatingIfNeeded: position &+ 1), end: UInt32(truncatingIfNeeded: end),
            next: UInt32(truncatingIfNeeded: written &+ 1), count: keyTag(position &+ 1, end, flags: flags), kind: .string, flags: flags))
        written &+= 1
        position = skipWhitespace(end &+ 1)
        guard position < count, base[position] == UInt8(ascii: ":") else {
            throw failure(at: position, "expected ':' after a member name, found \(describe(position))")
        }
        return position &+ 1
    }

    /// The error for a member name that is not a string.
    private func badMemberName(at position: Int, after members: UInt32) -> JSONParseError {
        if position == count { return failure(at: position, "unexpected end of input, expected a member name") }
        if base[position] == UInt8(ascii: "}"), members > 0 {
            return failure(at: position, "expected a member name, found '}' (trailing commas are not allowed)")
        }
        return failure(at: position, "expected a member name in quotes, found \(describe(position))")
    }

    /// Writes a scalar node (a string's `start..<end` excludes its quotes).
    @inline(__always)
    private func write(_ index: Int, _ kind: JSONKind, _ start: Int, _ end: Int, flags: UInt8) {
        (nodes + index).initialize(to: JSONNode(start: UInt32(truncatingIfNeeded: start), end: UInt32(truncatingIfNeeded: end),
                                                next: UInt32(truncatingIfNeeded: index &+ 1), count: 0, kind: kind, flags: flags))
    }

    /// Closes container `node` at `end` (after its bracket) with its `members`; returns the
    /// container around it (-1: none), whose own count `members` becomes.
    @inline(__always)
    private func close(_ node: Int, end: Int, written: Int, members: inout UInt32) -> Int {
        let parent = Int(Int32(bitPattern: nodes[node].next))
        nodes[node].end = UInt32(truncatingIfNeeded: end)
        nodes[node].next = UInt32(truncatingIfNeeded: written)
        nodes[node].count = members
        members = parent >= 0 ? nodes[parent].count : 0
        return parent
    }
}
