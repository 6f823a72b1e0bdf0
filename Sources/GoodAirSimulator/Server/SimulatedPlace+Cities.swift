import Foundation
import GoodAirCore

extension SimulatedPlace {
    /// The référentiel's cities as simulator places. The station id is the city's AQICN uid when
    /// it has one, else a stable number derived from its INSEE code.
    public static func places(for cities: [City]) -> [SimulatedPlace] {
        cities.map { city in
            let digits = city.inseeCode.unicodeScalars.map { CharacterSet.decimalDigits.contains($0) ? Character($0) : "0" }
            let station = city.aqicnUID ?? (1000 + (Int(String(digits)) ?? 0) % 9000)
            return SimulatedPlace(name: city.name, latitude: city.latitude, longitude: city.longitude,
                                  population: city.population, stationID: station)
        }
    }

    /// Distance to a point in kilometres (haversine).
    func distance(toLatitude lat: Double, longitude lon: Double) -> Double {
        let r = 6371.0, rad = Double.pi / 180
        let dLat = (lat - latitude) * rad, dLon = (lon - longitude) * rad
        let a = sin(dLat / 2) * sin(dLat / 2) + cos(latitude * rad) * cos(lat * rad) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * r * asin(min(1, sqrt(a)))
    }
}
