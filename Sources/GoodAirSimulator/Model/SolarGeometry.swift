import Foundation
import GoodAirCore

/// Sun position and day length (NOAA approximations, good to about a minute), pure functions of
/// latitude, longitude and the UTC instant in seconds since 1970.
enum SolarGeometry {
    static let degrees = Double.pi / 180

    /// Fractional-year angle γ (radians) and the derived declination (radians) and equation of
    /// time (minutes) for the instant.
    static func orbit(epochSeconds: Double) -> (declination: Double, equationOfTime: Double) {
        let days = epochSeconds / 86_400
        let year = days / 365.2425
        let gamma = 2 * Double.pi * (year - year.rounded(.down))
        let c1 = cos(gamma), s1 = sin(gamma), c2 = cos(2 * gamma), s2 = sin(2 * gamma)
        let eot = 229.18 * (0.000075 + 0.001868 * c1 - 0.032077 * s1 - 0.014615 * c2 - 0.040849 * s2)
        let decl = 0.006918 - 0.399912 * c1 + 0.070257 * s1 - 0.006758 * c2 + 0.000907 * s2
            - 0.002697 * cos(3 * gamma) + 0.00148 * sin(3 * gamma)
        return (decl, eot)
    }

    /// Local apparent solar time in hours (0..<24) for the instant at `longitude`.
    static func solarHour(epochSeconds: Double, longitude: Double, equationOfTime: Double) -> Double {
        let utcHours = (epochSeconds / 3_600).truncatingRemainder(dividingBy: 24)
        let hour = utcHours + longitude / 15 + equationOfTime / 60
        return (hour + 48).truncatingRemainder(dividingBy: 24)
    }

    /// Sine of the sun's elevation above the horizon (negative at night). Pass `orbit` when it
    /// is already known for (about) the same day.
    static func sinElevation(
        epochSeconds: Double, latitude: Double, longitude: Double,
        orbit known: (declination: Double, equationOfTime: Double)? = nil
    ) -> Double {
        let (decl, eot) = known ?? orbit(epochSeconds: epochSeconds)
        let solar = solarHour(epochSeconds: epochSeconds, longitude: longitude, equationOfTime: eot)
        let hourAngle = (solar - 12) * 15 * degrees
        let phi = latitude * degrees
        return sin(phi) * sin(decl) + cos(phi) * cos(decl) * cos(hourAngle)
    }

    /// Half day length in solar hours (sunrise = 12 − h, sunset = 12 + h), using the standard
    /// −0.833° horizon; clamped for polar day / night.
    static func halfDayHours(latitude: Double, declination: Double) -> Double {
        let phi = latitude * degrees
        let cosOmega = (cos(90.833 * degrees) - sin(phi) * sin(declination)) / (cos(phi) * cos(declination))
        return acos(min(max(cosOmega, -1), 1)) / degrees / 15
    }

    /// Sunrise and sunset (UTC epoch seconds, whole seconds) of the civil day that starts at
    /// `dayStartUTC` (epoch seconds of midnight UTC of that date).
    static func sunriseSunset(dayStartUTC: Double, latitude: Double, longitude: Double) -> (Double, Double) {
        let (decl, eot) = orbit(epochSeconds: dayStartUTC + 43_200)
        let half = halfDayHours(latitude: latitude, declination: decl)
        let noonUTC = 12 - longitude / 15 - eot / 60
        let rise = dayStartUTC + ((noonUTC - half) * 3_600).rounded()
        let set = dayStartUTC + ((noonUTC + half) * 3_600).rounded()
        return (rise, set)
    }
}

extension CivilTime {
    /// UTC offset in seconds of France's legal time at the instant: +7200 from the last Sunday
    /// of March 01:00 UTC to the last Sunday of October 01:00 UTC, +3600 otherwise.
    static func franceOffset(epochSeconds: Int) -> Int {
        let year = civil(days: floorDiv(epochSeconds, 86_400)).year
        func lastSunday(month: Int) -> Int {
            let last = days(year: year, month: month, day: 31)
            return last - (weekday(days: last) + 1) % 7
        }
        let start = lastSunday(month: 3) * 86_400 + 3_600
        let end = lastSunday(month: 10) * 86_400 + 3_600
        return epochSeconds >= start && epochSeconds < end ? 7_200 : 3_600
    }
}
