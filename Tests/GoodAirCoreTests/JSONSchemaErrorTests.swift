import Foundation
import GoodAirCore
import Testing

/// Schemas that cannot be used: each error names the place inside the schema and what is wrong.
@Suite("JSON Schema errors")
struct JSONSchemaErrorTests {
    /// The error compiling `text` gives, failing the test when it compiles.
    func compileError(_ text: String) -> SchemaError? {
        do {
            _ = try JSONSchema(compiling: Array(text.utf8), name: "test.json")
            Issue.record("compiled but should not: \(text)")
        } catch let error as SchemaError {
            return error
        } catch {
            Issue.record("unexpected error \(error)")
        }
        return nil
    }

    @Test("compile errors name the JSON pointer inside the schema", arguments: [
        (#"{"properties":{"x":{"type":"strin"}}}"#, SchemaError.Code.unknownType, "/properties/x/type"),
        (#"{"type":["string","nul"]}"#, .unknownType, "/type/1"),
        (##"{"properties":{"a":{"$ref":"#/$defs/missing"}},"$defs":{}}"##, .unresolvedReference, "/properties/a/$ref"),
        (##"{"$ref":"#nowhere"}"##, .unresolvedReference, "/$ref"),
        (#"{"$ref":"https://example.com/other.json"}"#, .unresolvedReference, "/$ref"),
        (#"{"pattern":"(unclosed"}"#, .badPattern, "/pattern"),
        (#"{"patternProperties":{"[z-a]":true}}"#, .badPattern, "/patternProperties/[z-a]"),
        (#"{"properties":{"a/b":5}}"#, .notASchema, "/properties/a~1b"),
        (#"{"allOf":[{}, "x"]}"#, .notASchema, "/allOf/1"),
        (#"{"$defs":{"d":{"minLength":-1}}}"#, .invalidKeyword, "/$defs/d/minLength"),
        (#"{"maxItems":1.5}"#, .invalidKeyword, "/maxItems"),
        (#"{"multipleOf":0}"#, .invalidKeyword, "/multipleOf"),
        (#"{"required":["a","a"]}"#, .invalidKeyword, "/required/1"),
        (#"{"items":[{}]}"#, .invalidKeyword, "/items"),
        (#"{"anyOf":[]}"#, .invalidKeyword, "/anyOf"),
        (#"{"unevaluatedProperties":false}"#, .unsupported, "/unevaluatedProperties"),
        (#"{"$schema":"http://json-schema.org/draft-07/schema#"}"#, .unsupported, "/$schema"),
        (##"{"$defs":{"a":{"$ref":"#/$defs/b"},"b":{"allOf":[{"$ref":"#/$defs/a"}]}},"$ref":"#/$defs/a"}"##, .referenceCycle, "/$defs/a"),
        (#"{"type":"object",}"#, .invalidJSON, ""),
        ("42", .notASchema, ""),
    ] as [(String, SchemaError.Code, String)])
    func compileErrors(_ text: String, _ code: SchemaError.Code, _ pointer: String) {
        guard let error = compileError(text) else { return }
        #expect(error.code == code, "\(text): \(error)")
        #expect(error.pointer == pointer, "\(text): \(error)")
        #expect(error.description.hasPrefix("schema test.json at \(pointer.isEmpty ? "(root)" : pointer): "))
    }

    @Test("a schema file is read and named by its file name")
    func fromFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("broken.json")
        try Data(#"{"type":"strin"}"#.utf8).write(to: url)
        #expect(throws: SchemaError.self) { try JSONSchema(contentsOf: url) }
        do { _ = try JSONSchema(contentsOf: url) } catch let error as SchemaError { #expect(error.schema == "broken.json") }
        #expect(throws: SchemaError.self) { try JSONSchema(contentsOf: folder.appendingPathComponent("missing.json")) }
    }
}
