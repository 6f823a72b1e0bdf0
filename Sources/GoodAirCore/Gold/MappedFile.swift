import Foundation

/// A file mapped into memory: read-only, or shared (where a write changes the file). Unmapped when
/// the object goes.
///
/// ```swift
/// let file = try MappedFile(url)       // nil when there is no such file
/// file?.count
/// ```
final class MappedFile: @unchecked Sendable {
    /// The first byte (not to be read when ``count`` is 0).
    let base: UnsafeMutableRawPointer
    let count: Int

    /// The file at `url` mapped read-only; nil when there is none. `populate`: its pages taken
    /// from the page cache at once, rather than at each first read. `shared`: mapped readable and
    /// writable, and what is written goes to the file itself (its page cache), as `write` would.
    init?(_ url: URL, populate: Bool = true, shared: Bool = false) throws {
        let fd = open(url.path, (shared ? O_RDWR : O_RDONLY) | O_CLOEXEC)
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
        guard let address = mmap(nil, count, shared ? PROT_READ | PROT_WRITE : PROT_READ,
                                 (shared ? MAP_SHARED : MAP_PRIVATE) | (populate ? MAP_POPULATE : 0), fd, 0),
              address != MAP_FAILED else {
            throw LakeError.io(operation: "mmap", path: url.path, errno: errno)
        }
        base = address
    }

    deinit {
        if count > 0 { munmap(base, count) }
    }
}
