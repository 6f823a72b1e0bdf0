import Foundation

/// A `pattern` or `patternProperties` regular expression, compiled once with the schema.
///
/// JSON Schema patterns are ECMA-262 regular expressions, matched anywhere in the string (not
/// anchored). Most schema patterns (literals, classes, `\d \w \s \b`, anchors, groups,
/// alternation, quantifiers) run on the built-in ``ECMARegex``: linear time, straight on the
/// tape's UTF-8 bytes, about ten times faster than `NSRegularExpression` on Linux. The others
/// (lookaround, backreferences, `\p{…}`…) run on ICU (`NSRegularExpression`) after a small
/// translation where the dialects differ: `\d` and `\w` are ASCII-only, and `$` matches only at
/// the very end. Both engines match by code point.
///
/// ```swift
/// let regex = try SchemaRegex("^[a-z]+$")
/// regex.matches("paris")      // true
/// regex.matches("paris\n")    // false, as in ECMA-262
/// ```
final class SchemaRegex: Sendable {
    /// The pattern as written in the schema.
    let source: String
    private let builtIn: ECMARegex?
    private let foundation: NSRegularExpression?

    /// Compiles an ECMA-262 pattern; throws the engine's reason when it is not a valid expression.
    init(_ source: String) throws {
        self.source = source
        if let regex = ECMARegex(source) {
            builtIn = regex
            foundation = nil
        } else {
            builtIn = nil
            foundation = try NSRegularExpression(pattern: Self.translate(source), options: [])
        }
    }

    /// Whether the pattern runs on the built-in matcher (false: on ICU).
    var isBuiltIn: Bool { builtIn != nil }

    /// The built-in matcher's automaton for ASCII text, when it has one.
    var dfa: RegexDFA? { builtIn?.dfa }

    /// Whether the pattern matches somewhere in UTF-8 text.
    func matches(utf8 text: UnsafeBufferPointer<UInt8>) -> Bool {
        if let builtIn { return builtIn.matches(text) }
        return matches(String(decoding: text, as: UTF8.self))
    }

    /// Whether the pattern matches somewhere in `string`.
    func matches(_ string: String) -> Bool {
        if let builtIn {
            if let result = string.utf8.withContiguousStorageIfAvailable({ builtIn.matches($0) }) { return result }
            return Array(string.utf8).withUnsafeBufferPointer { builtIn.matches($0) }
        }
        guard let foundation else { return false }
        return foundation.firstMatch(in: string, options: [], range: NSRange(location: 0, length: string.utf16.count)) != nil
    }

    /// ECMA-262 to ICU, for the differences listed above.
    static func translate(_ pattern: String) -> String {
        var output = ""
        var inClass = false
        var escaped = false
        for character in pattern {
            if escaped {
                escaped = false
                switch (character, inClass) {
                case ("d", false): output += "[0-9]"
                case ("d", true): output += "0-9"
                case ("D", false): output += "[^0-9]"
                case ("w", false): output += "[A-Za-z0-9_]"
                case ("w", true): output += "A-Za-z0-9_"
                case ("W", false): output += "[^A-Za-z0-9_]"
                default: output += "\\" + String(character)
                }
                continue
            }
            switch character {
            case "\\": escaped = true
            case "[" where !inClass: inClass = true; output.append(character)
            case "]" where inClass: inClass = false; output.append(character)
            case "$" where !inClass: output += "\\z"
            default: output.append(character)
            }
        }
        if escaped { output += "\\" }
        return output
    }
}

extension JSONTape {
    /// Whether `regex` matches string node `node` (a value or a member name), read in place.
    func matches(_ regex: SchemaRegex, _ node: Int) -> Bool {
        let record = nodes[node]
        if record.flags & JSONNode.escaped == 0 {
            return bytes.withUnsafeBufferPointer { regex.matches(utf8: UnsafeBufferPointer(rebasing: $0[Int(record.start)..<Int(record.end)])) }
        }
        return decodedBytes(node).withUnsafeBufferPointer { regex.matches(utf8: $0) }
    }
}
