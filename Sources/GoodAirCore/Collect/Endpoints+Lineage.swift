extension Endpoints {
    /// The API a source reads, as a lineage dataset: the base URL without credentials as the
    /// namespace, the endpoint's path as the name (`https://api.waqi.info`, `/feed`). Never a secret.
    public func lineageDataset(for source: Source) -> (namespace: String, name: String) {
        switch source {
        case .aqicn: return (Self.withoutUserinfo(aqicnBaseURL), "/feed")
        case .owmWeather: return (Self.withoutUserinfo(owmBaseURL), "/data/2.5/weather")
        case .owmAir: return (Self.withoutUserinfo(owmBaseURL), "/data/2.5/air_pollution")
        }
    }
}
