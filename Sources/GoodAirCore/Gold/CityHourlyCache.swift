import Foundation

/// The month of `city_hourly` the last hourly run parsed, kept as its ``HourlyFrame``'s memory in
/// `_state/aggregate/city_hourly/month=YYYY-MM.frame`, so the next run maps it (pages of the page
/// cache) instead of parsing 3 MB of CSV into 7 MB of fresh memory, about a fifth of an hourly run.
/// It stands for one exact file: the fingerprint of `gold/city_hourly/month=…/part-00000.csv`
/// (device, inode, size, modification time in nanoseconds) it was made with, which any rewrite of
/// that file changes (files are replaced by a rename). A cache of another file, of another layout
/// of the frame, or damaged (a checksum over its content) is not used: the run parses the month, as
/// without a cache.
///
/// A run that uses it changes it in place: the mapping is shared, so clearing the replaced hours
/// and adding the new rows write only those pages. The key is zeroed as soon as the cache is
/// loaded and written again, with a new checksum, once the new `city_hourly` is in place; a run
/// killed between the two leaves a cache that no file matches. After a power cut, the pages of a
/// shared mapping may reach the disk in any order: there the checksum is what refuses a cache of
/// mixed pages. A frame with other cities than the
/// file's (a new city) is written whole, atomically. Losing the cache costs one parse, so nothing
/// of it is fsynced.
///
/// ```swift
/// if let key = CityHourlyCache.Key(file: url), let frame = CityHourlyCache.load(lake: lake, month: month, key: key) { … }
/// try CityHourlyCache.save(frame, lake: lake, month: month, key: CityHourlyCache.Key(file: url)!)
/// ```
enum CityHourlyCache {
    /// A file's identity: a rename of another file over it, or any write, changes it.
    struct Key: Equatable, Sendable {
        let words: [Int64]

        /// The fingerprint of the file at `url`; nil when there is none.
        init?(file url: URL) {
            var info = stat()
            guard stat(url.path, &info) == 0 else { return nil }
            words = [Int64(info.st_dev), Int64(info.st_ino), Int64(info.st_size),
                     Int64(info.st_mtim.tv_sec), Int64(info.st_mtim.tv_nsec)]
        }

        fileprivate init(words: [Int64]) { self.words = words }
    }

    static func folder(lake: Lake) -> URL { lake.state.appendingPathComponent("aggregate/city_hourly") }

    static func url(lake: Lake, month: UTCMonth) -> URL {
        folder(lake: lake).appendingPathComponent("month=\(month.name).frame")
    }

    private static let magic = Array("GAHFRAM1".utf8)
    /// Header: magic, then 11 words (layout, first hour, hours, cities, the key's 5 words, checksum,
    /// bytes of the city names); then the names, each a 4-byte length and its bytes; padded to 4 KiB.
    private static let fixedHeader = 8 + 11 * 8

    /// What the frame's memory layout depends on: the variables, their kinds, the sources.
    private static let layout: Int64 = {
        var text = GoldVariable.all.map { "\($0.name):\($0.kind == .level ? "l" : $0.kind == .amount ? "a" : "d")" }.joined(separator: ",")
        text += "|" + GoldVariable.sources.joined(separator: ",") + "|\(HourlyBlock.byteCount(hours: 744))|" + HourlyBlock.layout
        return Int64(bitPattern: Checksum64.of(Array(text.utf8)))
    }()

    /// The frame of `month` cached for the file `key`; nil when there is none, or it does not match.
    /// Its blocks are the cache file's own memory (see ``save(_:lake:month:key:)``), and the file
    /// matches no key until then.
    static func load(lake: Lake, month: UTCMonth, key: Key) -> HourlyFrame? {
        let hours = month.endHour - month.firstHour
        guard let file = try? MappedFile(url(lake: lake, month: month), shared: true), file.count >= fixedHeader else { return nil }
        let bytes = UnsafeRawBufferPointer(start: file.base, count: file.count)
        guard bytes.prefix(8).elementsEqual(magic) else { return nil }
        let word = { (index: Int) in bytes.loadUnaligned(fromByteOffset: 8 + index * 8, as: Int64.self) }
        let cityCount = Int(word(3)), namesBytes = Int(word(10)), size = HourlyBlock.byteCount(hours: hours)
        // Bounded before any arithmetic: a damaged header is refused, never trapped on.
        guard word(0) == layout, word(1) == Int64(month.firstHour), word(2) == Int64(hours),
              (0..<5).map({ word(4 + $0) }) == key.words, (0...file.count / size).contains(cityCount),
              (0...file.count).contains(namesBytes),
              file.count == headerSize(namesBytes: namesBytes) + cityCount * size else { return nil }
        guard Int64(bitPattern: checksum(file)) == word(9) else { return nil }
        var cities: [String] = [], offset = fixedHeader
        for _ in 0..<cityCount {
            guard offset + 4 <= fixedHeader + namesBytes else { return nil }
            let length = Int(bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
            guard offset + 4 + length <= fixedHeader + namesBytes else { return nil }
            cities.append(String(decoding: bytes[offset + 4..<offset + 4 + length], as: UTF8.self))
            offset += 4 + length
        }
        guard Set(cities).count == cities.count else { return nil }
        setKey(nil, checksum: 0, in: file)
        let mapped = Mapped(file: file, start: headerSize(namesBytes: namesBytes), cities: cities)
        let blocks = (0..<cityCount).map { HourlyBlock(hours: hours, base: file.base + mapped.start + $0 * size, mapping: mapped) }
        return HourlyFrame(firstHour: month.firstHour, hours: hours, cities: cities, blocks: blocks)
    }

    /// Makes the cache of `month` stand for the file `key` with the values of `frame`: in place when
    /// `frame` is the one ``load(lake:month:key:)`` gave (its checksum and key written again), and
    /// otherwise a new file.
    static func save(_ frame: HourlyFrame, lake: Lake, month: UTCMonth, key: Key) throws {
        let size = HourlyBlock.byteCount(hours: frame.hours)
        if let mapped = frame.blocks.first?.mapping as? Mapped, mapped.cities == frame.cities,
           frame.blocks.enumerated().allSatisfy({ $0.element.base == mapped.file.base + mapped.start + $0.offset * size }) {
            setKey(key, checksum: checksum(mapped.file), in: mapped.file)
            return
        }
        var names: [UInt8] = []
        for city in frame.cities {
            withUnsafeBytes(of: UInt32(city.utf8.count).littleEndian) { names += $0 }
            names += city.utf8
        }
        var header = [UInt8](repeating: 0, count: headerSize(namesBytes: names.count))
        header.replaceSubrange(fixedHeader..<fixedHeader + names.count, with: names)
        let blocks = frame.blocks.map { UnsafeRawBufferPointer(start: $0.base, count: size) }
        var checksum = Checksum64()
        header.withUnsafeBytes { checksum.add(UnsafeRawBufferPointer(rebasing: $0[fixedHeader...])) }
        for block in blocks { checksum.add(block) }
        let words: [Int64] = [layout, Int64(frame.firstHour), Int64(frame.hours), Int64(frame.cities.count)]
            + key.words + [Int64(bitPattern: checksum.value), Int64(names.count)]
        header.replaceSubrange(0..<8, with: magic)
        for (index, word) in words.enumerated() {
            withUnsafeBytes(of: word.littleEndian) { header.replaceSubrange(8 + index * 8..<16 + index * 8, with: $0) }
        }
        try withExtendedLifetime(frame) {
            try header.withUnsafeBytes { header in
                try AtomicFile.write(buffers: [header] + blocks, to: url(lake: lake, month: month), syncFolder: false, durable: false)
            }
        }
    }

    /// A loaded cache file: the mapping its frame's blocks live in, where they start, its cities.
    private final class Mapped: @unchecked Sendable {
        let file: MappedFile
        let start: Int
        let cities: [String]

        init(file: MappedFile, start: Int, cities: [String]) {
            self.file = file
            self.start = start
            self.cities = cities
        }
    }

    /// The checksum of a cache file: of everything after the fixed header.
    private static func checksum(_ file: MappedFile) -> UInt64 {
        var checksum = Checksum64()
        checksum.add(UnsafeRawBufferPointer(start: file.base + fixedHeader, count: file.count - fixedHeader))
        return checksum.value
    }

    /// Writes the key (zeros for none) and the checksum in a mapped cache file's header.
    private static func setKey(_ key: Key?, checksum: UInt64, in file: MappedFile) {
        let words = key?.words ?? [0, 0, 0, 0, 0]
        for (index, word) in words.enumerated() {
            file.base.storeBytes(of: word.littleEndian, toByteOffset: 8 + (4 + index) * 8, as: Int64.self)
        }
        file.base.storeBytes(of: Int64(bitPattern: checksum).littleEndian, toByteOffset: 8 + 9 * 8, as: Int64.self)
    }

    /// Removes the cache files of every month but `keeping` (`YYYY-MM`).
    static func remove(lake: Lake, keeping: Set<String> = []) {
        let folder = folder(lake: lake)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where !keeping.contains(where: { name == "month=\($0).frame" }) {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }

    /// The header's bytes: the fixed part and the names, rounded up to whole pages.
    private static func headerSize(namesBytes: Int) -> Int { (fixedHeader + namesBytes + 4095) & ~4095 }
}
