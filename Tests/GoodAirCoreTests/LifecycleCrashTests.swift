import Foundation
import GoodAirCore
import GoodAirTesting
import Testing

/// Apply killed at every file operation, then run again: the same end state, nothing lost.
@Suite("Lifecycle crash safety")
struct LifecycleCrashTests {
    /// Every file below `root` except the lock, with its bytes.
    func state(_ lake: TemporaryLake) throws -> [String: [UInt8]] {
        // Lineage records every run, killed ones too (a START with no end): it is the one thing that differs.
        try LifecycleFixture.files(lake, under: [""]).filter { !$0.key.hasSuffix(".lock") && !$0.key.hasPrefix("_lineage/") }
    }

    func apply(_ lake: TemporaryLake, _ policy: RetentionPolicy, faults: LifecycleFaults? = nil) async throws -> ApplyReport {
        let clock = LifecycleFixture.clock(daysLater: 40)
        let plan = LifecyclePlanner(lake: lake.lake, policy: policy, clock: clock, logger: .quiet).plan()
        return try await LifecycleApplier(lake: lake.lake, policy: policy, configuration: LifecycleConfiguration(faults: faults),
                                          clock: clock, logger: .quiet).apply(plan)
    }

    func copy(_ pristine: TemporaryLake) throws -> TemporaryLake {
        let lake = try TemporaryLake()
        try FileManager.default.removeItem(at: lake.root)
        try FileManager.default.copyItem(at: pristine.root, to: lake.root)
        return lake
    }

    @Test("killed before each file operation of apply, a rerun ends exactly where an uninterrupted run does")
    func killAtEveryOperation() async throws {
        let pristine = try await LifecycleFixture.lake(hours: 4, cities: 1)
        defer { pristine.remove() }
        let policy = try LifecycleTestPolicy.policy(holds: false)
        let bronze = try LifecycleFixture.files(pristine, under: ["bronze/"])

        let reference = try copy(pristine)
        defer { reference.remove() }
        let counter = LifecycleFaults()
        #expect(try await apply(reference, policy, faults: counter).status == .success)
        let expected = try state(reference)
        let operations = counter.operations
        #expect(operations > 30, "archive writes, manifest writes, unlinks and rmdirs are counted (\(operations))")
        #expect(!expected.keys.contains { $0.hasPrefix("bronze/") })

        for n in 1...operations {
            let lake = try copy(pristine)
            defer { lake.remove() }
            await #expect(throws: LifecycleFaults.Killed.self, "operation \(n)") {
                _ = try await apply(lake, policy, faults: LifecycleFaults(failAt: n))
            }
            // Nothing lost at the kill: every original is on disk or in an archive whose manifest lists it.
            let catalog = ArchiveCatalog(lake: lake.lake)
            for (path, bytes) in bronze where !FileManager.default.fileExists(atPath: lake.root.appendingPathComponent(path).path) {
                let found = try #require(try catalog.archive(containing: path), "after a kill at \(n), \(path) is gone and in no archive")
                #expect(Checksum.sha256(of: bytes, matches: found.member.sha256))
                #expect(try found.entry.manifest().verifiedAt != nil, "originals go only after a verified manifest")
            }
            let rerun = try await apply(lake, policy)
            #expect(rerun.status == .success, "after a kill at \(n): \(rerun.summary)")
            #expect(try state(lake) == expected, "after a kill at \(n) and a rerun")
        }
    }

    @Test("an archive without manifest, or a damaged one beside its originals, is packed again before anything is deleted")
    func redoesHalfArchives() async throws {
        let lake = try await LifecycleFixture.lake(hours: 3, cities: 1)
        defer { lake.remove() }
        let policy = try LifecycleTestPolicy.policy(holds: false)
        let layout = ArchiveLayout(origin: "bronze/source=owm_weather/date=2026-11-29")
        let archiveURL = lake.root.appendingPathComponent(layout.archive)
        // A stray half archive where the tar.gz goes, no manifest.
        try AtomicFile.write(Array(repeating: 0x1F, count: 100), to: archiveURL)
        #expect(try await apply(lake, policy).status == .success)
        #expect(try ArchiveVerifier.verify(manifestURL: lake.root.appendingPathComponent(layout.manifest)).isValid)

        // Restored originals beside an archive damaged since: verify repairs it from them.
        _ = try await Restorer(lake: lake.lake, clock: LifecycleFixture.clock(daysLater: 40), logger: .quiet).restore(layout.origin)
        let good = Array(try Data(contentsOf: archiveURL))
        try AtomicFile.write(Array(good.prefix(good.count / 2)), to: archiveURL)
        let report = try await apply(lake, policy)
        #expect(report.status == .success, "\(report.summary)")
        #expect(Array(try Data(contentsOf: archiveURL)) == good, "packed again, the same bytes")
        #expect(lake.allFiles().filter { $0.hasPrefix(layout.origin) }.isEmpty)
    }

    @Test("a damaged archive without its originals fails loudly: restore exits with the problem, nothing is deleted")
    func damagedWithoutOriginals() async throws {
        let lake = try await LifecycleFixture.lake(hours: 3, cities: 1)
        defer { lake.remove() }
        let policy = try LifecycleTestPolicy.policy(holds: false)
        #expect(try await apply(lake, policy).status == .success)
        let layout = ArchiveLayout(origin: "bronze/source=owm_air/date=2026-11-29")
        let url = lake.root.appendingPathComponent(layout.archive)
        var bytes = Array(try Data(contentsOf: url))
        bytes[bytes.count / 2] ^= 0x55
        try AtomicFile.write(bytes, to: url)
        let restorer = Restorer(lake: lake.lake, clock: LifecycleFixture.clock(daysLater: 41), logger: .quiet)
        await #expect(throws: LifecycleError.self) { try await restorer.restore(layout.origin) }
        #expect(lake.allFiles().filter { $0.hasPrefix(layout.origin) }.isEmpty, "nothing half-restored")
        #expect(try ArchiveVerifier.verify(manifestURL: lake.root.appendingPathComponent(layout.manifest)).problem != nil)
    }
}
