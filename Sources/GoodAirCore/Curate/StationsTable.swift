import Foundation

/// One sighting of an AQICN station in a feed snapshot.
struct StationObservation: Sendable, Equatable {
    var stationID: Int
    var name: String?
    var latitude: Double?
    var longitude: Double?
    var url: String?
    /// AQICN's attributions, `name (url)` joined with ` | `: keeping them is a condition of its terms.
    var attribution: String?
    var firstSeen: Int
    var lastSeen: Int
    /// A hash of the payload bytes the descriptive fields came from (nil when read from the CSV):
    /// a sighting with the same bytes only widens the seen range, without decoding anything.
    var sourceHash: Int?

    static func from(_ tape: JSONTape, data: Int, stationID: Int, observedAt: Int) -> StationObservation {
        let city = tape.member(data, "city")
        var credits: [String] = []
        if let list = tape.member(data, "attributions"), tape.kind(list) == .array {
            for item in tape.elements(list) {
                let name = tape.member(item, "name").flatMap { tape.string($0) } ?? ""
                let url = tape.member(item, "url").flatMap { tape.string($0) } ?? ""
                credits.append(url.isEmpty ? name : "\(name) (\(url))")
            }
        }
        return StationObservation(
            stationID: stationID,
            name: city.flatMap { tape.member($0, "name") }.flatMap { tape.string($0) },
            latitude: city.flatMap { tape.node($0, "geo", "0") }.flatMap { tape.double($0) },
            longitude: city.flatMap { tape.node($0, "geo", "1") }.flatMap { tape.double($0) },
            url: city.flatMap { tape.member($0, "url") }.flatMap { tape.string($0) },
            attribution: credits.isEmpty ? nil : credits.joined(separator: " | "),
            firstSeen: observedAt, lastSeen: observedAt)
    }

    /// Merges another sighting: the seen range widens, descriptive fields come from the latest
    /// sighting (ties broken on content, so the result never depends on the order of merging).
    mutating func merge(_ other: StationObservation) {
        let first = min(firstSeen, other.firstSeen), last = max(lastSeen, other.lastSeen)
        if other.lastSeen > lastSeen || (other.lastSeen == lastSeen && other.sortText > sortText) { self = other }
        firstSeen = first
        lastSeen = last
    }

    private var sortText: String {
        [name ?? "", url ?? "", attribution ?? "", latitude.map { "\($0)" } ?? "", longitude.map { "\($0)" } ?? ""].joined(separator: "\u{1}")
    }

    var values: [String: CellValue] {
        ["station_id": .int(stationID), "name": name.map { .text($0) } ?? .null,
         "lat": latitude.map { .double($0) } ?? .null, "lon": longitude.map { .double($0) } ?? .null,
         "url": url.map { .text($0) } ?? .null, "attribution": attribution.map { .text($0) } ?? .null,
         "first_seen": .timestamp(firstSeen), "last_seen": .timestamp(lastSeen)]
    }
}

/// `silver/stations/stations.csv`, the AQICN stations dimension: one row per station id.
struct StationsTable {
    let url: URL
    let builder: RowBuilder
    private(set) var stations: [Int: StationObservation] = [:]

    init(lake: Lake, builder: RowBuilder) throws {
        url = lake.silver.appendingPathComponent("stations/stations.csv")
        self.builder = builder
        guard let data = FileManager.default.contents(atPath: url.path) else { return }
        let records = try CSVReader.parse(String(decoding: data, as: UTF8.self))
        guard let header = records.first?.fields, header.joined(separator: ",") == builder.schema.header else {
            throw CurateError.partitionMismatch(path: url.path, table: "stations")
        }
        func column(_ fields: [String], _ name: String) -> String? {
            guard let i = header.firstIndex(of: name), i < fields.count, !fields[i].isEmpty else { return nil }
            return fields[i]
        }
        for record in records.dropFirst() {
            let f = record.fields
            guard let id = column(f, "station_id").flatMap({ Int($0) }),
                  let first = column(f, "first_seen").flatMap(Timestamp.parse),
                  let last = column(f, "last_seen").flatMap(Timestamp.parse) else { continue }
            stations[id] = StationObservation(
                stationID: id, name: column(f, "name"), latitude: column(f, "lat").flatMap { Double($0) },
                longitude: column(f, "lon").flatMap { Double($0) }, url: column(f, "url"),
                attribution: column(f, "attribution"),
                firstSeen: Int(first.timeIntervalSince1970), lastSeen: Int(last.timeIntervalSince1970))
        }
    }

    /// Records the sighting of station `stationID` in the AQICN `data` object of `tape`.
    mutating func observe(_ tape: JSONTape, data: Int, stationID: Int, observedAt: Int) {
        var hasher = Hasher()
        func combine(_ name: StaticString) {
            if let node = tape.member(data, utf8: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)) {
                tape.rawBytes(node).withUnsafeBytes { hasher.combine(bytes: $0) }
            }
            hasher.combine(0xFF as UInt8)
        }
        combine("city")
        combine("attributions")
        let hash = hasher.finalize()
        if var existing = stations[stationID], existing.sourceHash == hash {
            existing.firstSeen = min(existing.firstSeen, observedAt)
            existing.lastSeen = max(existing.lastSeen, observedAt)
            stations[stationID] = existing
            return
        }
        var observation = StationObservation.from(tape, data: data, stationID: stationID, observedAt: observedAt)
        observation.sourceHash = hash
        merge(observation)
    }

    mutating func merge(_ observation: StationObservation) {
        if var existing = stations[observation.stationID] {
            existing.merge(observation)
            stations[observation.stationID] = existing
        } else {
            stations[observation.stationID] = observation
        }
    }

    /// Writes the table; returns the bytes written.
    @discardableResult
    func write() throws -> [UInt8] {
        var partition = SilverPartition(empty: url, builder: builder)
        var corrections: [String: Int] = [:]
        partition.merge(stations.values.compactMap { station in
            if case .success(let row) = builder.row(named: station.values, corrections: &corrections) { return row }
            return nil
        })
        AtomicFile.cleanTemporaries(in: url.deletingLastPathComponent())
        let bytes = partition.render()
        try AtomicFile.write(bytes, to: url)   // header only when no station yet
        return bytes
    }
}
