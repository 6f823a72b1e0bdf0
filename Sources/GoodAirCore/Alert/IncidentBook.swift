import Foundation

/// Every incident open or recently resolved, and the mails not yet accepted by the SMTP server,
/// in one file: `_state/incidents/incidents.json`, written atomically (``AtomicFile``) after
/// every change, so a reader or a job killed at any instant sees one whole state.
///
/// ```swift
/// let book = try IncidentBook.load(from: lake)
/// book.open.map(\.title)        // ["NO2 au-dessus du seuil d'information à Paris"]
/// book.outbox.count             // mails waiting for the SMTP server
/// ```
public struct IncidentBook: Codable, Sendable, Hashable {
    /// The format version of the file.
    public var version = 1
    /// Open incidents and those resolved within ``AlertPolicy/keepResolved``, by opening instant.
    public internal(set) var incidents: [Incident] = []
    public internal(set) var outbox = Outbox()

    public init() {}

    /// `_state/incidents/`.
    public static func folder(in lake: Lake) -> URL { lake.state.appendingPathComponent("incidents", isDirectory: true) }
    /// `_state/incidents/incidents.json`.
    public static func file(in lake: Lake) -> URL { folder(in: lake).appendingPathComponent("incidents.json") }

    /// Open incidents, most severe first, then oldest first.
    public var open: [Incident] {
        incidents.filter(\.isOpen).sorted(by: Incident.mostSevereFirst)
    }

    /// Resolved incidents, most recently resolved first.
    public var resolved: [Incident] {
        incidents.filter { !$0.isOpen }.sorted { ($0.resolvedAt ?? $0.lastSeen, $0.key) > ($1.resolvedAt ?? $1.lastSeen, $1.key) }
    }

    /// The book of `lake`; an empty one when there is none yet.
    public static func load(from lake: Lake) throws -> IncidentBook {
        let url = file(in: lake)
        guard let data = FileManager.default.contents(atPath: url.path) else { return IncidentBook() }
        do {
            return try decoder.decode(IncidentBook.self, from: data)
        } catch {
            throw AlertError.corruptState(path: lake.relativePath(url), reason: "not an incident book (\(type(of: error)))")
        }
    }

    /// Writes the book atomically and durably.
    public func save(to lake: Lake) throws {
        let data = try Self.encoder.encode(self)
        try AtomicFile.write(Array(data) + [0x0A], to: Self.file(in: lake))
    }

    /// The open incident with `key`.
    func openIndex(_ key: String) -> Int? { incidents.firstIndex { $0.key == key && $0.isOpen } }

    /// Records that the server accepted `mail` at `now`: out of the outbox, and its incidents'
    /// ``Incident/lastMailAt`` (and reminder count) updated.
    mutating func markDelivered(_ mail: OutboxMail, at now: Date) {
        outbox.remove(mail.id)
        let ids = Set(mail.incidents.map(\.id))
        for index in incidents.indices where ids.contains(incidents[index].id) {
            incidents[index].lastMailAt = now
            if mail.purpose == .reminder { incidents[index].remindersSent += 1 }
        }
    }

    /// Forgets resolved incidents older than `keep` seconds.
    mutating func prune(keep: Double, at now: Date) {
        incidents.removeAll { !$0.isOpen && now.timeIntervalSince($0.resolvedAt ?? $0.lastSeen) > keep }
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamp.format(date))
        }
        return encoder
    }()

    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = Timestamp.parse(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a timestamp")
            }
            return date
        }
        return decoder
    }()
}
