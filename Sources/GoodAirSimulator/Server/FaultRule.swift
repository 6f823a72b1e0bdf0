/// A fault the simulator injects, when it fires, and for which sources.
///
/// Written on the command line as `KIND[:key=value…][@source,source]`:
/// - `server-error:p=0.01` — 1 % of requests get HTTP 503 with an HTML body
/// - `server-error:first=1` — the first attempt at every (source, place, hour) fails, the retry succeeds
/// - `rate-limit:p=0.05:retry-after=2@owm_weather,owm_air` — HTTP 429 with `Retry-After: 2`
/// - `api-error@aqicn` — always `{"status":"error","data":"Unknown station"}` with HTTP 200
/// - `slow:seconds=3`, `truncated:p=0.01`, `garbage`, `aqi-dash:p=0.5@aqicn`, `echo-key`
///
/// Without `p=` or `first=`, the fault fires on every request.
public struct FaultRule: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, CaseIterable {
        /// The API's own error: AQICN HTTP 200 `status:error`; OpenWeatherMap HTTP 404 `"cod":"404"`.
        case apiError = "api-error"
        /// HTTP 429 with a `Retry-After` header and the API's over-quota body.
        case rateLimit = "rate-limit"
        /// HTTP 503 with an HTML body.
        case serverError = "server-error"
        /// The normal answer, after `seconds` more.
        case slow
        /// The normal answer cut in half (invalid JSON, valid HTTP).
        case truncated
        /// HTTP 200 with an HTML page instead of JSON.
        case garbage
        /// AQICN answers `"aqi":"-"` (a station with no current index).
        case aqiDash = "aqi-dash"
        /// A misbehaving proxy: the normal answer with the request's key written into it.
        case echoKey = "echo-key"
    }

    /// When a rule fires.
    public enum Trigger: Sendable, Equatable {
        case always
        /// With this probability, decided by a hash of (seed, rule, source, place, hour, attempt).
        case probability(Double)
        /// On the first `n` attempts at each (source, place, hour).
        case firstAttempts(Int)
    }

    public var kind: Kind
    public var trigger: Trigger
    /// Empty means every source.
    public var sources: [String]
    /// For `rate-limit`: the `Retry-After` seconds (default 1).
    public var retryAfter: Int
    /// For `slow`: extra seconds (default 2).
    public var seconds: Double

    public init(kind: Kind, trigger: Trigger = .always, sources: [String] = [], retryAfter: Int = 1, seconds: Double = 2) {
        self.kind = kind
        self.trigger = trigger
        self.sources = sources
        self.retryAfter = retryAfter
        self.seconds = seconds
    }

    public func applies(to source: String) -> Bool { sources.isEmpty || sources.contains(source) }

    /// Parses the command-line form; the error says what is wrong.
    public static func parse(_ text: String) throws -> FaultRule {
        var body = Substring(text)
        var sources: [String] = []
        if let at = body.firstIndex(of: "@") {
            sources = body[body.index(after: at)...].split(separator: ",").map(String.init)
            body = body[..<at]
            let known = ["aqicn", "owm_weather", "owm_air"]
            if let bad = sources.first(where: { !known.contains($0) }) {
                throw FaultRuleError(text: text, reason: "unknown source '\(bad)'")
            }
        }
        let parts = body.split(separator: ":").map(String.init)
        guard let name = parts.first, let kind = Kind(rawValue: name) else {
            let kinds = Kind.allCases.map(\.rawValue).joined(separator: ", ")
            throw FaultRuleError(text: text, reason: "unknown fault kind (known: \(kinds))")
        }
        var rule = FaultRule(kind: kind, sources: sources)
        for option in parts.dropFirst() {
            let pair = option.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2 else { throw FaultRuleError(text: text, reason: "'\(option)' is not key=value") }
            switch pair[0] {
            case "p":
                guard let p = Double(pair[1]), (0...1).contains(p) else {
                    throw FaultRuleError(text: text, reason: "p must be a probability between 0 and 1")
                }
                rule.trigger = .probability(p)
            case "first":
                guard let n = Int(pair[1]), n > 0 else { throw FaultRuleError(text: text, reason: "first must be a positive count") }
                rule.trigger = .firstAttempts(n)
            case "retry-after":
                guard let n = Int(pair[1]), n >= 0 else { throw FaultRuleError(text: text, reason: "retry-after must be whole seconds") }
                rule.retryAfter = n
            case "seconds":
                guard let s = Double(pair[1]), s >= 0 else { throw FaultRuleError(text: text, reason: "seconds must be ≥ 0") }
                rule.seconds = s
            default:
                throw FaultRuleError(text: text, reason: "unknown option '\(pair[0])' (p, first, retry-after, seconds)")
            }
        }
        return rule
    }

    public var description: String {
        var text = kind.rawValue
        switch trigger {
        case .always: break
        case .probability(let p): text += ":p=\(p)"
        case .firstAttempts(let n): text += ":first=\(n)"
        }
        if kind == .rateLimit { text += ":retry-after=\(retryAfter)" }
        if kind == .slow { text += ":seconds=\(seconds)" }
        if !sources.isEmpty { text += "@" + sources.joined(separator: ",") }
        return text
    }
}

/// A fault specification that cannot be parsed.
public struct FaultRuleError: Error, CustomStringConvertible {
    public let text: String
    public let reason: String
    public var description: String { "bad fault '\(text)': \(reason)" }
}
