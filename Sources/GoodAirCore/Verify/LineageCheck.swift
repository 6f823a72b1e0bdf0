import Foundation

/// Silver, gold and quarantine files against lineage: each has the sha256 its last run recorded;
/// a file no run recorded is an orphan. Also runs that started and never ended.
struct LineageCheck {
    let lake: Lake
    let history: LineageHistory

    /// Files that change in place or are not data: not checked against a sha256.
    static func skipped(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasPrefix("warehouse.sqlite")
    }

    func run(into report: inout VerifyReport) {
        for (file, reason) in history.unreadable { report.add(.brokenRun, file, reason) }
        report.checked["lineage runs", default: 0] += history.runs.count
        for run in history.runs where run.state == .start {
            report.add(.brokenRun, run.file, "\(run.job) run \(run.runID) started at \(run.startedAt) and never ended (killed?): run the job again")
        }
        let fm = FileManager.default
        for zone in [lake.silver, lake.gold, lake.quarantine] {
            guard let walker = fm.enumerator(atPath: zone.path) else { continue }
            for case let name as String in walker {
                let url = zone.appendingPathComponent(name)
                var isFolder: ObjCBool = false
                guard fm.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue,
                      !Self.skipped(url.lastPathComponent) else { continue }
                let path = lake.relativePath(url)
                guard let recorded = history.lastWritten(path) else {
                    report.add(.orphan, path, "no recorded run wrote it (made by hand, or before lineage was kept)")
                    continue
                }
                report.checked["lake files", default: 0] += 1
                guard let expected = recorded.sha256, let actual = LineageFile.read(lake: lake, url: url) else { continue }
                if actual.sha256 != expected {
                    let run = history.producers(of: path).last.map { history.runs[$0.run] }
                    report.add(.changedSinceWritten, path, "sha256 \(actual.sha256 ?? "?"), but \(run.map { "\($0.job) run \($0.runID)" } ?? "its run") wrote \(expected)")
                }
            }
        }
    }
}
