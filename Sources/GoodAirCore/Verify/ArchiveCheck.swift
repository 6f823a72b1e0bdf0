import Foundation

/// Every archive against its manifest (``ArchiveVerifier``): each member's size and sha256, nothing
/// missing or extra, the archive's own sha256; an archive without its manifest is one a killed
/// `lifecycle apply` left half done (the next apply redoes it).
struct ArchivesCheck {
    let lake: Lake

    func run(into report: inout VerifyReport) {
        for entry in ArchiveCatalog(lake: lake).entries() {
            let path = lake.relativePath(entry.hasManifest ? entry.manifestURL : entry.archiveURL)
            guard entry.hasManifest else {
                report.add(.badArchive, path, "an archive without its manifest (a lifecycle apply killed midway: run it again)")
                continue
            }
            do {
                let check = try ArchiveVerifier.verify(manifestURL: entry.manifestURL)
                report.checked["archives", default: 0] += 1
                if let problem = check.problem { report.add(.badArchive, lake.relativePath(entry.archiveURL), problem) }
            } catch {
                report.add(.badArchive, path, "the manifest cannot be read: \(error)")
            }
        }
    }
}
