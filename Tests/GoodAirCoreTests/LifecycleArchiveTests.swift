import Foundation
@testable import GoodAirCore
import GoodAirTesting
import Testing

/// The archive format: deterministic ustar + gzip, read back by tar, checked by the verifier.
@Suite("Lifecycle archive")
struct LifecycleArchiveTests {
    static let origin = "bronze/source=aqicn/date=2026-07-14"

    /// Writes `files` (path below the partition → bytes) into `lake` and archives them.
    func archive(_ lake: TemporaryLake, _ files: [String: [UInt8]]) throws -> ArchiveManifest {
        var inputs: [ArchiveWriter.Input] = []
        for (name, bytes) in files {
            let path = "\(Self.origin)/\(name)"
            try AtomicFile.write(bytes, to: lake.root.appendingPathComponent(path))
            inputs.append(.file(path, in: lake.lake))
        }
        return try ArchiveWriter(lake: lake.lake, faults: nil).write(origin: Self.origin, inputs: inputs.reversed(), createdAt: "2026-08-14T00:00:00Z")
    }

    func sample() -> [String: [UInt8]] {
        var files: [String: [UInt8]] = ["hour=10/_manifest.json": Array("{\"fetches\":[]}".utf8), "hour=10/empty.json.gz": []]
        for i in 0..<20 { files["hour=\(CivilTime.pad(i))/city-\(i).json.gz"] = (0..<(i * 97 + 3)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ i) } }
        files["hour=11/_failed/" + String(repeating: "a-very-long-city-name-", count: 4) + "run.json.gz"] = Array("x".utf8)
        return files
    }

    @Test("the same files give the same archive bytes, members sorted by path, metadata fixed")
    func deterministic() throws {
        let first = try TemporaryLake(), second = try TemporaryLake()
        defer { first.remove(); second.remove() }
        let a = try archive(first, sample()), b = try archive(second, sample())
        let layout = ArchiveLayout(origin: Self.origin)
        let bytesA = try Data(contentsOf: first.root.appendingPathComponent(layout.archive))
        let bytesB = try Data(contentsOf: second.root.appendingPathComponent(layout.archive))
        #expect(bytesA == bytesB)
        #expect(a.archiveSHA256 == b.archiveSHA256)
        #expect(a.archiveSHA256 == Checksum.sha256Hex(Array(bytesA)))
        #expect(a.members.map(\.path) == a.members.map(\.path).sorted())
        #expect(a.members.count == sample().count)
        #expect(a.verifiedAt == nil)
        let json = try String(contentsOf: first.root.appendingPathComponent(layout.manifest), encoding: .utf8)
        #expect(json.contains("\"verified_at\" : null"))
        #expect(json.contains("\"archive\" : \"archive/bronze/source=aqicn/date=2026-07-14.tar.gz\""))
        #expect(try ArchiveManifest.load(from: first.root.appendingPathComponent(layout.manifest)) == a)
    }

    @Test("GNU tar lists and extracts the archive byte for byte, long paths included")
    func readByTar() throws {
        let lake = try TemporaryLake()
        defer { lake.remove() }
        let files = sample()
        _ = try archive(lake, files)
        let out = lake.root.appendingPathComponent("extracted")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let tar = Process()
        tar.executableURL = URL(fileURLWithPath: "/bin/tar")
        tar.arguments = ["-xzf", lake.root.appendingPathComponent(ArchiveLayout(origin: Self.origin).archive).path, "-C", out.path]
        try tar.run()
        tar.waitUntilExit()
        #expect(tar.terminationStatus == 0)
        for (name, bytes) in files {
            let extracted = try Data(contentsOf: out.appendingPathComponent("\(Self.origin)/\(name)"))
            #expect(Array(extracted) == bytes, "\(name)")
            let attributes = try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent("\(Self.origin)/\(name)").path)
            #expect((attributes[.posixPermissions] as? Int).map { $0 & 0o777 } == 0o644)
        }
    }

    @Test("the reader gives back every member as written")
    func roundTrip() throws {
        let lake = try TemporaryLake()
        defer { lake.remove() }
        let files = sample()
        let manifest = try archive(lake, files)
        var read: [String: [UInt8]] = [:]
        let summary = try ArchiveReader.read(lake.root.appendingPathComponent(manifest.archive)) { read[$0.path] = $0.bytes }
        #expect(summary.members == files.count)
        #expect(summary.sha256 == manifest.archiveSHA256)
        #expect(read == Dictionary(uniqueKeysWithValues: files.map { ("\(Self.origin)/\($0.key)", $0.value) }))
        #expect(try ArchiveVerifier.verify(manifestURL: lake.root.appendingPathComponent(ArchiveLayout(origin: Self.origin).manifest)).isValid)
    }

    @Test("the verifier names the first mismatch: a changed byte, a truncated archive, a manifest that lies, a missing archive")
    func verifierFindsMismatches() throws {
        let lake = try TemporaryLake()
        defer { lake.remove() }
        let manifest = try archive(lake, sample())
        let layout = ArchiveLayout(origin: Self.origin)
        let archiveURL = lake.root.appendingPathComponent(layout.archive), manifestURL = lake.root.appendingPathComponent(layout.manifest)
        let original = Array(try Data(contentsOf: archiveURL))

        var lying = manifest
        lying.members[3].sha256 = String(repeating: "0", count: 64)
        try lying.write(to: manifestURL)
        let wrongMember = try ArchiveVerifier.verify(manifestURL: manifestURL)
        #expect(wrongMember.problem == "\(manifest.members[3].path): sha256 differs from the manifest's")

        var short = manifest
        short.members.removeLast()
        try short.write(to: manifestURL)
        #expect(try ArchiveVerifier.verify(manifestURL: manifestURL).problem?.contains("which the manifest does not list") == true)
        try manifest.write(to: manifestURL)

        var flipped = original
        flipped[flipped.count / 2] ^= 0xFF
        try AtomicFile.write(flipped, to: archiveURL)
        let corrupt = try ArchiveVerifier.verify(manifestURL: manifestURL)
        #expect(!corrupt.isValid)

        try AtomicFile.write(Array(original.prefix(original.count / 3)), to: archiveURL)
        let truncated = try ArchiveVerifier.verify(manifestURL: manifestURL)
        #expect(truncated.problem?.contains("truncated") == true, "\(truncated.problem ?? "")")

        try AtomicFile.write(original, to: archiveURL)
        #expect(try ArchiveVerifier.verify(manifestURL: manifestURL).isValid)
        unlink(archiveURL.path)
        #expect(try ArchiveVerifier.verify(manifestURL: manifestURL).problem == "the archive is missing")
        #expect(throws: LifecycleError.self) { try ArchiveVerifier.verify(manifestURL: lake.root.appendingPathComponent("nothing.manifest.json")) }
    }

    @Test("the catalog lists archives and finds the one holding a file, with its sha256")
    func catalog() throws {
        let lake = try TemporaryLake()
        defer { lake.remove() }
        let manifest = try archive(lake, sample())
        let catalog = ArchiveCatalog(lake: lake.lake)
        #expect(catalog.entries().map(\.layout.origin) == [Self.origin])
        let member = manifest.members[5]
        let found = try #require(try catalog.archive(containing: member.path))
        #expect(found.member == member)
        #expect(found.entry.hasArchive && found.entry.hasManifest)
        #expect(try catalog.archive(containing: "\(Self.origin)/hour=23/nowhere.json.gz") == nil)
        #expect(try catalog.archive(containing: "bronze/source=owm_air/date=2026-07-14/hour=10/paris.json.gz") == nil)
    }

    @Test("a path too long for ustar is refused rather than cut")
    func tooLong() {
        #expect(throws: LifecycleError.self) { try TarFormat.header(path: String(repeating: "x", count: 120), size: 1) }
        #expect(throws: LifecycleError.self) { try TarFormat.header(path: String(repeating: "d/", count: 140), size: 1) }
    }
}
