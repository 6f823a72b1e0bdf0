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
