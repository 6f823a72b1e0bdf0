import Foundation
import GoodAirCore

/// The benchmark inputs held in memory: decompressed snapshots grouped by source, and the raw
/// bytes of every `_manifest.json`.
struct BenchCorpus {
    /// Source name (`aqicn`, `owm_weather`, `owm_air`) → decompressed snapshots.
    var snapshots: [String: [[UInt8]]] = [:]
    var manifests: [[UInt8]] = []

    /// Walks `bronze` and loads up to `limit` snapshots (sorted paths, so runs load the same files),
    /// of source `only` when given.
    init(bronze: URL, limit: Int, source only: String? = nil) throws {
        let root = bronze.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(atPath: root) else {
            throw BenchOptions.UsageError(description: "cannot read \(root)")
        }
        var snapshotPaths: [String] = [], manifestPaths: [String] = []
        while let relative = walker.nextObject() as? String {
            if relative.hasSuffix("/_manifest.json") {
                manifestPaths.append(relative)
            } else if relative.hasSuffix(".json.gz"), only == nil || Self.source(of: relative) == only {
                snapshotPaths.append(relative)
            }
        }
        snapshotPaths.sort()
        manifestPaths.sort()
        for relative in snapshotPaths.prefix(limit) {
            guard let source = Self.source(of: relative) else { continue }
            let packed = try Self.read(root + "/" + relative)
            snapshots[source, default: []].append(try Gzip.decompress(packed))
        }
        for relative in manifestPaths { manifests.append(try Self.read(root + "/" + relative)) }
    }

    /// `aqicn` for `source=aqicn/date=…/hour=…/paris.json.gz`.
    static func source(of relative: String) -> String? {
        guard let first = relative.split(separator: "/").first, first.hasPrefix("source=") else { return nil }
        return String(first.dropFirst("source=".count))
    }

    static func read(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BenchOptions.UsageError(description: "cannot read \(path)")
        }
        return Array(data)
    }
}
