import Foundation
import GoodAirCore
import Testing

/// The byte-level JSON parser and its tape: RFC 8259 edge cases, lazy decoding, lookups.
@Suite("JSON tape")
struct JSONTapeTests {
    func parse(_ text: String) throws -> JSONTape { try JSONTape(parsing: Array(text.utf8)) }

    /// The error a document gives, failing the test when it parses.
    func error(_ text: String) -> JSONParseError? {
        do {
            _ = try JSONTape(parsing: Array(text.utf8))
            Issue.record("parsed but should not: \(text)")
            return nil
        } catch let error as JSONParseError {
            return error
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    @Test("structure: kinds, counts, subtrees, member order")
    func structure() throws {
        let tape = try parse(#" {"a": [1, {"b": null}, []], "c": {}, "d": true, "e": false, "f": "x"} "#)
        #expect(tape.kind(tape.root) == .object)
        #expect(tape.count(tape.root) == 5)
        #expect(tape.next(tape.root) == tape.nodeCount)
        #expect(tape.members(tape.root).map(\.key) == ["a", "b", "c", "d", "e", "f"].filter { $0 != "b" })
        let a = try #require(tape.member(tape.root, "a"))
        #expect(tape.kind(a) == .array && tape.count(a) == 3)
        let items = tape.elements(a)
        #expect(items.map { tape.kind($0) } == [.number, .object, .array])
        #expect(tape.kind(try #require(tape.member(items[1], "b"))) == .null)
        #expect(tape.count(items[2]) == 0)
        #expect(tape.next(a) == tape.member(tape.root, "c")! - 1, "next skips the whole subtree to the following member name")
        #expect(tape.bool(tape.member(tape.root, "d")!) == true)
        #expect(tape.bool(tape.member(tape.root, "e")!) == false)
        #expect(tape.member(tape.root, "zz") == nil)
        #expect(tape.member(a, "a") == nil, "member of a non-object is nil")
        #expect(tape.string(tape.member(tape.root, "f")!) == "x")
        #expect(tape.rawText(items[1]) == #"{"b": null}"#)
    }

    @Test("deep nesting is parsed up to the limit, refused beyond it")
    func nesting() throws {
        let deep = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        let tape = try parse(deep)
        #expect(tape.nodeCount == 500)
        let tooDeep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(error(tooDeep)?.reason.contains("nesting deeper than 512") == true)
    }

    @Test("string escapes, surrogate pairs, lone surrogates, UTF-8")
    func strings() throws {
        let tape = try parse(#"["a\"b\\c\/d\b\f\n\r\t", "\u00e9\u20AC", "\uD83D\uDE00", "\uD800x", "\uDC00", "héllo 😀", ""]"#)
        let values = tape.elements(tape.root).map { tape.string($0) }
        #expect(values == ["a\"b\\c/d\u{8}\u{C}\n\r\t", "é€", "😀", "\u{FFFD}x", "\u{FFFD}", "héllo 😀", ""])
        #expect(tape.unicodeScalarCount(tape.elements(tape.root)[5]) == 7)
        #expect(tape.unicodeScalarCount(tape.elements(tape.root)[2]) == 1, "a surrogate pair is one code point")
        #expect(tape.stringEquals(tape.elements(tape.root)[1], "é€"))
        #expect(tape.stringEquals(tape.elements(tape.root)[5], "héllo 😀"))
        #expect(!tape.stringEquals(tape.elements(tape.root)[5], "héllo"))
        #expect(tape.string(tape.root) == nil)
        let long = try parse("\"" + String(repeating: "abcdefgh", count: 40) + "\\n\"")
        #expect(tape.string(tape.root) == nil)
        #expect(long.string(long.root) == String(repeating: "abcdefgh", count: 40) + "\n")
    }

    @Test("member names with escapes are found by their decoded text")
    func escapedMemberNames() throws {
        let tape = try parse(#"{"a\/b": 1, "\u0041": 2, "c\"d": 3, "é": 4, "plain": 5}"#)
        #expect(tape.int(try #require(tape.member(tape.root, "a/b"))) == 1)
        #expect(tape.int(try #require(tape.member(tape.root, "A"))) == 2)
        #expect(tape.int(try #require(tape.member(tape.root, "c\"d"))) == 3)
        #expect(tape.int(try #require(tape.member(tape.root, "é"))) == 4)
        #expect(tape.member(tape.root, "a\\/b") == nil)
        var names: [String] = []
        tape.forEachMember(tape.root) { key, _ in names.append(tape.string(key) ?? "") }
        #expect(names == ["a/b", "A", "c\"d", "é", "plain"])
    }

    @Test("numbers: -0, exponents, big integers, integral decimals, exact source text")
    func numbers() throws {
        let tape = try parse("[-0, 1e-7, 1E+2, 12345678901234567890123, 4.0, 4.5, 12.50, -9223372036854775808, 0.1, 1.5e300, 1e400, 2.5E-3]")
        let n = tape.elements(tape.root)
        #expect(tape.int(n[0]) == 0 && tape.double(n[0]) == 0 && tape.double(n[0])!.sign == .minus)
        #expect(tape.double(n[1]) == 1e-7 && tape.int(n[1]) == nil && !tape.isIntegral(n[1]))
        #expect(tape.int(n[2]) == 100 && tape.isIntegral(n[2]))
        #expect(tape.int(n[3]) == nil && tape.isIntegral(n[3]) && tape.double(n[3]) == 12345678901234567890123.0)
        #expect(tape.int(n[4]) == 4)
        #expect(tape.int(n[5]) == nil && tape.double(n[5]) == 4.5)
        #expect(tape.rawText(n[6]) == "12.50" && tape.double(n[6]) == 12.5)
        #expect(tape.int(n[7]) == Int.min)
        #expect(tape.double(n[8]) == 0.1)
        #expect(tape.double(n[9]) == 1.5e300)
        #expect(tape.double(n[10]) == .infinity)
        #expect(tape.double(n[11]) == 2.5e-3 && tape.rawText(n[11]) == "2.5E-3")
        #expect(tape.double(tape.root) == nil && tape.int(tape.root) == nil)
        let overflow = try parse("9223372036854775808")
        #expect(overflow.int(overflow.root) == nil)
    }

    @Test("the fast Double path agrees with Swift's own conversion")
    func doubles() throws {
        let texts = ["0.1", "48.856614", "-2.3522219", "1013", "0.000123", "99999999999999.99", "1234567890123456789", "3.14159265358979"]
        let tape = try parse("[" + texts.joined(separator: ",") + "]")
        for (node, text) in zip(tape.elements(tape.root), texts) {
            #expect(tape.double(node) == Double(text), "\(text)")
        }
    }

    @Test("value equality: numbers by value, objects in any order")
    func equality() throws {
        let tape = try parse(#"[1, 1.0, 10e-1, 0.1e1, 2, {"a":1,"b":[true,null]}, {"b":[true,null],"a":1.0}, "x", "\u0078", -0, 0]"#)
        let n = tape.elements(tape.root)
        #expect(tape.valueEquals(n[0], tape, n[1]) && tape.valueEquals(n[0], tape, n[2]) && tape.valueEquals(n[0], tape, n[3]))
        #expect(!tape.valueEquals(n[0], tape, n[4]))
        #expect(tape.valueEquals(n[5], tape, n[6]))
        #expect(tape.valueEquals(n[7], tape, n[8]))
        #expect(tape.valueEquals(n[9], tape, n[10]))
        #expect(!tape.valueEquals(n[0], tape, n[7]))
    }

    @Test("JSON Pointers: escapes, array indices, missing steps")
    func pointers() throws {
        let tape = try parse(#"{"data":{"iaqi":{"pm25":{"v":42}}},"a/b":{"~c":[10,20]},"":7}"#)
        #expect(tape.int(try #require(tape.node(at: "/data/iaqi/pm25/v"))) == 42)
        #expect(tape.int(try #require(tape.node(at: "/a~1b/~0c/1"))) == 20)
        #expect(tape.int(try #require(tape.node(at: "/"))) == 7)
        #expect(tape.node(at: "") == tape.root)
        #expect(tape.node(at: "/a~1b/~0c/01") == nil)
        #expect(tape.node(at: "/a~1b/~0c/2") == nil)
        #expect(tape.node(at: "data") == nil)
        #expect(JSONPointer.escape("a/b~c") == "a~1b~0c")
        #expect(JSONPointer.tokens("/a~1b/~01") == ["a/b", "~1"])
    }

    @Test("a byte-order mark and surrounding whitespace are accepted")
    func whitespace() throws {
        let tape = try JSONTape(parsing: [0xEF, 0xBB, 0xBF] + Array(" \t\r\n{ \"a\" :\n[ 1 , 2 ] }\n ".utf8))
        #expect(tape.count(try #require(tape.member(tape.root, "a"))) == 2)
    }

    @Test("malformed documents are refused with the offset of the problem", arguments: [
        ("01", 0, "leading zeros"), ("-01", 0, "leading zeros"), ("1.", 2, "after the decimal point"), (".5", 0, "expected a value"),
        ("-", 1, "digit"), ("1e", 2, "exponent"), ("[1,]", 3, "trailing comma"), (#"{"a":1,}"#, 7, "trailing comma"),
        ("NaN", 0, "expected a value"), ("[Infinity]", 1, "expected a value"), (#""abc"#, 0, "unterminated string"),
        ("\"a\u{1}b\"", 2, "control character"), ("\"tab\there\"", 4, "control character"), ("1 2", 2, "after the JSON value"),
        ("{} x", 3, "after the JSON value"), (#""\x""#, 1, "invalid escape"), (#""\u12""#, 1, "truncated"), (#""\u12zz""#, 1, "hexadecimal"),
        ("", 0, "empty document"), ("[1 2]", 3, "expected ','"), (#"{"a" 1}"#, 5, "expected ':'"), ("{1:2}", 1, "member name"),
        ("tru", 0, "expected true"), ("nul", 0, "expected null"), ("[", 1, "unexpected end"), (#"{"a":"#, 5, "unexpected end"),
        ("'a'", 0, "expected a value"), ("[1]]", 3, "after the JSON value"), ("+1", 0, "expected a value"),
    ] as [(String, Int, String)])
    func malformed(_ text: String, _ offset: Int, _ reason: String) {
        guard let failure = error(text) else { return }
        #expect(failure.offset == offset, "\(text): \(failure)")
        #expect(failure.reason.contains(reason), "\(text): \(failure)")
        #expect(failure.description.hasPrefix("invalid JSON at byte \(offset): "))
    }

    @Test("invalid UTF-8 inside strings is refused")
    func invalidUTF8() {
        for bytes: [UInt8] in [[0x22, 0xC3, 0x22], [0x22, 0xC0, 0xAF, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22], [0x22, 0xF5, 0x80, 0x80, 0x80, 0x22], [0x22, 0xFF, 0x22]] {
            #expect(throws: JSONParseError.self, "\(bytes)") { try JSONTape(parsing: bytes) }
        }
    }

    @Test("random documents read back as Foundation's JSONSerialization wrote them")
    func agreesWithFoundation() throws {
        var generator = SplitMix(seed: 7)
        for _ in 0..<200 {
            let value = Generated.random(&generator, depth: 0)
            let data = try JSONSerialization.data(withJSONObject: value.foundation, options: [.fragmentsAllowed])
            let tape = try JSONTape(parsing: Array(data))
            #expect(value.matches(tape, tape.root), "\(String(decoding: data, as: UTF8.self))")
        }
    }
}
