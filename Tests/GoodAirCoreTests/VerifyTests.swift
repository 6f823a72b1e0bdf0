import Foundation
@testable import GoodAirCore
import GoodAirTesting
import Testing

/// `goodair verify` on a real chain: clean after the jobs, and each kind of damage found with its file.
@Suite("Verify")
struct VerifyTests {
    func verify(_ lake: TemporaryLake) async throws -> VerifyReport {
        try await LakeVerifier(lake: lake.lake, clock: .fixed(at: Fixtures.now), logger: .quiet).verify()
    }

    @Test("a lake the jobs made is clean")
    func clean() async throws {
        let lake = try await LineageTests.chain(hours: 4)
        defer { lake.remove() }
        let report = try await verify(lake)
        #expect(report.isClean, "\(report.description)")
        #expect(report.checked["bronze files"] == 4 * 2 * 3)
        #expect((report.checked["lake files"] ?? 0) > 10)
    }

    @Test("an alerts evaluation after the report records the page it rewrites, so the lake stays clean")
    func alertsPage() async throws {
        let lake = try await LineageTests.chain(hours: 4)
        defer { lake.remove() }
        let center = AlertCenter(lake: lake.lake, delivery: nil, clock: .fixed(at: Fixtures.now.addingTimeInterval(3600)), logger: .quiet)
        let signal = IncidentSignal(key: "source_down:owm_air", kind: .sourceDown, severity: .critical,
                                    title: "La source owm_air ne répond plus", details: "test")
        _ = try await center.evaluate([signal], scope: .everything)
        let report = try await verify(lake)
        #expect(report.isClean, "\(report.description)")
        let history = try LineageHistory.load(lake: lake.lake)
        let page = try #require(history.lastWritten("gold/reports/alertes.html"))
        #expect(page.sha256 == LineageFile.read(lake: lake.lake, url: lake.root.appendingPathComponent("gold/reports/alertes.html"))?.sha256)
        #expect(history.runs.last?.job == "alert")
    }

    @Test("a flipped byte in a snapshot, in a silver file and in a gold file is found, with the file")
    func flippedBytes() async throws {
        let lake = try await LineageTests.chain(hours: 4)
        defer { lake.remove() }
        let snapshot = try #require(lake.allFiles().first { $0.hasPrefix("bronze/source=owm_air/") && $0.hasSuffix(".json.gz") })
        let url = lake.root.appendingPathComponent(snapshot)
        var payload = try Gzip.decompress(Array(try Data(contentsOf: url)))
        payload[payload.count / 2] ^= 0x01
        try AtomicFile.write(try Gzip.compress(payload), to: url)
        let silver = try #require(lake.allFiles().first { $0.hasPrefix("silver/air_pollution/date=") })
        let gold = try #require(lake.allFiles().first { $0.hasPrefix("gold/city_hourly/month=") })
        for path in [silver, gold] {
            var bytes = Array(try Data(contentsOf: lake.root.appendingPathComponent(path)))
            bytes[bytes.count - 3] ^= 0x01
            try AtomicFile.write(bytes, to: lake.root.appendingPathComponent(path))
        }
        let report = try await verify(lake)
        #expect(report.problems.map(\.kind).sorted { $0.rawValue < $1.rawValue } == [.changedSinceWritten, .changedSinceWritten, .checksumMismatch])
        #expect(report.problems.contains { $0.kind == .checksumMismatch && $0.path == snapshot })
        #expect(report.problems.contains { $0.kind == .changedSinceWritten && $0.path == silver })
        #expect(report.problems.contains { $0.kind == .changedSinceWritten && $0.path == gold })
    }

    @Test("orphans, a missing snapshot, a temporary left by a crash and a run that never ended are reported")
    func leftovers() async throws {
        let lake = try await LineageTests.chain(hours: 2, cities: 1)
        defer { lake.remove() }
        let root = lake.root
        let snapshot = try #require(lake.allFiles().first { $0.hasPrefix("bronze/source=aqicn/") && $0.hasSuffix(".json.gz") })
        try FileManager.default.removeItem(at: root.appendingPathComponent(snapshot))
        let hourFolder = root.appendingPathComponent(snapshot).deletingLastPathComponent()
        try AtomicFile.write(string: "{}", to: hourFolder.appendingPathComponent("stray.json"))
        try AtomicFile.write(string: "a\r\n", to: root.appendingPathComponent("gold/city_daily/extra.csv"))
        try AtomicFile.write(string: "half", to: root.appendingPathComponent("silver/weather/.part-00000.csv\(AtomicFile.temporaryMarker)1-2"))
        let run = try LineageRun.start(job: "curate", runID: UUID().uuidString.lowercased(), lake: lake.lake, clock: .fixed(at: Fixtures.now))
        let report = try await verify(lake)
        let found = Set(report.problems.map { "\($0.kind.rawValue) \($0.path)" })
        let folder = lake.lake.relativePath(hourFolder)
        #expect(found == [
            "missing \(snapshot)",
            "orphan \(folder)/stray.json",
            "orphan gold/city_daily/extra.csv",
            "partial-file silver/weather/.part-00000.csv\(AtomicFile.temporaryMarker)1-2",
            "broken-run \(lake.lake.relativePath(run.file))",
        ], "\(report.description)")
    }

    @Test("verify waits for no one: a running job's lock makes it refuse, naming the lock")
    func lockedLake() async throws {
        let lake = try TemporaryLake()
        defer { lake.remove() }
        let lock = try await RunLock.acquire(name: "curate", in: lake.lake, wait: 0, clock: .fixed(at: Fixtures.now))
        defer { lock.release() }
        await #expect(throws: LakeError.self) { _ = try await verify(lake) }
    }

    @Test("after archiving, lineage still reaches the snapshots (now in archives) and verify checks the archives")
    func archived() async throws {
        let lake = try await LineageTests.chain(hours: 3, cities: 1)
        defer { lake.remove() }
        let later = LakeClock.fixed(at: Fixtures.now.addingTimeInterval(60 * 86_400))
        let policyFile = Fixtures.repositoryRoot.appendingPathComponent("retention.yml")
        let policy = try RetentionPolicy.load(from: policyFile, tables: KnownTables.load(schemas: LineageTests.schemas))
        let plan = LifecyclePlanner(lake: lake.lake, policy: policy, clock: later, logger: .quiet).plan()
        let applied = try await LifecycleApplier(lake: lake.lake, policy: policy, clock: later, logger: .quiet).apply(plan)
        #expect(applied.done.contains { $0.kind == .archive }, "\(applied.summary)")
        #expect(!lake.allFiles().contains { $0.hasPrefix("bronze/") && $0.hasSuffix(".json.gz") }, "bronze archived away")
        let trace = try LineageTracer(lake: lake.lake).trace("gold/city_daily/month=2026-11/part-00000.csv")
        #expect(trace.snapshots.count == 3 * 3)
        #expect(trace.snapshots.allSatisfy { $0.location.hasPrefix("archive/bronze/") && $0.location.hasSuffix(".tar.gz") && $0.sha256 != nil },
                "\(trace.snapshots.map(\.location))")
        #expect(trace.runs.contains { $0.job == "collect" })
        let clean = try await verify(lake)
        #expect(clean.isClean, "\(clean.description)")
        #expect((clean.checked["archives"] ?? 0) >= 3)
        #expect(try LineageHistory.load(lake: lake.lake).runs.contains { $0.job == "lifecycle" && $0.state == .complete })
        let archive = try #require(lake.allFiles().first { $0.hasPrefix("archive/bronze/") && $0.hasSuffix(".tar.gz") })
        var bytes = Array(try Data(contentsOf: lake.root.appendingPathComponent(archive)))
        bytes[bytes.count / 2] ^= 0x01
        try AtomicFile.write(bytes, to: lake.root.appendingPathComponent(archive))
        let damaged = try await verify(lake)
        #expect(damaged.problems.map(\.kind) == [.badArchive], "\(damaged.description)")
        #expect(damaged.problems.first?.path == archive)
    }
}
