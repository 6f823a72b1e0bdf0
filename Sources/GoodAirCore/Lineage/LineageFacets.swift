/// The facets GoodAir writes in its OpenLineage events. Standard facets carry the `_schemaURL`
/// of their OpenLineage definition; GoodAir's own (`goodair_*`) point to their JSON Schema in
/// `schemas/lineage/`.
enum FacetURL {
    static let standard = "https://openlineage.io/spec/facets"
    static let own = "urn:goodair-lake:schemas:lineage:runevent.schema.json"
}

/// Why a run failed (standard `errorMessage` run facet).
public struct ErrorMessageFacet: Codable, Sendable, Equatable {
    public var _producer = LineageEvent.producer
    public var _schemaURL = "\(FacetURL.standard)/1-0-1/ErrorMessageRunFacet.json#/$defs/ErrorMessageRunFacet"
    /// The error's plain description (never a secret: error types here never print one).
    public var message: String
    public var programmingLanguage = "Swift"
}

/// What kind of job (standard `jobType` job facet).
public struct JobTypeFacet: Codable, Sendable, Equatable {
    public var _producer = LineageEvent.producer
    public var _schemaURL = "\(FacetURL.standard)/2-0-3/JobTypeJobFacet.json#/$defs/JobTypeJobFacet"
    public var processingType = "BATCH"
    public var integration = "GOODAIR"
    public var jobType = "JOB"
}

/// A table's columns (standard `schema` dataset facet), from `schemas/table/<table>.table.json`.
public struct SchemaFacet: Codable, Sendable, Equatable {
    public struct Field: Codable, Sendable, Equatable {
        public var name: String
        public var type: String
        public var description: String?
    }
    public var _producer = LineageEvent.producer
    public var _schemaURL = "\(FacetURL.standard)/1-1-1/SchemaDatasetFacet.json#/$defs/SchemaDatasetFacet"
    public var fields: [Field]
}

/// Rows and bytes written (standard `outputStatistics` output facet).
public struct OutputStatisticsFacet: Codable, Sendable, Equatable {
    public var _producer = LineageEvent.producer
    public var _schemaURL = "\(FacetURL.standard)/1-0-2/OutputStatisticsOutputDatasetFacet.json#/$defs/OutputStatisticsOutputDatasetFacet"
    public var rowCount: Int
    public var size: Int
    public var fileCount: Int
}

/// Rows and bytes read (standard `dataQualityMetrics` input facet).
public struct DataQualityMetricsFacet: Codable, Sendable, Equatable {
    public var _producer = LineageEvent.producer
    public var _schemaURL = "\(FacetURL.standard)/1-0-2/DataQualityMetricsInputDatasetFacet.json#/$defs/DataQualityMetricsInputDatasetFacet"
    public var rowCount: Int?
    public var bytes: Int
    public var fileCount: Int
}

/// GoodAir's own dataset facet: every file of the dataset this run read or wrote, with its size
/// and sha256, and for outputs the files it was made from.
///
/// For bronze snapshots `sha256` is the manifest's: the checksum of the payload as received
/// (before gzip), the one curation checks; for every other file it is of the bytes on disk.
public struct GoodAirFilesFacet: Codable, Sendable, Equatable {
    public var _producer = LineageEvent.producer
    public var _schemaURL = "\(FacetURL.own)#/$defs/GoodAirFilesFacet"
    public var files: [LineageFile]
    /// Lake paths of the input files this dataset was made from (outputs only).
    public var derivedFrom: [String]?
    /// True for a dataset this run removed (archived, expired or emptied).
    public var removed: Bool?
}

/// GoodAir's own run facet: the program and how it was asked to run.
public struct GoodAirRunFacet: Codable, Sendable, Equatable {
    public var _producer = LineageEvent.producer
    public var _schemaURL = "\(FacetURL.own)#/$defs/GoodAirRunFacet"
    public var programVersion = GoodAirVersion.current
    /// The job's parameters that change what it does (`rebuild`, `from`, `hour`…), never a secret.
    public var parameters: [String: String]
    /// The run's instant as the job saw it (`--now` replays show here).
    public var nominalTime: String
    /// Where the run stored and processed the lake's data, as declared (LAKE.md §7). Absent
    /// from events written before locations were declared.
    public var locations: Locations?

    /// The declared storage and processing locations, as ISO 3166 codes (`FR`, `FR-IDF`).
    public struct Locations: Codable, Sendable, Equatable {
        public var storage: String
        public var processing: String

        public init(_ locations: DataLocations) {
            storage = locations.storage.description
            processing = locations.processing.description
        }
    }
}

/// GoodAir's own run facet: data quality counts of a run (collection, curation); a count that
/// does not apply to the job is absent.
public struct GoodAirQualityFacet: Codable, Sendable, Equatable {
    public var _producer = LineageEvent.producer
    public var _schemaURL = "\(FacetURL.own)#/$defs/GoodAirQualityFacet"
    public var snapshotsRead: Int?
    /// Quarantined snapshots by reason.
    public var quarantined: [String: Int]?
    /// Values turned into NULL by range checks, by `table.column`.
    public var corrected: [String: Int]?
    public var duplicatesMerged: Int?
    /// Fetches that stored a snapshot, and fetches that failed (collection).
    public var fetched: Int?
    public var failed: Int?

    public init(snapshotsRead: Int? = nil, quarantined: [String: Int]? = nil, corrected: [String: Int]? = nil,
                duplicatesMerged: Int? = nil, fetched: Int? = nil, failed: Int? = nil) {
        self.snapshotsRead = snapshotsRead
        self.quarantined = quarantined
        self.corrected = corrected
        self.duplicatesMerged = duplicatesMerged
        self.fetched = fetched
        self.failed = failed
    }
}
