/// A declared storage or processing location that GDPR care refuses (LAKE.md §7). A
/// configuration mistake: the command exits 2, before it reads or writes anything.
public enum LocationError: Error, Equatable, CustomStringConvertible {
    /// Not an ISO 3166 code such as `FR` or `FR-IDF`.
    case malformed(variable: String, value: String)
    /// A country outside the European Union.
    case outsideEU(variable: String, country: String)

    public var description: String {
        switch self {
        case .malformed(let variable, let value):
            return "\(variable): '\(value.prefix(40))' is not a location; give an EU member state's ISO 3166 code, such as FR or FR-IDF"
        case .outsideEU(let variable, let country):
            return "\(variable): \(country) is outside the European Union, and the lake's data is stored and processed "
                + "in the EU only (LAKE.md §7); give an EU member state's ISO 3166 code, such as FR or FR-IDF"
        }
    }
}
