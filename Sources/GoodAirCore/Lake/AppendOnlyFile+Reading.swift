import Foundation

/// Reading a journal written by ``AppendOnlyFile`` without holding it whole: a year's rebuild
/// writes lineage events of hundreds of megabytes, which a reader walks line by line, or of which
/// it reads only the first and the last line.
extension AppendOnlyFile {
    /// Calls `body` with each whole line of the file at `url` (without its newline, empty lines
    /// skipped), in order, holding one chunk and one line at a time; returns true when the file
    /// ends with a torn line (no newline), which is left out.
    @discardableResult
    public static func forEachLine(at url: URL, _ body: (Data) throws -> Void) throws -> Bool {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw LakeError.io(operation: "open", path: url.path, errno: errno) }
        defer { close(fd) }
        var pending = Data()
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw LakeError.io(operation: "read", path: url.path, errno: errno)
            }
            if n == 0 { return !pending.isEmpty }
            var start = 0
            while let newline = chunk[start..<n].firstIndex(of: 0x0A) {
                if pending.isEmpty {
                    if newline > start { try body(Data(chunk[start..<newline])) }
                } else {
                    pending.append(contentsOf: chunk[start..<newline])
                    try body(pending)
                    pending = Data()
                }
                start = newline + 1
            }
            pending.append(contentsOf: chunk[start..<n])
        }
    }

    /// The first and the last whole lines of the file at `url` (the same line when there is one,
    /// nil when there is none), read from its two ends; `torn` when it ends with a torn line.
    public static func firstAndLastLines(at url: URL) throws -> (first: Data?, last: Data?, torn: Bool) {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw LakeError.io(operation: "open", path: url.path, errno: errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw LakeError.io(operation: "stat", path: url.path, errno: errno) }
        let size = Int(info.st_size)
        let block = 64 * 1024
        /// Bytes `[offset, offset + count)` of the file.
        func bytes(_ offset: Int, _ count: Int) throws -> [UInt8] {
            var out = [UInt8](repeating: 0, count: count)
            var done = 0
            while done < count {
                let n = out.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, count - done, off_t(offset + done)) }
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { throw LakeError.io(operation: "read", path: url.path, errno: n < 0 ? errno : EIO) }
                done += n
            }
            return out
        }
        // The end of the last whole line: the last newline in the file.
        var end = size
        var torn = false
        while end > 0 {
            let from = max(0, end - block)
            let tail = try bytes(from, end - from)
            if let newline = tail.lastIndex(of: 0x0A) {
                torn = torn || from + newline + 1 < size
                end = from + newline
                break
            }
            torn = true
            end = from
        }
        guard end > 0 || (size > 0 && !torn) else { return (nil, nil, torn) }
        // Its start: the newline before it, or the beginning of the file.
        var lastStart = 0
        var cursor = end
        while cursor > 0 {
            let from = max(0, cursor - block)
            let piece = try bytes(from, cursor - from)
            if let newline = piece.lastIndex(of: 0x0A) {
                lastStart = from + newline + 1
                break
            }
            cursor = from
        }
        let last = Data(try bytes(lastStart, end - lastStart))
        guard lastStart > 0 else { return (last.isEmpty ? nil : last, last.isEmpty ? nil : last, torn) }
        // The first line: up to the first newline.
        var first: [UInt8] = []
        var offset = 0
        while offset < lastStart {
            let piece = try bytes(offset, min(block, lastStart - offset))
            if let newline = piece.firstIndex(of: 0x0A) {
                first += piece[..<newline]
                break
            }
            first += piece
            offset += piece.count
        }
        return (Data(first), last, torn)
    }
}
