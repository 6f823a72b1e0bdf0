import Foundation

/// Something wrong that GoodAir tells people about, from the moment it is first signalled until
/// it is no longer: a source down, a failed data check, a pollution episode, a heatwave.
///
/// An incident is identified by its stable ``key`` while it is open; once resolved, a new signal
/// with the same key opens a new incident (``id`` adds the instant of the evaluation that opened it). Incidents are kept
/// in `_state/incidents/incidents.json` by ``IncidentBook``.
///
/// ```swift
/// let signal = IncidentSignal.sourceDown(source: "aqicn", details: "12 échecs sur 26 villes")
/// // after AlertCenter.evaluate([signal], scope: .kinds([.sourceDown])):
/// incident.key       // "source-down:aqicn"
/// incident.state     // .open
/// ```
public struct Incident: Codable, Sendable, Hashable, Identifiable {
    /// Open while signalled; resolved when an evaluation of its scope no longer signals it.
    public enum State: String, Codable, Sendable {
        case open, resolved
    }

    /// Stable key, e.g. `source-down:aqicn`, `check:freshness:owm_air:paris`,
    /// `episode:exceedance:paris:no2:fr_information`, `episode:heatwave:lyon`.
    public var key: String
    public var kind: IncidentKind
    public var severity: IncidentSeverity
    /// French one-line title, used in mail subjects: « NO2 au-dessus du seuil d'information à Paris ».
    public var title: String
    /// Where: city, source, table (each optional).
    public var location: IncidentLocation
    /// First seen (or the start the signal gave, for an episode that began earlier).
    public var since: Date
    /// The evaluation that opened it (``since`` may be earlier, for an episode that began before).
    public var openedAt: Date
    /// The last evaluation that signalled it.
    public var lastSeen: Date
    public var state: State
    /// The evaluation that found it gone; nil while open.
    public var resolvedAt: Date?
    /// Reminder mails the SMTP server accepted.
    public var remindersSent: Int
    /// When the SMTP server last accepted a mail about it (opening or reminder); nil before.
    public var lastMailAt: Date?
    /// The command to investigate, e.g. `goodair check --from 2026-11-29`.
    public var investigate: String?
    /// What the last signal said, in French.
    public var details: String

    /// `key@openedAt`: unique across the book, also once the same key opens again.
    public var id: String { "\(key)@\(Timestamp.format(openedAt))" }

    /// Whether the incident is open.
    public var isOpen: Bool { state == .open }

    /// A new open incident from its first signal, seen at `now`.
    init(opening signal: IncidentSignal, at now: Date) {
        key = signal.key
        kind = signal.kind
        severity = signal.severity
        title = signal.title
        location = signal.location
        since = min(signal.since.map(Incident.whole) ?? now, now)
        openedAt = now
        lastSeen = now
        state = .open
        resolvedAt = nil
        remindersSent = 0
        lastMailAt = nil
        investigate = signal.investigate
        details = signal.details
    }

    /// Takes what a later signal says (title, details, severity may change while it lasts).
    mutating func refresh(with signal: IncidentSignal, at now: Date) {
        severity = signal.severity
        title = signal.title
        location = signal.location
        investigate = signal.investigate
        details = signal.details
        lastSeen = now
    }

    /// Most severe first, then oldest, then by key: the order of mails, pages and `alert status`.
    public static func mostSevereFirst(_ a: Incident, _ b: Incident) -> Bool {
        (a.severity, b.since, b.key) > (b.severity, a.since, a.key)
    }

    /// `date` rounded down to the second, as the book stores it (so memory and file agree).
    static func whole(_ date: Date) -> Date { Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down)) }
}

/// The family of an incident. Open-ended: a caller may add its own (`IncidentKind("warehouse")`).
///
/// ```swift
/// IncidentKind.sourceDown.rawValue   // "source-down"
/// ```
public struct IncidentKind: RawRepresentable, Codable, Hashable, Sendable, Comparable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// A source (API) answered no fetch of a collection run.
    public static let sourceDown = IncidentKind("source-down")
    /// A data-quality or pipeline-health check failed (`goodair check`).
    public static let check = IncidentKind("check")
    /// A pollution episode above a regulatory or guideline threshold (gold `exceedances`).
    public static let exceedance = IncidentKind("exceedance")
    /// A heatwave by Météo-France's method (gold `heatwaves`).
    public static let heatwave = IncidentKind("heatwave")
    /// A job of the hourly chain failed (`goodair run`).
    public static let job = IncidentKind("job")
    /// The test mail of `goodair alert test`.
    public static let test = IncidentKind("test")

    public var description: String { rawValue }
    public static func < (lhs: IncidentKind, rhs: IncidentKind) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// How serious an incident is; ordered, `critical` highest.
public enum IncidentSeverity: String, Codable, Sendable, Comparable, CaseIterable {
    case info, warning, critical

    /// French label: « information », « avertissement », « critique ».
    public var french: String {
        switch self {
        case .info: return "information"
        case .warning: return "avertissement"
        case .critical: return "critique"
        }
    }

    private var rank: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (lhs: IncidentSeverity, rhs: IncidentSeverity) -> Bool { lhs.rank < rhs.rank }
}

/// Where an incident is: any of a city id, a source and a table.
///
/// ```swift
/// IncidentLocation(city: "paris", source: "owm_air", table: "silver/air_pollution").french
/// // "ville paris, source owm_air, table silver/air_pollution"
/// ```
public struct IncidentLocation: Codable, Sendable, Hashable {
    public var city: String?
    public var source: String?
    public var table: String?

    public init(city: String? = nil, source: String? = nil, table: String? = nil) {
        self.city = city
        self.source = source
        self.table = table
    }

    /// « ville paris, source owm_air » — or « tout le lac » when nothing is given.
    public var french: String {
        let parts = [city.map { "ville \($0)" }, source.map { "source \($0)" }, table.map { "table \($0)" }].compactMap { $0 }
        return parts.isEmpty ? "tout le lac" : parts.joined(separator: ", ")
    }
}
