import Foundation

/// A place the simulator serves: a city (or a station in it) of metropolitan France.
///
/// ```swift
/// let paris = SimulatedPlace(name: "Paris", latitude: 48.8566, longitude: 2.3522,
///                            population: 2_133_111, stationID: 5722)
/// ```
public struct SimulatedPlace: Sendable, Hashable {
    /// Display name, e.g. "Paris" (OWM `name`; AQICN `city.name` is "<name>, France").
    public var name: String
    /// Latitude, degrees north.
    public var latitude: Double
    /// Longitude, degrees east.
    public var longitude: Double
    /// Inhabitants; drives urban emissions (traffic NO2/NO/CO, heating PM) and the heat island.
    public var population: Int
    /// AQICN station `idx` (negative for citizen stations) and OWM city `id`.
    public var stationID: Int

    /// Memberwise initialiser.
    public init(name: String, latitude: Double, longitude: Double, population: Int, stationID: Int) {
        self.name = name
        self.latitude = latitude
        self.longitude = longitude
        self.population = population
        self.stationID = stationID
    }
}

/// Deterministic, physically plausible hourly weather and air quality for French places.
///
/// Every output is a pure function of (`seed`, place coordinates and population, UTC hour):
/// no random generator, no wall clock. Instants are floored to the whole UTC hour, so any time
/// within an hour gives the same state. Large-scale weather (pressure systems, temperature
/// anomalies, rain bands, heatwaves) comes from space-time fields on a coarse grid, so nearby
/// cities move together; a small local part keeps them distinct.
///
/// ```swift
/// let model = AtmosphereModel(seed: 0)
/// let hour = Date(timeIntervalSince1970: 1_764_428_400)      // 2025-11-29T15:00:00Z
/// let weather = model.weather(at: paris, time: hour)        // °C, hPa, m/s, %, mm
/// let air = model.air(at: paris, time: hour)                 // µg/m³, owmAQI 1...5
/// ```
public struct AtmosphereModel: Sendable {
    /// The seed that selects one possible "climate history"; 0 is the default world.
    public let seed: UInt64

    /// Creates a model; equal seeds give identical outputs in every process.
    public init(seed: UInt64 = 0) {
        self.seed = seed
    }

    /// The weather at `place` during the UTC hour containing `time`.
    public func weather(at place: SimulatedPlace, time: Date) -> WeatherState {
        computeWeather(place: PlaceClimate(place), epochSeconds: Self.hourStart(time)).state
    }

    /// Pollutant concentrations at `place` during the UTC hour containing `time`; consistent
    /// with ``weather(at:time:)`` for the same hour (wind, rain, heat and sunshine drive them).
    public func air(at place: SimulatedPlace, time: Date) -> AirState {
        let climate = PlaceClimate(place)
        let epoch = Self.hourStart(time)
        return computeAir(place: climate, epochSeconds: epoch, weather: computeWeather(place: climate, epochSeconds: epoch))
    }

    /// UV index (≥ 0, one decimal) at `place` for the hour: sun elevation attenuated by clouds.
    public func uvIndex(at place: SimulatedPlace, time: Date) -> Double {
        forecastSample(at: place, time: time).uvIndex
    }

    /// Air and UV index of one hour from a single weather evaluation (for forecast blocks).
    func forecastSample(at place: SimulatedPlace, time: Date) -> (air: AirState, uvIndex: Double) {
        let climate = PlaceClimate(place)
        let epoch = Self.hourStart(time)
        let detail = computeWeather(place: climate, epochSeconds: epoch)
        let sun = max(0, detail.sinElevation)
        let uvi = (10.5 * sun * sun * (1 - 0.65 * detail.cloudFraction) * 10).rounded() / 10
        return (computeAir(place: climate, epochSeconds: epoch, weather: detail), uvi)
    }

    /// Epoch seconds of the start of the UTC hour containing `time`.
    static func hourStart(_ time: Date) -> Double {
        (time.timeIntervalSince1970 / 3_600).rounded(.down) * 3_600
    }

    /// A channel-specific key so each physical field draws independent noise.
    func key(_ channel: UInt64) -> UInt64 {
        Noise.hash(seed, channel)
    }
}

/// Per-place constants derived from coordinates and population (cheap to recompute per call).
struct PlaceClimate {
    let latitude: Double
    let longitude: Double
    /// Stable key of the coordinates, for the local noise parts.
    let key: UInt64
    /// 0 on the Atlantic coast ... 1 in the north-east / inner south-east.
    let continentality: Double
    /// 0 outside ... 1 on the Mediterranean rim.
    let mediterranean: Double
    /// 0 north of ~47° N ... 1 at the Pyrenees.
    let southness: Double
    /// Annual mean temperature, °C.
    let meanC: Double
    /// Half the July–January difference of monthly means, °C.
    let annualAmplitudeC: Double
    /// Urban heat-island strength, 0 (village) ... 1 (Paris).
    let urban: Double
    /// Emission scale relative to a 100 000-inhabitant city ((pop/1e5)^0.35, 0.4...3).
    let emissionScale: Double
    /// Regional multiplier of the national heatwave anomaly.
    let heatwaveFactor: Double
    /// Pseudo station altitude, metres (for ground-level pressure).
    let elevationM: Double
    /// 0...1 share of industrial SO2 sources.
    let industry: Double

    init(_ place: SimulatedPlace) {
        let lat = place.latitude, lon = place.longitude
        latitude = lat
        longitude = lon
        key = Noise.hash(
            UInt64(bitPattern: Int64((lat * 10_000).rounded())),
            UInt64(bitPattern: Int64((lon * 10_000).rounded())))
        let cont = min(max((lon + 1.5) / 8, 0), 1)
        continentality = cont
        let med = min(max((45.2 - lat) / 1.6, 0), 1) * min(max((lon - 2.6) / 1.2, 0), 1)
        mediterranean = med
        southness = min(max((47 - lat) / 4, 0), 1)
        let pop = Double(max(place.population, 1_000))
        urban = min(max(log10(pop / 20_000) / 2, 0), 1)
        emissionScale = min(max(pow(pop / 100_000, 0.35), 0.4), 3)
        // The Riviera (east of Toulon) is sheltered by the Alps: mild winters, muted extremes.
        let riviera = med * min(max((lon - 6.3) / 0.8, 0), 1)
        meanC = 10.8 + 0.42 * (50.6 - lat) + 1.4 * med + 0.4 * urban - 1.5 * max(0, cont - 0.6) * (1 - med)
        annualAmplitudeC = 5 + 4.2 * cont - 0.5 * med - 2 * riviera
        heatwaveFactor = min(max(0.8 + 0.2 * cont + 0.1 * southness - 0.2 * med - 0.3 * riviera, 0.55), 1)
        elevationM = 15 + 180 * Noise.unit(Noise.hash(key, 0xE1E7))
        let ind = Noise.unit(Noise.hash(key, 0x1D57))
        industry = ind * ind
    }
}
