import Foundation
import Testing
@testable import GoodAirSimulator

private enum PayloadFixtures {
    static let paris = SimulatedPlace(name: "Paris", latitude: 48.8566, longitude: 2.3522, population: 2_133_111, stationID: 5722)
    static let citizen = SimulatedPlace(name: "Saint-Étienne \"Nord\"", latitude: 45.4397, longitude: 4.3872,
                                        population: 173_089, stationID: -417_283)
    static let model = AtmosphereModel()
    static let zone = TimeZone(identifier: "Europe/Paris")!
    /// 2026-07-14T13:00:00Z (CEST) and 2026-11-29T14:00:00Z (CET).
    static let summer = Date(timeIntervalSince1970: 1_784_034_000)
    static let winter = Date(timeIntervalSince1970: 1_795_960_800)

    static func aqicn(_ place: SimulatedPlace = paris, at time: Date, dash: Bool = false, forecast: Bool = true) -> [UInt8] {
        AQICNPayload.feed(place: place, observedAt: time, timeZone: zone, weather: model.weather(at: place, time: time),
                          air: model.air(at: place, time: time), aqiIsDash: dash, includeForecast: forecast, model: model)
    }

    static func owmWeather(at time: Date, units: String) -> [UInt8] {
        OWMWeatherPayload.current(place: paris, observedAt: time, timeZone: zone,
                                  weather: model.weather(at: paris, time: time), units: units)
    }

    static func object(_ bytes: [UInt8]) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }
}

@Suite("Payloads")
struct PayloadTests {
    fileprivate typealias F = PayloadFixtures

    @Test("renderers are deterministic byte for byte")
    func determinism() {
        #expect(F.aqicn(at: F.summer) == F.aqicn(at: F.summer))
        #expect(F.owmWeather(at: F.winter, units: "metric") == F.owmWeather(at: F.winter, units: "metric"))
        let air = F.model.air(at: F.paris, time: F.winter)
        #expect(OWMAirPayload.current(place: F.paris, observedAt: F.winter, air: air)
            == OWMAirPayload.current(place: F.paris, observedAt: F.winter, air: air))
    }

    @Test("AQICN feed has the real API's shape and quirks", arguments: [F.summer, F.winter])
    func aqicnShape(time: Date) throws {
        let bytes = F.aqicn(at: time)
        #expect(String(decoding: bytes, as: UTF8.self).hasPrefix(#"{"status":"ok","data":{"aqi":"#))
        let root = try F.object(bytes)
        #expect(root["status"] as? String == "ok")
        let data = try #require(root["data"] as? [String: Any])
        #expect(Set(data.keys) == ["aqi", "idx", "attributions", "city", "dominentpol", "iaqi", "time", "forecast", "debug"])
        #expect(data["idx"] as? Int == 5722)
        let iaqi = try #require(data["iaqi"] as? [String: [String: Double]])
        #expect(Set(iaqi.keys).isSuperset(of: ["co", "h", "no2", "o3", "p", "pm10", "pm25", "so2", "t", "w", "dew"]))
        let indices = AQIBreakpoints.subIndices(for: F.model.air(at: F.paris, time: time))
        #expect(data["aqi"] as? Int == indices.aqi)
        #expect(data["dominentpol"] as? String == indices.dominant)
        #expect(iaqi["pm25"]?["v"] == indices.pm25.rounded())
        let attributions = try #require(data["attributions"] as? [[String: String]])
        #expect(attributions.map(\.["name"]) == ["Airparif", "European Environment Agency", "World Air Quality Index Project"])
        let city = try #require(data["city"] as? [String: Any])
        #expect(city["geo"] as? [Double] == [48.8566, 2.3522])
        #expect(city["name"] as? String == "Paris, France" && city["url"] as? String == "https://aqicn.org/city/france/paris/")

        let clock = try #require(data["time"] as? [String: Any])
        let offset = F.zone.secondsFromGMT(for: time)
        let v = try #require(clock["v"] as? Int)
        #expect(v - Int(time.timeIntervalSince1970) == offset)
        #expect(clock["tz"] as? String == (offset == 7_200 ? "+02:00" : "+01:00"))
        let iso = try #require(clock["iso"] as? String)
        #expect(ISO8601DateFormatter().date(from: iso) == time)
        #expect(clock["s"] as? String == String(iso.prefix(19)).replacingOccurrences(of: "T", with: " "))

        let daily = try #require((data["forecast"] as? [String: Any])?["daily"] as? [String: [[String: Any]]])
        #expect(Set(daily.keys) == ["o3", "pm10", "pm25", "uvi"])
        #expect(daily["pm25"]?.count == 9 && daily["uvi"]?.count == 7)
        for entry in daily.values.joined() {
            #expect(Set(entry.keys) == ["avg", "day", "max", "min"])
            let (lo, avg, hi) = (entry["min"] as? Int ?? -1, entry["avg"] as? Int ?? -1, entry["max"] as? Int ?? -1)
            #expect(lo >= 0 && lo <= avg && avg <= hi)
        }
    }

    @Test("AQICN quirks: aqi \"-\", negative idx, escaping, no forecast, region")
    func aqicnQuirks() throws {
        let data = try #require(try F.object(F.aqicn(F.citizen, at: F.winter, dash: true, forecast: false))["data"] as? [String: Any])
        #expect(data["aqi"] as? String == "-")
        #expect(data["idx"] as? Int == -417_283)
        #expect(data["forecast"] == nil)
        let city = try #require(data["city"] as? [String: Any])
        #expect(city["name"] as? String == "Saint-Étienne \"Nord\", France")
        #expect(city["url"] as? String == "https://aqicn.org/city/france/saint-etienne-nord/")
        #expect((data["attributions"] as? [[String: String]])?.first?["name"] == "ATMO AuRA")
        let error = try F.object(AQICNPayload.error("Invalid key"))
        #expect(error["status"] as? String == "error" && error["data"] as? String == "Invalid key")
    }

    @Test("OWM weather: shape, units, timezone, rain/snow absent when dry")
    func owmWeather() throws {
        let expected: Set<String> = ["coord", "weather", "base", "main", "visibility", "wind", "clouds", "dt", "sys",
                                     "timezone", "id", "name", "cod"]
        var sawDry = false, sawRain = false
        for h in 0..<(24 * 30) {
            let time = F.winter.addingTimeInterval(Double(h) * 3_600)
            let w = F.model.weather(at: F.paris, time: time)
            let root = try F.object(F.owmWeather(at: time, units: "standard"))
            #expect(Set(root.keys).subtracting(["rain", "snow"]) == expected)
            #expect((root["rain"] != nil) == (w.rain1hMM > 0) && (root["snow"] != nil) == (w.snow1hMM > 0))
            if w.rain1hMM > 0 {
                sawRain = true
                #expect((root["rain"] as? [String: Double])?["1h"] == w.rain1hMM)
            } else {
                sawDry = true
            }
            #expect(root["timezone"] as? Int == 3_600 && root["dt"] as? Int == Int(time.timeIntervalSince1970))
            let main = try #require(root["main"] as? [String: Any])
            #expect(abs((main["temp"] as? Double ?? 0) - (w.temperatureC + 273.15)) < 0.006)
            let wind = try #require(root["wind"] as? [String: Any])
            #expect((wind["gust"] != nil) == (w.windGustMS != nil))
        }
        #expect(sawDry && sawRain)

        let metric = try F.object(F.owmWeather(at: F.summer, units: "metric"))
        let imperial = try F.object(F.owmWeather(at: F.summer, units: "imperial"))
        let w = F.model.weather(at: F.paris, time: F.summer)
        #expect((metric["main"] as? [String: Any])?["temp"] as? Double == w.temperatureC)
        let fahrenheit = try #require((imperial["main"] as? [String: Any])?["temp"] as? Double)
        #expect(abs(fahrenheit - (w.temperatureC * 9 / 5 + 32)) < 0.006)
        #expect(metric["timezone"] as? Int == 7_200 && metric["name"] as? String == "Paris" && metric["cod"] as? Int == 200)
        let weather = try #require((metric["weather"] as? [[String: Any]])?.first)
        #expect(weather["id"] as? Int == w.conditionID && weather["icon"] as? String == w.icon)
        let sys = try #require(metric["sys"] as? [String: Any])
        #expect(sys["country"] as? String == "FR" && sys["sunrise"] as? Int == Int(w.sunrise.timeIntervalSince1970))
    }

    @Test("OWM air: shape and the coord-array / decimal-aqi quirks")
    func owmAir() throws {
        let air = F.model.air(at: F.paris, time: F.winter)
        let plain = try F.object(OWMAirPayload.current(place: F.paris, observedAt: F.winter, air: air))
        #expect(plain["coord"] as? [String: Double] == ["lon": 2.3522, "lat": 48.8566])
        let item = try #require((plain["list"] as? [[String: Any]])?.first)
        #expect(Set(item.keys) == ["main", "components", "dt"])
        #expect((item["main"] as? [String: Int])?["aqi"] == air.owmAQI)
        let components = try #require(item["components"] as? [String: Double])
        #expect(components == ["co": air.co, "no": air.no, "no2": air.no2, "o3": air.o3, "so2": air.so2,
                               "pm2_5": air.pm2_5, "pm10": air.pm10, "nh3": air.nh3])

        let quirky = OWMAirPayload.current(place: F.paris, observedAt: F.winter, air: air, coordAsArray: true, aqiAsDecimal: true)
        let text = String(decoding: quirky, as: UTF8.self)
        #expect(text.hasPrefix(#"{"coord":[2.3522,48.8566],"list":[{"main":{"aqi":\#(air.owmAQI).0},"#))
        #expect(try F.object(quirky)["coord"] as? [Double] == [2.3522, 48.8566])
    }

    @Test("US-EPA sub-indices at known breakpoints")
    func breakpoints() {
        #expect(AQIBreakpoints.pm25(12.0) == 50 && AQIBreakpoints.pm25(35.4) == 100)
        #expect(AQIBreakpoints.pm25(55.5) == 151 && AQIBreakpoints.pm25(1_000) == 500)
        #expect(AQIBreakpoints.pm10(54) == 50 && AQIBreakpoints.pm10(155) == 101)
        #expect(AQIBreakpoints.no2(100 * 46.0055 / 24.45) == 100)           // 100 ppb
        #expect(AQIBreakpoints.co(4.4 * 28.01 / 24.45 * 1_000) == 50)      // 4.4 ppm
        #expect(AQIBreakpoints.o3(70 * 48 / 24.45) == 100)                  // 70 ppb (8-h)
        #expect(AQIBreakpoints.o3(300 * 48 / 24.45) > 200)                  // 1-h table
        #expect(AQIBreakpoints.so2(0) == 0)
        let idx = AQIBreakpoints.subIndices(for: AirState(co: 250, no: 1, no2: 20, o3: 60, so2: 2, pm2_5: 30, pm10: 40, nh3: 1))
        #expect(idx.dominant == "pm25" && idx.aqi == Int(AQIBreakpoints.pm25(30).rounded()))
    }

    @Test("JSON numbers and strings are written deterministically")
    func jsonFormatting() {
        #expect(PayloadJSON.format(0.5, decimals: 2) == "0.5")
        #expect(PayloadJSON.format(282.55, decimals: 2) == "282.55")
        #expect(PayloadJSON.format(4, decimals: 0, keepPoint: true) == "4.0")
        #expect(PayloadJSON.format(-0.001, decimals: 2) == "0")
        #expect(PayloadJSON.format(-3.456, decimals: 1) == "-3.5")
        #expect(PayloadJSON.format(1_000, decimals: 2) == "1000")
        let doc = PayloadJSON.object([("a\"b", .string("x\\y\n\u{1}é/")), ("n", .null)])
        #expect(String(decoding: doc.bytes(), as: UTF8.self) == #"{"a\"b":"x\\y\n\u0001é/","n":null}"#)
    }
}
