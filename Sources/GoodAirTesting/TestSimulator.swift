import Foundation
import GoodAirCore
import GoodAirSimulator
import Logging

/// A simulator on a free loopback port with the test token and key, and a collector wired to it.
///
/// ```swift
/// let sim = try await TestSimulator.start(faults: [try FaultRule.parse("server-error:first=1")])
/// defer { Task { await sim.stop() } }
/// let report = try await sim.collector(lake: lake.lake).collect(plan)
/// ```
public struct TestSimulator: Sendable {
    public let simulator: Simulator

    public static func start(faults: [FaultRule] = [], latency: Double = 0, replay: Bool = true,
                             quirks: QuirkRates = QuirkRates(), cities: [City]? = nil) async throws -> TestSimulator {
        let places = SimulatedPlace.places(for: try cities ?? CityCatalog.load(from: Fixtures.repositoryCitiesFile).cities)
        var configuration = SimulatorConfiguration(aqicnToken: Fixtures.aqicnToken, owmKey: Fixtures.owmKey,
                                                   latency: latency, faults: faults, quirks: quirks, places: places,
                                                   clock: .fixed(at: Fixtures.now))
        configuration.replay = replay
        return TestSimulator(simulator: try await Simulator.start(configuration: configuration, logger: .quiet))
    }

    public var baseURL: String { simulator.baseURL }
    public var requestLog: [SimulatedRequestRecord] { simulator.engine.requestLog }

    /// Endpoints pointing at this simulator, with the test secrets (or others, to test refusals).
    public func endpoints(aqicnToken: String = Fixtures.aqicnToken, owmKey: String = Fixtures.owmKey) -> Endpoints {
        Endpoints(aqicnBaseURL: baseURL, owmBaseURL: baseURL, aqicnToken: Secret(aqicnToken), owmKey: Secret(owmKey))
    }

    /// A collector with fast retries (10 ms base) and no rate limit unless given.
    public func collector(lake: Lake, endpoints: Endpoints? = nil, attempts: Int = 3, timeout: Double = 5,
                          owmCallsPerWindow: Int = 0, owmWindow: Double = 60, lockWait: Double = 0,
                          clock: LakeClock = .fixed(at: Fixtures.now)) -> Collector {
        var configuration = CollectorConfiguration(endpoints: endpoints ?? self.endpoints(), concurrency: 8, timeout: timeout,
                                                   retry: RetryPolicy(maxAttempts: attempts, baseDelay: 0.01, maxDelay: 0.05),
                                                   owmCallsPerWindow: owmCallsPerWindow, owmWindow: owmWindow)
        configuration.lockWait = lockWait
        return Collector(lake: lake, configuration: configuration, client: CurlHTTPClient(), clock: clock, logger: .quiet)
    }

    public func stop() async { await simulator.stop() }
}

extension Logger {
    /// A logger that drops everything (tests never bootstrap the logging system).
    public static let quiet = Logger(label: "goodair.test", factory: { _ in SwiftLogNoOpLogHandler() })
}
