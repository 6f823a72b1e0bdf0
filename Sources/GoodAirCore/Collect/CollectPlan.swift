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
