import GoodAirCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every `*.json.gz` below a folder, walked as the C bound walks them (`readdir` and `d_type`;
/// names starting with `.` or `_`, temporaries and failed bodies, skipped), each read with
/// `openat` into the reader's reused buffer: the reading part of the timed loops.
enum BronzeWalk {
    /// Calls `body` with the stored (gzip) bytes of each snapshot below `path`, valid during the call.
    static func forEachSnapshot(below path: String, reader: GzipFileReader, _ body: (UnsafeRawBufferPointer) -> Void) {
        guard let folder = opendir(path) else { return }
        defer { closedir(folder) }
        let descriptor = dirfd(folder)
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            guard let first = name.utf8.first, first != UInt8(ascii: "."), first != UInt8(ascii: "_") else { continue }
            if entry.pointee.d_type == UInt8(DT_DIR) {
                forEachSnapshot(below: path + "/" + name, reader: reader, body)
            } else if name.hasSuffix(".json.gz"), let stored = reader.read(name, in: descriptor) {
                body(stored)
            }
        }
    }
}
