import Foundation

/// Which API and place a request is for, from the real APIs' paths:
/// `/feed/geo:{lat};{lon}/`, `/feed/@{uid}/`, `/data/2.5/weather`, `/data/2.5/air_pollution`.
struct SimulatorRoute {
    /// `aqicn`, `owm_weather`, `owm_air`, or nil for an unknown path.
    let source: String?
    let latitude: Double?
    let longitude: Double?
    let uid: Int?

    init(request: SimulatedRequest) {
        let path = request.path.removingPercentEncoding ?? request.path
        var lat: Double?, lon: Double?, uid: Int?
        if path.hasPrefix("/feed/") {
            source = "aqicn"
            let what = path.dropFirst("/feed/".count).trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            if what.hasPrefix("geo:") {
                let parts = what.dropFirst(4).split(separator: ";")
                if parts.count == 2 { lat = Double(parts[0]); lon = Double(parts[1]) }
            } else if what.hasPrefix("@") {
                uid = Int(what.dropFirst())
            }
        } else if path == "/data/2.5/weather" || path == "/data/2.5/air_pollution" {
            source = path.hasSuffix("weather") ? "owm_weather" : "owm_air"
            lat = request.query["lat"].flatMap(Double.init)
            lon = request.query["lon"].flatMap(Double.init)
        } else {
            source = nil
        }
        self.latitude = lat
        self.longitude = lon
        self.uid = uid
    }

    var placeLabel: String {
        if let uid { return "@\(uid)" }
        if let latitude, let longitude { return String(format: "%.4f,%.4f", latitude, longitude) }
        return "?"
    }

    /// What the request resolves to: a place of one source.
    struct Target {
        let source: String
        let place: SimulatedPlace
    }

    /// What a request resolves to.
    enum Resolution {
        case target(Target)
        /// The API's own error answer (unknown path, station or coordinates).
        case answer(SimulatedResponse)
    }

    /// The place asked for, or the API's own error answer.
    func resolve(places: [SimulatedPlace]) -> Resolution {
        guard let source else {
            return .answer(.json(404, #"{"cod":"404","message":"Internal error"}"#))
        }
        if let uid {
            guard let place = places.first(where: { $0.stationID == uid }) else {
                return .answer(.json(200, #"{"status":"error","data":"Unknown station"}"#))
            }
            return .target(Target(source: source, place: place))
        }
        guard let lat = latitude, let lon = longitude, (-90...90).contains(lat), (-180...180).contains(lon) else {
            if source == "aqicn" { return .answer(.json(200, #"{"status":"error","data":"Unknown station"}"#)) }
            return .answer(.json(400, #"{"cod":"400","message":"wrong latitude"}"#))
        }
        if let nearest = places.min(by: { $0.distance(toLatitude: lat, longitude: lon) < $1.distance(toLatitude: lat, longitude: lon) }),
           nearest.distance(toLatitude: lat, longitude: lon) < 30 {
            return .target(Target(source: source, place: nearest))
        }
        // Anywhere else: a citizen station (negative idx on AQICN) at the coordinates asked for.
        let id = 1000 + Int(Noise.fnv1a(String(format: "%.3f,%.3f", lat, lon)) % 9000)
        let place = SimulatedPlace(name: String(format: "Station %.3f,%.3f", lat, lon), latitude: lat, longitude: lon,
                                   population: 30_000, stationID: source == "aqicn" ? -id : id)
        return .target(Target(source: source, place: place))
    }
}
