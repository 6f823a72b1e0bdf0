import Foundation

/// A condition observed as active by one evaluation (a check, a collection run, a gold episode):
/// what ``AlertCenter/evaluate(_:scope:)`` turns into incidents. The caller passes every signal it
/// observed, together with the ``AlertScope`` it evaluated; incidents of that scope that are no
/// longer signalled resolve.
///
/// Build signals with the catalogue (``sourceDown(source:details:investigate:)``,
/// ``checkFailed(check:title:details:city:source:table:severity:investigate:)``,
/// ``exceedance(threshold:cityID:cityName:since:details:investigate:)``,
/// ``heatwave(cityID:cityName:since:details:investigate:)``) so keys and titles stay consistent,
/// or with ``init(key:kind:severity:title:location:since:details:investigate:)`` for a new kind.
///
/// ```swift
/// let signal = IncidentSignal(key: "job:aggregate", kind: .job, severity: .critical,
///                             title: "Échec de goodair aggregate", details: "disque plein",
///                             investigate: "goodair aggregate --log-level debug")
/// ```
public struct IncidentSignal: Sendable, Hashable {
    /// The incident's stable key: the same condition must give the same key on every evaluation.
    public var key: String
    public var kind: IncidentKind
    public var severity: IncidentSeverity
    /// French one-line title (the mail subject after `[GoodAir] Ouvert : `).
    public var title: String
    public var location: IncidentLocation
    /// When the condition began, if the caller knows (an episode's first hour); default: the
    /// evaluation's instant. Never later than the evaluation.
    public var since: Date?
    /// What is observed, in French (a sentence or two: figures, files, counts).
    public var details: String
    /// The command a data engineer runs to look into it.
    public var investigate: String?

    public init(key: String, kind: IncidentKind, severity: IncidentSeverity, title: String,
                location: IncidentLocation = IncidentLocation(), since: Date? = nil, details: String = "",
                investigate: String? = nil) {
        self.key = key
        self.kind = kind
        self.severity = severity
        self.title = title
        self.location = location
        self.since = since
        self.details = details
        self.investigate = investigate
    }
}

/// The incidents one evaluation looked at: those that are in scope and not signalled resolve.
///
/// Default: ``nothing`` would resolve nothing; a caller names what it evaluated.
///
/// ```swift
/// AlertScope.kinds([.check])                                  // goodair check over the whole lake
/// AlertScope(kinds: [.check], cities: ["paris", "lyon"])      // goodair check --cities paris,lyon
/// AlertScope.keyPrefixes(["source-down:aqicn"])               // one source only
/// ```
public struct AlertScope: Sendable, Hashable {
    /// Kinds evaluated; empty means every kind.
    public var kinds: Set<IncidentKind>
    /// Cities evaluated; nil means all. An incident with no city is in a city-restricted scope
    /// only if ``includesLakeWide`` is true.
    public var cities: Set<String>?
    /// Sources evaluated; nil means all (same rule for incidents with no source).
    public var sources: Set<String>?
    /// Keys must start with one of these; empty means any key.
    public var keyPrefixes: [String]
    /// Whether an incident without a city (or source) is evaluated by a city (source) restricted scope.
    public var includesLakeWide: Bool
    /// False only for ``nothing``.
    private var evaluatesAnything = true

    public init(kinds: Set<IncidentKind> = [], cities: Set<String>? = nil, sources: Set<String>? = nil,
                keyPrefixes: [String] = [], includesLakeWide: Bool = false) {
        self.kinds = kinds
        self.cities = cities
        self.sources = sources
        self.keyPrefixes = keyPrefixes
        self.includesLakeWide = includesLakeWide
    }

    /// Every incident: what signals are not given for resolves.
    public static let everything = AlertScope()
    /// No incident: nothing resolves (an evaluation that only retries the outbox).
    public static let nothing: AlertScope = {
        var scope = AlertScope()
        scope.evaluatesAnything = false
        return scope
    }()

    public static func kinds(_ kinds: Set<IncidentKind>) -> AlertScope { AlertScope(kinds: kinds) }
    public static func keyPrefixes(_ prefixes: [String]) -> AlertScope { AlertScope(keyPrefixes: prefixes) }

    /// Whether `incident` was evaluated, so that its absence from the signals resolves it.
    public func contains(_ incident: Incident) -> Bool {
        guard evaluatesAnything else { return false }
        if !kinds.isEmpty && !kinds.contains(incident.kind) { return false }
        if !keyPrefixes.isEmpty && !keyPrefixes.contains(where: { incident.key.hasPrefix($0) }) { return false }
        if let cities {
            guard let city = incident.location.city else { return includesLakeWide }
            if !cities.contains(city) { return false }
        }
        if let sources {
            guard let source = incident.location.source else { return includesLakeWide }
            if !sources.contains(source) { return false }
        }
        return true
    }
}
