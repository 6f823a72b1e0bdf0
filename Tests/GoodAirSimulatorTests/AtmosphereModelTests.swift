import Foundation
import GoodAirCore
import Testing
@testable import GoodAirSimulator

/// Reference places for the model tests (coordinates and populations of the real communes).
private enum ModelPlaces {
    static let paris = SimulatedPlace(name: "Paris", latitude: 48.8566, longitude: 2.3522, population: 2_133_111, stationID: 5722)
    static let versailles = SimulatedPlace(name: "Versailles", latitude: 48.8049, longitude: 2.1204, population: 83_918, stationID: 7001)
    static let lyon = SimulatedPlace(name: "Lyon", latitude: 45.764, longitude: 4.8357, population: 522_250, stationID: 3028)
    static let marseille = SimulatedPlace(name: "Marseille", latitude: 43.2965, longitude: 5.3698, population: 873_076, stationID: 3013)
    static let lille = SimulatedPlace(name: "Lille", latitude: 50.6292, longitude: 3.0573, population: 236_234, stationID: -4120)
}

/// Hourly samples of one place over a span, with the local (Europe/Paris) calendar attached.
private struct Sample {
    var weather: WeatherState, air: AirState
    var localHour: Int, localDay: Int, month: Int, weekday: Int   // weekday 0 = Monday
}

private func samples(_ place: SimulatedPlace, from start: (Int, Int, Int), days: Int,
                     model: AtmosphereModel = AtmosphereModel(), withAir: Bool = true) -> [Sample] {
    let first = CivilTime.days(year: start.0, month: start.1, day: start.2) * 86_400
    return (0..<(days * 24)).map { h in
        let epoch = first + h * 3_600
        let time = Date(timeIntervalSince1970: Double(epoch))
        let local = epoch + CivilTime.franceOffset(epochSeconds: epoch)
        let day = CivilTime.floorDiv(local, 86_400)
        let air = withAir ? model.air(at: place, time: time)
            : AirState(co: 0, no: 0, no2: 0, o3: 0, so2: 0, pm2_5: 0, pm10: 0, nh3: 0)
        return Sample(weather: model.weather(at: place, time: time), air: air,
                      localHour: (local - day * 86_400) / 3_600, localDay: day,
                      month: CivilTime.civil(days: day).month, weekday: CivilTime.weekday(days: day))
    }
}

private func mean(_ values: [Double]) -> Double { values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count) }

private func correlation(_ x: [Double], _ y: [Double]) -> Double {
    let mx = mean(x), my = mean(y)
    let dx = x.map { $0 - mx }, dy = y.map { $0 - my }
    let sxy = zip(dx, dy).map { $0 * $1 }.reduce(0, +)
    return sxy / (dx.map { $0 * $0 }.reduce(0, +) * dy.map { $0 * $0 }.reduce(0, +)).squareRoot()
}

@Suite("AtmosphereModel")
struct AtmosphereModelTests {
    @Test("same seed, place and hour give identical states; another seed differs")
    func determinism() {
        let a = AtmosphereModel(seed: 7), b = AtmosphereModel(seed: 7), other = AtmosphereModel(seed: 8)
        var differs = 0
        for h in stride(from: 0, to: 24 * 400, by: 37) {
            let time = Date(timeIntervalSince1970: 1_767_225_600 + Double(h) * 3_600)
            #expect(a.weather(at: ModelPlaces.lyon, time: time) == b.weather(at: ModelPlaces.lyon, time: time))
            #expect(a.air(at: ModelPlaces.lyon, time: time) == b.air(at: ModelPlaces.lyon, time: time))
            // Any instant within the hour gives the hour's state.
            #expect(a.weather(at: ModelPlaces.lyon, time: time.addingTimeInterval(1_799)) == a.weather(at: ModelPlaces.lyon, time: time))
            if a.weather(at: ModelPlaces.lyon, time: time).temperatureC != other.weather(at: ModelPlaces.lyon, time: time).temperatureC {
                differs += 1
            }
        }
        #expect(differs > 200)
    }

    @Test("temperature is continuous from hour to hour")
    func continuity() {
        let temps = samples(ModelPlaces.paris, from: (2025, 1, 1), days: 365, withAir: false).map(\.weather.temperatureC)
        let jumps = zip(temps, temps.dropFirst()).map { abs($1 - $0) }
        #expect(jumps.max()! < 7)
        #expect(Double(jumps.filter { $0 > 4 }.count) / Double(jumps.count) < 0.005)
    }

    @Test("afternoons are warmer than pre-dawn, more so in summer")
    func diurnalCycle() {
        for (month, minimum) in [(1, 1.5), (7, 5.0)] {
            let s = samples(ModelPlaces.lyon, from: (2025, month, 1), days: 31, withAir: false)
            let afternoon = mean(s.filter { $0.localHour == 15 }.map(\.weather.temperatureC))
            let dawn = mean(s.filter { $0.localHour == 5 }.map(\.weather.temperatureC))
            #expect(afternoon - dawn >= minimum, "month \(month): \(afternoon) vs \(dawn)")
        }
    }

    @Test("July is at least 10 °C warmer than January in Paris and Lyon",
          arguments: [ModelPlaces.paris, ModelPlaces.lyon], [2024, 2025, 2026])
    func seasonalCycle(place: SimulatedPlace, year: Int) {
        let january = mean(samples(place, from: (year, 1, 1), days: 31, withAir: false).map(\.weather.temperatureC))
        let july = mean(samples(place, from: (year, 7, 1), days: 31, withAir: false).map(\.weather.temperatureC))
        #expect(july - january >= 10, "\(place.name) \(year): Jan \(january), Jul \(july)")
        #expect((-2...10).contains(january) && (16...28).contains(july))
    }

    @Test("Marseille is warmer than Lille over a year; annual means are plausible")
    func latitude() {
        let marseille = mean(samples(ModelPlaces.marseille, from: (2025, 1, 1), days: 365, withAir: false).map(\.weather.temperatureC))
        let lille = mean(samples(ModelPlaces.lille, from: (2025, 1, 1), days: 365, withAir: false).map(\.weather.temperatureC))
        #expect(marseille > lille + 3)
        #expect((9.5...13).contains(lille) && (14.5...18).contains(marseille))
    }

    @Test("some summers have heatwaves reaching Paris' thresholds (3-day IBMn ≥ 21, IBMx ≥ 31)")
    func heatwaves() {
        var summersWithHeatwave = 0
        for year in 2019...2026 {
            let s = samples(ModelPlaces.paris, from: (year, 6, 1), days: 92, withAir: false)
            let byDay = Dictionary(grouping: s, by: \.localDay).values.filter { $0.count >= 23 }
                .sorted { $0[0].localDay < $1[0].localDay }
            let tmin = byDay.map { $0.map(\.weather.temperatureC).min()! }
            let tmax = byDay.map { $0.map(\.weather.temperatureC).max()! }
            let hot = (0..<(tmin.count - 2)).contains { i in
                mean(Array(tmin[i...(i + 2)])) >= 21 && mean(Array(tmax[i...(i + 2)])) >= 31
            }
            if hot { summersWithHeatwave += 1 }
            #expect(tmax.max()! < 42, "\(year) peaked at \(tmax.max()!)")
        }
        #expect(summersWithHeatwave >= 3)
    }

    @Test("nearby cities share their weather")
    func regionalCoherence() {
        func pressure(_ place: SimulatedPlace) -> [Double] {
            samples(place, from: (2025, 3, 1), days: 60, withAir: false).map { Double($0.weather.pressureHPa) }
        }
        let paris = pressure(ModelPlaces.paris)
        #expect(correlation(paris, pressure(ModelPlaces.versailles)) > 0.95)
        #expect(correlation(paris, pressure(ModelPlaces.marseille)) < 0.9)
    }

    @Test("PM2.5 in calm anticyclonic winter hours exceeds the summer mean")
    func winterParticles() {
        let winter = samples(ModelPlaces.paris, from: (2024, 12, 1), days: 90)
        let summer = samples(ModelPlaces.paris, from: (2025, 6, 1), days: 92)
        let calm = winter.filter { $0.weather.windSpeedMS < 2.5 && $0.weather.pressureHPa >= 1020 }.map(\.air.pm2_5)
        #expect(calm.count > 24)
        #expect(mean(calm) > 2 * mean(summer.map(\.air.pm2_5)))
    }

    @Test("ozone rises with temperature on summer afternoons")
    func ozone() {
        let afternoons = samples(ModelPlaces.lyon, from: (2025, 6, 1), days: 92).filter { (14...17).contains($0.localHour) }
        #expect(correlation(afternoons.map(\.weather.temperatureC), afternoons.map(\.air.o3)) > 0.4)
        #expect(afternoons.map(\.air.o3).max()! >= 150)
    }

    @Test("NO2 peaks at the morning rush on weekdays")
    func trafficPeak() {
        let weekdays = samples(ModelPlaces.paris, from: (2025, 1, 1), days: 365).filter { $0.weekday < 5 }
        let rush = mean(weekdays.filter { $0.localHour == 8 }.map(\.air.no2))
        let night = mean(weekdays.filter { $0.localHour == 3 }.map(\.air.no2))
        #expect(rush > 1.5 * night)
    }

    @Test("weather variables are mutually consistent, concentrations non-negative")
    func consistency() {
        for place in [ModelPlaces.paris, ModelPlaces.lille, ModelPlaces.marseille] {
            for s in samples(place, from: (2025, 1, 1), days: 365) {
                let w = s.weather, a = s.air
                if w.rain1hMM > 0 {
                    #expect(w.humidityPct >= 85 && w.cloudsPct >= 70)
                    #expect([2, 5].contains(w.conditionID / 100))
                }
                if w.snow1hMM > 0 { #expect(w.temperatureC < 1 && w.conditionID / 100 == 6) }
                if w.rain1hMM == 0 && w.snow1hMM == 0 { #expect(![2, 5, 6].contains(w.conditionID / 100)) }
                if w.conditionID == 800 { #expect(w.cloudsPct <= 10) }
                if let gust = w.windGustMS { #expect(gust > w.windSpeedMS) }
                #expect(w.dewPointC <= w.temperatureC && (1...100).contains(w.humidityPct))
                #expect((0...100).contains(w.cloudsPct) && (0...10_000).contains(w.visibilityM))
                #expect((960...1_050).contains(w.pressureHPa) && (0..<360).contains(w.windDeg))
                #expect(w.sunrise < w.sunset)
                for c in [a.co, a.no, a.no2, a.o3, a.so2, a.pm2_5, a.pm10, a.nh3] { #expect(c >= 0) }
                #expect(a.pm10 >= a.pm2_5)
                #expect((1...5).contains(a.owmAQI))
                #expect(a.owmAQI == AirState.owmIndex(so2: a.so2, no2: a.no2, pm10: a.pm10, pm2_5: a.pm2_5, o3: a.o3, co: a.co))
            }
        }
    }

    @Test("OWM index takes the worst pollutant")
    func owmIndex() {
        #expect(AirState.owmIndex(so2: 1, no2: 10, pm10: 5, pm2_5: 3, o3: 30, co: 200) == 1)
        #expect(AirState.owmIndex(so2: 1, no2: 45, pm10: 5, pm2_5: 3, o3: 30, co: 200) == 2)
        #expect(AirState.owmIndex(so2: 1, no2: 10, pm10: 5, pm2_5: 60, o3: 30, co: 200) == 4)
        #expect(AirState.owmIndex(so2: 1, no2: 10, pm10: 5, pm2_5: 3, o3: 180, co: 200) == 5)
    }

    @Test("the hand-written French legal time matches Europe/Paris")
    func legalTime() throws {
        let paris = try #require(TimeZone(identifier: "Europe/Paris"))
        for h in stride(from: 0, to: 24 * 365 * 4, by: 5) {
            let epoch = 1_704_067_200 + h * 3_600
            #expect(CivilTime.franceOffset(epochSeconds: epoch)
                == paris.secondsFromGMT(for: Date(timeIntervalSince1970: Double(epoch))))
        }
    }

    @Test("a call takes microseconds")
    func performance() {
        let model = AtmosphereModel()
        let start = Date()
        for h in 0..<2_000 {
            _ = model.air(at: ModelPlaces.paris, time: Date(timeIntervalSince1970: 1_767_225_600 + Double(h) * 3_600))
        }
        #expect(Date().timeIntervalSince(start) < 1.0)   // < 500 µs per call even unoptimised
    }
}
