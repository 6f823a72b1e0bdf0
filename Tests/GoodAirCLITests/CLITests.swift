import Foundation
import GoodAirCore
import GoodAirSimulator
import GoodAirTesting
import Testing

/// The `goodair` executable as users run it: exit codes of LAKE.md §5, messages, no secret printed.
@Suite("goodair command")
struct CLITests {
    struct Outcome {
        let code: Int32
        let stdout: String
        let stderr: String
        var all: String { stdout + stderr }
    }

    /// The built executable, beside the test bundle.
    static let executable: URL = {
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for folder in [here, here.deletingLastPathComponent()] {
            let candidate = folder.appendingPathComponent("goodair")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return Fixtures.repositoryRoot.appendingPathComponent(".build/debug/goodair")
    }()

    /// Runs the executable and waits for it without blocking a thread of Swift's cooperative pool
    /// (the in-process simulators of other tests are served from that pool).
    func run(_ arguments: [String], environment: [String: String] = [:]) async throws -> Outcome {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        var env = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory()]
        env.merge(environment) { $1 }
        process.environment = env
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("goodair-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out"), err = folder.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice   // a command that reads stdin gets nothing, never waits
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            process.terminationHandler = { _ in continuation.resume() }
            do { try process.run() } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        return Outcome(code: process.terminationStatus,
                       stdout: try String(contentsOf: out, encoding: .utf8),
                       stderr: try String(contentsOf: err, encoding: .utf8))
    }

    func environment(_ sim: TestSimulator?, lake: TemporaryLake) -> [String: String] {
        var env = ["GOODAIR_LAKE": lake.root.path, "GOODAIR_AQICN_TOKEN": Fixtures.aqicnToken, "GOODAIR_OWM_KEY": Fixtures.owmKey]
        if let sim { env["GOODAIR_AQICN_URL"] = sim.baseURL; env["GOODAIR_OWM_URL"] = sim.baseURL }
        return env
    }

    @Test("a usage error exits 2, not argument-parser's 64")
    func usageError() async throws {
        let outcome = try await run(["collect", "--no-such-option"])
        #expect(outcome.code == 2)
        #expect(outcome.stderr.contains("no-such-option"))
        let badHour = try await run(["collect", "--at", "2026-11-29T14:30Z"])
        #expect(badHour.code == 2)
        #expect(badHour.stderr.contains("--at"))
        let help = try await run(["--help"])
        #expect(help.code == 0)
    }

    @Test("configuration errors exit 2 and name what is wrong")
    func configurationErrors() async throws {
        let lake = try TemporaryLake()
        defer { lake.remove() }
        var env = environment(nil, lake: lake)
        env["GOODAIR_AQICN_TOKEN"] = nil
        let missing = try await run(["collect", "--now", "2026-11-29T14:20:00Z"], environment: env)
        #expect(missing.code == 2)
        #expect(missing.stderr.contains("GOODAIR_AQICN_TOKEN"))
        #expect(!missing.all.contains(Fixtures.owmKey))

        env = environment(nil, lake: lake)
        env["GOODAIR_OWM_URL"] = "ftp://example.org"
        let badURL = try await run(["collect"], environment: env)
        #expect(badURL.code == 2)
        #expect(badURL.stderr.contains("GOODAIR_OWM_URL"))

        let broken = try TemporaryLake(citiesCSV: "city_id,name\nparis,Paris\n")
        defer { broken.remove() }
        let refused = try await run(["collect"], environment: environment(nil, lake: broken))
        #expect(refused.code == 2)
        #expect(refused.stderr.contains("cities.csv"))
        #expect(refused.stderr.contains("missing column"))
    }

    @Test("a storage or processing location outside the EU exits 2 and names its variable, before touching the lake")
    func locationOutsideEU() async throws {
        let lake = try TemporaryLake()
        defer { lake.remove() }
        for (variable, command) in [("GOODAIR_STORAGE_LOCATION", ["curate"]), ("GOODAIR_PROCESSING_LOCATION", ["collect", "--now", "2026-11-29T14:20:00Z"]),
                                    ("GOODAIR_PROCESSING_LOCATION", ["verify"])] {
            var env = environment(nil, lake: lake)
            env[variable] = "US"
            let refused = try await run(command, environment: env)
            #expect(refused.code == 2, "\(command) with \(variable)=US")
            #expect(refused.stderr.contains(variable) && refused.stderr.contains("outside the European Union"))
        }
        var env = environment(nil, lake: lake)
        env["GOODAIR_STORAGE_LOCATION"] = "France"
        let malformed = try await run(["curate"], environment: env)
        #expect(malformed.code == 2 && malformed.stderr.contains("GOODAIR_STORAGE_LOCATION"))
        for zone in ["_lineage", "_state", "silver"] {
            #expect(!FileManager.default.fileExists(atPath: lake.root.appendingPathComponent(zone).path), "\(zone) was made")
        }
    }

    @Test("serve without a users file, or with one inside the lake, exits 2 and says what to do")
    func serveRefusesWithoutUsers() async throws {
        let lake = try TemporaryLake()
        defer { lake.remove() }
        let none = try await run(["serve", "--port", "0"], environment: environment(nil, lake: lake))
        #expect(none.code == 2 && none.stderr.contains("GOODAIR_DASHBOARD_USERS") && none.stderr.contains("--add-user"))
        let inside = lake.root.appendingPathComponent("users").path
        var env = environment(nil, lake: lake)
        env["GOODAIR_DASHBOARD_USERS"] = inside
        let refused = try await run(["serve", "--port", "0"], environment: env)
        #expect(refused.code == 2 && refused.stderr.contains("inside the lake"))
        let weak = try await run(["serve", "--add-user", "marie"], environment: env)   // no password on stdin
        #expect(weak.code == 2 && weak.stderr.contains("too short"))
        #expect(!FileManager.default.fileExists(atPath: inside))
    }

    @Test("collect exits 0 when all is fetched, 3 when some fetches failed, 1 when nothing could be done")
    func collectExitCodes() async throws {
        let lake = try TemporaryLake()
        defer { lake.remove() }
        let good = try await TestSimulator.start()
        let ok = try await run(["collect", "--now", "2026-11-29T14:20:00Z", "--cities", "paris,lyon", "--owm-calls-per-minute", "0"],
                         environment: environment(good, lake: lake))
        await good.stop()
        #expect(ok.code == 0, "\(ok.all)")
        #expect(ok.stdout.contains("6 fetched"))

        let faulty = try await TestSimulator.start(faults: [try FaultRule.parse("api-error@aqicn")])
        let partial = try await run(["collect", "--now", "2026-11-29T14:20:00Z", "--at", "2026-11-29T13", "--cities", "paris,lyon"],
                              environment: environment(faulty, lake: lake))
        await faulty.stop()
        #expect(partial.code == 3, "\(partial.all)")
        #expect(partial.stdout.contains("Unknown station"))

        var down = environment(nil, lake: lake)
        down["GOODAIR_AQICN_URL"] = "http://127.0.0.1:9"
        down["GOODAIR_OWM_URL"] = "http://127.0.0.1:9"
        let failed = try await run(["collect", "--now", "2026-11-29T14:20:00Z", "--at", "2026-11-29T12", "--cities", "paris", "--attempts", "1"],
                             environment: down)
        #expect(failed.code == 1, "\(failed.all)")
        for outcome in [ok, partial, failed] {
            #expect(!outcome.all.contains(Fixtures.aqicnToken))
            #expect(!outcome.all.contains(Fixtures.owmKey))
        }
        #expect(try lake.pathsContaining(Fixtures.aqicnToken).isEmpty)
    }

    @Test("a key the API refuses exits 2 and names its variable, never its value")
    func refusedKey() async throws {
        let lake = try TemporaryLake()
        defer { lake.remove() }
        let sim = try await TestSimulator.start()
        var env = environment(sim, lake: lake)
        env["GOODAIR_AQICN_TOKEN"] = "a-wrong-token-that-must-not-print"
        let outcome = try await run(["collect", "--now", "2026-11-29T14:20:00Z", "--cities", "paris", "--sources", "aqicn"], environment: env)
        await sim.stop()
        #expect(outcome.code == 2, "\(outcome.all)")
        #expect(outcome.stderr.contains("GOODAIR_AQICN_TOKEN"))
        #expect(!outcome.all.contains("a-wrong-token-that-must-not-print"))
        #expect(try lake.pathsContaining("a-wrong-token-that-must-not-print").isEmpty)
    }

    @Test("two collector processes on one lake: the second stops with exit 1 naming the lock, nothing interleaves")
    func lockBetweenProcesses() async throws {
        let lake = try TemporaryLake()
        defer { lake.remove() }
        let sim = try await TestSimulator.start(latency: 0.3)
        let env = environment(sim, lake: lake)
        let arguments = ["collect", "--now", "2026-11-29T14:20:00Z", "--sources", "aqicn", "--cities", "paris,lyon,nice,lille,nantes,rennes,reims,brest,tours", "--concurrency", "2"]
        async let first = run(arguments, environment: env)
        for _ in 0..<500 where sim.requestLog.isEmpty { try await Task.sleep(nanoseconds: 10_000_000) }
        let second = try await run(arguments, environment: env)
        let done = try await first
        await sim.stop()
        #expect(done.code == 0, "\(done.all)")
        #expect(second.code == 1, "\(second.all)")
        #expect(second.stderr.contains("_state/collect.lock"))
        #expect(second.stderr.contains("held by pid"))
        #expect(sim.requestLog.count == 9, "only the first collector fetched")
    }

    @Test("simulate serves the real paths on the port it prints, until stopped")
    func simulate() async throws {
        let lake = try TemporaryLake()
        defer { lake.remove() }
        let out = lake.root.appendingPathComponent("simulate.out")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = ["simulate", "--port", "0", "--lake", lake.root.path, "--owm-key", Fixtures.owmKey]
        process.standardOutput = try FileHandle(forWritingTo: out)
        try process.run()
        defer { process.terminate() }
        var baseURL: String?
        for _ in 0..<300 where baseURL == nil {
            try await Task.sleep(nanoseconds: 20_000_000)
            let text = try String(contentsOf: out, encoding: .utf8)
            if let range = text.range(of: #"http://127\.0\.0\.1:[0-9]+"#, options: .regularExpression) {
                baseURL = String(text[range])
            }
        }
        let url = try #require(baseURL, "the simulator printed where it listens")
        let client = CurlHTTPClient()
        let weather = try await client.get(HTTPRequest(
            url: "\(url)/data/2.5/weather?lat=48.8567&lon=2.3522&units=metric&appid=\(Fixtures.owmKey)", timeout: 5))
        #expect(weather.status == 200)
        #expect(ResponseVerdict.judge(source: .owmWeather, status: weather.status, body: weather.body).kind == .ok)
        let refused = try await client.get(HTTPRequest(url: "\(url)/data/2.5/air_pollution?lat=48.8&lon=2.3&appid=wrong", timeout: 5))
        #expect(refused.status == 401, "only the key given with --owm-key is accepted")
        let feed = try await client.get(HTTPRequest(url: "\(url)/feed/geo:45.7597;4.8422/?token=anything", timeout: 5))
        let verdict = ResponseVerdict.judge(source: .aqicn, status: feed.status, body: feed.body)
        #expect(verdict.kind == .ok, "any token is accepted without --aqicn-token")
        #expect(String(decoding: feed.body, as: UTF8.self).contains("Lyon"))
    }

    @Test("demo runs the chain over a day from its own simulator and says where to look")
    func demo() async throws {
        let lake = try TemporaryLake()
        defer { lake.remove() }
        let outcome = try await run(["demo", "--days", "1", "--lake", lake.root.path, "--now", "2026-11-29T14:20:00Z"])
        #expect(outcome.code == 0, "\(outcome.all)")
        #expect(outcome.stdout.contains("Bronze holds"))
        #expect(outcome.stdout.contains("run 2026-11-29T14:00:00Z: 24 hours collected"))
        let snapshots = lake.allFiles().filter { $0.hasSuffix(".json.gz") && !$0.contains("/_failed/") }
        let cities = try lake.catalog().cities.count
        // The simulator's small fault rate makes a few fetches fail for good (their manifests say why).
        #expect(snapshots.count >= 24 * cities * 3 * 97 / 100, "nearly every snapshot of the day (\(snapshots.count))")
        #expect(lake.allFiles().filter { $0.hasSuffix("_manifest.json") }.count == 72)
        for file in ["gold/reports/index.html", "gold/reports/qualite.html", "gold/reports/alertes.html", "gold/warehouse.sqlite"] {
            #expect(lake.allFiles().contains(file), "\(file)")
        }
        #expect(outcome.stdout.contains("Retention per retention.yml"))
    }
}
