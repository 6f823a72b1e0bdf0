import Foundation
import GoodAirCore
import GoodAirSimulator
import Logging

/// Lakes for the lifecycle tests: bronze collected from the simulator over HTTP and curated, so
/// partitions, manifests and the curate ledger are what real runs leave.
///
/// ```swift
/// let lake = try await LifecycleFixture.lake()          // 2026-11-28 and 2026-11-29, 2 cities, curated
/// defer { lake.remove() }
/// let policy = try LifecycleFixture.policy("version: 1\nrules: []\n")
/// ```
public enum LifecycleFixture {
    /// The repository's `schemas/`.
    public static let schemas = Fixtures.repositoryRoot.appendingPathComponent("schemas")

    /// A lake with `hours` hours of bronze ending at ``Fixtures/currentHour`` for the first
    /// `cities` cities, curated when `curate` is true.
    /// `faults` are simulator fault rules (`api-error@aqicn`): their failed fetches end in quarantine.
    public static func lake(hours: Int = 30, cities: Int = 2, curate: Bool = true, faults: [String] = []) async throws -> TemporaryLake {
        let lake = try TemporaryLake()
        try await collect(lake, hours: 0..<hours, cities: cities, faults: faults)
        if curate { _ = try await curator(lake).curate() }
        return lake
    }

    /// Collects the hours `hours` back from the current one.
    public static func collect(_ lake: TemporaryLake, hours: Range<Int>, cities: Int, faults: [String] = []) async throws {
        let sim = try await TestSimulator.start(faults: try faults.map(FaultRule.parse))
        let plan = CollectPlan(hours: hours.map { Fixtures.currentHour.advanced(by: -$0) }, cities: try Fixtures.cities(cities))
        do { _ = try await sim.collector(lake: lake.lake).collect(plan) } catch {
            await sim.stop()
            throw error
        }
        await sim.stop()
    }

    /// A curator of `lake` with the repository's schemas.
    public static func curator(_ lake: TemporaryLake) -> Curator {
        Curator(lake: lake.lake, configuration: CurateConfiguration(schemas: schemas), clock: .fixed(at: Fixtures.now), logger: .quiet)
    }

    /// A policy from YAML text, checked against the repository's tables.
    public static func policy(_ yaml: String) throws -> RetentionPolicy {
        try RetentionPolicy.parse(yaml, file: "test.yml", tables: KnownTables.load(schemas: schemas))
    }

    /// A clock at `days` days after ``Fixtures/now``.
    public static func clock(daysLater days: Int) -> LakeClock {
        .fixed(at: Fixtures.now.addingTimeInterval(Double(days) * 86_400))
    }

    /// Every file below the root whose path starts with one of `prefixes`, with its bytes.
    public static func files(_ lake: TemporaryLake, under prefixes: [String]) throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for path in lake.allFiles() where prefixes.contains(where: { path.hasPrefix($0) }) {
            files[path] = Array(try Data(contentsOf: lake.root.appendingPathComponent(path)))
        }
        return files
    }
}
