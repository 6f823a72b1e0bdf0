import Foundation

/// How much bronze holds: snapshot files, their gzip bytes, hour folders.
public struct BronzeTotals: Sendable, Equatable {
    public var snapshots = 0
    public var bytes = 0
    public var hourFolders = 0

    /// Walks `bronze/` (skipping `_` and `.` metadata) and counts.
    public static func measure(lake: Lake) -> BronzeTotals {
        var totals = BronzeTotals()
        guard let walker = FileManager.default.enumerator(
            at: lake.bronze, includingPropertiesForKeys: [.fileSizeKey, .isDirectoryKey], options: [.skipsHiddenFiles]) else {
            return totals
        }
        for case let url as URL in walker {
            let name = url.lastPathComponent
            if name.hasPrefix("_") {   // metadata: the manifest, failed fetches' bodies
                walker.skipDescendants()
                continue
            }
            if name.hasPrefix("hour=") { totals.hourFolders += 1 }
            guard name.hasSuffix(".json.gz") else { continue }
            totals.snapshots += 1
            totals.bytes += (try? url.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0
        }
        return totals
    }
}
