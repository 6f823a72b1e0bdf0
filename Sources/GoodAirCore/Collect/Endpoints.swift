import Foundation

/// The APIs' base URLs and credentials, and how a request for a city is spelled.
///
/// Defaults are the real services; `GOODAIR_AQICN_URL` and `GOODAIR_OWM_URL` point them elsewhere
/// (the simulator, a proxy).
///
/// ```swift
/// let endpoints = Endpoints(aqicnToken: Secret("t"), owmKey: Secret("k"))
/// endpoints.url(for: .owmAir, city: paris, redacted: true)
/// // https://api.openweathermap.org/data/2.5/air_pollution?lat=48.8566&lon=2.3522&appid=REDACTED
/// ```
public struct Endpoints: Sendable {
    public static let defaultAQICN = "https://api.waqi.info"
    public static let defaultOWM = "https://api.openweathermap.org"

    public var aqicnBaseURL: String
    public var owmBaseURL: String
    public var aqicnToken: Secret
    public var owmKey: Secret

    public init(aqicnBaseURL: String = Endpoints.defaultAQICN, owmBaseURL: String = Endpoints.defaultOWM,
                aqicnToken: Secret, owmKey: Secret) {
        self.aqicnBaseURL = Self.trimmed(aqicnBaseURL)
        self.owmBaseURL = Self.trimmed(owmBaseURL)
        self.aqicnToken = aqicnToken
        self.owmKey = owmKey
    }

    /// The secret that `source` needs.
    public func secret(for source: Source) -> Secret {
        source.api == .aqicn ? aqicnToken : owmKey
    }

    /// The request URL for `city` from `source`; with `redacted`, the secret is written `REDACTED`.
    public func url(for source: Source, city: City, redacted: Bool) -> String {
        let secret = redacted ? Redactor.placeholder : Redactor.queryEncoded(secret(for: source).reveal())
        let lat = Self.coordinate(city.latitude), lon = Self.coordinate(city.longitude)
        let aqicnBaseURL = redacted ? Self.withoutUserinfo(self.aqicnBaseURL) : self.aqicnBaseURL
        let owmBaseURL = redacted ? Self.withoutUserinfo(self.owmBaseURL) : self.owmBaseURL
        switch source {
        case .aqicn:
            if let uid = city.aqicnUID { return "\(aqicnBaseURL)/feed/@\(uid)/?token=\(secret)" }
            return "\(aqicnBaseURL)/feed/geo:\(lat);\(lon)/?token=\(secret)"
        case .owmWeather:
            return "\(owmBaseURL)/data/2.5/weather?lat=\(lat)&lon=\(lon)&units=metric&appid=\(secret)"
        case .owmAir:
            return "\(owmBaseURL)/data/2.5/air_pollution?lat=\(lat)&lon=\(lon)&appid=\(secret)"
        }
    }

    /// A redactor for both secrets.
    public var redactor: Redactor { Redactor([aqicnToken, owmKey]) }

    /// `url` with any `user:password@` replaced by `REDACTED@` (a proxy's credentials are secrets too).
    public static func withoutUserinfo(_ url: String) -> String {
        guard let scheme = url.range(of: "://") else { return url }
        let rest = url[scheme.upperBound...]
        let hostEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        guard let at = rest[..<hostEnd].lastIndex(of: "@") else { return url }
        return String(url[..<scheme.upperBound]) + Redactor.placeholder + String(rest[at...])
    }

    static func coordinate(_ value: Double) -> String { String(format: "%.4f", value) }

    static func trimmed(_ url: String) -> String {
        var u = url
        while u.hasSuffix("/") { u.removeLast() }
        return u
    }
}
