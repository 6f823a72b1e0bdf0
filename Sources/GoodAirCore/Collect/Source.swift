/// A source of bronze snapshots (LAKE.md §2): one endpoint of one API.
public enum Source: String, CaseIterable, Sendable, Codable, Comparable {
    /// World Air Quality Index feed (`/feed/geo:{lat};{lon}/` or `/feed/@{uid}/`).
    case aqicn
    /// OpenWeatherMap current weather (`/data/2.5/weather`, metric units).
    case owmWeather = "owm_weather"
    /// OpenWeatherMap air pollution, concentrations in µg/m³ (`/data/2.5/air_pollution`).
    case owmAir = "owm_air"

    /// The API family, which shares a base URL, a key and a rate limit.
    public var api: API {
        switch self {
        case .aqicn: return .aqicn
        case .owmWeather, .owmAir: return .openWeatherMap
        }
    }

    /// Parses a comma-separated list such as `aqicn,owm_air`; the failure names the first unknown entry.
    public static func parseList(_ text: String) -> Result<[Source], SourceListError> {
        var sources: [Source] = []
        for part in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
            guard let source = Source(rawValue: part) else { return .failure(SourceListError(unknown: part)) }
            if !sources.contains(source) { sources.append(source) }
        }
        return .success(sources)
    }

    public static func < (lhs: Source, rhs: Source) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// An API provider: AQICN or OpenWeatherMap.
public enum API: String, Sendable, CaseIterable {
    case aqicn
    case openWeatherMap = "openweathermap"
}

/// A source name that is not one of `aqicn`, `owm_weather`, `owm_air`.
public struct SourceListError: Error, CustomStringConvertible {
    public let unknown: String
    public var description: String {
        "unknown source '\(unknown)' (known: \(Source.allCases.map(\.rawValue).joined(separator: ", ")))"
    }
}
