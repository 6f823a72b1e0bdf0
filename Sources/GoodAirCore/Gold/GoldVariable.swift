/// A measured variable of the gold tables: the silver table and column it comes from, its unit, and
/// how a day or a month summarises it. `city_hourly` has one column per variable (the hour's mean);
/// `city_daily` and `city_monthly` have `<name>_mean`, `_min` and `_max` of the hourly values, and
/// `<name>_sum` for amounts (rain, snow).
///
/// AQICN's `*_aqi` values are US-EPA sub-indices, never concentrations: they keep their names, so
/// nothing compares them with µg/m³ limits. AQICN's own weather readings (`t_c`…) are left out: the
/// weather comes from OpenWeatherMap.
public struct GoldVariable: Sendable, Hashable {
    public enum Kind: Sendable {
        /// A level: hourly mean; daily mean, min, max.
        case level
        /// An amount per hour (mm): also summed over a day or a month.
        case amount
        /// A direction in degrees: circular mean per hour, no daily statistics (an arithmetic mean
        /// of angles means nothing).
        case direction
    }

    public let name: String
    /// The silver table: `weather`, `air_pollution` or `air_quality`.
    public let table: String
    public let unit: String
    public let kind: Kind

    /// The gold variables, in column order.
    public static let all: [GoldVariable] = {
        func weather(_ name: String, _ unit: String, _ kind: Kind = .level) -> GoldVariable {
            GoldVariable(name: name, table: "weather", unit: unit, kind: kind)
        }
        func air(_ name: String) -> GoldVariable { GoldVariable(name: name, table: "air_pollution", unit: "µg/m³", kind: .level) }
        func index(_ name: String) -> GoldVariable { GoldVariable(name: name, table: "air_quality", unit: "US-EPA index", kind: .level) }
        return [
            weather("temperature_c", "°C"), weather("feels_like_c", "°C"), weather("pressure_hpa", "hPa"),
            weather("humidity_pct", "%"), weather("wind_speed_ms", "m/s"), weather("wind_deg", "°", .direction),
            weather("wind_gust_ms", "m/s"), weather("clouds_pct", "%"), weather("visibility_m", "m"),
            weather("rain_1h_mm", "mm", .amount), weather("snow_1h_mm", "mm", .amount),
            GoldVariable(name: "owm_aqi", table: "air_pollution", unit: "OpenWeatherMap index 1-5", kind: .level),
            air("co_ugm3"), air("no_ugm3"), air("no2_ugm3"), air("o3_ugm3"), air("so2_ugm3"), air("pm2_5_ugm3"),
            air("pm10_ugm3"), air("nh3_ugm3"),
            index("aqi"), index("pm25_aqi"), index("pm10_aqi"), index("o3_aqi"), index("no2_aqi"), index("so2_aqi"),
            index("co_aqi"),
        ]
    }()

    /// The silver tables the gold zone reads, in order.
    public static let sources = ["weather", "air_pollution", "air_quality"]

    /// The position of variable `name` in ``all``.
    public static func index(of name: String) -> Int? { all.firstIndex { $0.name == name } }

    /// The variable called `name` (`"no2_ugm3"`), nil for a name the gold zone does not have.
    public static func named(_ name: String) -> GoldVariable? { index(of: name).map { all[$0] } }
}
