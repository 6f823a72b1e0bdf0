import Foundation

/// `_manifest.json` of one bronze hour folder: what was fetched for each city, and the failed
/// fetches that a later run replaced (kept, so nothing that happened is lost).
///
/// It is rewritten atomically after each run that touched the folder.
public struct HourManifest: Codable, Sendable, Equatable {
    public static let fileName = "_manifest.json"

    public var source: Source
    /// The collection hour, `2026-11-29T14:00:00Z`.
    public var hour: String
    public var producer: String
    /// When this manifest was last written.
    public var updatedAt: String
    /// The current record of each city, sorted by city id.
    public var fetches: [FetchRecord]
    /// Earlier failed records that a later fetch replaced, oldest first.
    public var superseded: [FetchRecord]

    enum CodingKeys: String, CodingKey {
        case source, hour, producer, updatedAt = "updated_at", fetches, superseded
    }

    public init(source: Source, hour: Hour) {
        self.source = source
        self.hour = hour.description
        self.producer = "goodair-lake \(GoodAirVersion.current)"
        self.updatedAt = hour.description
        self.fetches = []
        self.superseded = []
    }

    /// The record of `cityID`, if any.
    public func record(for cityID: String) -> FetchRecord? {
        fetches.first { $0.cityID == cityID }
    }

    /// Puts `record` in place of the city's current one; a replaced failure moves to `superseded`.
    /// A good record is never replaced.
    public mutating func merge(_ record: FetchRecord) {
        if let index = fetches.firstIndex(where: { $0.cityID == record.cityID }) {
            let old = fetches[index]
            guard old.outcome != .ok else { return }
            superseded.append(old)
            fetches[index] = record
        } else {
            fetches.append(record)
            fetches.sort { $0.cityID < $1.cityID }
        }
    }

    /// Moves the city's current record to `superseded` with `reason` as its error, so a new fetch
    /// can take its place (a good snapshot whose file has gone missing, say).
    public mutating func retire(_ cityID: String, reason: String) {
        guard let index = fetches.firstIndex(where: { $0.cityID == cityID }) else { return }
        var old = fetches.remove(at: index)
        old.outcome = .failed
        old.error = reason
        old.file = nil   // the name now belongs to whatever replaces it
        superseded.append(old)
    }

    /// Reads the manifest in `folder`; nil when there is none. One that exists but cannot be read
    /// or parsed throws: it is never taken for absent, which would refetch over good snapshots.
    public static func read(in folder: URL) throws -> HourManifest? {
        let url = folder.appendingPathComponent(fileName)
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch let error as CocoaError where error.code == .fileReadNoSuchFile {
            return nil
        } catch {
            throw CollectError.corruptManifest(path: url.path, reason: "unreadable: \(error.localizedDescription)")
        }
        do {
            return try JSONDecoder().decode(HourManifest.self, from: data)
        } catch {
            throw CollectError.corruptManifest(path: url.path, reason: "\(error)")
        }
    }

    /// Writes the manifest into `folder` atomically (sorted keys, one field per line).
    public func write(in folder: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var bytes = Array(try encoder.encode(self))
        bytes.append(UInt8(ascii: "\n"))
        try AtomicFile.write(bytes, to: folder.appendingPathComponent(Self.fileName))
    }
}
