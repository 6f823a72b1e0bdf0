import Foundation

/// JSON Pointers (RFC 6901): `/data/iaqi/pm25/v`, with `~0` for `~` and `~1` for `/`; the empty
/// pointer is the whole document.
///
/// ```swift
/// JSONPointer.escape("a/b~c")                 // "a~1b~0c"
/// JSONPointer.tokens("/a~1b/0")               // ["a/b", "0"]
/// tape.node(at: "/data/iaqi/pm25/v")          // the node, or nil
/// ```
public enum JSONPointer {
    /// One reference token escaped for a pointer.
    public static func escape(_ token: String) -> String {
        guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return token }
        return token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    /// Appends `/` and the escaped token (UTF-8 bytes) to a pointer being built.
    static func append(_ token: some Sequence<UInt8>, to pointer: inout [UInt8]) {
        pointer.append(UInt8(ascii: "/"))
        for byte in token {
            switch byte {
            case UInt8(ascii: "~"): pointer.append(UInt8(ascii: "~")); pointer.append(UInt8(ascii: "0"))
            case UInt8(ascii: "/"): pointer.append(UInt8(ascii: "~")); pointer.append(UInt8(ascii: "1"))
            default: pointer.append(byte)
            }
        }
    }

    /// The unescaped reference tokens of a pointer; nil when it is neither empty nor starts with `/`.
    public static func tokens(_ pointer: String) -> [String]? {
        if pointer.isEmpty { return [] }
        guard pointer.hasPrefix("/") else { return nil }
        return pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
            $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
    }

    /// Follows `tokens` from `node` in `tape`: object members by name, array elements by index
    /// (decimal, no leading zero). Nil when a step does not exist.
    public static func resolve(_ tokens: [String], in tape: JSONTape, from node: Int) -> Int? {
        var current = node
        for token in tokens {
            switch tape.kind(current) {
            case .object:
                guard let value = tape.member(current, token) else { return nil }
                current = value
            case .array:
                guard let index = Int(token), String(index) == token, let element = tape.element(current, index) else { return nil }
                current = element
            default:
                return nil
            }
        }
        return current
    }
}

extension JSONTape {
    /// The node a JSON Pointer designates from the root, nil when it does not exist.
    public func node(at pointer: String) -> Int? {
        guard let tokens = JSONPointer.tokens(pointer) else { return nil }
        return JSONPointer.resolve(tokens, in: self, from: root)
    }
}
