import Foundation
import GoodAirCore
import GoodAirTesting
import Testing

/// `goodair schema validate SCHEMA FILE…` as users run it: exit codes, .gz input, one line per failure.
@Suite("goodair schema validate")
struct SchemaCommandTests {
    /// A folder with a schema and a few documents, removed by `remove()`.
    struct Workspace {
        let folder: URL

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("goodair-schema-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try write("feed.schema.json", #"""
            {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object","required":["status","data"],
             "properties":{"status":{"const":"ok"},"data":{"type":"object","properties":{
               "iaqi":{"type":"object","additionalProperties":{"$ref":"#/$defs/v"}}}}},
             "$defs":{"v":{"type":"object","properties":{"v":{"type":"number","minimum":0}}}}}
            """#)
            try write("good.json", #"{"status":"ok","data":{"iaqi":{"pm25":{"v":12}}}}"#)
            try write("bad.json", #"{"status":"ok","data":{"iaqi":{"pm25":{"v":-4},"no2":{"v":"x"}}}}"#)
            try write("broken.json", #"{"status":"ok","#)
            try Data(try Gzip.compress(Array(#"{"status":"ok","data":{"iaqi":{}}}"#.utf8))).write(to: path("good.json.gz"))
            try Data(try Gzip.compress(Array(#"{"status":"error","data":"Invalid key"}"#.utf8))).write(to: path("error.json.gz"))
            try write("corrupt.json.gz", "not gzip at all")
            try write("bad.schema.json", #"{"properties":{"aqi":{"type":"integr"}}}"#)
        }

        func path(_ name: String) -> URL { folder.appendingPathComponent(name) }
        func write(_ name: String, _ text: String) throws { try Data(text.utf8).write(to: path(name)) }
        func remove() { try? FileManager.default.removeItem(at: folder) }
    }

    func validate(_ workspace: Workspace, _ schema: String, _ files: [String]) async throws -> CLITests.Outcome {
        try await CLITests().run(["schema", "validate", workspace.path(schema).path] + files.map { workspace.path($0).path })
    }

    @Test("valid documents, plain and gzipped, exit 0 and print no failure")
    func allValid() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let outcome = try await validate(workspace, "feed.schema.json", ["good.json", "good.json.gz"])
        #expect(outcome.code == 0, "\(outcome.all)")
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.contains("2 files: 2 valid, 0 invalid"))
    }

    @Test("an invalid document exits 1 with one line per failure: FILE: pointer: message (schema: location)")
    func invalid() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let outcome = try await validate(workspace, "feed.schema.json", ["good.json", "bad.json", "error.json.gz", "broken.json"])
        #expect(outcome.code == 1, "\(outcome.all)")
        let bad = workspace.path("bad.json").path, gz = workspace.path("error.json.gz").path, broken = workspace.path("broken.json").path
        #expect(outcome.stdout.split(separator: "\n").map(String.init) == [
            "\(bad): /data/iaqi/pm25/v: -4 is less than the minimum 0 (schema: /properties/data/properties/iaqi/additionalProperties/$ref/properties/v/minimum)",
            "\(bad): /data/iaqi/no2/v: expected number, found string (schema: /properties/data/properties/iaqi/additionalProperties/$ref/properties/v/type)",
            "\(gz): /status: must be \"ok\" (schema: /properties/status/const)",
            "\(gz): /data: expected object, found string (schema: /properties/data/type)",
            "\(broken): invalid JSON at byte 15: unexpected end of input, expected a member name",
        ])
        #expect(outcome.stderr.contains("4 files: 1 valid, 3 invalid"))
        #expect(!outcome.all.contains("Invalid key"), "instance strings are never printed")
    }

    @Test("a file that cannot be read or gunzipped exits 2, after checking the others")
    func unreadable() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let outcome = try await validate(workspace, "feed.schema.json", ["missing.json", "corrupt.json.gz", "bad.json"])
        #expect(outcome.code == 2, "\(outcome.all)")
        #expect(outcome.stderr.contains("missing.json: cannot read"))
        #expect(outcome.stderr.contains("corrupt.json.gz: cannot gunzip"))
        #expect(outcome.stdout.contains("bad.json: /data/iaqi/pm25/v"), "the readable files are still checked")
    }

    @Test("a broken or missing schema exits 2 and names the place in it; no FILE is a usage error")
    func brokenSchema() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let broken = try await validate(workspace, "bad.schema.json", ["good.json"])
        #expect(broken.code == 2, "\(broken.all)")
        #expect(broken.stderr.contains("schema bad.schema.json at /properties/aqi/type: unknown type \"integr\""))
        let missing = try await validate(workspace, "nope.json", ["good.json"])
        #expect(missing.code == 2, "\(missing.all)")
        #expect(missing.stderr.contains("nope.json"))
        let noFiles = try await validate(workspace, "feed.schema.json", [])
        #expect(noFiles.code == 2, "\(noFiles.all)")
        #expect(noFiles.stderr.contains("at least one FILE"))
        let notJSON = try await validate(workspace, "broken.json", ["good.json"])
        #expect(notJSON.code == 2, "\(notJSON.all)")
        #expect(notJSON.stderr.contains("invalid JSON at byte"))
    }
}
