import Foundation

/// The simulated weather at one place and hour, in the units OpenWeatherMap uses with
/// `units=metric` (°C, hPa, m/s, %, metres, mm per hour).
///
/// Produced by ``AtmosphereModel/weather(at:time:)``; rendered by ``OWMWeatherPayload`` and
/// ``AQICNPayload``. Values are already rounded the way the APIs round them (temperatures,
/// wind and precipitation to 2 decimals; pressure, humidity, clouds, visibility to integers).
///
/// ```swift
/// let w = AtmosphereModel().weather(at: paris, time: someHour)
/// print(w.temperatureC, w.conditionMain, w.rain1hMM)   // 17.42 Rain 0.83
/// ```
public struct WeatherState: Sendable, Hashable {
    /// Air temperature at 2 m, °C.
    public var temperatureC: Double
    /// Apparent temperature (wind chill when cold and windy, heat index when hot), °C.
    public var feelsLikeC: Double
    /// Lowest temperature currently observed around the city (OWM `temp_min`), °C.
    public var tempMinC: Double
    /// Highest temperature currently observed around the city (OWM `temp_max`), °C.
    public var tempMaxC: Double
    /// Atmospheric pressure as OWM reports it in `main.pressure` (sea level), hPa.
    public var pressureHPa: Int
    /// Sea-level pressure, hPa.
    public var seaLevelHPa: Int
    /// Pressure at ground level (station altitude), hPa.
    public var groundLevelHPa: Int
    /// Relative humidity, % (0...100).
    public var humidityPct: Int
    /// Mean wind speed, m/s.
    public var windSpeedMS: Double
    /// Wind direction the wind blows from, meteorological degrees (0...359).
    public var windDeg: Int
    /// Wind gust, m/s; `nil` when calm (OWM then omits `wind.gust`).
    public var windGustMS: Double?
    /// Cloud cover, % (0...100).
    public var cloudsPct: Int
    /// Visibility, metres (capped at 10 000 like OWM).
    public var visibilityM: Int
    /// Rain over the last hour, mm (0 when dry).
    public var rain1hMM: Double
    /// Snow over the last hour, mm water equivalent (0 when none).
    public var snow1hMM: Double
    /// OWM weather condition code (800 clear, 801-804 clouds, 5xx rain, 6xx snow, 701/741 mist/fog, 2xx storms).
    public var conditionID: Int
    /// OWM condition group, e.g. "Clouds", "Rain".
    public var conditionMain: String
    /// OWM condition description, e.g. "broken clouds".
    public var conditionDescription: String
    /// OWM icon code, e.g. "04d" or "10n".
    public var icon: String
    /// Sunrise of the local day.
    public var sunrise: Date
    /// Sunset of the local day.
    public var sunset: Date
    /// Dew point, °C (never above the temperature).
    public var dewPointC: Double

    /// Memberwise initialiser.
    public init(
        temperatureC: Double, feelsLikeC: Double, tempMinC: Double, tempMaxC: Double,
        pressureHPa: Int, seaLevelHPa: Int, groundLevelHPa: Int, humidityPct: Int,
        windSpeedMS: Double, windDeg: Int, windGustMS: Double?, cloudsPct: Int, visibilityM: Int,
        rain1hMM: Double, snow1hMM: Double, conditionID: Int, conditionMain: String,
        conditionDescription: String, icon: String, sunrise: Date, sunset: Date, dewPointC: Double
    ) {
        self.temperatureC = temperatureC
        self.feelsLikeC = feelsLikeC
        self.tempMinC = tempMinC
        self.tempMaxC = tempMaxC
        self.pressureHPa = pressureHPa
        self.seaLevelHPa = seaLevelHPa
        self.groundLevelHPa = groundLevelHPa
        self.humidityPct = humidityPct
        self.windSpeedMS = windSpeedMS
        self.windDeg = windDeg
        self.windGustMS = windGustMS
        self.cloudsPct = cloudsPct
        self.visibilityM = visibilityM
        self.rain1hMM = rain1hMM
        self.snow1hMM = snow1hMM
        self.conditionID = conditionID
        self.conditionMain = conditionMain
        self.conditionDescription = conditionDescription
        self.icon = icon
        self.sunrise = sunrise
        self.sunset = sunset
        self.dewPointC = dewPointC
    }
}
