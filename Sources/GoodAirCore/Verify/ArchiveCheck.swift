import Foundation

/// Every archive against its manifest.
struct ArchiveCheck {
    let lake: Lake

    func run(into report: inout VerifyReport) {
        // Filled in with the lifecycle's archive reader.
    }
}
