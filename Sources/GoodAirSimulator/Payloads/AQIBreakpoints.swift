import Foundation

/// US-EPA air-quality sub-indices, as AQICN (WAQI) publishes them in `iaqi`, computed from
/// concentrations in µg/m³.
///
/// Gases are converted to ppb/ppm at 25 °C and 1 atm (ppb = µg/m³ × 24.45 / molar mass);
/// concentrations are truncated as the EPA prescribes (PM2.5 to 0.1 µg/m³, PM10 to 1 µg/m³,
/// O3 to 1 ppb, NO2/SO2 to 1 ppb, CO to 0.1 ppm) and interpolated linearly within the
/// breakpoint band; values above the last band give 500. Hourly values stand in for the
/// EPA's 24-h / 8-h averages (PM, CO, O3 ≤ 200 ppb), as WAQI does for real-time data.
///
/// ```swift
/// let idx = AQIBreakpoints.subIndices(for: air)
/// idx.aqi            // 57
/// idx.dominant       // "pm25"
/// AQIBreakpoints.pm25(15.0)   // 57.2...
/// ```
public enum AQIBreakpoints {
    /// One row of a breakpoint table: concentration band → index band.
    struct Band {
        let cLow: Double, cHigh: Double, iLow: Double, iHigh: Double
    }

    /// All six sub-indices of one hour, the overall AQI and the dominant pollutant.
    public struct SubIndices: Sendable, Hashable {
        public var pm25: Double, pm10: Double, o3: Double, no2: Double, so2: Double, co: Double

        /// The pollutants in AQICN key order with their sub-index, for iteration.
        public var all: [(key: String, value: Double)] {
            [("pm25", pm25), ("pm10", pm10), ("o3", o3), ("no2", no2), ("so2", so2), ("co", co)]
        }

        /// The worst sub-index, rounded to an integer (AQICN's `aqi`).
        public var aqi: Int { Int(all.map(\.value).max()!.rounded()) }

        /// AQICN key of the pollutant with the worst sub-index (AQICN's `dominentpol`);
        /// ties go to the first in the order pm25, pm10, o3, no2, so2, co.
        public var dominant: String {
            var best = all[0]
            for entry in all.dropFirst() where entry.value > best.value { best = entry }
            return best.key
        }
    }

    static let pm25Bands = table([0, 12.0, 35.4, 55.4, 150.4, 250.4, 350.4, 500.4], step: 0.1)
    static let pm10Bands = table([0, 54, 154, 254, 354, 424, 504, 604], step: 1)
    static let o3EightHourBands = table([0, 54, 70, 85, 105, 200], step: 1)
    static let o3OneHourBands: [Band] = [
        Band(cLow: 125, cHigh: 164, iLow: 101, iHigh: 150), Band(cLow: 165, cHigh: 204, iLow: 151, iHigh: 200),
        Band(cLow: 205, cHigh: 404, iLow: 201, iHigh: 300), Band(cLow: 405, cHigh: 504, iLow: 301, iHigh: 400),
        Band(cLow: 505, cHigh: 604, iLow: 401, iHigh: 500),
    ]
    static let no2Bands = table([0, 53, 100, 360, 649, 1249, 1649, 2049], step: 1)
    static let so2Bands = table([0, 35, 75, 185, 304, 604, 804, 1004], step: 1)
    static let coBands = table([0, 4.4, 9.4, 12.4, 15.4, 30.4, 40.4, 50.4], step: 0.1)

    /// Builds the standard bands 0-50, 51-100, 101-150, 151-200, 201-300, 301-400, 401-500.
    static func table(_ highs: [Double], step: Double) -> [Band] {
        let indexHighs: [Double] = [0, 50, 100, 150, 200, 300, 400, 500]
        return (1..<highs.count).map { i in
            Band(cLow: i == 1 ? 0 : highs[i - 1] + step, cHigh: highs[i],
                 iLow: i == 1 ? 0 : indexHighs[i - 1] + 1, iHigh: indexHighs[i])
        }
    }

    /// Linear interpolation inside the band holding `c` (already truncated); 500 above the table.
    static func interpolate(_ c: Double, _ bands: [Band]) -> Double {
        let c = max(0, c)
        for band in bands where c <= band.cHigh {
            let clamped = max(c, band.cLow)
            return band.iLow + (band.iHigh - band.iLow) * (clamped - band.cLow) / (band.cHigh - band.cLow)
        }
        return 500
    }

    static func truncate(_ x: Double, step: Double) -> Double {
        (x / step + 1e-9).rounded(.down) * step
    }

    /// ppb of a gas from µg/m³ at 25 °C, 1 atm.
    static func ppb(_ ugm3: Double, molarMass: Double) -> Double {
        ugm3 * 24.45 / molarMass
    }

    /// PM2.5 sub-index from µg/m³.
    public static func pm25(_ ugm3: Double) -> Double { interpolate(truncate(ugm3, step: 0.1), pm25Bands) }
    /// PM10 sub-index from µg/m³.
    public static func pm10(_ ugm3: Double) -> Double { interpolate(truncate(ugm3, step: 1), pm10Bands) }
    /// NO2 sub-index from µg/m³ (1-h ppb table).
    public static func no2(_ ugm3: Double) -> Double {
        interpolate(truncate(ppb(ugm3, molarMass: 46.0055), step: 1), no2Bands)
    }
    /// SO2 sub-index from µg/m³ (1-h ppb table, 24-h bands above 304 ppb).
    public static func so2(_ ugm3: Double) -> Double {
        interpolate(truncate(ppb(ugm3, molarMass: 64.066), step: 1), so2Bands)
    }
    /// CO sub-index from µg/m³ (8-h ppm table).
    public static func co(_ ugm3: Double) -> Double {
        interpolate(truncate(ppb(ugm3, molarMass: 28.01) / 1_000, step: 0.1), coBands)
    }
    /// O3 sub-index from µg/m³: 8-h table up to 200 ppb, 1-h table above.
    public static func o3(_ ugm3: Double) -> Double {
        let c = truncate(ppb(ugm3, molarMass: 48.00), step: 1)
        return c <= 200 ? interpolate(c, o3EightHourBands) : interpolate(c, o3OneHourBands)
    }

    /// All sub-indices for one hour of concentrations.
    public static func subIndices(for air: AirState) -> SubIndices {
        SubIndices(pm25: pm25(air.pm2_5), pm10: pm10(air.pm10), o3: o3(air.o3),
                   no2: no2(air.no2), so2: so2(air.so2), co: co(air.co))
    }
}
