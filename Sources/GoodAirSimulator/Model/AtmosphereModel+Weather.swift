import Foundation
import GoodAirCore

/// Noise channels: each physical field draws from its own independent stream.
enum Channel {
    static let pressure: UInt64 = 1, temperature: UInt64 = 2, cloud: UInt64 = 3, rain: UInt64 = 4
    static let wind: UInt64 = 5, direction: UInt64 = 6, moisture: UInt64 = 7
    static let localTemperature: UInt64 = 11, localCloud: UInt64 = 12, localRain: UInt64 = 13
    static let localWind: UInt64 = 14, localPressure: UInt64 = 15, gust: UInt64 = 16
    static let spread: UInt64 = 17, pollution: UInt64 = 20
}

/// The weather of one hour plus the intermediate quantities the air model needs.
struct WeatherDetail {
    var state: WeatherState
    /// Synoptic pressure anomaly, about −1 (deep low) ... +1 (strong anticyclone).
    var pressureAnomaly: Double
    /// Temperature without its diurnal cycle (≈ daily mean), °C.
    var dailyMeanC: Double
    var cloudFraction: Double
    var sinElevation: Double
    /// Sine of the sun's elevation two hours earlier (photochemistry lags the sun).
    var sinElevationLagged: Double
    /// Precipitation (rain or snow), mm/h.
    var precipitation: Double
    /// 0 in late January ... 1 in late July.
    var summerness: Double
    /// Heatwave ramp, 0...1.
    var heatwaveRamp: Double
    /// French legal clock time, hours in 0..<24.
    var localHour: Double
    /// 0 = Monday ... 6 = Sunday (local).
    var weekday: Int
    /// Days since 1 January of the local year (0-based).
    var dayOfYear: Double
}

extension AtmosphereModel {
    func computeWeather(place c: PlaceClimate, epochSeconds e: Double) -> WeatherDetail {
        let t = e / 3_600
        let lat = c.latitude, lon = c.longitude
        func field(_ channel: UInt64, cell: Double, slow: Double, fast: Double) -> Double {
            let v = Noise.field(latitude: lat, longitude: lon, hours: t, cellDegrees: cell,
                                slow: slow, fast: fast, key: key(channel))
            return min(max(v * 1.7, -1.2), 1.2)
        }
        func local(_ channel: UInt64, period: Double) -> Double {
            Noise.smooth(hours: t, period: period, key: Noise.hash(key(channel), c.key))
        }

        // Calendar, sun.
        let epoch = Int(e)
        let hourKey = UInt64(bitPattern: Int64(epoch / 3_600))
        let offset = CivilTime.franceOffset(epochSeconds: epoch)
        let localDays = CivilTime.floorDiv(epoch + offset, 86_400)
        let localHour = Double(epoch + offset - localDays * 86_400) / 3_600
        let year = CivilTime.civil(days: localDays).year
        let dayOfYear = Double(localDays - CivilTime.days(year: year, month: 1, day: 1)) + localHour / 24
        let season = cos(2 * Double.pi * (e / 86_400 - 204.5) / 365.2425)
        let s = (season + 1) / 2
        let orbit = SolarGeometry.orbit(epochSeconds: e)
        let solar = SolarGeometry.solarHour(epochSeconds: e, longitude: lon, equationOfTime: orbit.equationOfTime)
        let sinElev = SolarGeometry.sinElevation(epochSeconds: e, latitude: lat, longitude: lon, orbit: orbit)
        let sinLag = SolarGeometry.sinElevation(epochSeconds: e - 7_200, latitude: lat, longitude: lon, orbit: orbit)
        let halfDay = SolarGeometry.halfDayHours(latitude: lat, declination: orbit.declination)
        let (rise, set) = SolarGeometry.sunriseSunset(
            dayStartUTC: Double(localDays * 86_400), latitude: lat, longitude: lon)

        // Synoptic situation; heatwaves come with anticyclones, clear skies and dry air.
        let heat = HeatwaveCalendar.signal(epochSeconds: e, seed: seed)
        let ramp = heat.ramp
        var p = field(Channel.pressure, cell: 7, slow: 90, fast: 30)
        p += (0.75 - p) * 0.8 * ramp
        var anomaly = field(Channel.temperature, cell: 8, slow: 110, fast: 40) * (4.0 + 2.5 * (1 - s))
            + 0.6 * local(Channel.localTemperature, period: 9) + p * (1.2 * s - 2.0 * (1 - s))
        anomaly += ramp * (max(0, -anomaly) - 0.5 * max(0, anomaly))
        let dailyMean = c.meanC + c.annualAmplitudeC * season + anomaly + heat.anomalyC * c.heatwaveFactor

        // Rain and clouds.
        let rainPotential = -0.5 * p + 0.55 * field(Channel.rain, cell: 3, slow: 16, fast: 5)
            + 0.2 * local(Channel.localRain, period: 3)
        let threshold = 0.42 + 0.3 * c.mediterranean * s + 0.08 * s + 0.6 * ramp
        var precipitation = 0.0
        if rainPotential > threshold {
            precipitation = max(0.1, ((rainPotential - threshold) * (3.5 + 7 * s) * 100).rounded() / 100)
        }
        var cloud = 0.55 - 0.5 * p + 0.45 * field(Channel.cloud, cell: 4, slow: 20, fast: 7)
            + 0.15 * local(Channel.localCloud, period: 4) - 0.2 * s * c.mediterranean - 0.12 * s
            + 0.1 * (1 - s) - 0.5 * ramp
        if precipitation > 0 { cloud = max(cloud, 0.78 + 0.22 * min(1, precipitation / 2)) }
        cloud = min(max(cloud, 0), 1)

        // Wind: lows are windy, afternoons gustier, heatwaves calm.
        let daylight = min(max(sinElev * 3, 0), 1)
        var wind = 3.3 - 2.4 * p + 1.5 * field(Channel.wind, cell: 5, slow: 30, fast: 8)
            + 0.5 * local(Channel.localWind, period: 5) + 0.8 * (1 - s) + 1.2 * c.mediterranean * max(0, p)
        wind *= (0.72 + 0.45 * daylight) * (1 - 0.35 * ramp)
        wind = (max(0.3, wind + (precipitation > 0 ? 0.8 : 0)) * 100).rounded() / 100
        let windDeg = Self.windDirection(pressure: p, veer: field(Channel.direction, cell: 6, slow: 36, fast: 12))

        // Temperature: daily mean + diurnal cycle (bigger in summer, clear and calm) + heat island.
        let amplitude = (3.8 + 2.6 * s) * (0.8 + 0.35 * c.continentality) * (1 - 0.55 * cloud)
            * (1 - 0.3 * min(1, max(0, wind - 3) / 6)) * (precipitation > 0 ? 0.6 : 1)
        let shape = Self.diurnalShape(solarHour: solar, sunrise: 12 - halfDay)
        let island = c.urban * 1.3 * (1 - 0.6 * cloud) * max(0, -shape)
        let rainCooling = precipitation > 0 ? min(1.5, 0.5 + 0.3 * precipitation) : 0
        let temperature = Self.round2(dailyMean + amplitude * (shape + 0.1) + island - rainCooling)

        // Moisture: dew point follows the air mass, so humidity peaks at night.
        let depression = max(0.6, 2.6 + 3.5 * s + 2.5 * max(0, p) + 2.5 * c.mediterranean * s
            + 1.5 * field(Channel.moisture, cell: 6, slow: 50, fast: 15) - 1.2 * cloud + 3.5 * ramp)
        var dewPoint = dailyMean - depression
        if precipitation > 0 {
            dewPoint = temperature - 0.3 - 1.2 * Noise.unit(Noise.hash(key(Channel.moisture), c.key, hourKey))
        }
        dewPoint = Self.round2(min(dewPoint, temperature - 0.1))
        let humidity = Self.relativeHumidity(temperature: temperature, dewPoint: dewPoint)

        let pressure = Int((1_015 + 13 * p + 1.5 * local(Channel.localPressure, period: 6)
            - 3 * min(1, precipitation / 3)).rounded())
        let gustDraw = Noise.unit(Noise.hash(key(Channel.gust), c.key, hourKey))
        let gust: Double? = wind < 1.8 ? nil
            : Self.round2(wind * (1.35 + 0.45 * gustDraw) + (precipitation > 0 ? 1 : 0))
        let spread = 0.2 + Noise.unit(Noise.hash(key(Channel.spread), c.key, hourKey))
        let isDay = e >= rise && e < set
        let sky = Self.sky(temperature: temperature, precipitation: precipitation, cloud: cloud,
                           humidity: humidity, wind: wind, summerness: s, isDay: isDay)

        let state = WeatherState(
            temperatureC: temperature,
            feelsLikeC: Self.feelsLike(temperature: temperature, humidity: humidity, wind: wind),
            tempMinC: Self.round2(temperature - spread), tempMaxC: Self.round2(temperature + spread * 0.8),
            pressureHPa: pressure, seaLevelHPa: pressure,
            groundLevelHPa: Int((Double(pressure) - c.elevationM / 8.3).rounded()),
            humidityPct: humidity, windSpeedMS: wind, windDeg: windDeg, windGustMS: gust,
            cloudsPct: Int((cloud * 100).rounded()), visibilityM: sky.visibility,
            rain1hMM: sky.isSnow ? 0 : precipitation, snow1hMM: sky.isSnow ? precipitation : 0,
            conditionID: sky.id, conditionMain: sky.main, conditionDescription: sky.description,
            icon: sky.icon, sunrise: Date(timeIntervalSince1970: rise), sunset: Date(timeIntervalSince1970: set),
            dewPointC: dewPoint)
        return WeatherDetail(
            state: state, pressureAnomaly: p, dailyMeanC: dailyMean, cloudFraction: cloud,
            sinElevation: sinElev, sinElevationLagged: sinLag, precipitation: precipitation,
            summerness: s, heatwaveRamp: ramp, localHour: localHour,
            weekday: CivilTime.weekday(days: localDays), dayOfYear: dayOfYear)
    }
}
