import Foundation
import Logging

/// Curates one bronze (source, date): every snapshot its manifests list that the ledger has not
/// seen, then the silver partitions and the stations its rows touch, then the ledger (in that
/// order, so a kill at any point is repaired by running again).
struct CurateBatch {
    let lake: Lake
    let schemas: CurationSchemas
    let source: Source
    let date: String
    let logger: Logger
    private var ledger: CurateLedger
    /// New rows by observation date.
    private var rows: [String: [SilverRow]] = [:]

    init(lake: Lake, schemas: CurationSchemas, source: Source, date: String, logger: Logger) {
        self.lake = lake
        self.schemas = schemas
        self.source = source
        self.date = date
        self.logger = logger
        self.ledger = CurateLedger(lake: lake, source: source, date: date)
    }

    mutating func run(report: inout CurateReport, stations: inout StationsTable) throws {
        var changed = false
        for hour in BronzeIndex.hours(lake: lake, source: source, date: date) {
            let folder = lake.bronzeHourFolder(source: source, hour: hour)
            guard let inputs = try ManifestEntry.read(folder: folder) else { continue }
            let folderPath = folder.path + "/"
            for record in inputs {
                guard let file = record.file, let sha256 = record.sha256 else { continue }
                let path = "hour=\(hour.hourString)/\(file)"
                if ledger.contains(path, sha256: sha256) {
                    report.alreadyCurated += 1
                    continue
                }
                guard let stored = FileManager.default.contents(atPath: folderPath + file) else { continue }
                report.snapshotsRead += 1
                let outcome = try curate(Array(stored), record: record, hour: hour, report: &report, stations: &stations)
                ledger.record(path, sha256: sha256, outcome: outcome)
                changed = true
            }
        }
        guard changed else { return }
        let table = CurationSchemas.table(of: source)
        let builder = schemas.builders[table]!
        for observed in rows.keys.sorted() {
            var partition = try SilverPartition(url: SilverPartition.url(lake: lake, table: table, date: observed), builder: builder)
            for row in rows[observed]! {
                if partition.merge(row) { report.duplicatesMerged += 1 } else { report.rowsAdded[table, default: 0] += 1 }
            }
            try partition.write()
            report.partitionsWritten += 1
        }
        // Stations before the ledger too: a batch the ledger records must be in every file.
        if source == .aqicn { try stations.write() }
        try ledger.write()
    }

    /// Judges one snapshot; returns the ledger outcome (`silver`, or `quarantine:<reason>`).
    private mutating func curate(_ stored: [UInt8], record: ManifestEntry, hour: Hour,
                                 report: inout CurateReport, stations: inout StationsTable) throws -> String {
        func quarantine(_ reason: QuarantineReason, _ detail: String, failure: ValidationFailure? = nil) throws -> String {
            let bronzePath = lake.relativePath(lake.bronzeHourFolder(source: source, hour: hour).appendingPathComponent(record.file!))
            report.quarantined[reason, default: 0] += 1
            try Quarantine(lake: lake).put(stored, source: source, hour: hour, name: record.file!, sidecar: .init(
                bronze: bronzePath, sha256: record.sha256 ?? "", reason: reason.rawValue, detail: detail,
                schema: failure == nil ? nil : CurationSchemas.payloadFiles[source],
                instanceLocation: failure?.instanceLocation, keywordLocation: failure?.keywordLocation))
            logger.debug("curate.quarantine", metadata: ["bronze": "\(bronzePath)", "reason": "\(reason.rawValue)"])
            return "quarantine:\(reason.rawValue)"
        }
        guard record.outcome == .ok else { return try quarantine(.fetchFailed, record.error ?? "the fetch failed") }
        guard let raw = try? Gzip.decompress(stored) else { return try quarantine(.notJSON, "not a gzip file") }
        guard Checksum.sha256Hex(raw) == record.sha256 else {
            return try quarantine(.checksumMismatch, "the bytes do not match the manifest's sha256")
        }
        let tape: JSONTape
        do { tape = try JSONTape(parsing: raw) } catch { return try quarantine(.notJSON, "\(error)") }
        let failures = schemas.payload[source]!.validate(tape, tape.root)
        if let first = failures.first {
            return try quarantine(.schema, "\(first.instanceLocation): \(first.message)", failure: first)
        }
        let context = SnapshotContext(cityID: record.cityID, collectedAt: hour.index * 3600, requestURL: record.url)
        let extraction: Extraction
        switch source {
        case .aqicn: extraction = AQICNExtractor.extract(tape, context: context)
        case .owmWeather: extraction = OWMWeatherExtractor.extract(tape, context: context)
        case .owmAir: extraction = OWMAirExtractor.extract(tape, context: context)
        }
        if let problem = extraction.problem { return try quarantine(.noObservation, problem) }
        let builder = schemas.builders[extraction.table]!
        switch builder.row(extraction.values, corrections: &report.corrections) {
        case .failure(let error):
            return try quarantine(.noObservation, error.description)
        case .success(let row):
            guard case .timestamp(let observed)? = extraction.values["observed_at"] else {
                return try quarantine(.noObservation, "no observed_at")
            }
            rows[CivilTime.dateString(days: CivilTime.floorDiv(observed, 86_400)), default: []].append(row)
            if let station = extraction.station { stations.merge(station) }
            return "silver"
        }
    }
}
