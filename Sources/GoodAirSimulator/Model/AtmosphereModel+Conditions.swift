import Foundation

/// OWM's description of the sky for one hour, plus the visibility that goes with it.
struct SkyCondition {
    var id: Int
    var main: String
    var description: String
    var icon: String
    var visibility: Int
    var isSnow: Bool
}

extension AtmosphereModel {
    /// Rounds to 2 decimals (how the APIs print temperatures, wind and precipitation).
    static func round2(_ x: Double) -> Double {
        let r = (x * 100).rounded() / 100
        return r == 0 ? 0 : r   // no "-0"
    }

    /// Shape of the diurnal temperature cycle in −1...1 against local solar time: minimum at
    /// sunrise, cosine rise to the maximum at 14 h solar (≈ 15-16 h legal time), then a
    /// front-loaded evening fall back to the next sunrise.
    static func diurnalShape(solarHour h: Double, sunrise: Double) -> Double {
        let peak = 14.0
        let rise = min(max(sunrise, 3), 10)
        if h >= rise && h <= peak {
            return -cos(Double.pi * (h - rise) / (peak - rise))
        }
        let since = (h - peak + 24).truncatingRemainder(dividingBy: 24)
        let u = since / (24 - (peak - rise))
        return 0.5 * cos(Double.pi * u) + 0.5 * (2 * (1 - u) * (1 - u) - 1)
    }

    /// Relative humidity (%) from temperature and dew point (Magnus formula), 1...100.
    static func relativeHumidity(temperature t: Double, dewPoint d: Double) -> Int {
        let ratio = exp(17.625 * d / (243.04 + d)) / exp(17.625 * t / (243.04 + t))
        return min(max(Int((100 * ratio).rounded()), 1), 100)
    }

    /// Meteorological direction (degrees the wind comes from): westerlies (≈ 250°) with lows,
    /// north-easterlies (≈ 40°) with anticyclones, veered by up to ±70° by `veer` in −1...1.
    static func windDirection(pressure p: Double, veer: Double) -> Int {
        let high = min(max(p + 0.3, 0), 1)
        let west = 250 * SolarGeometry.degrees, northEast = 40 * SolarGeometry.degrees
        let x = (1 - high) * cos(west) + high * cos(northEast)
        let y = (1 - high) * sin(west) + high * sin(northEast)
        let degrees = atan2(y, x) / SolarGeometry.degrees + 70 * veer
        let wrapped = (degrees.truncatingRemainder(dividingBy: 360) + 360).truncatingRemainder(dividingBy: 360)
        return Int(wrapped.rounded()) % 360
    }

    /// Apparent temperature: wind chill (≤ 10 °C, wind > 4.8 km/h), heat index (≥ 26.7 °C), else T.
    static func feelsLike(temperature t: Double, humidity: Int, wind: Double) -> Double {
        let kmh = wind * 3.6
        if t <= 10 && kmh > 4.8 {
            let v = pow(kmh, 0.16)
            return round2(13.12 + 0.6215 * t - 11.37 * v + 0.3965 * t * v)
        }
        if t >= 26.7 {
            let f = t * 9 / 5 + 32, r = Double(humidity)
            let hi = -42.379 + 2.04901523 * f + 10.14333127 * r - 0.22475541 * f * r
                - 0.00683783 * f * f - 0.05481717 * r * r + 0.00122874 * f * f * r
                + 0.00085282 * f * r * r - 0.00000199 * f * f * r * r
            return round2(max((hi - 32) * 5 / 9, t - 1))
        }
        return t
    }

    /// OWM condition code, texts, icon and visibility consistent with the hour's weather.
    static func sky(
        temperature t: Double, precipitation p: Double, cloud: Double, humidity: Int,
        wind: Double, summerness s: Double, isDay: Bool
    ) -> SkyCondition {
        let suffix = isDay ? "d" : "n"
        func hundreds(_ v: Double) -> Int { Int((v / 100).rounded()) * 100 }
        if p > 0 {
            if t < 1 {
                let (id, text) = p < 0.5 ? (600, "light snow") : p < 1.5 ? (601, "snow") : (602, "heavy snow")
                return SkyCondition(id: id, main: "Snow", description: text, icon: "13" + suffix,
                                    visibility: hundreds(max(400, 4_000 - 1_500 * p)), isSnow: true)
            }
            let visibility = hundreds(max(2_000, 10_000 - 1_400 * p))
            if s > 0.55 && t > 21 && p >= 1.5 {
                let (id, text) = p < 2.5 ? (200, "thunderstorm with light rain")
                    : p < 7 ? (201, "thunderstorm with rain") : (202, "thunderstorm with heavy rain")
                return SkyCondition(id: id, main: "Thunderstorm", description: text, icon: "11" + suffix,
                                    visibility: visibility, isSnow: false)
            }
            if s > 0.5 && t > 14 {
                let (id, text) = p < 1.5 ? (520, "light intensity shower rain")
                    : p < 5 ? (521, "shower rain") : (522, "heavy intensity shower rain")
                return SkyCondition(id: id, main: "Rain", description: text, icon: "09" + suffix,
                                    visibility: visibility, isSnow: false)
            }
            let (id, text) = p < 1 ? (500, "light rain") : p < 4 ? (501, "moderate rain")
                : p < 8 ? (502, "heavy intensity rain") : p < 16 ? (503, "very heavy rain") : (504, "extreme rain")
            return SkyCondition(id: id, main: "Rain", description: text, icon: "10" + suffix,
                                visibility: visibility, isSnow: false)
        }
        if humidity >= 97 && wind < 2.5 {
            return SkyCondition(id: 741, main: "Fog", description: "fog", icon: "50" + suffix,
                                visibility: 200 + 200 * (100 - humidity), isSnow: false)
        }
        if humidity >= 93 && wind < 4 {
            return SkyCondition(id: 701, main: "Mist", description: "mist", icon: "50" + suffix,
                                visibility: min(5_000, 1_000 + 700 * (100 - humidity)), isSnow: false)
        }
        let pct = Int((cloud * 100).rounded())
        let (id, main, text, art) = pct <= 10 ? (800, "Clear", "clear sky", "01")
            : pct <= 25 ? (801, "Clouds", "few clouds", "02")
            : pct <= 50 ? (802, "Clouds", "scattered clouds", "03")
            : pct <= 84 ? (803, "Clouds", "broken clouds", "04") : (804, "Clouds", "overcast clouds", "04")
        let visibility = humidity > 80 ? hundreds(10_000 - 250 * Double(humidity - 80)) : 10_000
        return SkyCondition(id: id, main: main, description: text, icon: art + suffix,
                            visibility: visibility, isSnow: false)
    }
}
