import Foundation
import GoodAirCore
import GoodAirSimulator
import GoodAirTesting
import Testing

/// What keeps collectors polite and apart: the OpenWeatherMap rate limit and the lake lock.
@Suite("Collector limits")
struct CollectorLimitsTests {
    let hour = Fixtures.currentHour

    @Test("OpenWeatherMap calls never exceed the limit in any window, whatever the number of cities")
    func owmRateLimit() async throws {
        let lake = try TemporaryLake()
        defer { lake.remove() }
        let sim = try await TestSimulator.start()
        let limit = 4, window = 1.0
        let report = try await sim.collector(lake: lake.lake, owmCallsPerWindow: limit, owmWindow: window)
            .collect(CollectPlan(hours: [hour], cities: try Fixtures.cities(8)))
        await sim.stop()
        #expect(report.status == .success)
        let owm = sim.requestLog.filter { $0.source.hasPrefix("owm") }.map(\.at).sorted()
        #expect(owm.count == 16)
        // Measured where the server receives them, with slack for scheduling jitter on a loaded
        // machine (tests run in parallel): calls sent a window apart may be handled closer.
        for (i, start) in owm.enumerated() {
            let inWindow = owm[i...].prefix { $0 < start + window - 0.25 }.count
            #expect(inWindow <= limit, "\(inWindow) OpenWeatherMap calls within \(window) s from call \(i)")
        }
        #expect(owm.last! - owm.first! >= 3 * window - 0.25, "16 calls at 4 per second take at least 3 s")
        // AQICN is not held back by OpenWeatherMap's limit.
        let aqicn = sim.requestLog.filter { $0.source == "aqicn" }.map(\.at)
        #expect(aqicn.count == 8)
    }

    @Test("back-to-back runs share the OpenWeatherMap limit: the second one waits for the first one's calls")
    func owmLimitAcrossRuns() async throws {
        let lake = try TemporaryLake()
        defer { lake.remove() }
        let sim = try await TestSimulator.start()
        let cities = try Fixtures.cities(4)
        for offset in [-1, 0] {
            let report = try await sim.collector(lake: lake.lake, owmCallsPerWindow: 4, owmWindow: 1.0)
                .collect(CollectPlan(hours: [hour.advanced(by: offset)], cities: cities, sources: [.owmAir]))
            #expect(report.status == .success)
        }
        await sim.stop()
        let calls = sim.requestLog.map(\.at).sorted()
        #expect(calls.count == 8)
        // Without the ledger the second run would call at once (milliseconds after the first run's
        // last call); with it, its first call waits for the first run's window (about 1 s, less
        // whatever scheduling delay a loaded machine adds to when the server logs a call).
        #expect(calls[4] - calls[3] >= 0.4, "the second run's first call waited for the window of the first run's")
        #expect(FileManager.default.fileExists(atPath: lake.lake.state.appendingPathComponent("ratelimit-openweathermap.json").path))
    }

    @Test("a second collector on the same lake stops with a clear message, or waits and finds nothing left to do")
    func lock() async throws {
        let lake = try TemporaryLake()
        defer { lake.remove() }
        let sim = try await TestSimulator.start(latency: 0.4)
        let plan = CollectPlan(hours: [hour], cities: try Fixtures.cities(8), sources: [.aqicn])
        let first = Task { try await sim.collector(lake: lake.lake).collect(plan) }
        // Once the simulator has seen a request, the first collector holds the lock.
        for _ in 0..<200 where sim.requestLog.isEmpty { try await Task.sleep(nanoseconds: 10_000_000) }
        #expect(!sim.requestLog.isEmpty)
        do {
            _ = try await sim.collector(lake: lake.lake).collect(plan)
            Issue.record("the second collector should have been refused")
        } catch let error as LakeError {
            let message = "\(error)"
            #expect(message.contains("_state/collect.lock"))
            #expect(message.contains("pid \(getpid())"))
        }
        let waiting = try await sim.collector(lake: lake.lake, lockWait: 20).collect(plan)
        let done = try await first.value
        await sim.stop()
        #expect(done.fetched == 8)
        #expect(waiting.fetched == 0, "it waited for the first to finish: nothing interleaved")
        #expect(waiting.skipped == 8)
        #expect(sim.requestLog.count == 8)
    }
}
