import Foundation
import GoodAirCore
import Synchronization

/// The simulator without its HTTP layer: routes a request on the real APIs' paths, checks the key,
/// picks the hour (the present, or `X-GoodAir-Replay-Hour`), injects faults and renders the
/// payload. Deterministic for a (place, hour, attempt) and a seed.
public final class SimulatorEngine: Sendable {
    public let configuration: SimulatorConfiguration
    let model: AtmosphereModel
    let timeZone = TimeZone(identifier: "Europe/Paris")!
    private let started = ContinuousClock.now
    let forecasts = Mutex<[ForecastKey: PayloadJSON]>([:])
    private let state = Mutex<(attempts: [String: Int], log: [SimulatedRequestRecord])>(([:], []))

    public init(configuration: SimulatorConfiguration) {
        self.configuration = configuration
        self.model = AtmosphereModel(seed: configuration.seed)
    }

    /// The most recent requests kept in `requestLog` (older ones are dropped, so a long-running
    /// simulator or a year's backfill does not grow without bound).
    public static let requestLogCapacity = 20_000

    /// The requests answered so far, oldest first (at most `requestLogCapacity`).
    public var requestLog: [SimulatedRequestRecord] { state.withLock { $0.log } }

    /// Answers one request.
    public func respond(to request: SimulatedRequest) -> SimulatedResponse {
        let route = SimulatorRoute(request: request)
        var hour = Hour(containing: configuration.clock.now())
        var echo = false
        if configuration.replay, let asked = request.headers[ReplayHeader.lowercasedName] {
            guard let parsed = Hour(parsing: asked) else {
                return log(.json(400, #"{"error":"bad X-GoodAir-Replay-Hour (want 2026-11-29T14:00:00Z)"}"#),
                           route: route, key: nil, hour: asked, attempt: 0, fault: nil)
            }
            hour = parsed
            echo = true
        }
        var response: SimulatedResponse
        var fault: FaultRule?
        var attempt = 0
        var key: String?
        switch route.resolve(places: configuration.places) {
        case .answer(let failure):
            response = failure
        case .target(let target):
            if let refusal = checkKey(route: route, request: request) {
                response = refusal
            } else {
                key = "\(target.source)|\(target.place.stationID)|\(target.place.latitude),\(target.place.longitude)|\(hour.index)"
                attempt = countAttempt(key!)
                fault = pickFault(source: target.source, key: key!, attempt: attempt)
                response = render(target, hour: hour, request: request, fault: fault, key: key!)
            }
        }
        response.delay += configuration.latency
        if echo { response.headers[ReplayHeader.name] = hour.description }
        return log(response, route: route, key: key, hour: hour.description, attempt: attempt, fault: fault)
    }

    private func log(_ response: SimulatedResponse, route: SimulatorRoute, key: String?, hour: String,
                     attempt: Int, fault: FaultRule?) -> SimulatedResponse {
        let elapsed = ContinuousClock.now - started
        let at = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let record = SimulatedRequestRecord(at: at, source: route.source ?? "unknown", place: route.placeLabel,
                                            hour: hour, attempt: attempt, status: response.status,
                                            fault: fault.map { $0.kind.rawValue })
        state.withLock { s in
            if s.log.count >= Self.requestLogCapacity { s.log.removeFirst(s.log.count / 2) }
            s.log.append(record)
        }
        return response
    }

    /// Counts a request at `key`: 1 for the first. Only kept when faults need it (`first=N` and
    /// the dice depend on the attempt), so a fault-free simulator holds no per-request state.
    private func countAttempt(_ key: String) -> Int {
        guard !configuration.faults.isEmpty else { return 1 }
        return state.withLock { s in
            let n = (s.attempts[key] ?? 0) + 1
            s.attempts[key] = n
            return n
        }
    }

    /// The API's answer to a missing or wrong key, or nil when the key is accepted.
    private func checkKey(route: SimulatorRoute, request: SimulatedRequest) -> SimulatedResponse? {
        if route.source == "aqicn" {
            let token = request.query["token"] ?? ""
            let ok = !token.isEmpty && (configuration.aqicnToken == nil || configuration.aqicnToken == token)
            return ok ? nil : .json(200, #"{"status":"error","data":"Invalid key"}"#)
        }
        let key = request.query["appid"] ?? ""
        let ok = !key.isEmpty && (configuration.owmKey == nil || configuration.owmKey == key)
        return ok ? nil : .json(401, #"{"cod":401, "message": "Invalid API key. Please see https://openweathermap.org/faq#error401 for more info."}"#)
    }

    /// The first rule that fires for this request, if any.
    private func pickFault(source: String, key: String, attempt: Int) -> FaultRule? {
        for (index, rule) in configuration.faults.enumerated() where rule.applies(to: source) {
            switch rule.trigger {
            case .always:
                return rule
            case .firstAttempts(let n):
                if attempt <= n { return rule }
            case .probability(let p):
                let dice = Noise.unit(Noise.hash(configuration.seed ^ 0xFA_17, UInt64(index), Noise.fnv1a(key), UInt64(attempt)))
                if dice < p { return rule }
            }
        }
        return nil
    }

    /// A stable number in [0, 1) for a harmless quirk of this (source, place, hour).
    func quirkDice(_ name: String, key: String) -> Double {
        Noise.unit(Noise.hash(configuration.seed ^ 0x9E1C, Noise.fnv1a(name), Noise.fnv1a(key)))
    }
}
