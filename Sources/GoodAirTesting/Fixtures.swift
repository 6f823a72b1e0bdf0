import Foundation
import GoodAirCore

/// Files and values shared by the tests.
public enum Fixtures {
    /// The repository root, found from this source file's path.
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `lake/reference/cities.csv` of the repository.
    public static var repositoryCitiesFile: URL {
        repositoryRoot.appendingPathComponent("lake/reference/cities.csv")
    }

    /// A long token and key, so a leak is unmistakable when searched for.
    public static let aqicnToken = "test-aqicn-token-5f1c9a7e3b2d4c68"
    public static let owmKey = "test-owm-key-0a9b8c7d6e5f4a3b2c1d"

    /// A fixed "now": 2026-11-29T14:20:00Z (the current hour is 14:00).
    public static let now = Timestamp.parse("2026-11-29T14:20:00Z")!
    public static var currentHour: Hour { Hour(containing: now) }

    /// The first `count` cities of the repository's référentiel.
    public static func cities(_ count: Int) throws -> [City] {
        Array(try CityCatalog.load(from: repositoryCitiesFile).cities.prefix(count))
    }
}
