import Foundation

/// One bronze hour folder of one source, `bronze/source=…/date=…/hour=…/`: its manifest, the good
/// snapshots it vouches for (`<city_id>.json.gz`), and the kept bodies of failed fetches
/// (`_failed/<city_id>-<run_id>.json.gz`, which readers skip).
///
/// The manifest is the truth. Opening a folder reconciles it with the files after whatever
/// happened before: a hidden temporary from a killed write is removed; a good record whose file
/// has vanished is retired so the city is fetched again; a snapshot written by a run killed
/// before its manifest is checked and adopted, so nothing already fetched is lost or fetched twice.
struct HourFolder {
    static let failedFolder = "_failed"

    let url: URL
    let source: Source
    let hour: Hour
    var manifest: HourManifest

    init(lake: Lake, source: Source, hour: Hour) throws {
        self.url = lake.bronzeHourFolder(source: source, hour: hour)
        self.source = source
        self.hour = hour
        AtomicFile.cleanTemporaries(in: url)
        AtomicFile.cleanTemporaries(in: url.appendingPathComponent(Self.failedFolder))
        self.manifest = try HourManifest.read(in: url) ?? HourManifest(source: source, hour: hour)
    }

    static func snapshotName(_ cityID: String) -> String { "\(cityID).json.gz" }

    /// Whether `city` must be fetched, after bringing its record in line with the files.
    mutating func needsFetch(_ city: City, endpoints: Endpoints, runID: String, now: Date) -> Bool {
        let name = Self.snapshotName(city.id)
        let exists = FileManager.default.fileExists(atPath: url.appendingPathComponent(name).path)
        if let record = manifest.record(for: city.id), record.outcome == .ok {
            if exists && record.file == name { return false }
            manifest.retire(city.id, reason: "its snapshot file had gone missing; fetched again")
            return true
        }
        guard exists else { return true }
        if let adopted = adopt(city, endpoints: endpoints, runID: runID, now: now) {
            manifest.merge(adopted)
            return false
        }
        // Not a good snapshot after all: keep it aside for diagnosis and fetch again.
        let aside = "\(Self.failedFolder)/\(city.id)-orphan-\(runID).json.gz"
        try? AtomicFile.createFolder(url.appendingPathComponent(Self.failedFolder))
        rename(url.appendingPathComponent(name).path, url.appendingPathComponent(aside).path)
        return true
    }

    /// A record for a snapshot that an interrupted run wrote but never entered in the manifest:
    /// only good answers are written under that name, and the file is whole (atomic rename), so
    /// once its body is checked again it is as good as a fresh fetch.
    private func adopt(_ city: City, endpoints: Endpoints, runID: String, now: Date) -> FetchRecord? {
        let name = Self.snapshotName(city.id)
        guard let stored = try? Array(Data(contentsOf: url.appendingPathComponent(name))),
              let raw = try? Gzip.decompress(stored) else { return nil }
        let verdict = ResponseVerdict.judge(source: source, status: 200, body: raw)
        guard verdict.kind == .ok, !endpoints.redactor.containsSecret(raw) else { return nil }
        var record = FetchRecord(
            cityID: city.id, url: endpoints.url(for: source, city: city, redacted: true), outcome: .ok,
            httpStatus: 200, apiStatus: verdict.apiStatus, attempts: 0, attemptErrors: [],
            startedAt: Timestamp.formatMillis(now), latencyMs: 0, file: name, rawBytes: raw.count,
            storedBytes: stored.count, sha256: Checksum.sha256Hex(raw), error: nil, runID: runID)
        record.note = "adopted: written by a run that was interrupted before its manifest; checked again"
        return record
    }

    /// Writes the body of a fetch, gzip-compressed and atomically: a good one as the city's
    /// snapshot, a failed one under `_failed/`. The folder is fsynced later, once, by `finish`.
    static func store(_ result: inout FetchResult, in folder: URL, cityID: String) throws {
        guard let body = result.body else { return }
        let name = result.record.outcome == .ok
            ? snapshotName(cityID) : "\(failedFolder)/\(cityID)-\(result.record.runID).json.gz"
        let stored = try Gzip.compress(body)
        try AtomicFile.write(stored, to: folder.appendingPathComponent(name), syncFolder: false)
        result.record.file = name
        result.record.storedBytes = stored.count
    }

    /// Makes the files durable, then writes the manifest that vouches for them.
    mutating func finish(now: Date) throws {
        try AtomicFile.createFolder(url)
        let failed = url.appendingPathComponent(Self.failedFolder)
        if FileManager.default.fileExists(atPath: failed.path) { try AtomicFile.syncFolder(failed) }
        try AtomicFile.syncFolder(url)
        manifest.updatedAt = Timestamp.format(now)
        try manifest.write(in: url)
    }
}
