import Foundation

/// Simulated pollutant concentrations at one place and hour, in µg/m³ (as OpenWeatherMap's
/// air-pollution API reports them), rounded to 2 decimals, all non-negative.
///
/// ```swift
/// let a = AtmosphereModel().air(at: paris, time: someHour)
/// print(a.no2, a.pm2_5, a.owmAQI)   // 41.27 12.8 2
/// ```
public struct AirState: Sendable, Hashable {
    /// Carbon monoxide, µg/m³.
    public var co: Double
    /// Nitrogen monoxide, µg/m³.
    public var no: Double
    /// Nitrogen dioxide, µg/m³.
    public var no2: Double
    /// Ozone, µg/m³.
    public var o3: Double
    /// Sulphur dioxide, µg/m³.
    public var so2: Double
    /// Fine particulate matter (≤ 2.5 µm), µg/m³.
    public var pm2_5: Double
    /// Coarse particulate matter (≤ 10 µm), µg/m³.
    public var pm10: Double
    /// Ammonia, µg/m³.
    public var nh3: Double
    /// OpenWeatherMap air-quality index, 1 (good) ... 5 (very poor).
    public var owmAQI: Int

    /// Memberwise initialiser. `owmAQI` defaults to the index computed from the concentrations.
    public init(
        co: Double, no: Double, no2: Double, o3: Double, so2: Double,
        pm2_5: Double, pm10: Double, nh3: Double, owmAQI: Int? = nil
    ) {
        self.co = co
        self.no = no
        self.no2 = no2
        self.o3 = o3
        self.so2 = so2
        self.pm2_5 = pm2_5
        self.pm10 = pm10
        self.nh3 = nh3
        self.owmAQI = owmAQI ?? AirState.owmIndex(
            so2: so2, no2: no2, pm10: pm10, pm2_5: pm2_5, o3: o3, co: co)
    }

    /// OpenWeatherMap's index (1 Good, 2 Fair, 3 Moderate, 4 Poor, 5 Very Poor): each pollutant
    /// is placed against OWM's upper bounds and the worst level wins.
    ///
    /// `AirState.owmIndex(so2: 5, no2: 45, pm10: 18, pm2_5: 8, o3: 70, co: 300) == 2`
    public static func owmIndex(
        so2: Double, no2: Double, pm10: Double, pm2_5: Double, o3: Double, co: Double
    ) -> Int {
        func level(_ value: Double, _ b1: Double, _ b2: Double, _ b3: Double, _ b4: Double) -> Int {
            value < b1 ? 1 : value < b2 ? 2 : value < b3 ? 3 : value < b4 ? 4 : 5
        }
        return max(
            level(so2, 20, 80, 250, 350),
            level(no2, 40, 70, 150, 200),
            level(pm10, 20, 50, 100, 200),
            level(pm2_5, 10, 25, 50, 75),
            level(o3, 60, 100, 140, 180),
            level(co, 4400, 9400, 12400, 15400))
    }
}
