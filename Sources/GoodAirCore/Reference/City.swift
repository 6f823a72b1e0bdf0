/// A commune of the référentiel (`reference/cities.csv`): where to collect, and the thresholds
/// that later jobs compare with.
public struct City: Sendable, Hashable, Codable {
    /// Lowercase ASCII slug, `[a-z0-9-]`, e.g. `saint-etienne`. Used in bronze file names.
    public var id: String
    public var name: String
    /// INSEE commune code, 5 characters (`75056`, `2A004`).
    public var inseeCode: String
    public var departmentCode: String
    public var region: String
    /// WGS84 degrees.
    public var latitude: Double
    public var longitude: Double
    /// INSEE municipal population.
    public var population: Int
    /// Météo-France heatwave threshold on the 3-day mean of daily minimum temperatures (IBMn), °C.
    public var heatwaveTminC: Double
    /// Météo-France heatwave threshold on the 3-day mean of daily maximum temperatures (IBMx), °C.
    public var heatwaveTmaxC: Double
    /// AQICN station uid; nil means the collector uses the geo feed at (lat, lon).
    public var aqicnUID: Int?

    public init(id: String, name: String, inseeCode: String, departmentCode: String, region: String,
                latitude: Double, longitude: Double, population: Int,
                heatwaveTminC: Double, heatwaveTmaxC: Double, aqicnUID: Int? = nil) {
        self.id = id
        self.name = name
        self.inseeCode = inseeCode
        self.departmentCode = departmentCode
        self.region = region
        self.latitude = latitude
        self.longitude = longitude
        self.population = population
        self.heatwaveTminC = heatwaveTminC
        self.heatwaveTmaxC = heatwaveTmaxC
        self.aqicnUID = aqicnUID
    }
}
