import Foundation
import GoodAirCore
import GoodAirSimulator
import GoodAirTesting
import Testing

/// `goodair curate` killed at any instant: running it again gives exactly what an uninterrupted
/// run gives, and no partial file is ever visible.
@Suite("curate crash")
struct CurateCrashTests {
    static let schemas = Fixtures.repositoryRoot.appendingPathComponent("schemas").path

    func silver(_ root: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let base = root.appendingPathComponent("silver")
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { return files }
        for case let url as URL in walker where !url.hasDirectoryPath {
            files[String(url.path.dropFirst(base.path.count))] = try Data(contentsOf: url)
        }
        return files
    }

    func curate(_ root: URL, killAfter delay: Double? = nil) async throws -> Int32 {
        let process = Process()
        process.executableURL = CLITests.executable
        process.arguments = ["curate", "--lake", root.path, "--schemas", Self.schemas, "--log-level", "error"]
        process.standardOutput = FileHandle.nullDevice
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            process.terminationHandler = { _ in continuation.resume() }
            do {
                try process.run()
                if let delay {
                    DispatchQueue.global().asyncAfter(deadline: .now() + delay) { kill(process.processIdentifier, SIGKILL) }
                }
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        return process.terminationStatus
    }

    @Test("killed at several instants, then rerun: byte-identical to an uninterrupted run")
    func killAndRerun() async throws {
        let source = try TemporaryLake()
        defer { source.remove() }
        let sim = try await TestSimulator.start()
        let hours = Hour.range(Fixtures.currentHour.advanced(by: -47), through: Fixtures.currentHour)
        _ = try await sim.collector(lake: source.lake).collect(CollectPlan(hours: hours, cities: try Fixtures.cities(6)))
        await sim.stop()

        let reference = try TemporaryLake()
        defer { reference.remove() }
        try FileManager.default.removeItem(at: reference.root)
        try FileManager.default.copyItem(at: source.root, to: reference.root)
        #expect(try await curate(reference.root) == 0)
        let expected = try silver(reference.root)
        #expect(expected.count > 6)

        var interrupted = 0
        for delay in [0.05, 0.2, 0.4, 0.7, 1.0] {
            let lake = try TemporaryLake()
            defer { lake.remove() }
            try FileManager.default.removeItem(at: lake.root)
            try FileManager.default.copyItem(at: source.root, to: lake.root)
            let killed = try await curate(lake.root, killAfter: delay)
            if killed != 0 { interrupted += 1 }
            // Whatever the kill left, no visible file is partial: every CSV parses whole.
            for (path, data) in try silver(lake.root) where !path.split(separator: "/").last!.hasPrefix(".") {
                let rows = try CSVReader.parse(String(decoding: data, as: UTF8.self))
                #expect(rows.dropFirst().allSatisfy { $0.fields.count == rows[0].fields.count }, "\(path)")
            }
            #expect(try await curate(lake.root) == 0)
            let after = try silver(lake.root)
            #expect(after.keys.sorted() == expected.keys.sorted(), "same files after a kill at \(delay) s")
            #expect(after == expected, "same bytes after a kill at \(delay) s")
        }
        #expect(interrupted > 0, "at least one run was really killed mid-way")
    }
}
