import Foundation

/// Configuration read from the environment (LAKE.md §2), with the variable names users set.
///
/// ```swift
/// let env = GoodAirEnvironment(ProcessInfo.processInfo.environment)
/// let endpoints = try env.endpoints()
/// ```
public struct GoodAirEnvironment: Sendable {
    public static let lakeVariable = "GOODAIR_LAKE"
    public static let aqicnURLVariable = "GOODAIR_AQICN_URL"
    public static let owmURLVariable = "GOODAIR_OWM_URL"
    public static let aqicnTokenVariable = "GOODAIR_AQICN_TOKEN"
    public static let owmKeyVariable = "GOODAIR_OWM_KEY"
    public static let storageLocationVariable = "GOODAIR_STORAGE_LOCATION"
    public static let processingLocationVariable = "GOODAIR_PROCESSING_LOCATION"

    private let values: [String: String]

    public init(_ values: [String: String]) { self.values = values }

    /// A variable's value, nil when unset or blank.
    public func value(_ name: String) -> String? {
        guard let v = values[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !v.isEmpty else { return nil }
        return v
    }

    /// The variable that holds the key of `api`.
    public static func secretVariable(for api: API) -> String {
        api == .aqicn ? aqicnTokenVariable : owmKeyVariable
    }

    /// The lake root: `--lake` if given, else `GOODAIR_LAKE`, else `./lake`.
    public func lakeRoot(override: String?) -> URL {
        URL(fileURLWithPath: override ?? value(Self.lakeVariable) ?? "lake")
    }

    /// Where the lake is stored and its jobs run: `GOODAIR_STORAGE_LOCATION` and
    /// `GOODAIR_PROCESSING_LOCATION`, each France (`FR`) when unset.
    /// - Throws: ``LocationError`` naming the variable, when one is malformed or outside the EU.
    public func locations() throws(LocationError) -> DataLocations {
        func location(_ variable: String) throws(LocationError) -> DataLocation {
            guard let text = value(variable) else { return .france }
            return try DataLocation(parsing: text, variable: variable)
        }
        return DataLocations(storage: try location(Self.storageLocationVariable),
                             processing: try location(Self.processingLocationVariable))
    }

    /// Base URLs and secrets; missing secrets are empty (the collector names the variable if a
    /// source needs it). A base URL that is not http(s) is refused.
    public func endpoints() throws -> Endpoints {
        let aqicn = value(Self.aqicnURLVariable) ?? Endpoints.defaultAQICN
        let owm = value(Self.owmURLVariable) ?? Endpoints.defaultOWM
        for (variable, url) in [(Self.aqicnURLVariable, aqicn), (Self.owmURLVariable, owm)] {
            let lower = url.lowercased()
            guard (lower.hasPrefix("http://") || lower.hasPrefix("https://")), URL(string: url)?.host != nil else {
                throw CollectError.badBaseURL(variable: variable, value: Endpoints.withoutUserinfo(url))
            }
        }
        return Endpoints(aqicnBaseURL: aqicn, owmBaseURL: owm,
                         aqicnToken: Secret(value(Self.aqicnTokenVariable) ?? ""),
                         owmKey: Secret(value(Self.owmKeyVariable) ?? ""))
    }
}
