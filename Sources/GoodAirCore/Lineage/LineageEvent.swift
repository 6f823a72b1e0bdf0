import Foundation

/// An OpenLineage RunEvent, spec 2-0-2 (https://openlineage.io/spec/2-0-2/OpenLineage.json):
/// one line of a `_lineage/date=YYYY-MM-DD/<job>-<run-id>.jsonl` file. A run writes `START`,
/// then `COMPLETE` or `FAIL` with the same `run.runId`.
///
/// Datasets are named by their path in the lake (`silver/weather/date=2026-07-14`) in the
/// namespace ``LineageEvent/namespace``, so the names stay true when the lake folder moves.
public struct LineageEvent: Codable, Sendable, Equatable {
    /// `START`, `RUNNING` (a long run's progress), `COMPLETE`, `FAIL` (also `ABORT`, `OTHER` in the spec; not written here).
    public enum EventType: String, Codable, Sendable {
        case start = "START", running = "RUNNING", complete = "COMPLETE", fail = "FAIL", abort = "ABORT", other = "OTHER"
    }

    /// The schema this event follows.
    public static let schemaURL = "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent"
    /// The namespace of the lake's jobs and datasets.
    public static let namespace = "goodair-lake"
    /// Who wrote the event: this program and its version.
    public static let producer = "urn:goodair-lake:goodair:\(GoodAirVersion.current)"

    public var eventType: EventType
    /// ISO 8601 UTC with milliseconds, `2026-07-14T10:05:00.123Z`.
    public var eventTime: String
    public var run: Run
    public var job: Job
    public var inputs: [Dataset]?
    public var outputs: [Dataset]?
    public var producer: String = LineageEvent.producer
    public var schemaURL: String = LineageEvent.schemaURL

    public struct Run: Codable, Sendable, Equatable {
        /// A UUID (lowercase), the job's own run id (also in manifests and logs as `run.id`).
        public var runId: String
        public var facets: RunFacets?
    }

    public struct Job: Codable, Sendable, Equatable {
        public var namespace: String = LineageEvent.namespace
        /// `collect`, `curate`, `aggregate`, `report`, `lifecycle`, `check`.
        public var name: String
        public var facets: JobFacets?
    }

    /// A dataset read or written: a partition of the lake (or a file where there is no partition).
    public struct Dataset: Codable, Sendable, Equatable {
        public var namespace: String = LineageEvent.namespace
        /// The partition's path in the lake, e.g. `bronze/source=aqicn/date=2026-07-14/hour=10`.
        public var name: String
        public var facets: DatasetFacets?
        public var inputFacets: InputFacets?
        public var outputFacets: OutputFacets?
    }

    public struct RunFacets: Codable, Sendable, Equatable {
        public var goodair_run: GoodAirRunFacet?
        public var goodair_quality: GoodAirQualityFacet?
        public var errorMessage: ErrorMessageFacet?
    }

    public struct JobFacets: Codable, Sendable, Equatable {
        public var jobType: JobTypeFacet?
    }

    public struct DatasetFacets: Codable, Sendable, Equatable {
        public var schema: SchemaFacet?
        public var goodair_files: GoodAirFilesFacet?
    }

    public struct InputFacets: Codable, Sendable, Equatable {
        public var dataQualityMetrics: DataQualityMetricsFacet?
    }

    public struct OutputFacets: Codable, Sendable, Equatable {
        public var outputStatistics: OutputStatisticsFacet?
    }
}
