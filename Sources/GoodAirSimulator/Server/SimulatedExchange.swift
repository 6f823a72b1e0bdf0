/// A request as the simulator sees it: path, query and headers (names lowercased).
public struct SimulatedRequest: Sendable {
    public var path: String
    public var query: [String: String]
    public var headers: [String: String]

    public init(path: String, query: [String: String] = [:], headers: [String: String] = [:]) {
        self.path = path
        self.query = query
        self.headers = headers
    }
}

/// The simulator's answer, before the HTTP layer writes it; `delay` seconds pass first.
public struct SimulatedResponse: Sendable {
    public var status: Int
    public var headers: [String: String]
    public var body: [UInt8]
    public var delay: Double

    public init(status: Int, headers: [String: String] = [:], body: [UInt8], delay: Double = 0) {
        self.status = status
        self.headers = headers
        self.body = body
        self.delay = delay
    }

    static func json(_ status: Int, _ text: String) -> SimulatedResponse {
        SimulatedResponse(status: status, headers: ["Content-Type": "application/json; charset=utf-8"], body: Array(text.utf8))
    }
}

/// One request the simulator answered, for tests and for the `simulate` log.
public struct SimulatedRequestRecord: Sendable {
    /// Seconds since the simulator started (monotonic).
    public var at: Double
    /// `aqicn`, `owm_weather`, `owm_air`, or `unknown`.
    public var source: String
    /// The place's name, or the coordinates asked for.
    public var place: String
    /// The hour answered for.
    public var hour: String
    /// 1 for the first request at (source, place, hour), 2 for the next…
    public var attempt: Int
    public var status: Int
    /// The fault injected, if any.
    public var fault: String?
}
