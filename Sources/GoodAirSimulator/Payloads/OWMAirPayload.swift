import Foundation

/// Renders OpenWeatherMap "air pollution" responses (`GET /data/2.5/air_pollution`):
/// concentrations in µg/m³ rounded to 2 decimals and OWM's 1-5 index.
///
/// Quirks on request: `coordAsArray` writes `"coord":[lon,lat]` instead of an object (as OWM's
/// own documentation shows it), `aqiAsDecimal` writes the index as `4.0` instead of `4`.
///
/// ```swift
/// let bytes = OWMAirPayload.current(place: paris, observedAt: hour, air: model.air(at: paris, time: hour))
/// // {"coord":{"lon":2.3522,"lat":48.8566},"list":[{"main":{"aqi":2},"components":{"co":201.94,…},"dt":1606147200}]}
/// ```
public enum OWMAirPayload {
    /// The response body for `place` at `observedAt`.
    public static func current(
        place: SimulatedPlace, observedAt: Date, air: AirState,
        coordAsArray: Bool = false, aqiAsDecimal: Bool = false
    ) -> [UInt8] {
        let lon = PayloadJSON.number(place.longitude, decimals: 4)
        let lat = PayloadJSON.number(place.latitude, decimals: 4)
        func c(_ v: Double) -> PayloadJSON { .number(v, decimals: 2) }
        let item = PayloadJSON.object([
            ("main", .object([("aqi", .number(Double(air.owmAQI), decimals: 0, keepPoint: aqiAsDecimal))])),
            ("components", .object([
                ("co", c(air.co)), ("no", c(air.no)), ("no2", c(air.no2)), ("o3", c(air.o3)),
                ("so2", c(air.so2)), ("pm2_5", c(air.pm2_5)), ("pm10", c(air.pm10)), ("nh3", c(air.nh3)),
            ])),
            ("dt", .int(Int(observedAt.timeIntervalSince1970.rounded(.down)))),
        ])
        return PayloadJSON.object([
            ("coord", coordAsArray ? .array([lon, lat]) : .object([("lon", lon), ("lat", lat)])),
            ("list", .array([item])),
        ]).bytes()
    }
}
