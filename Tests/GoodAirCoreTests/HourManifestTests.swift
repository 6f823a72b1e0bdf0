import Foundation
@testable import GoodAirCore
import Testing

private enum ManifestFixtures {
    static let hour = Hour(index: 1_795_960_800 / 3600)   // 2026-11-29T14:00:00Z

    static func record(_ city: String, _ outcome: FetchRecord.Outcome, run: String = "run-1",
                       error: String? = nil) -> FetchRecord {
        FetchRecord(cityID: city, url: "https://api.waqi.info/feed/geo:48.8567;2.3522/?token=REDACTED",
                    outcome: outcome, httpStatus: outcome == .ok ? 200 : 503, apiStatus: outcome == .ok ? "ok" : nil,
                    attempts: outcome == .ok ? 1 : 4, attemptErrors: outcome == .ok ? [] : ["HTTP 503", "HTTP 503"],
                    startedAt: "2026-11-29T14:20:00.123Z", latencyMs: 321,
                    file: outcome == .ok ? "\(city).json.gz" : nil, rawBytes: outcome == .ok ? 1234 : nil,
                    storedBytes: outcome == .ok ? 567 : nil,
                    sha256: outcome == .ok ? String(repeating: "ab", count: 32) : nil,
                    error: outcome == .ok ? nil : (error ?? "HTTP 503 after 4 attempts"), runID: run)
    }

    /// A fresh empty folder under the system temporary directory.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("goodair-manifest-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func jsonObject(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
}

@Suite("HourManifest")
struct HourManifestTests {
    private typealias F = ManifestFixtures

    @Test("a new manifest names its source, hour and producer")
    func fresh() {
        let manifest = HourManifest(source: .owmWeather, hour: F.hour)
        #expect(manifest.source == .owmWeather)
        #expect(manifest.hour == "2026-11-29T14:00:00Z")
        #expect(manifest.producer == "goodair-lake \(GoodAirVersion.current)")
        #expect(manifest.fetches.isEmpty && manifest.superseded.isEmpty)
    }

    @Test("JSON keys are exactly the snake_case names")
    func snakeCaseKeys() throws {
        var manifest = HourManifest(source: .owmAir, hour: F.hour)
        manifest.merge(F.record("paris", .ok))
        manifest.merge(F.record("lyon", .failed))
        manifest.merge(F.record("lyon", .ok, run: "run-2"))
        let object = try F.jsonObject(try JSONEncoder().encode(manifest))
        #expect(Set(object.keys) == ["source", "hour", "producer", "updated_at", "fetches", "superseded"])
        #expect(object["source"] as? String == "owm_air")
        let fetches = try #require(object["fetches"] as? [[String: Any]])
        let ok = try #require(fetches.first)
        #expect(Set(ok.keys) == [
            "city_id", "url", "outcome", "http_status", "api_status", "attempts", "attempt_errors", "started_at",
            "latency_ms", "file", "raw_bytes", "stored_bytes", "sha256", "run_id",
        ])
        #expect(ok["city_id"] as? String == "lyon")
        #expect(ok["http_status"] as? Int == 200)
        #expect(ok["latency_ms"] as? Int == 321)
        #expect(ok["run_id"] as? String == "run-2")
        let superseded = try #require((object["superseded"] as? [[String: Any]])?.first)
        #expect(superseded["outcome"] as? String == "failed")
        #expect(superseded["attempt_errors"] as? [String] == ["HTTP 503", "HTTP 503"])
        #expect(superseded["error"] as? String == "HTTP 503 after 4 attempts")
        for key in ["cityID", "httpStatus", "apiStatus", "attemptErrors", "startedAt", "latencyMs", "rawBytes",
                    "storedBytes", "runID", "updatedAt"] {
            #expect(!String(decoding: try JSONEncoder().encode(manifest), as: UTF8.self).contains("\"\(key)\""))
        }
    }

    @Test("merge adds records sorted by city id")
    func mergeSorted() {
        var manifest = HourManifest(source: .aqicn, hour: F.hour)
        for city in ["toulouse", "brest", "paris", "aix-en-provence", "lyon"] {
            manifest.merge(F.record(city, .ok))
        }
        #expect(manifest.fetches.map(\.cityID) == ["aix-en-provence", "brest", "lyon", "paris", "toulouse"])
        #expect(manifest.superseded.isEmpty)
        #expect(manifest.record(for: "paris")?.cityID == "paris")
        #expect(manifest.record(for: "nice") == nil)
    }

    @Test("merge replaces a failed record and keeps it in superseded, oldest first")
    func mergeReplacesFailure() {
        var manifest = HourManifest(source: .aqicn, hour: F.hour)
        manifest.merge(F.record("paris", .ok))
        manifest.merge(F.record("lyon", .failed, run: "run-1", error: "first"))
        manifest.merge(F.record("lyon", .failed, run: "run-2", error: "second"))
        #expect(manifest.record(for: "lyon")?.error == "second")
        #expect(manifest.superseded.map(\.error) == ["first"])
        manifest.merge(F.record("lyon", .ok, run: "run-3"))
        #expect(manifest.record(for: "lyon")?.outcome == .ok)
        #expect(manifest.record(for: "lyon")?.runID == "run-3")
        #expect(manifest.superseded.map(\.error) == ["first", "second"])
        #expect(manifest.fetches.map(\.cityID) == ["lyon", "paris"])
    }

    @Test("merge never replaces an ok record")
    func mergeKeepsOK() {
        var manifest = HourManifest(source: .aqicn, hour: F.hour)
        let good = F.record("paris", .ok, run: "run-1")
        manifest.merge(good)
        manifest.merge(F.record("paris", .failed, run: "run-2"))
        manifest.merge(F.record("paris", .ok, run: "run-3"))
        #expect(manifest.fetches == [good])
        #expect(manifest.superseded.isEmpty)
    }

    @Test("write then read gives the same manifest, pretty and sorted, ending with a newline")
    func roundTrip() throws {
        let folder = try F.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var manifest = HourManifest(source: .aqicn, hour: F.hour)
        manifest.updatedAt = "2026-11-29T14:21:00.456Z"
        manifest.merge(F.record("paris", .ok))
        manifest.merge(F.record("lyon", .failed))
        manifest.merge(F.record("lyon", .ok, run: "run-2"))
        try manifest.write(in: folder)

        #expect(try HourManifest.read(in: folder) == manifest)
        let url = folder.appendingPathComponent("_manifest.json")
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.hasSuffix("}\n"))
        #expect(text.contains("https://api.waqi.info/feed/"), "slashes are not escaped")
        #expect(text.contains("\n  \"fetches\""), "pretty-printed")
        let keys = ["fetches", "hour", "producer", "source", "superseded", "updated_at"]
        let positions = keys.compactMap { text.range(of: "\n  \"\($0)\"")?.lowerBound }
        #expect(positions.count == keys.count && positions == positions.sorted(), "sorted keys")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["_manifest.json"])

        // Writing again replaces the file.
        manifest.updatedAt = "2026-11-29T15:00:00.000Z"
        try manifest.write(in: folder)
        #expect(try HourManifest.read(in: folder)?.updatedAt == "2026-11-29T15:00:00.000Z")
    }

    @Test("reading a folder without a manifest gives nil")
    func readMissing() throws {
        let folder = try F.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try HourManifest.read(in: folder) == nil)
        #expect(try HourManifest.read(in: folder.appendingPathComponent("absent")) == nil)
    }

    @Test("a corrupt manifest throws corruptManifest with its path", arguments: [
        "{\"source\":\"aqicn\",\"hour\":", "not json", "{}", "{\"source\":\"nope\",\"hour\":\"x\",\"producer\":\"p\",\"updated_at\":\"u\",\"fetches\":[],\"superseded\":[]}", "",
    ])
    func corrupt(content: String) throws {
        let folder = try F.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent(HourManifest.fileName)
        try Data(content.utf8).write(to: url)
        let error = try #require(throws: CollectError.self) { try HourManifest.read(in: folder) }
        guard case let .corruptManifest(path, _) = error else {
            Issue.record("wrong error: \(error)")
            return
        }
        #expect(path == url.path)
        #expect(try String(contentsOf: url, encoding: .utf8) == content, "a corrupt manifest is left as it was")
    }
}

@Suite("AtomicFile")
struct AtomicFileTests {
    private typealias F = ManifestFixtures

    @Test("write creates parents, leaves no temporary, and replaces whole")
    func write() throws {
        let root = try F.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("bronze/source=aqicn/date=2026-11-29/hour=14")
        let file = folder.appendingPathComponent("paris.json.gz")
        try AtomicFile.write([1, 2, 3], to: file)
        #expect(Array(try Data(contentsOf: file)) == [1, 2, 3])
        try AtomicFile.write(Array(repeating: 7, count: 100_000), to: file, syncFolder: false)
        #expect(Array(try Data(contentsOf: file)) == Array(repeating: 7, count: 100_000))
        try AtomicFile.write(string: "héllo\n", to: folder.appendingPathComponent("note.txt"))
        try AtomicFile.write([UInt8](), to: folder.appendingPathComponent("empty"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["empty", "note.txt", "paris.json.gz"])
        #expect(try String(contentsOf: folder.appendingPathComponent("note.txt"), encoding: .utf8) == "héllo\n")
        #expect(try Data(contentsOf: folder.appendingPathComponent("empty")).isEmpty)
    }

    @Test("a failed write throws LakeError and leaves no temporary")
    func failedWrite() throws {
        let root = try F.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        // The target is an existing non-empty folder: rename(2) over it fails.
        let target = root.appendingPathComponent("taken")
        try FileManager.default.createDirectory(at: target.appendingPathComponent("inside"), withIntermediateDirectories: true)
        #expect(throws: LakeError.self) { try AtomicFile.write([1], to: target) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["taken"])
    }

    @Test("cleanTemporaries removes hidden .name.tmp-… files only")
    func cleanTemporaries() throws {
        let folder = try F.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let temporaries = [".paris.json.gz.tmp-123-456", "._manifest.json.tmp-9-1"]
        let keep = ["paris.json.gz", "_manifest.json", ".hidden", "visible.tmp-1", ".tmp", "lyon.tmp-json.gz"]
        for name in temporaries + keep {
            try Data("x".utf8).write(to: folder.appendingPathComponent(name))
        }
        #expect(AtomicFile.cleanTemporaries(in: folder) == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == keep.sorted())
        #expect(AtomicFile.cleanTemporaries(in: folder) == 0)
        #expect(AtomicFile.cleanTemporaries(in: folder.appendingPathComponent("absent")) == 0)
    }
}
