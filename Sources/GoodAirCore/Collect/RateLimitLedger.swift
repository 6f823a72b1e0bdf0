import Foundation

/// Where the OpenWeatherMap rate limiter remembers its recent calls between runs:
/// `_state/ratelimit-openweathermap.json`, read after the collect lock is taken and rewritten
/// after each hour. Without it, two runs one after the other could each send a full minute's
/// allowance within the same minute.
///
/// Times are real wall-clock instants (`Date()`), deliberately not the job's clock: the limit
/// is a fact of the real world, also during a `--now` replay.
struct RateLimitLedger {
    let url: URL

    init(lake: Lake, api: API) {
        url = lake.state.appendingPathComponent("ratelimit-\(api.rawValue).json")
    }

    private struct Contents: Codable {
        var calls: [String]
    }

    /// The recorded calls; empty when there is no ledger or it cannot be read (then the limiter
    /// starts empty, as it did before ledgers existed).
    func load() -> [Date] {
        guard let data = try? Data(contentsOf: url),
              let contents = try? JSONDecoder().decode(Contents.self, from: data) else { return [] }
        return contents.calls.compactMap(Timestamp.parse)
    }

    func save(_ calls: [Date]) throws {
        let contents = Contents(calls: calls.map(Timestamp.formatMillis))
        try AtomicFile.write(Array(try JSONEncoder().encode(contents)), to: url)
    }
}
