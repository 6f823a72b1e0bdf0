/// POSIX ustar headers, the 512-byte blocks before each member of a tar archive.
///
/// Archives are deterministic: every member is a regular file with mode 0644, uid and gid 0,
/// mtime 0 and no user or group name, so the same files give the same bytes whenever they are
/// packed; GNU tar, bsdtar and Python's tarfile read them.
///
/// ```swift
/// let header = try TarFormat.header(path: "bronze/source=aqicn/date=2026-07-14/hour=10/paris.json.gz", size: 812)
/// header.count   // 512
/// ```
enum TarFormat {
    static let block = 512
    /// Archives end with two zero blocks and are padded to a multiple of 20 blocks, as tar does.
    static let record = 20 * 512

    /// The header of a regular file `path` of `size` bytes. Paths over 100 bytes are split at a
    /// `/` into ustar's prefix (155) and name (100) fields.
    static func header(path: String, size: Int) throws -> [UInt8] {
        let bytes = Array(path.utf8)
        var name = bytes, prefix: [UInt8] = []
        if bytes.count > 100 {
            guard let cut = bytes.indices.last(where: { bytes[$0] == UInt8(ascii: "/") && $0 <= 155 && bytes.count - $0 - 1 <= 100 }),
                  cut > 0, cut < bytes.count - 1 else { throw LifecycleError.pathTooLong(path) }
            prefix = Array(bytes[..<cut])
            name = Array(bytes[(cut + 1)...])
        }
        var header = [UInt8](repeating: 0, count: block)
        func put(_ field: [UInt8], at offset: Int) { header.replaceSubrange(offset..<(offset + field.count), with: field) }
        func octal(_ value: Int, width: Int) -> [UInt8] {   // width - 1 digits, then NUL
            let digits = Array(String(value, radix: 8).utf8)
            return [UInt8](repeating: UInt8(ascii: "0"), count: width - 1 - digits.count) + digits + [0]
        }
        put(name, at: 0)
        put(octal(0o644, width: 8), at: 100)
        put(octal(0, width: 8), at: 108)        // uid
        put(octal(0, width: 8), at: 116)        // gid
        put(octal(size, width: 12), at: 124)
        put(octal(0, width: 12), at: 136)       // mtime
        put([UInt8](repeating: 0x20, count: 8), at: 148)   // checksum, counted as spaces
        header[156] = UInt8(ascii: "0")         // regular file
        put(Array("ustar".utf8) + [0], at: 257)
        put(Array("00".utf8), at: 263)
        put(octal(0, width: 8), at: 329)        // devmajor
        put(octal(0, width: 8), at: 337)        // devminor
        put(prefix, at: 345)
        let sum = header.reduce(0) { $0 + Int($1) }
        put(octal(sum, width: 7) + [0x20], at: 148)
        return header
    }

    /// What a header block says.
    struct Entry {
        var path: String
        var size: Int
        /// `0` (or NUL) for a regular file, `5` for a folder…
        var type: UInt8
    }

    /// Parses a header block; nil for a zero block (the end of the archive). Throws when the
    /// checksum or a number is wrong.
    static func parse(_ header: UnsafeRawBufferPointer) throws(LifecycleError) -> Entry? {
        guard header.contains(where: { $0 != 0 }) else { return nil }
        func text(_ offset: Int, _ length: Int) -> [UInt8] {
            Array(header[offset..<(offset + length)].prefix { $0 != 0 })
        }
        func number(_ offset: Int, _ length: Int) -> Int? {
            let digits = text(offset, length).filter { $0 != 0x20 }
            guard !digits.isEmpty, digits.allSatisfy({ (48...55).contains($0) }) else { return nil }
            return Int(String(decoding: digits, as: UTF8.self), radix: 8)
        }
        var sum = 0
        for (index, byte) in header.enumerated() { sum += (148..<156).contains(index) ? 0x20 : Int(byte) }
        guard let recorded = number(148, 8), recorded == sum else {
            throw .corruptArchive(path: "", reason: "a tar header's checksum is wrong")
        }
        guard let size = number(124, 12) else { throw .corruptArchive(path: "", reason: "a tar header's size is not a number") }
        let name = text(0, 100), prefix = text(345, 155)
        let isUstar = text(257, 6) == Array("ustar".utf8)
        let path = isUstar && !prefix.isEmpty ? prefix + [UInt8(ascii: "/")] + name : name
        return Entry(path: String(decoding: path, as: UTF8.self), size: size, type: header[156])
    }

    /// Zero bytes that bring `count` up to a multiple of `unit`.
    static func padding(after count: Int, unit: Int = block) -> Int {
        (unit - count % unit) % unit
    }
}
