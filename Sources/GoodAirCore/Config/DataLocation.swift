/// A place where the lake's data is stored or processed: a member state of the European Union,
/// by its ISO 3166-1 alpha-2 code, optionally narrowed to a subdivision (ISO 3166-2), as in
/// `FR` or `FR-IDF`. A place outside the EU is not a `DataLocation`: GDPR care (LAKE.md §7)
/// keeps the lake in the EU, so it cannot be made.
///
/// Greece is `GR` in ISO 3166 and `EL` in the EU's own usage; both are accepted, and written `GR`.
///
/// ```swift
/// let paris = try DataLocation(parsing: "fr-idf")   // "FR-IDF"
/// try DataLocation(parsing: "US")                   // throws LocationError.outsideEU
/// ```
public struct DataLocation: Sendable, Hashable, CustomStringConvertible {
    /// The member state's ISO 3166-1 alpha-2 code, upper case (`FR`).
    public let country: String
    /// The subdivision's part of its ISO 3166-2 code (`IDF` for `FR-IDF`), when declared.
    public let subdivision: String?

    /// The 27 member states of the European Union (ISO 3166-1 alpha-2), as of 2026.
    public static let memberStates: [String] = [
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
        "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
    ]

    /// France, where the lab runs its lake: the default of both locations.
    public static let france = DataLocation(country: "FR", subdivision: nil)

    private init(country: String, subdivision: String?) {
        self.country = country
        self.subdivision = subdivision
    }

    /// Reads a declared location; `variable` names where it came from, for the error.
    /// - Throws: ``LocationError/malformed(variable:value:)`` when `text` is not such a code,
    ///   ``LocationError/outsideEU(variable:country:)`` when its country is not a member state.
    public init(parsing text: String, variable: String = "location") throws(LocationError) {
        // ASCII first: Unicode upper-casing would turn "ﬁ" into "FI".
        guard text.unicodeScalars.allSatisfy(\.isASCII) else { throw .malformed(variable: variable, value: text) }
        let trimmed = text.trimmingCharacters(in: .whitespaces).uppercased()
        let parts = trimmed.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let country = parts[0], subdivision = parts.count == 2 ? parts[1] : nil
        guard country.count == 2, country.allSatisfy(\.isASCIILetter),
              subdivision.map({ (1...3).contains($0.count) && $0.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit } }) ?? true else {
            throw .malformed(variable: variable, value: text)
        }
        let state = country == "EL" ? "GR" : country
        guard Self.memberStates.contains(state) else { throw .outsideEU(variable: variable, country: country) }
        self.init(country: state, subdivision: subdivision)
    }

    /// `FR` or `FR-IDF`.
    public var description: String { subdivision.map { "\(country)-\($0)" } ?? country }
}

/// Where the lake is stored and where its jobs run (LAKE.md §7), both in the EU. Declared by
/// `GOODAIR_STORAGE_LOCATION` and `GOODAIR_PROCESSING_LOCATION`; both default to France.
/// Every job refuses to start on a location outside the EU, and writes the declared locations in
/// the `goodair_run` facet of its lineage, so the record of a run says where it took place.
public struct DataLocations: Sendable, Hashable {
    /// Where the lake's files are (its disks, its backups).
    public var storage: DataLocation
    /// Where the jobs that read and write it run.
    public var processing: DataLocation

    public init(storage: DataLocation = .france, processing: DataLocation = .france) {
        self.storage = storage
        self.processing = processing
    }
}

extension Character {
    fileprivate var isASCIILetter: Bool { isASCII && isLetter }
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
