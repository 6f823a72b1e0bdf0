import Foundation

/// The lake on disk: its root folder and where each zone lives (LAKE.md §2).
///
/// ```swift
/// let lake = Lake(root: URL(fileURLWithPath: "lake"))
/// lake.bronzeHourFolder(source: .aqicn, hour: hour)  // lake/bronze/source=aqicn/date=…/hour=…
/// ```
public struct Lake: Sendable {
    /// The lake root, default `./lake` (`GOODAIR_LAKE`, `--lake`).
    public let root: URL
    /// Where the lake is stored and processed, as its configuration declares (both in the EU;
    /// default France). Jobs write them in their lineage.
    public let locations: DataLocations

    public init(root: URL, locations: DataLocations = DataLocations()) {
        self.root = root.standardizedFileURL
        self.locations = locations
    }

    public var bronze: URL { root.appendingPathComponent("bronze", isDirectory: true) }
    public var quarantine: URL { root.appendingPathComponent("quarantine", isDirectory: true) }
    public var silver: URL { root.appendingPathComponent("silver", isDirectory: true) }
    public var gold: URL { root.appendingPathComponent("gold", isDirectory: true) }
    public var archive: URL { root.appendingPathComponent("archive", isDirectory: true) }
    public var lineage: URL { root.appendingPathComponent("_lineage", isDirectory: true) }
    public var state: URL { root.appendingPathComponent("_state", isDirectory: true) }
    public var reference: URL { root.appendingPathComponent("reference", isDirectory: true) }

    /// `reference/cities.csv`, the référentiel of cities.
    public var citiesFile: URL { reference.appendingPathComponent("cities.csv") }

    /// `bronze/source=<source>/date=YYYY-MM-DD/hour=HH/`.
    public func bronzeHourFolder(source: Source, hour: Hour) -> URL {
        bronze.appendingPathComponent("source=\(source.rawValue)/\(hour.partitionPath)", isDirectory: true)
    }

    /// `bronze/source=<source>/date=…/hour=…/<city_id>.json.gz`.
    public func snapshotFile(source: Source, hour: Hour, cityID: String) -> URL {
        bronzeHourFolder(source: source, hour: hour).appendingPathComponent("\(cityID).json.gz")
    }

    /// The path of `url` relative to the lake root, as manifests and messages print it.
    public func relativePath(_ url: URL) -> String {
        let full = url.standardizedFileURL.path
        let base = root.path.hasSuffix("/") ? root.path : root.path + "/"
        return full.hasPrefix(base) ? String(full.dropFirst(base.count)) : full
    }
}

extension Lake {
    /// `url` relative to the current folder when it lies below it (for messages people copy).
    public func relativeDisplay(_ url: URL) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        let path = url.standardizedFileURL.path
        return path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path
    }
}
