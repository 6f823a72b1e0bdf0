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

    /// The newest (or oldest) hour with a bronze folder of any source; nil for an empty bronze.
    static func bronzeHour(lake: Lake, newest: Bool) -> Int? {
        let dates = BronzeIndex.dates(lake: lake)   // sorted by date
        let hours = Source.allCases.compactMap { source -> Int? in
            guard let unit = newest ? dates.last(where: { $0.source == source }) : dates.first(where: { $0.source == source }) else { return nil }
            let folders = BronzeIndex.hours(lake: lake, source: source, date: unit.date)
            return (newest ? folders.last : folders.first)?.index
        }
        return newest ? hours.max() : hours.min()
    }
}
