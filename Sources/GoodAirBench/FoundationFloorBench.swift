import Foundation
import GoodAirCore

/// `foundation-floor`: read and gunzip every snapshot of bronze as curation does, then parse it
/// with Foundation — `JSONSerialization` (`serialization`) or one `JSONDecoder` into `Decodable`
/// models of what curation reads (`decoder`) — and nothing else: no
/// checksum, no validation, no extraction, no write.
///
/// It calibrates issue #3's figures ("Foundation's JSONSerialization path reaches about 22 % of
/// the bound and JSONDecoder about 31 %"): a curation built on one of these parsers cannot be
/// faster than this loop, so the bound's time over this loop's time is the most that path could
/// reach against each bound. `scripts/bench-foundation.sh` runs it beside the C and Python loops.
///
/// Prints `files parsed`.
struct FoundationFloorBench {
    enum Parser: String {
        case serialization, decoder
    }

    let bronze: String
    let parser: Parser

    private let decoder = JSONDecoder()

    func run() {
        let reader: GzipFileReader
        do { reader = try GzipFileReader() } catch { fatalError("zlib: \(error)") }
        var files = 0, parsed = 0
        for source in ["aqicn", "owm_air", "owm_weather"] {
            BronzeWalk.forEachSnapshot(below: bronze + "/source=" + source, reader: reader) { stored in
                guard let raw = try? reader.inflated(stored, checkCRC: false) else { return }
                files += 1
                if parse(Data(raw), source: source) { parsed += 1 }
            }
        }
        print(files, parsed)
    }

    private func parse(_ data: Data, source: String) -> Bool {
        switch parser {
        case .serialization:
            return (try? JSONSerialization.jsonObject(with: data)) is [String: Any]
        case .decoder:
            switch source {
            case "aqicn": return (try? decoder.decode(AQICNModel.self, from: data)) != nil
            case "owm_air": return (try? decoder.decode(OWMAirModel.self, from: data)) != nil
            default: return (try? decoder.decode(OWMWeatherModel.self, from: data)) != nil
            }
        }
    }
}

/// A number that the APIs may send as a string (`"-"`, `"404"`) or as a number.
private enum Loose: Decodable {
    case number(Double), text(String)

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Double.self) { self = .number(value) } else { self = .text(try container.decode(String.self)) }
    }
}

private struct AQICNModel: Decodable {
    struct Payload: Decodable {
        struct City: Decodable { let geo: [Double]?; let name: String; let url: String? }
        struct Attribution: Decodable { let url: String?; let name: String }
        struct Value: Decodable { let v: Double }
        struct Time: Decodable { let s: String?; let tz: String?; let v: Int?; let iso: String? }
        let aqi: Loose
        let idx: Int
        let attributions: [Attribution]?
        let city: City
        let dominentpol: String?
        let iaqi: [String: Value]?
        let time: Time
    }
    let status: String
    let data: Payload?
}

private struct OWMWeatherModel: Decodable {
    struct Coord: Decodable { let lon: Double; let lat: Double }
    struct Condition: Decodable { let id: Int; let main: String; let description: String }
    struct Main: Decodable {
        let temp: Double; let feels_like: Double?; let temp_min: Double?; let temp_max: Double?
        let pressure: Double?; let humidity: Double?; let sea_level: Double?; let grnd_level: Double?
    }
    struct Wind: Decodable { let speed: Double?; let deg: Double?; let gust: Double? }
    struct Clouds: Decodable { let all: Double? }
    struct Volume: Decodable { let oneHour: Double?; enum CodingKeys: String, CodingKey { case oneHour = "1h" } }
    let coord: Coord?
    let weather: [Condition]?
    let main: Main
    let visibility: Double?
    let wind: Wind?
    let clouds: Clouds?
    let rain: Volume?
    let snow: Volume?
    let dt: Int
    let timezone: Int?
    let id: Int?
    let name: String?
    let cod: Loose?
}

private struct OWMAirModel: Decodable {
    struct Entry: Decodable {
        struct Main: Decodable { let aqi: Loose }
        let main: Main
        let components: [String: Double]
        let dt: Int
    }
    let list: [Entry]
}
