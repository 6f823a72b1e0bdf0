import Foundation

extension AtmosphereModel {
    /// Pollutant concentrations from emissions (traffic, heating, agriculture, industry),
    /// dispersion (wind × mixing height), photochemistry (sun × heat) and wash-out (rain).
    func computeAir(place c: PlaceClimate, epochSeconds e: Double, weather w: WeatherDetail) -> AirState {
        let t = e / 3_600
        let hour = w.localHour
        let weekend = w.weekday >= 5
        let s = w.summerness
        let wind = w.state.windSpeedMS
        let temperature = w.state.temperatureC
        let scale = c.emissionScale
        /// Gaussian bump around a local clock hour (wrapping at midnight).
        func bump(_ center: Double, _ width: Double) -> Double {
            let d = abs(hour - center)
            let wrapped = min(d, 24 - d) / width
            return exp(-0.5 * wrapped * wrapped)
        }
        func seasonalBump(_ centerDay: Double, _ width: Double) -> Double {
            let d = (w.dayOfYear - centerDay) / width
            return exp(-0.5 * d * d)
        }
        /// Smooth ±15 % multiplicative variability per pollutant.
        func jitter(_ index: UInt64) -> Double {
            1 + 0.15 * Noise.smooth(hours: t, period: 5, key: Noise.hash(key(Channel.pollution + index), c.key))
        }

        // Emission profiles (local legal time) and dispersion.
        let traffic = weekend
            ? 0.22 + 0.35 * bump(11.5, 2.5) + 0.45 * bump(18, 2.5) + 0.15 * bump(14, 4)
            : 0.22 + 1.1 * bump(8, 1.3) + 0.9 * bump(18.5, 1.8) + 0.35 * bump(13, 3.5)
        let heating = min(max((16 - w.dailyMeanC) / 14, 0), 1.4)
            * (0.55 + 0.45 * (bump(7.5, 2) + bump(19.5, 2.5)))
        let mixing = 0.15 + 0.85 * max(0, w.sinElevation) * (1 - 0.5 * w.cloudFraction)
        let ventilation = (0.7 + wind) * (0.35 + 1.3 * mixing)
        let stagnation = 2.6 * tanh(max(3 / ventilation, 0.25) / 2.6)
        let washout = w.precipitation > 0 ? max(0.3, exp(-0.35 * min(w.precipitation, 6))) : 1

        // Nitrogen oxides: traffic and heating, trapped by calm air and low mixing height.
        let noxLocal = scale * (13 * traffic + 5 * heating) * stagnation
        let no2 = (7 + 3 * (1 - s) + noxLocal) * jitter(1)
        let morning = weekend ? 0.3 * bump(9, 2) : bump(7.5, 1.5)
        let no = (0.3 + scale * traffic * stagnation * (2.5 + 11 * morning)
            * (1 - 0.7 * max(0, w.sinElevation))) * jitter(2)

        // Ozone: regional background + photochemistry (heat × lagged sunshine), lower at night
        // in the stable layer and where fresh NO titrates it.
        let ozoneSeason = 0.5 + 0.5 * cos(2 * Double.pi * (w.dayOfYear - 160) / 365.25)
        let photo = 150 * tanh(max(0, temperature - 18) / 15) * max(0, w.sinElevationLagged) * (1 - 0.6 * w.cloudFraction)
        let regional = (38 + 30 * ozoneSeason + photo) * (0.55 + 0.45 * min(1, mixing + wind / 8))
        let o3 = regional / (1 + no / 40 + noxLocal / 250) * jitter(3)

        // Particles: heating + traffic primary, spring secondary (ammonium nitrate), winter
        // anticyclonic stagnation episodes, summer secondary organics; rain washes them out.
        let spring = seasonalBump(85, 22)
        let episode = 45 * min(max(w.pressureAnomaly * 1.5 - 0.1, 0), 1)
            * min(max((9 - w.dailyMeanC) / 9, 0), 1) * min(max((3.5 - wind) / 3, 0), 1) * (0.75 + 0.15 * scale)
        let pm25 = (4 + 3 * (1 - s) + 3.5 * pow(scale, 0.8) * heating * stagnation
            + 1.5 * scale * traffic * stagnation + 9 * spring * (0.5 + max(0, w.pressureAnomaly))
            + episode + 0.25 * max(0, temperature - 24)) * washout * jitter(4)
        let coarse = (2 + 1.2 * scale * traffic * stagnation.squareRoot() + 0.5 * max(0, wind - 6))
            * washout * jitter(5)
        let pm10 = pm25 * (1.3 + 0.2 * s) + coarse

        // Sulphur dioxide: small, heating and industry. CO: background + traffic + heating.
        let so2 = (0.6 + 1.2 * heating * pow(scale, 0.3) + 2.5 * c.industry * (1 + 0.3 * scale))
            * pow(stagnation, 0.6) * jitter(6)
        let co = (170 + 50 * (1 - s) + pow(scale, 0.7) * (45 * traffic + 70 * heating) * stagnation) * jitter(7)

        // Ammonia: spreading of fertiliser in spring (and a late-summer bump), more in the country.
        let nh3 = (0.4 + 7 * spring + 1.5 * seasonalBump(240, 30)) * min(max(1.3 / scale.squareRoot(), 0.4), 2)
            * (temperature > 3 ? 1 : 0.5) * washout.squareRoot() * jitter(8)

        func clean(_ x: Double) -> Double { max(0, (x * 100).rounded() / 100) }
        return AirState(
            co: clean(co), no: clean(no), no2: clean(no2), o3: clean(o3), so2: clean(so2),
            pm2_5: clean(pm25), pm10: clean(pm10), nh3: clean(nh3))
    }
}
