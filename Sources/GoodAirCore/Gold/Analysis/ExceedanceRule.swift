/// A regulatory threshold on hourly concentrations: when the mean over `averagingHours` exceeds
/// `thresholdUgm3` for `consecutiveHours` hours in a row, there is an episode.
///
/// ```swift
/// // NO2 alert threshold: 400 µg/m³ on the hourly value, 3 hours in a row.
/// let alert = ExceedanceRule(pollutant: "no2", level: "alert", thresholdUgm3: 400,
///                            averagingHours: 1, minimumValidHours: 1, consecutiveHours: 3)
/// // PM10 information threshold: 50 µg/m³ on the 24-hour mean, 18 of 24 hours present.
/// let information = ExceedanceRule(pollutant: "pm10", level: "information", thresholdUgm3: 50,
///                                  averagingHours: 24, minimumValidHours: 18)
/// ```
public struct ExceedanceRule: Sendable, Hashable {
    /// The pollutant the rule applies to, such as `"no2"` or `"pm10"`.
    public var pollutant: String
    /// The name of the threshold, such as `"information"` or `"alert"`.
    public var level: String
    /// The threshold in µg/m³; an averaged value must be strictly greater to exceed it.
    public var thresholdUgm3: Double
    /// The number of hours averaged: the rolling mean of the hours ending at each hour
    /// (1, 8 or 24 in the regulations).
    public var averagingHours: Int
    /// The number of hours that must be present in the averaging window for a mean to exist
    /// (1 of 1, 6 of 8, 18 of 24).
    public var minimumValidHours: Int
    /// The number of consecutive exceeding hours that make an episode (3 for the NO2 alert).
    public var consecutiveHours: Int

    /// A rule; by default on hourly values, with one exceeding hour enough for an episode.
    public init(
        pollutant: String,
        level: String,
        thresholdUgm3: Double,
        averagingHours: Int = 1,
        minimumValidHours: Int = 1,
        consecutiveHours: Int = 1
    ) {
        precondition(averagingHours >= 1, "averagingHours must be at least 1")
        precondition((1...averagingHours).contains(minimumValidHours), "minimumValidHours must be in 1...averagingHours")
        precondition(consecutiveHours >= 1, "consecutiveHours must be at least 1")
        self.pollutant = pollutant
        self.level = level
        self.thresholdUgm3 = thresholdUgm3
        self.averagingHours = averagingHours
        self.minimumValidHours = minimumValidHours
        self.consecutiveHours = consecutiveHours
    }
}
