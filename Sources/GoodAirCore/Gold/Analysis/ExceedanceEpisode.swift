/// A run of consecutive hours over a regulatory threshold.
///
/// Hours are indexes since 1970 (seconds since 1970 / 3600), both ends inclusive.
///
/// ```swift
/// for episode in Exceedances.episodes(hourly: no2, firstHour: first, rule: alert) {
///     print(episode.start, episode.hours, episode.peak)
/// }
/// ```
public struct ExceedanceEpisode: Sendable, Equatable {
    /// The first exceeding hour.
    public var start: Int
    /// The last exceeding hour (inclusive).
    public var end: Int
    /// The number of hours of the episode, `end - start + 1`.
    public var hours: Int
    /// The largest averaged value during the episode, in µg/m³.
    public var peak: Double

    /// An episode from `start` through `end`; `hours` is derived from them.
    public init(start: Int, end: Int, peak: Double) {
        self.start = start
        self.end = end
        self.hours = end - start + 1
        self.peak = peak
    }
}
