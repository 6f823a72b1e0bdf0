import Foundation

/// Renders OpenWeatherMap 2.5 "current weather" responses (`GET /data/2.5/weather`).
///
/// Quirks reproduced: `rain` / `snow` objects are absent when there was none, `wind.gust` is
/// absent when calm, temperatures are Kelvin unless `units` is "metric" (°C) or "imperial"
/// (°F, wind in mph), `timezone` is the UTC offset in seconds at that instant, `dt` is the
/// observation instant, `sunrise`/`sunset` are epoch seconds.
///
/// ```swift
/// let bytes = OWMWeatherPayload.current(place: paris, observedAt: hour,
///                                       timeZone: TimeZone(identifier: "Europe/Paris")!,
///                                       weather: model.weather(at: paris, time: hour), units: "metric")
/// // {"coord":{"lon":2.3522,"lat":48.8566},"weather":[{"id":803,"main":"Clouds",…}],"base":"stations",…,"cod":200}
/// ```
public enum OWMWeatherPayload {
    /// Temperature in the unit system OWM uses for `units` (unknown values mean "standard").
    public static func temperature(_ celsius: Double, units: String) -> Double {
        switch units.lowercased() {
        case "metric": celsius
        case "imperial": celsius * 9 / 5 + 32
        default: celsius + 273.15
        }
    }

    /// Wind speed in the unit system OWM uses for `units` (mph for "imperial", else m/s).
    public static func speed(_ metresPerSecond: Double, units: String) -> Double {
        units.lowercased() == "imperial" ? metresPerSecond * 2.236936 : metresPerSecond
    }

    /// The response body for `place` at `observedAt`.
    public static func current(
        place: SimulatedPlace, observedAt: Date, timeZone: TimeZone,
        weather w: WeatherState, units: String = "standard"
    ) -> [UInt8] {
        func temp(_ c: Double) -> PayloadJSON { .number(temperature(c, units: units), decimals: 2) }
        func wind(_ v: Double) -> PayloadJSON { .number(speed(v, units: units), decimals: 2) }
        let epoch = Int(observedAt.timeIntervalSince1970.rounded(.down))
        let stationKey = Noise.hash(0x4F57_4D53, UInt64(bitPattern: Int64(place.stationID)))

        var windMembers: [(String, PayloadJSON)] = [("speed", wind(w.windSpeedMS)), ("deg", .int(w.windDeg))]
        if let gust = w.windGustMS { windMembers.append(("gust", wind(gust))) }

        var members: [(String, PayloadJSON)] = [
            ("coord", .object([("lon", .number(place.longitude, decimals: 4)),
                               ("lat", .number(place.latitude, decimals: 4))])),
            ("weather", .array([.object([
                ("id", .int(w.conditionID)), ("main", .string(w.conditionMain)),
                ("description", .string(w.conditionDescription)), ("icon", .string(w.icon)),
            ])])),
            ("base", .string("stations")),
            ("main", .object([
                ("temp", temp(w.temperatureC)), ("feels_like", temp(w.feelsLikeC)),
                ("temp_min", temp(w.tempMinC)), ("temp_max", temp(w.tempMaxC)),
                ("pressure", .int(w.pressureHPa)), ("humidity", .int(w.humidityPct)),
                ("sea_level", .int(w.seaLevelHPa)), ("grnd_level", .int(w.groundLevelHPa)),
            ])),
            ("visibility", .int(w.visibilityM)),
            ("wind", .object(windMembers)),
        ]
        if w.rain1hMM > 0 { members.append(("rain", .object([("1h", .number(w.rain1hMM, decimals: 2))]))) }
        if w.snow1hMM > 0 { members.append(("snow", .object([("1h", .number(w.snow1hMM, decimals: 2))]))) }
        members += [
            ("clouds", .object([("all", .int(w.cloudsPct))])),
            ("dt", .int(epoch)),
            ("sys", .object([
                ("type", .int(2)), ("id", .int(2_000_000 + Int(stationKey % 100_000))),
                ("country", .string("FR")),
                ("sunrise", .int(Int(w.sunrise.timeIntervalSince1970.rounded(.down)))),
                ("sunset", .int(Int(w.sunset.timeIntervalSince1970.rounded(.down)))),
            ])),
            ("timezone", .int(timeZone.secondsFromGMT(for: observedAt))),
            ("id", .int(place.stationID)),
            ("name", .string(place.name)),
            ("cod", .int(200)),
        ]
        return PayloadJSON.object(members).bytes()
    }
}
