/// A heatwave: consecutive days whose 3-day mean minimum and maximum temperatures (IBMn and
/// IBMx) both reach their thresholds.
///
/// Days are numbers of days since 1970-01-01, both ends inclusive.
///
/// ```swift
/// for wave in Heatwaves.episodes(firstDay: first, tmin: tmin, tmax: tmax,
///                                thresholdMin: 21, thresholdMax: 34) {
///     print(CivilTime.dateString(days: wave.startDay), wave.days, wave.ibmxMax)
/// }
/// ```
public struct HeatwaveEpisode: Sendable, Equatable {
    /// The first day of the episode.
    public var startDay: Int
    /// The last day of the episode (inclusive).
    public var endDay: Int
    /// The number of days of the episode, `endDay - startDay + 1`.
    public var days: Int
    /// The highest IBMn (3-day mean of daily minimum temperatures) during the episode, in °C.
    public var ibmnMax: Double
    /// The highest IBMx (3-day mean of daily maximum temperatures) during the episode, in °C.
    public var ibmxMax: Double

    /// An episode from `startDay` through `endDay`; `days` is derived from them.
    public init(startDay: Int, endDay: Int, ibmnMax: Double, ibmxMax: Double) {
        self.startDay = startDay
        self.endDay = endDay
        self.days = endDay - startDay + 1
        self.ibmnMax = ibmnMax
        self.ibmxMax = ibmxMax
    }
}
