import Foundation

/// A file mapped privately into memory: first read-only, its pages taken from the page cache at
/// once (`MAP_POPULATE`); then, once checked, writable (``makeWritable()``), where a write copies
/// only the page it touches and the file never changes. Unmapped when the object goes.
///
/// ```swift
/// let file = try MappedFile(url)       // nil when there is no such file
/// _ = file?.makeWritable()
/// ```
final class MappedFile: @unchecked Sendable {
    /// The first byte (not to be read when ``count`` is 0).
    let base: UnsafeMutableRawPointer
    let count: Int

    /// The file at `url` mapped read-only; nil when there is none. `populate`: its pages taken
    /// from the page cache at once, rather than at each first read.
    init?(_ url: URL, populate: Bool = true) throws {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { return nil }
            throw LakeError.io(operation: "open", path: url.path, errno: errno)
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw LakeError.io(operation: "stat", path: url.path, errno: errno) }
        count = Int(info.st_size)
        guard count > 0 else {   // nothing to map
            base = UnsafeMutableRawPointer(bitPattern: MemoryLayout<UInt64>.alignment)!
            return
        }
        // Read-only while populated: populating a writable private mapping would copy every page.
        guard let address = mmap(nil, count, PROT_READ, MAP_PRIVATE | (populate ? MAP_POPULATE : 0), fd, 0),
              address != MAP_FAILED else {
            throw LakeError.io(operation: "mmap", path: url.path, errno: errno)
        }
        base = address
    }

    /// Lets the mapping be written (each page copied on its first write); false when it cannot.
    func makeWritable() -> Bool { count > 0 && mprotect(base, count, PROT_READ | PROT_WRITE) == 0 }

    deinit {
        if count > 0 { munmap(base, count) }
    }
}
