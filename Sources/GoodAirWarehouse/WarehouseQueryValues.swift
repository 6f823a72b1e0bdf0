/// One city's daily aggregate of one variable, as ``WarehouseQueries/day(_:variable:)`` returns it.
///
/// ```swift
/// let paris = try queries.day("2026-07-14").filter { $0.city == "paris" && $0.variable == "temperature_c" }
/// paris.first?.max   // 34.2
/// ```
public struct WarehouseDailyValue: Sendable, Hashable {
    public var city: String
    public var variable: String
    /// Over the hours observed; nil when the day had no value (then min and max are nil too).
    public var mean: Double?
    public var min: Double?
    public var max: Double?
    /// For amounts (rain, snow) only, else nil.
    public var sum: Double?
    /// Hours of the day the variable's source observed.
    public var hoursObserved: Int

    public init(city: String, variable: String, mean: Double?, min: Double?, max: Double?, sum: Double?, hoursObserved: Int) {
        self.city = city
        self.variable = variable
        self.mean = mean
        self.min = min
        self.max = max
        self.sum = sum
        self.hoursObserved = hoursObserved
    }
}

/// A city's latest hourly value of a variable, as ``WarehouseQueries/latest(variable:)`` returns it.
///
/// ```swift
/// try queries.latest(variable: "aqi").first   // WarehouseLatestValue(city: "bordeaux", hour: 1784116800, value: 42)
/// ```
public struct WarehouseLatestValue: Sendable, Hashable {
    public var city: String
    /// The start of the UTC hour, Unix seconds.
    public var hour: Int
    public var value: Double

    public init(city: String, hour: Int, value: Double) {
        self.city = city
        self.hour = hour
        self.value = value
    }
}
