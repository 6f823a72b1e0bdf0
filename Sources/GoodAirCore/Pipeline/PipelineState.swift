import Foundation

/// What the chain remembers between runs, in `_state/run/state.json`: the last hour it collected,
/// when the lifecycle last applied, and running totals for the metrics.
struct PipelineState: Codable, Sendable, Equatable {
    /// Hour index of the last hour a run collected (nil: none yet; then the newest bronze hour).
    var lastCollectedHour: Int?
    /// When the lifecycle last applied its plan (UTC timestamp).
    var lastLifecycleAt: String?
    /// Counters since the lake's first run (Prometheus `_total`s).
    var totals: [String: Double] = [:]

    static func url(lake: Lake) -> URL { lake.state.appendingPathComponent("run/state.json") }

    static func load(lake: Lake) -> PipelineState {
        guard let data = FileManager.default.contents(atPath: url(lake: lake).path),
              let state = try? JSONDecoder().decode(PipelineState.self, from: data) else { return PipelineState() }
        return state
    }

    func save(lake: Lake) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try AtomicFile.write(Array(try encoder.encode(self)) + [0x0A], to: Self.url(lake: lake))
    }

    /// The newest hour with a bronze folder of any source, when the state has none.
    static func newestBronzeHour(lake: Lake) -> Int? { bronzeHour(lake: lake, newest: true) }

    /// The newest (or oldest) hour with a bronze folder of any source; nil for an empty bronze.
    static func bronzeHour(lake: Lake, newest: Bool) -> Int? {
        var found: Int?
        for source in Source.allCases {
            let folder = lake.bronze.appendingPathComponent("source=\(source.rawValue)")
            let dates = BronzeCheck.children(folder, prefix: "date=")
            guard let date = newest ? dates.last : dates.first else { continue }
            let hours = BronzeCheck.children(folder.appendingPathComponent(date), prefix: "hour=")
            guard let hour = newest ? hours.last : hours.first,
                  let parsed = Hour(parsing: "\(date.dropFirst(5))T\(hour.dropFirst(5))") else { continue }
            found = newest ? max(found ?? parsed.index, parsed.index) : min(found ?? parsed.index, parsed.index)
        }
        return found
    }
}
