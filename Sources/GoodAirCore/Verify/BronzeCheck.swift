import Foundation

/// Bronze against its manifests: every snapshot a manifest lists is there and its payload has the
/// listed sha256; every file of an hour folder is listed.
struct BronzeCheck {
    let lake: Lake

    func run(into report: inout VerifyReport) {
        let fm = FileManager.default
        for unit in BronzeIndex.dates(lake: lake) {
            for hour in BronzeIndex.hours(lake: lake, source: unit.source, date: unit.date) {
                check(lake.bronzeHourFolder(source: unit.source, hour: hour), into: &report, fm: fm)
            }
        }
    }

    private func check(_ folder: URL, into report: inout VerifyReport, fm: FileManager) {
        let manifest: HourManifest
        do {
            guard let read = try HourManifest.read(in: folder) else {
                report.add(.corruptManifest, lake.relativePath(folder), "an hour folder without \(HourManifest.fileName)")
                return
            }
            manifest = read
        } catch {
            report.add(.corruptManifest, lake.relativePath(folder.appendingPathComponent(HourManifest.fileName)), "\(error)")
            return
        }
        report.checked["manifests", default: 0] += 1
        var listed: Set<String> = [HourManifest.fileName]
        for record in manifest.fetches + manifest.superseded {
            guard let file = record.file else { continue }
            listed.insert(file)
            let url = folder.appendingPathComponent(file)
            let path = lake.relativePath(url)
            guard let stored = fm.contents(atPath: url.path) else {
                report.add(.missing, path, "listed in its manifest, not on disk")
                continue
            }
            report.checked["bronze files", default: 0] += 1
            guard let sha256 = record.sha256 else { continue }
            guard let payload = try? Gzip.decompress(Array(stored)) else {
                report.add(.checksumMismatch, path, "not a readable gzip file")
                continue
            }
            if !Checksum.sha256(of: payload, matches: sha256) {
                report.add(.checksumMismatch, path, "payload sha256 \(Checksum.sha256Hex(payload)), manifest says \(sha256)")
            }
        }
        guard let walker = fm.enumerator(atPath: folder.path) else { return }
        for case let name as String in walker {
            var isFolder: ObjCBool = false
            let url = folder.appendingPathComponent(name)
            guard fm.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            if url.lastPathComponent.contains(AtomicFile.temporaryMarker) { continue }   // TemporaryFileCheck's
            if !listed.contains(name) { report.add(.orphan, lake.relativePath(url), "in a bronze hour folder but not in its manifest") }
        }
    }
}
