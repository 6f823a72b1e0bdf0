/// What to collect: hours × cities × sources.
public struct CollectPlan: Sendable {
    public var hours: [Hour]
    public var cities: [City]
    public var sources: [Source]

    public init(hours: [Hour], cities: [City], sources: [Source] = Source.allCases) {
        self.hours = hours
        self.cities = cities
        self.sources = sources
    }
}

extension CollectPlan {
    /// What lineage records of a plan: its hours (first and last), cities and sources.
    var lineageParameters: [String: String] {
        var parameters = ["cities": "\(cities.count)", "sources": sources.map(\.rawValue).joined(separator: ",")]
        if let first = hours.min(), let last = hours.max() {
            parameters["from_hour"] = first.description
            parameters["to_hour"] = last.description
        }
        return parameters
    }
}
