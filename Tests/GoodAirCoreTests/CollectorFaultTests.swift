import Foundation
import GoodAirCore
import GoodAirSimulator
import GoodAirTesting
import Testing

/// Each fault of the real APIs, injected by the simulator, seen through the collector.
@Suite("Collector faults")
struct CollectorFaultTests {
    let hour = Fixtures.currentHour

    /// Collects `hour` for `cities` from `sources` with `faults`; returns the report, the manifest
    /// of the first source and the simulator's request log.
    func run(_ faults: [String], sources: [Source], cities: Int = 1, attempts: Int = 3, timeout: Double = 5,
             lake: TemporaryLake) async throws -> (CollectReport, HourManifest, [SimulatedRequestRecord]) {
        let sim = try await TestSimulator.start(faults: try faults.map(FaultRule.parse))
        let report = try await sim.collector(lake: lake.lake, attempts: attempts, timeout: timeout)
            .collect(CollectPlan(hours: [hour], cities: try Fixtures.cities(cities), sources: sources))
        await sim.stop()
        let manifest = try #require(try HourManifest.read(in: lake.lake.bronzeHourFolder(source: sources[0], hour: hour)))
        #expect(try lake.pathsContaining(Fixtures.aqicnToken).isEmpty, "the token never reaches the lake")
        #expect(try lake.pathsContaining(Fixtures.owmKey).isEmpty, "the key never reaches the lake")
        return (report, manifest, sim.requestLog)
    }

    @Test("429 with Retry-After: waits at least that long, then succeeds")
    func rateLimitedThenOK() async throws {
        let lake = try TemporaryLake()
        defer { lake.remove() }
        let (report, manifest, log) = try await run(["rate-limit:first=1:retry-after=1"], sources: [.owmAir], lake: lake)
        #expect(report.status == .success)
        let record = try #require(manifest.fetches.first)
        #expect(record.outcome == .ok)
        #expect(record.attempts == 2)
        #expect(record.attemptErrors.count == 1)
        #expect(record.attemptErrors[0].contains("429"))
        #expect(log.count == 2)
        #expect(log[1].at - log[0].at >= 0.95, "Retry-After: 1 is honoured (\(log[1].at - log[0].at) s)")
        #expect(record.latencyMs >= 950)
    }

    @Test("HTTP 503 then success: retried with backoff")
    func serverErrorThenOK() async throws {
        let lake = try TemporaryLake()
        defer { lake.remove() }
        let (report, manifest, _) = try await run(["server-error:first=2"], sources: [.aqicn], cities: 3, lake: lake)
        #expect(report.status == .success)
        #expect(report.requests == 9)
        for record in manifest.fetches {
            #expect(record.outcome == .ok)
            #expect(record.attempts == 3)
            #expect(record.attemptErrors == ["HTTP 503", "HTTP 503"])
        }
    }

    @Test("HTTP 503 on every attempt: a failed fetch after the last attempt, its body kept")
    func serverErrorGivesUp() async throws {
        let lake = try TemporaryLake()
        defer { lake.remove() }
        let (report, manifest, log) = try await run(["server-error"], sources: [.owmWeather], attempts: 3, lake: lake)
        #expect(report.status == .failed)
        #expect(log.count == 3)
        let record = try #require(manifest.fetches.first)
        #expect(record.outcome == .failed)
        #expect(record.httpStatus == 503)
        #expect(record.attempts == 3)
        let kept = try #require(record.file, "the last body is kept for diagnosis")
        #expect(kept.hasPrefix("_failed/"), "never under a good snapshot's name")
        #expect(!lake.allFiles().contains { $0.hasSuffix("/\(record.cityID).json.gz") })
    }

    @Test("a response slower than the timeout is a timeout, retried, then failed")
    func timeout() async throws {
        let lake = try TemporaryLake()
        defer { lake.remove() }
        let (report, manifest, log) = try await run(["slow:seconds=1.5"], sources: [.aqicn], attempts: 2, timeout: 0.3, lake: lake)
        #expect(report.status == .failed)
        #expect(log.count == 2)
        let record = try #require(manifest.fetches.first)
        #expect(record.outcome == .failed)
        #expect(record.httpStatus == nil)
        #expect(record.attemptErrors.count == 2)
        #expect(record.attemptErrors.allSatisfy { $0.hasPrefix("timeout") })
        #expect(record.file == nil)
        #expect(!lake.allFiles().contains { $0.hasSuffix(".json.gz") })
    }

    @Test("an HTML page or a truncated body with HTTP 200 is not a snapshot; a rerun replaces it")
    func garbageAndTruncatedBodies() async throws {
        let lake = try TemporaryLake()
        defer { lake.remove() }
        let (report, manifest, _) = try await run(["garbage@aqicn", "truncated@owm_weather"], sources: [.aqicn, .owmWeather],
                                                  attempts: 2, lake: lake)
        #expect(report.status == .failed)
        let record = try #require(manifest.fetches.first)
        #expect(record.outcome == .failed)
        #expect(record.attempts == 2, "a garbled body may be transient: retried")
        #expect(try #require(record.error).contains("not JSON"))
        let weather = try #require(try HourManifest.read(in: lake.lake.bronzeHourFolder(source: .owmWeather, hour: hour)))
        #expect(try #require(weather.fetches.first?.error).contains("not JSON"))
        let kept = try Gzip.decompress(Array(try Data(contentsOf: lake.lake.bronzeHourFolder(source: .aqicn, hour: hour)
            .appendingPathComponent(try #require(record.file)))))
        #expect(String(decoding: kept, as: UTF8.self).contains("<html"))

        // The API recovers: the rerun fetches the failed ones and keeps the failures' history.
        let sim = try await TestSimulator.start()
        let rerun = try await sim.collector(lake: lake.lake)
            .collect(CollectPlan(hours: [hour], cities: try Fixtures.cities(1), sources: [.aqicn, .owmWeather]))
        await sim.stop()
        #expect(rerun.fetched == 2)
        let healed = try #require(try HourManifest.read(in: lake.lake.bronzeHourFolder(source: .aqicn, hour: hour)))
        #expect(healed.fetches.first?.outcome == .ok)
        #expect(healed.superseded.count == 1)
        let failed = try #require(healed.superseded.first)
        #expect(failed.outcome == .failed)
        // The failed body is still there, under its own name, matching its record.
        let body = try Gzip.decompress(Array(try Data(contentsOf: lake.lake.bronzeHourFolder(source: .aqicn, hour: hour)
            .appendingPathComponent(try #require(failed.file)))))
        #expect(Checksum.sha256Hex(body) == failed.sha256)
        #expect(healed.fetches.first?.file == "\(healed.fetches.first!.cityID).json.gz")
    }

    @Test("AQICN's error JSON with HTTP 200 is a failed fetch, not retried, body kept")
    func aqicnErrorPayload() async throws {
        let lake = try TemporaryLake()
        defer { lake.remove() }
        let (report, manifest, log) = try await run(["api-error@aqicn"], sources: [.aqicn], lake: lake)
        #expect(report.status == .failed)
        #expect(log.count == 1)
        let record = try #require(manifest.fetches.first)
        #expect(record.outcome == .failed)
        #expect(record.httpStatus == 200)
        #expect(record.apiStatus == "error")
        #expect(record.attempts == 1)
        #expect(record.error == "AQICN error: Unknown station")
        #expect(record.file != nil)
    }

    @Test("OpenWeatherMap's \"cod\":\"404\" (a string) is a failed fetch, not retried")
    func owmStringCod404() async throws {
        let lake = try TemporaryLake()
        defer { lake.remove() }
        let (report, manifest, log) = try await run(["api-error@owm_weather"], sources: [.owmWeather], lake: lake)
        #expect(report.status == .failed)
        #expect(log.count == 1)
        let record = try #require(manifest.fetches.first)
        #expect(record.httpStatus == 404)
        #expect(record.apiStatus == "404")
        #expect(try #require(record.error).contains("city not found"))
    }

    @Test("a wrong key: one refusal per API, the rest not attempted, a configuration error, no secret on disk")
    func wrongKey() async throws {
        let lake = try TemporaryLake()
        defer { lake.remove() }
        let sim = try await TestSimulator.start()
        let wrongToken = "wrong-aqicn-token-77c1e0b2aa", wrongKey = "wrong-owm-key-19f3d5c8e0"
        let collector = sim.collector(lake: lake.lake, endpoints: sim.endpoints(aqicnToken: wrongToken, owmKey: wrongKey))
        let report = try await collector.collect(CollectPlan(hours: [hour], cities: try Fixtures.cities(20)))
        await sim.stop()
        #expect(report.status == .misconfigured)
        #expect(report.status.exitCode == 2)
        #expect(report.refusedCredentials == [.aqicn, .openWeatherMap])
        #expect(report.fetched == 0)
        #expect(report.failures.count == 60)
        #expect(sim.requestLog.count <= 16, "the APIs are not hammered with a refused key (\(sim.requestLog.count) requests)")
        let aqicn = try #require(try HourManifest.read(in: lake.lake.bronzeHourFolder(source: .aqicn, hour: hour)))
        #expect(aqicn.fetches.contains { $0.error == "AQICN error: Invalid key" && $0.httpStatus == 200 && $0.attempts == 1 })
        #expect(aqicn.fetches.contains { $0.attempts == 0 && ($0.error ?? "").hasPrefix("not attempted") })
        let weather = try #require(try HourManifest.read(in: lake.lake.bronzeHourFolder(source: .owmWeather, hour: hour)))
        #expect(weather.fetches.contains { $0.httpStatus == 401 && $0.attempts == 1 }, "no retry on 401")
        for secret in [wrongToken, wrongKey, Fixtures.aqicnToken, Fixtures.owmKey] {
            #expect(try lake.pathsContaining(secret).isEmpty, "no secret under the lake")
        }
    }

    @Test("aqi \"-\" is a valid AQICN snapshot, stored as received")
    func aqiDash() async throws {
        let lake = try TemporaryLake()
        defer { lake.remove() }
        let (report, manifest, _) = try await run(["aqi-dash@aqicn"], sources: [.aqicn], lake: lake)
        #expect(report.status == .success)
        let record = try #require(manifest.fetches.first)
        let raw = try Gzip.decompress(Array(try Data(contentsOf: lake.lake.bronzeHourFolder(source: .aqicn, hour: hour)
            .appendingPathComponent(try #require(record.file)))))
        #expect(String(decoding: raw, as: UTF8.self).contains(#""aqi":"-""#))
    }

    @Test("Retry-After is honoured only up to its cap")
    func retryAfterIsCapped() async throws {
        let lake = try TemporaryLake()
        defer { lake.remove() }
        let sim = try await TestSimulator.start(faults: [try FaultRule.parse("rate-limit:first=1:retry-after=3600@owm_air")])
        var configuration = sim.collector(lake: lake.lake).configuration
        configuration.retry = RetryPolicy(maxAttempts: 2, baseDelay: 0.01, maxDelay: 0.05, retryAfterCap: 0.5)
        let collector = Collector(lake: lake.lake, configuration: configuration, client: CurlHTTPClient(),
                                  clock: .fixed(at: Fixtures.now), logger: .quiet)
        let report = try await collector.collect(CollectPlan(hours: [hour], cities: try Fixtures.cities(1), sources: [.owmAir]))
        await sim.stop()
        #expect(report.status == .success)
        let log = sim.requestLog
        #expect(log.count == 2)
        #expect(log[1].at - log[0].at >= 0.45, "waited the cap")
        #expect(log[1].at - log[0].at < 60, "not the hour the server asked for")
    }

    @Test("a body that contains the key (a proxy echoing it) is never stored")
    func bodyWithTheKeyIsWithheld() async throws {
        let lake = try TemporaryLake()
        defer { lake.remove() }
        let (report, manifest, _) = try await run(["echo-key"], sources: [.owmWeather, .aqicn], cities: 2, lake: lake)
        #expect(report.status == .failed)
        for record in manifest.fetches {
            #expect(record.outcome == .failed)
            #expect(record.file == nil)
            #expect(try #require(record.error).contains("contains a credential"))
        }
        #expect(!lake.allFiles().contains { $0.hasSuffix(".json.gz") })
    }
}
