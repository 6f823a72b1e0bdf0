import Foundation
@testable import GoodAirCore
import GoodAirTesting
import Testing

/// The official JSON Schema Test Suite, draft 2020-12 (json-schema-org/JSON-Schema-Test-Suite),
/// read from `../shared/conformance/` beside the repository. A user's clone does not have it:
/// then every test here is reported as skipped, with the path it looked for.
///
/// Every case of every supported file must pass, with `isValid` (the fast pass) and the
/// collecting pass behind `validate` agreeing.
@Suite("JSON Schema Test Suite draft2020-12")
struct JSONSchemaConformanceTests {
    @Test("every case of a keyword file", .enabled(if: ConformanceSuite.isPresent, ConformanceSuite.absentComment),
          arguments: ConformanceSuite.files)
    func file(_ file: String) throws {
        let outcome = try ConformanceSuite.run(file)
        for failure in outcome.failures { Issue.record(Comment(rawValue: failure)) }
        #expect(outcome.passed == outcome.total, "\(file): \(outcome.passed)/\(outcome.total) cases passed")
    }

    @Test("summary: all supported files pass", .enabled(if: ConformanceSuite.isPresent, ConformanceSuite.absentComment))
    func summary() throws {
        var passed = 0, total = 0
        var lines: [String] = []
        for file in ConformanceSuite.files {
            let outcome = try ConformanceSuite.run(file)
            passed += outcome.passed
            total += outcome.total
            lines.append("  \(file): \(outcome.passed)/\(outcome.total)")
        }
        let skippedFiles = ConformanceSuite.skippedFiles.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value))" }
        let skippedGroups = ConformanceSuite.skippedGroups.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value))" }
        print("""
        JSON Schema Test Suite draft2020-12: \(passed)/\(total) cases passed in \(ConformanceSuite.files.count) files; \
        skipped files: \(skippedFiles.joined(separator: ", "))
        skipped groups: \(skippedGroups.joined(separator: "; "))
        \(lines.joined(separator: "\n"))
        """)
        #expect(passed == total)
        #expect(total > 900, "the suite looks truncated: \(total) cases")
    }
}

/// Reading and running the suite's files.
enum ConformanceSuite {
    static let folder = Fixtures.repositoryRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/conformance/json-schema-test-suite/draft2020-12")

    static var isPresent: Bool { FileManager.default.fileExists(atPath: folder.path) }

    static var absentComment: Comment { "skipped: conformance suite not found at \(folder.path)" }

    /// Files not run, and why (keywords this validator refuses, or that need documents it does not have).
    static let skippedFiles: [String: String] = [
        "unevaluatedItems.json": "unevaluatedItems not supported",
        "unevaluatedProperties.json": "unevaluatedProperties not supported",
        "dynamicRef.json": "$dynamicRef not supported",
        "refRemote.json": "needs remote documents",
        "vocabulary.json": "needs custom metaschemas",
        "defs.json": "needs the draft 2020-12 metaschema",
    ]

    /// Test groups (`file|description`) not run, and why.
    static let skippedGroups: [String: String] = [
        "ref.json|remote ref, containing refs itself": "needs the draft 2020-12 metaschema",
        "ref.json|ref creates new scope when adjacent to keywords": "uses unevaluatedProperties",
        "not.json|collect annotations inside a 'not', even if collection is disabled": "uses unevaluatedProperties",
    ]

    /// The files to run, sorted.
    static var files: [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return names.filter { $0.hasSuffix(".json") && skippedFiles[$0] == nil }.sorted()
    }

    struct Outcome {
        var passed = 0
        var total = 0
        var failures: [String] = []
    }

    /// Runs every case of one file: compiles each group's schema once, checks each case's
    /// expected validity with both `isValid` and `validate`.
    static func run(_ file: String) throws -> Outcome {
        let tape = try JSONTape(parsing: Array(try Data(contentsOf: folder.appendingPathComponent(file))))
        var outcome = Outcome()
        for group in tape.elements(tape.root) {
            let description = tape.string(tape.member(group, "description")!) ?? "?"
            if skippedGroups["\(file)|\(description)"] != nil { continue }
            let cases = tape.elements(tape.member(group, "tests")!)
            let schema: JSONSchema
            do {
                schema = try JSONSchema(compiling: Array(tape.rawBytes(tape.member(group, "schema")!)), name: "\(file) \(description)")
            } catch {
                outcome.total += cases.count
                outcome.failures.append("\(file) › \(description): schema refused: \(error)")
                continue
            }
            for testCase in cases {
                outcome.total += 1
                let name = tape.string(tape.member(testCase, "description")!) ?? "?"
                let data = tape.member(testCase, "data")!
                let expected = tape.bool(tape.member(testCase, "valid")!)!
                let valid = schema.isValid(tape, data)
                let failures = schema.collectFailures(tape, data)   // the collecting pass on its own
                if valid == expected && failures.isEmpty == valid && schema.validate(tape, data) == (valid ? [] : failures) {
                    outcome.passed += 1
                } else {
                    outcome.failures.append("""
                        \(file) › \(description) › \(name): expected \(expected ? "valid" : "invalid"), \
                        isValid says \(valid), validate says \(failures.isEmpty ? "valid" : failures.map(\.description).joined(separator: " | "))
                        """)
                }
            }
        }
        return outcome
    }
}
