import Foundation
import Logging
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Curates bronze (source, date) units: every snapshot their manifests list that their ledger has
/// not seen, keeping the rows in memory; then ``finish(report:stations:)`` writes the silver
/// partitions and the stations the rows touch, then the units' ledgers (in that order, so a kill
/// at any point is repaired by running again). The curator finishes a batch once it holds
/// ``rowLimit`` rows, which bounds memory whatever the size of the lake, and rewrites a
/// partition once per batch rather than once per bronze date.
struct CurateBatch {
    /// Rows held before the curator finishes the batch (10,000: about 5 days of every city and
    /// source, some 6 MB with their partitions and lineage).
    static let rowLimit = 10_000

    let lake: Lake
    let schemas: CurationSchemas
    let logger: Logger
    private var ledgers: [CurateLedger] = []
    /// New rows by table, then by observation day (days since 1970).
    private var rows: [String: [Int: [SilverRow]]] = [:]
    /// The bronze snapshots (lake paths) of those rows, for lineage.
    private var sources: [String: [Int: [String]]] = [:]
    private var stationSources: [String] = []
    private(set) var rowCount = 0
    private var touchesStations = false

    init(lake: Lake, schemas: CurationSchemas, logger: Logger) {
        self.lake = lake
        self.schemas = schemas
        self.logger = logger
    }

    var isEmpty: Bool { ledgers.isEmpty }

    /// Curates what is new in one bronze (source, date), reading every file through `reader`.
    mutating func add(_ unit: BronzeIndex.Unit, report: inout CurateReport, stations: inout StationsTable,
                      reader: GzipFileReader, lineage: inout LineageRecord) throws {
        var ledger = CurateLedger(lake: lake, source: unit.source, date: unit.date)
        let curator = SnapshotCurator(lake: lake, schemas: schemas, source: unit.source, logger: logger)
        var changed = false
        let datePath = lake.bronze.path + "/source=\(unit.source.rawValue)/date=\(unit.date)/"
        let lakeDatePath = "bronze/source=\(unit.source.rawValue)/date=\(unit.date)/"
        // This unit's table, taken out of the dictionaries while rows are added (so each row
        // costs one lookup by day, and the storage stays uniquely referenced), put back after.
        var tableRows = rows.removeValue(forKey: curator.table) ?? [:]
        var tableSources = sources.removeValue(forKey: curator.table) ?? [:]
        defer {
            rows[curator.table] = tableRows
            sources[curator.table] = tableSources
        }
        let hours = BronzeIndex.hours(lake: lake, source: unit.source, date: unit.date)
        for hour in hours {
            let hourName = "hour=\(hour.hourString)"
            let folder = datePath + hourName
            let directory = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard directory >= 0 else { continue }
            defer { close(directory) }
            let manifestKey = hourName + "/" + HourManifest.fileName
            let fingerprint = Self.fingerprint(of: HourManifest.fileName, in: directory)
            if let fingerprint, let seen = ledger.outcome(of: manifestKey, sha256: fingerprint),
               seen.hasPrefix("manifest:"), let count = Int(seen.dropFirst(9)) {
                report.alreadyCurated += count
                continue
            }
            guard let inputs = try ManifestEntry.read(in: directory, folder: folder, reader: reader) else { continue }
            ledger.reserve((inputs.count + 1) * hours.count)
            let prefix = hourName + "/"
            var complete = true, count = 0
            var read: [LineageFile] = []
            read.reserveCapacity(inputs.count)
            defer { lineage.read(read, dataset: lakeDatePath + hourName) }
            for record in inputs {
                guard let file = record.file, let sha256 = record.sha256 else { continue }
                count += 1
                let path = prefix + file
                if ledger.contains(path, sha256: sha256) {
                    report.alreadyCurated += 1
                    continue
                }
                guard let stored = reader.read(file, in: directory) else {
                    complete = false   // listed but missing: look again next time
                    continue
                }
                report.snapshotsRead += 1
                let outcome = try curator.curate(stored, record: record, hour: hour, reader: reader, report: &report, stations: &stations)
                let bronzePath = lakeDatePath + path
                read.append(LineageFile(path: bronzePath, bytes: stored.count, sha256: sha256))
                switch outcome {
                case .row(let row, let day):
                    tableRows[day, default: []].append(row)
                    tableSources[day, default: []].append(bronzePath)
                    if unit.source == .aqicn { stationSources.append(bronzePath) }
                    rowCount += 1
                case .quarantined(_, let files):
                    for file in files { lineage.wrote(file, derivedFrom: [bronzePath]) }
                }
                ledger.record(path, sha256: sha256, outcome: outcome.ledgerText)
                changed = true
            }
            if complete, let fingerprint {
                ledger.record(manifestKey, sha256: fingerprint, outcome: "manifest:\(count)")
                changed = true
            }
        }
        guard changed else { return }
        if unit.source == .aqicn { touchesStations = true }
        ledgers.append(ledger)
    }

    /// Size and modification time (nanoseconds) of a file: the collector replaces a manifest
    /// whole whenever it changes one, so the same fingerprint means the same content.
    static func fingerprint(of name: String, in directory: Int32) -> String? {
        var info = stat()
        guard fstatat(directory, name, &info, 0) == 0 else { return nil }
        return "\(info.st_size)-\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }

    /// Writes what the batch curated: silver partitions, stations, then ledgers.
    mutating func finish(report: inout CurateReport, stations: StationsTable, lineage: inout LineageRecord) throws {
        for table in rows.keys.sorted() {
            let builder = schemas.builders[table]!
            for (day, new) in rows[table]!.sorted(by: { $0.key < $1.key }) {
                let url = SilverPartition.url(lake: lake, table: table, date: CivilTime.dateString(days: day))
                var partition = try SilverPartition(url: url, builder: builder)
                let merge = partition.merge(new)
                report.duplicatesMerged += merge.duplicates
                report.rowsAdded[table, default: 0] += merge.added
                if let bytes = try partition.write() {
                    lineage.wrote(LineageFile(lake: lake, url: url, contents: bytes), rows: partition.count,
                                  derivedFrom: sources[table]?[day] ?? [])
                }
                report.partitionsWritten += 1
            }
        }
        // Stations before the ledgers too: a snapshot a ledger records must be in every file.
        if touchesStations {
            let bytes = try stations.write()
            lineage.wrote(LineageFile(lake: lake, url: stations.url, contents: bytes), rows: stations.stations.count, derivedFrom: stationSources)
        }
        for ledger in ledgers { try ledger.write() }
        self = CurateBatch(lake: lake, schemas: schemas, logger: logger)
    }
}
