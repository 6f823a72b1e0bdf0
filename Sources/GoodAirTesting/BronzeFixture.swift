import Foundation
import GoodAirCore

/// Writes hand-made snapshots into a lake's bronze zone, with the manifest record a collector
/// would have written for a good fetch, so curation can be tested on any payload.
public enum BronzeFixture {
    /// Stores `body` as the good snapshot of `cityID` at `hour` from `source`. `storedBytes`
    /// replaces the gzip file's content (to test a corrupt file); `sha256` the recorded checksum.
    public static func put(_ body: [UInt8], lake: Lake, source: Source, hour: Hour, cityID: String,
                           url: String? = nil, storedBytes: [UInt8]? = nil, sha256: String? = nil) throws {
        let folder = lake.bronzeHourFolder(source: source, hour: hour)
        let stored = try storedBytes ?? Gzip.compress(body)
        let name = "\(cityID).json.gz"
        try AtomicFile.write(stored, to: folder.appendingPathComponent(name))
        var manifest = try HourManifest.read(in: folder) ?? HourManifest(source: source, hour: hour)
        let defaultURL: String
        switch source {
        case .aqicn: defaultURL = "http://127.0.0.1:1/feed/geo:48.8567;2.3522/?token=REDACTED"
        case .owmWeather: defaultURL = "http://127.0.0.1:1/data/2.5/weather?lat=48.8567&lon=2.3522&units=metric&appid=REDACTED"
        case .owmAir: defaultURL = "http://127.0.0.1:1/data/2.5/air_pollution?lat=48.8567&lon=2.3522&appid=REDACTED"
        }
        manifest.retire(cityID, reason: "replaced by a fixture")
        manifest.merge(FetchRecord(
            cityID: cityID, url: url ?? defaultURL, outcome: .ok, httpStatus: 200, apiStatus: nil, attempts: 1,
            attemptErrors: [], startedAt: hour.description, latencyMs: 1, file: name, rawBytes: body.count,
            storedBytes: stored.count, sha256: sha256 ?? Checksum.sha256Hex(body), error: nil, runID: "fixture"))
        try manifest.write(in: folder)
    }

    /// `schemas/examples/<source>/<name>` of the repository.
    public static func example(_ source: Source, _ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("schemas/examples/\(source.rawValue)/\(name)")))
    }

    /// The names of the repository's examples of `source` starting with `prefix` (`valid-`, `invalid-`).
    public static func examples(_ source: Source, prefix: String) -> [String] {
        let folder = Fixtures.repositoryRoot.appendingPathComponent("schemas/examples/\(source.rawValue)")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasPrefix(prefix) && $0.hasSuffix(".json") }.sorted()
    }
}
