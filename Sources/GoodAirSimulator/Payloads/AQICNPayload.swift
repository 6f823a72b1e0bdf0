import Foundation
import GoodAirCore

/// Renders AQICN (WAQI) `GET /feed/geo:lat;lon/` and `/feed/@uid/` responses, quirks included.
///
/// - `iaqi` pollutants are US-EPA sub-indices (``AQIBreakpoints``), not concentrations;
///   PM sub-indices are integers, gases have one decimal; weather keys are plain values.
/// - `aqi` is the rounded worst sub-index, or the string `"-"` when `aqiIsDash`.
/// - `dominentpol` (sic) is the pollutant with the worst sub-index.
/// - `time.v` is the local wall-clock time written as if it were UTC; `time.iso` is the true
///   instant with its offset; `time.tz` is the offset ("+02:00" in summer in Europe/Paris).
/// - `wg` is absent when the wind is calm (no gust).
///
/// ```swift
/// let bytes = AQICNPayload.feed(place: paris, observedAt: hour, timeZone: TimeZone(identifier: "Europe/Paris")!,
///                               weather: model.weather(at: paris, time: hour),
///                               air: model.air(at: paris, time: hour), model: model)
/// // {"status":"ok","data":{"aqi":57,"idx":5722,"attributions":[…],"city":{…},"dominentpol":"pm25",…}}
/// ```
public enum AQICNPayload {
    /// A successful feed document. `model` supplies the `forecast.daily` block (sub-indices of
    /// o3/pm10/pm25 and the UV index, avg/max/min per local day from two days before to six
    /// after); pass `includeForecast: false` to omit it (and skip its cost).
    public static func feed(
        place: SimulatedPlace, observedAt: Date, timeZone: TimeZone,
        weather: WeatherState, air: AirState, aqiIsDash: Bool = false, includeForecast: Bool = true,
        attributions: [AQICNAttribution]? = nil, model: AtmosphereModel = AtmosphereModel()
    ) -> [UInt8] {
        feed(place: place, observedAt: observedAt, timeZone: timeZone, weather: weather, air: air,
             aqiIsDash: aqiIsDash, includeForecast: includeForecast, attributions: attributions, model: model,
             forecastBlock: nil)
    }

    /// `feed` with the `forecast.daily` block given when the caller has it already (it is the same
    /// for every hour of a local day, and costs ten times the rest of the document).
    static func feed(
        place: SimulatedPlace, observedAt: Date, timeZone: TimeZone, weather: WeatherState, air: AirState,
        aqiIsDash: Bool, includeForecast: Bool, attributions: [AQICNAttribution]?, model: AtmosphereModel,
        forecastBlock: PayloadJSON?
    ) -> [UInt8] {
        let indices = AQIBreakpoints.subIndices(for: air)
        let epoch = Int(observedAt.timeIntervalSince1970.rounded(.down))
        let offset = timeZone.secondsFromGMT(for: observedAt)
        let zone = CivilTime.offsetString(seconds: offset)
        let sources = (attributions ?? defaultAttributions(for: place)).map {
            PayloadJSON.object([("url", .string($0.url)), ("name", .string($0.name))])
        }
        func value(_ v: PayloadJSON) -> PayloadJSON { .object([("v", v)]) }
        var iaqi: [(String, PayloadJSON)] = [
            ("co", value(.number(indices.co, decimals: 1))),
            ("h", value(.int(weather.humidityPct))),
            ("no2", value(.number(indices.no2, decimals: 1))),
            ("o3", value(.number(indices.o3, decimals: 1))),
            ("p", value(.int(weather.pressureHPa))),
            ("pm10", value(.number(indices.pm10, decimals: 0))),
            ("pm25", value(.number(indices.pm25, decimals: 0))),
            ("so2", value(.number(indices.so2, decimals: 1))),
            ("t", value(.number(weather.temperatureC, decimals: 1))),
            ("w", value(.number(weather.windSpeedMS, decimals: 1))),
        ]
        if let gust = weather.windGustMS { iaqi.append(("wg", value(.number(gust, decimals: 1)))) }
        iaqi.append(("dew", value(.number(weather.dewPointC, decimals: 1))))

        let sync = epoch + 300 + Int(Noise.hash(UInt64(bitPattern: Int64(place.stationID)), UInt64(epoch)) % 2_400)
        var data: [(String, PayloadJSON)] = [
            ("aqi", aqiIsDash ? .string("-") : .int(indices.aqi)),
            ("idx", .int(place.stationID)),
            ("attributions", .array(sources)),
            ("city", .object([
                ("geo", .array([.number(place.latitude, decimals: 6), .number(place.longitude, decimals: 6)])),
                ("name", .string("\(place.name), France")),
                ("url", .string("https://aqicn.org/city/france/\(citySlug(place.name))/")),
                ("location", .string("")),
            ])),
            ("dominentpol", .string(indices.dominant)),
            ("iaqi", .object(iaqi)),
            ("time", .object([
                ("s", .string(CivilTime.wallString(seconds: epoch + offset, separator: " "))),
                ("tz", .string(zone)),
                ("v", .int(epoch + offset)),
                ("iso", .string(CivilTime.wallString(seconds: epoch + offset, separator: "T") + zone)),
            ])),
        ]
        if includeForecast {
            data.append(("forecast", .object([("daily", forecastBlock ?? forecast(
                place: place, localDays: CivilTime.floorDiv(epoch + offset, 86_400), timeZone: timeZone, model: model))])))
        }
        data.append(("debug", .object([("sync", .string(
            CivilTime.wallString(seconds: sync + 32_400, separator: "T") + "+09:00"))])))
        return PayloadJSON.object([("status", .string("ok")), ("data", .object(data))]).bytes()
    }

    /// AQICN's error shape (sent with HTTP 200), e.g. `{"status":"error","data":"Invalid key"}`.
    public static func error(_ message: String) -> [UInt8] {
        PayloadJSON.object([("status", .string("error")), ("data", .string(message))]).bytes()
    }

    /// The regional monitoring association (AASQA) for the place, then the EEA, then WAQI.
    public static func defaultAttributions(for place: SimulatedPlace) -> [AQICNAttribution] {
        [
            AQICNAttribution.regionalAgency(latitude: place.latitude, longitude: place.longitude),
            AQICNAttribution(url: "https://www.eea.europa.eu/", name: "European Environment Agency"),
            AQICNAttribution(url: "https://waqi.info/", name: "World Air Quality Index Project"),
        ]
    }

    /// "Saint-Étienne" → "saint-etienne": lowercase ASCII, other characters become single dashes.
    public static func citySlug(_ name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var slug = ""
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug
    }

    /// The `forecast.daily` object: per local day, avg/max/min of the sub-indices sampled at
    /// 02, 08, 12, 16 and 20 h local time.
    static func forecast(place: SimulatedPlace, localDays: Int, timeZone: TimeZone, model: AtmosphereModel) -> PayloadJSON {
        var o3: [PayloadJSON] = [], pm10: [PayloadJSON] = [], pm25: [PayloadJSON] = [], uvi: [PayloadJSON] = []
        func entry(_ values: [Double], day: String) -> PayloadJSON {
            let avg = values.reduce(0, +) / Double(values.count)
            return .object([("avg", .number(avg, decimals: 0)), ("day", .string(day)),
                            ("max", .number(values.max()!, decimals: 0)), ("min", .number(values.min()!, decimals: 0))])
        }
        for k in -2...6 {
            let day = localDays + k
            let noon = Double(day * 86_400 + 43_200)
            let offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: noon))
            var so3: [Double] = [], spm10: [Double] = [], spm25: [Double] = [], suv: [Double] = []
            for hour in [2, 8, 12, 16, 20] {
                let instant = Date(timeIntervalSince1970: Double(day * 86_400 + hour * 3_600 - offset))
                let sample = model.forecastSample(at: place, time: instant)
                let idx = AQIBreakpoints.subIndices(for: sample.air)
                so3.append(idx.o3)
                spm10.append(idx.pm10)
                spm25.append(idx.pm25)
                suv.append(sample.uvIndex)
            }
            let label = CivilTime.dateString(days: day)
            o3.append(entry(so3, day: label))
            pm10.append(entry(spm10, day: label))
            pm25.append(entry(spm25, day: label))
            if k >= -1 && k <= 5 { uvi.append(entry(suv, day: label)) }
        }
        return .object([("o3", .array(o3)), ("pm10", .array(pm10)), ("pm25", .array(pm25)), ("uvi", .array(uvi))])
    }
}
