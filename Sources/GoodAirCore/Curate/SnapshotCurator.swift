import Foundation
import Logging

/// Judges the snapshots of one source, one at a time: gunzip, checksum, parse, validate, extract,
/// and build the silver row — or put the snapshot in quarantine with the reason.
struct SnapshotCurator {
    /// What became of a snapshot.
    enum Outcome {
        /// A silver row for the partition of `day` (days since 1970, the observation's UTC date).
        case row(SilverRow, day: Int)
        /// In quarantine, with the files written there.
        case quarantined(QuarantineReason, files: [LineageFile])

        /// The ledger's text: `silver` or `quarantine:<reason>`.
        var ledgerText: String {
            switch self {
            case .row: return "silver"
            case .quarantined(let reason, _): return "quarantine:\(reason.rawValue)"
            }
        }
    }

    let lake: Lake
    let source: Source
    let table: String
    let logger: Logger
    private let payload: JSONSchema
    private let builder: RowBuilder
    private let layout: RowLayout

    init(lake: Lake, schemas: CurationSchemas, source: Source, logger: Logger) {
        self.lake = lake
        self.source = source
        self.table = CurationSchemas.table(of: source)
        self.logger = logger
        self.payload = schemas.payload[source]!
        self.builder = schemas.builders[table]!
        self.layout = schemas.layouts[source]!
    }

    /// Judges one snapshot (`stored`: the bronze file's bytes as read).
    func curate(_ stored: UnsafeRawBufferPointer, record: ManifestEntry, hour: Hour, reader: GzipFileReader,
                         report: inout CurateReport, stations: inout StationsTable) throws -> Outcome {
        let verdict = judge(stored, record: record, hour: hour, reader: reader, report: &report, stations: &stations)
        switch verdict {
        case .success(let outcome):
            return outcome
        case .failure(let rejection):
            let file = record.file ?? ""
            let bronzePath = lake.relativePath(lake.bronzeHourFolder(source: source, hour: hour).appendingPathComponent(file))
            report.quarantined[rejection.reason, default: 0] += 1
            let files = try Quarantine(lake: lake).put(Array(stored), source: source, hour: hour, name: file, sidecar: .init(
                bronze: bronzePath, sha256: record.sha256 ?? "", reason: rejection.reason.rawValue, detail: rejection.detail,
                schema: rejection.failure == nil ? nil : CurationSchemas.payloadFiles[source],
                instanceLocation: rejection.failure?.instanceLocation, keywordLocation: rejection.failure?.keywordLocation))
            logger.debug("curate.quarantine", metadata: ["bronze": "\(bronzePath)", "reason": "\(rejection.reason.rawValue)"])
            return .quarantined(rejection.reason, files: files)
        }
    }

    /// Why a snapshot goes to quarantine.
    struct Rejection: Error {
        let reason: QuarantineReason
        let detail: String
        var failure: ValidationFailure?
    }

    private func judge(_ stored: UnsafeRawBufferPointer, record: ManifestEntry, hour: Hour, reader: GzipFileReader,
                       report: inout CurateReport, stations: inout StationsTable) -> Result<Outcome, Rejection> {
        guard record.outcome == .ok else { return .failure(Rejection(reason: .fetchFailed, detail: record.error ?? "the fetch failed")) }
        // No CRC: the manifest's sha256, checked next, vouches for every byte.
        guard let raw = try? reader.inflated(stored, checkCRC: false) else { return .failure(Rejection(reason: .notJSON, detail: "not a gzip file")) }
        guard Checksum.sha256(of: raw, matches: record.sha256 ?? "") else {
            return .failure(Rejection(reason: .checksumMismatch, detail: "the bytes do not match the manifest's sha256"))
        }
        let tape: JSONTape
        do { tape = try JSONTape(parsing: Array(raw)) } catch {
            return .failure(Rejection(reason: .notJSON, detail: "\(error)"))
        }
        if !payload.isValid(tape, tape.root), let first = payload.validate(tape, tape.root).first {
            return .failure(Rejection(reason: .schema, detail: "\(first.instanceLocation): \(first.message)", failure: first))
        }
        let context = SnapshotContext(cityID: record.cityID, collectedAt: hour.index * 3600, requestURL: record.url)
        let extraction: Extraction
        switch source {
        case .aqicn: extraction = AQICNExtractor.extract(tape, context: context)
        case .owmWeather: extraction = OWMWeatherExtractor.extract(tape, context: context)
        case .owmAir: extraction = OWMAirExtractor.extract(tape, context: context)
        }
        if let problem = extraction.problem { return .failure(Rejection(reason: .noObservation, detail: problem)) }
        switch builder.row(extraction.values, layout: layout, corrections: &report.corrections) {
        case .failure(let error):
            return .failure(Rejection(reason: .noObservation, detail: error.description))
        case .success(let row):
            if let station = extraction.station {
                stations.observe(tape, data: station.data, stationID: station.id, observedAt: extraction.observedAt)
            }
            return .success(.row(row, day: CivilTime.floorDiv(extraction.observedAt, 86_400)))
        }
    }
}
