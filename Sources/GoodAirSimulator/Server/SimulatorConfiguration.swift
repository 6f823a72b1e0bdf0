import Foundation
import GoodAirCore

/// How the simulator behaves. Defaults: any non-empty key accepted, no latency, no faults, the
/// APIs' natural quirks at small rates.
///
/// ```swift
/// var configuration = SimulatorConfiguration(places: SimulatedPlace.places(for: catalog.cities))
/// configuration.latency = 0.2
/// configuration.faults = [try FaultRule.parse("server-error:first=1")]
/// ```
public struct SimulatorConfiguration: Sendable {
    /// Loopback address to bind (default 127.0.0.1). The simulator never listens beyond loopback.
    public var host: String
    /// Port; 0 picks a free one (default 0).
    public var port: Int
    /// The token AQICN accepts; nil accepts any non-empty token.
    public var aqicnToken: String?
    /// The key OpenWeatherMap accepts; nil accepts any non-empty key.
    public var owmKey: String?
    /// Seconds added before every answer (default 0).
    public var latency: Double
    public var faults: [FaultRule]
    /// Rates of the real APIs' harmless quirks (see `QuirkRates`).
    public var quirks: QuirkRates
    /// Seeds the weather and pollution model and the fault dice.
    public var seed: UInt64
    /// Known places (the référentiel's cities); coordinates far from all of them get a synthetic station.
    public var places: [SimulatedPlace]
    /// "Now" for requests without `X-GoodAir-Replay-Hour`.
    public var clock: LakeClock
    /// Whether `X-GoodAir-Replay-Hour` is honoured (default true). False behaves like the real
    /// APIs, which answer only for the present: for testing that the collector refuses that.
    public var replay: Bool = true

    public init(host: String = "127.0.0.1", port: Int = 0, aqicnToken: String? = nil, owmKey: String? = nil,
                latency: Double = 0, faults: [FaultRule] = [], quirks: QuirkRates = QuirkRates(),
                seed: UInt64 = 0, places: [SimulatedPlace] = [], clock: LakeClock = .system) {
        self.host = host
        self.port = port
        self.aqicnToken = aqicnToken
        self.owmKey = owmKey
        self.latency = latency
        self.faults = faults
        self.quirks = quirks
        self.seed = seed
        self.places = places
        self.clock = clock
    }

    /// The small fault rates of the demo: what a day of the real APIs looks like.
    public static let realisticFaults: [FaultRule] = [
        FaultRule(kind: .serverError, trigger: .probability(0.004)),
        FaultRule(kind: .rateLimit, trigger: .probability(0.002), retryAfter: 1),
        FaultRule(kind: .truncated, trigger: .probability(0.001)),
        FaultRule(kind: .apiError, trigger: .probability(0.0005), sources: ["aqicn"]),
    ]
}

/// How often the simulator shows the real APIs' quirks that are not errors.
public struct QuirkRates: Sendable {
    /// AQICN `"aqi":"-"` (default 0.01).
    public var aqiDash: Double
    /// OpenWeatherMap air pollution `coord` as `[lon, lat]` (default 0.05).
    public var coordAsArray: Double
    /// OpenWeatherMap air pollution `"aqi":4.0` (default 0.05).
    public var aqiAsDecimal: Double

    public init(aqiDash: Double = 0.01, coordAsArray: Double = 0.05, aqiAsDecimal: Double = 0.05) {
        self.aqiDash = aqiDash
        self.coordAsArray = coordAsArray
        self.aqiAsDecimal = aqiAsDecimal
    }

    /// No quirks at all.
    public static let none = QuirkRates(aqiDash: 0, coordAsArray: 0, aqiAsDecimal: 0)
}
