import Foundation
@testable import GoodAirCore
import Testing

/// The built-in ECMA-262 matcher behind `pattern` and `patternProperties`, checked against ICU
/// (`NSRegularExpression`, after the same dialect translation) on patterns schemas use.
@Suite("JSON Schema patterns")
struct JSONSchemaRegexTests {
    static let patterns = [
        "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "^https?://", "a|b|c", "^(ab)+$", "colou?r", "\\bcat\\b", "\\Bat",
        "^[^@]+@[^@]+\\.[a-z]{2,}$", "^\\d+(\\.\\d{1,2})?$", "[\\w.-]+", "^$", "", "x*", "^.{3,5}$", "é+", "^(?:a|bc)*d$",
        "^[+-][0-9]{2}:[0-9]{2}$", "\\s", "^[\\S]+$", "^[\\D]+$", "\\/", "\\u00e9", "a{2}", "^a{2,}$", "^a{1,2}b", "^[a-z]*[0-9]*[a-z]*$",
        "(a|ab)(c|bcd)(d*)", "^\\x41", "[\\-a]", "[a\\]]", "^[a-c-]+$", "^.$", "^[^]$", "[]", "\\.", "^\\w+$", "😀{2}", "^[😀-😂]$",
        "a.c", "\\t", "^\\W", "(?:)", "^(a*)*$", "p\\d{1,2}|o3|no2", "^[A-Z]{2}$", "{", "a{", "x}", "]",
    ]
    static let texts = [
        "", "a", "ab", "abc", "2026-11-29", "2026-1-29", "cat", "concat", "the cat sat", "colour", "color", "a@b.fr", "12.50", "12.",
        "é", "ééé", "x\n", "+01:00", "\n", " ", "a-b", "]", "/", "😀", "😀😀", "😁", "aab", "abcd", "d", "bcbcd", "A", "FR", "a\tb",
        "pm25", "o3", "AB1", "abc\n", "{", "a{", "x}", "\u{2028}", "a\nc", "axc",
    ]

    @Test("the built-in matcher agrees with ICU on every pattern × text")
    func agreesWithICU() throws {
        for pattern in Self.patterns {
            let regex = try SchemaRegex(pattern)
            #expect(regex.isBuiltIn, "\(pattern) should run on the built-in matcher")
            guard let icu = try? NSRegularExpression(pattern: SchemaRegex.translate(pattern)) else {
                #expect(Self.ecmaOnly[pattern] != nil, "ICU refuses \(pattern)")
                continue
            }
            for text in Self.texts {
                let expected = icu.firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count)) != nil
                #expect(regex.matches(text) == expected, "pattern \(pattern) on \(text.debugDescription)")
                #expect(Self.engines(pattern, text).allSatisfy { $0 == expected }, "engines on \(pattern) / \(text.debugDescription)")
            }
        }
    }

    /// The Pike VM's answer, and the DFA's when it has one for this pattern and text.
    static func engines(_ pattern: String, _ text: String) -> [Bool] {
        guard let regex = ECMARegex(pattern) else { return [] }
        return Array(text.utf8).withUnsafeBufferPointer { bytes in
            [regex.simulate(bytes)] + (regex.dfa?.matches(bytes).map { [$0] } ?? [])
        }
    }

    @Test("random patterns: Pike VM, DFA and ICU agree")
    func randomPatterns() throws {
        var generator = SplitMix(seed: 2020)
        let atoms = ["a", "b", ".", "[ab]", "[^a]", "\\d", "x", "(a|b)", "(?:ab|b)", "[a-c1]"]
        let quantifiers = ["", "", "*", "+", "?", "{2}", "{1,2}", "{0,}"]
        let alphabet = Array("ab1x\nc")
        var checked = 0
        for _ in 0..<300 {
            var pattern = generator.next() % 3 == 0 ? "^" : ""
            for _ in 0..<(1 + generator.next() % 4) {
                pattern += atoms[Int(generator.next() % UInt64(atoms.count))] + quantifiers[Int(generator.next() % UInt64(quantifiers.count))]
            }
            if generator.next() % 4 == 0 { pattern += "|" + atoms[Int(generator.next() % UInt64(atoms.count))] }
            if generator.next() % 3 == 0 { pattern += "$" }
            let icu = try NSRegularExpression(pattern: SchemaRegex.translate(pattern))
            for _ in 0..<12 {
                let text = String((0..<Int(generator.next() % 7)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
                let expected = icu.firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count)) != nil
                let answers = Self.engines(pattern, text)
                #expect(!answers.isEmpty && answers.allSatisfy { $0 == expected }, "\(pattern) on \(text.debugDescription): \(answers) vs ICU \(expected)")
                checked += 1
            }
        }
        #expect(checked == 3_600)
    }

    /// Valid ECMA-262 patterns that ICU refuses, with texts they match and texts they do not.
    static let ecmaOnly: [String: (yes: [String], no: [String])] = [
        "": (["", "abc"], []),
        "[]": ([], ["", "a", "]"]),
        "^[^]$": (["a", "\n", "😀"], ["", "ab"]),
        "{": (["{", "a{b"], ["", "a"]),
        "a{": (["a{"], ["a", "{"]),
        "x}": (["x}"], ["x"]),
    ]

    @Test("valid ECMA-262 patterns that ICU refuses follow ECMA-262")
    func ecmaOnlyPatterns() throws {
        for (pattern, cases) in Self.ecmaOnly {
            let regex = try SchemaRegex(pattern)
            for text in cases.yes { #expect(regex.matches(text), "\(pattern) on \(text.debugDescription)") }
            for text in cases.no { #expect(!regex.matches(text), "\(pattern) on \(text.debugDescription)") }
        }
    }

    @Test("patterns outside the subset run on ICU", arguments: ["(?=a)a", "(a)\\1", "(?<y>a)", "\\p{L}", "(?i)a", "\\q"])
    func fallback(_ pattern: String) throws {
        #expect(try !SchemaRegex(pattern).isBuiltIn)
    }

    @Test("ECMA-262 semantics: $ only at the very end, \\d ASCII only, search not anchored")
    func semantics() throws {
        #expect(try !SchemaRegex("^abc$").matches("abc\n"))
        #expect(try !SchemaRegex("^\\d$").matches("٣"))
        #expect(try SchemaRegex("b").matches("abc"))
        #expect(try SchemaRegex("^\\uD83D\\uDE00$").matches("😀"), "a surrogate pair escape is one code point")
    }

    @Test("nested quantifiers run in linear time (no catastrophic backtracking)")
    func noBacktracking() throws {
        let regex = try SchemaRegex("^(a+)+$")
        #expect(regex.isBuiltIn)
        #expect(!regex.matches(String(repeating: "a", count: 5_000) + "b"))
        #expect(regex.matches(String(repeating: "a", count: 5_000)))
    }

    @Test("an invalid pattern is a compile error naming its place")
    func invalid() {
        #expect(throws: SchemaError.self) { try JSONSchema(compiling: Array(#"{"properties":{"a":{"pattern":"a**"}}}"#.utf8)) }
        do {
            _ = try JSONSchema(compiling: Array(#"{"properties":{"a":{"pattern":"[b-a]"}}}"#.utf8))
        } catch let error as SchemaError {
            #expect(error.code == .badPattern && error.pointer == "/properties/a/pattern")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
