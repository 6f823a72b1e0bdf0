import Foundation

/// Appends whole records to a journal file (lineage events): one `write(2)` of the full line with
/// `O_APPEND`, then `fsync`. A reader keeps only lines that end in a newline (``forEachLine(at:_:)``,
/// ``firstAndLastLines(at:)``), so a record being written, or torn by a crash, is never taken for
/// a whole one.
///
/// ```swift
/// try AppendOnlyFile.append(Array("{\"eventType\":\"COMPLETE\"}\n".utf8), to: url)
/// ```
public enum AppendOnlyFile {
    /// Appends `line` (which must end with a newline) to the existing file at `url`.
    public static func append(_ line: [UInt8], to url: URL) throws {
        let fd = open(url.path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard fd >= 0 else { throw LakeError.io(operation: "open", path: url.path, errno: errno) }
        defer { close(fd) }
        var offset = 0
        while offset < line.count {
            let n = line.withUnsafeBytes { raw in write(fd, raw.baseAddress! + offset, line.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw LakeError.io(operation: "write", path: url.path, errno: errno)
            }
            offset += n
        }
        guard fsync(fd) == 0 else { throw LakeError.io(operation: "fsync", path: url.path, errno: errno) }
    }
}
