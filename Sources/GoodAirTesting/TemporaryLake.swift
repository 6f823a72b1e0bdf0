import Foundation
import GoodAirCore

/// A lake in a fresh temporary folder, with the repository's référentiel (or a given one), removed
/// when the test is done with it: by `remove()`, or at the latest when the object goes away, so a
/// test that forgets the `defer` leaves nothing in the temporary folder.
///
/// ```swift
/// let lake = try TemporaryLake()
/// defer { lake.remove() }
/// ```
public final class TemporaryLake: @unchecked Sendable {
    public let lake: Lake
    public var root: URL { lake.root }

    /// A lake whose `reference/cities.csv` is the repository's own, or `citiesCSV` when given.
    public init(citiesCSV: String? = nil) throws {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("goodair-test-\(UUID().uuidString.prefix(8))", isDirectory: true)
        lake = Lake(root: root)
        try AtomicFile.createFolder(lake.reference)
        let csv = try citiesCSV ?? String(contentsOf: Fixtures.repositoryCitiesFile, encoding: .utf8)
        try AtomicFile.write(string: csv, to: lake.citiesFile)
    }

    /// The référentiel of this lake.
    public func catalog() throws -> CityCatalog { try CityCatalog.load(from: lake.citiesFile) }

    /// Every regular file below the root, as paths relative to it, sorted.
    public func allFiles() -> [String] {
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return []
        }
        var files: [String] = []
        for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            files.append(lake.relativePath(url))
        }
        return files.sorted()
    }

    /// Every file's content below the root, gzip files decompressed: for "no secret anywhere".
    public func allContents() throws -> [(path: String, bytes: [UInt8])] {
        try allFiles().map { path in
            let raw = Array(try Data(contentsOf: root.appendingPathComponent(path)))
            let bytes = path.hasSuffix(".gz") ? ((try? Gzip.decompress(raw)) ?? raw) : raw
            return (path, bytes)
        }
    }

    /// Paths (files, folders, or inside files) that contain `needle`.
    public func pathsContaining(_ needle: String) throws -> [String] {
        try allContents().filter { path, bytes in
            path.contains(needle) || String(decoding: bytes, as: UTF8.self).contains(needle)
        }.map(\.path)
    }

    public func remove() { try? FileManager.default.removeItem(at: root) }

    deinit { remove() }
}
