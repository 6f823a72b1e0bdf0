import Foundation

/// Hidden temporaries (`.name.tmp-…`) that a job killed while writing left behind. Readers skip
/// them and the next run of the job removes them; verify reports them so nothing is left unseen.
struct TemporaryFileCheck {
    let lake: Lake

    func run(into report: inout VerifyReport) {
        let fm = FileManager.default
        guard let walker = fm.enumerator(atPath: lake.root.path) else { return }
        for case let name as String in walker where (name as NSString).lastPathComponent.contains(AtomicFile.temporaryMarker) {
            report.add(.partialFile, name, "a temporary left by a job killed while writing: rerun the job (or delete it)")
        }
    }
}
