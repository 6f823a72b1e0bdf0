#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One city's arrays of an ``HourlyFrame``, in one block of memory: `hours × variables` sums and
/// counts, `hours × directions` cosine sums and first values, and per source `hours` row counts.
/// The block is either memory of its own (zeroed, first values NaN) or a slice of a mapped
/// ``CityHourlyCache`` file, which writes then change. A frame copies a block before writing it
/// when another frame shares it.
///
/// ```swift
/// let block = HourlyBlock(hours: 744)
/// block.counts[0]   // 0
/// ```
final class HourlyBlock: @unchecked Sendable {
    let hours: Int
    let sums: UnsafeMutablePointer<Double>
    let cosines: UnsafeMutablePointer<Double>
    let firstDirections: UnsafeMutablePointer<Double>
    let counts: UnsafeMutablePointer<Int32>
    let sourceRows: UnsafeMutablePointer<Int32>
    /// The block's bytes, ``byteCount(hours:)`` of them.
    let base: UnsafeMutableRawPointer
    /// What holds a mapped block's memory (kept alive by the block); nil for memory of its own.
    let mapping: AnyObject?

    static var variables: Int { HourlyFrame.variableCount }
    static var directions: Int { HourlyFrame.directionCount }
    static var sources: Int { GoldVariable.sources.count }

    /// The bytes of a block of `hours` hours, rounded up to whole pages (4 KiB), so blocks of a
    /// cache file are page-aligned and a write copies only the pages of the hours it touches.
    static func byteCount(hours: Int) -> Int {
        let bytes = hours * (variables * 8 + directions * 16 + variables * 4) + sources * hours * 4
        return (bytes + 4095) & ~4095
    }

    /// The order of the arrays in a block, as ``init(hours:base:mapping:)`` lays them out; part of
    /// a ``CityHourlyCache`` file's layout signature, so a change here refuses older caches.
    static let layout = "sums:f64,cosines:f64,firstDirections:f64,counts:i32,sourceRows:i32"

    /// A block of `hours` hours without values.
    convenience init(hours: Int) {
        let base = calloc(1, Self.byteCount(hours: hours))!   // zeroed pages, touched when written
        self.init(hours: hours, base: base, mapping: nil)
        firstDirections.update(repeating: .nan, count: hours * Self.directions)
    }

    /// A copy of `block`, in memory of its own.
    convenience init(copying block: HourlyBlock) {
        let count = Self.byteCount(hours: block.hours)
        let base = malloc(count)!
        base.copyMemory(from: block.base, byteCount: count)
        self.init(hours: block.hours, base: base, mapping: nil)
    }

    /// The block at `base` in memory that `mapping` holds (``byteCount(hours:)`` bytes, 8-aligned).
    init(hours: Int, base: UnsafeMutableRawPointer, mapping: AnyObject?) {
        self.hours = hours
        self.base = base
        self.mapping = mapping
        var offset = 0
        func take<T>(_ count: Int, _: T.Type) -> UnsafeMutablePointer<T> {
            defer { offset += count * MemoryLayout<T>.stride }
            return (base + offset).bindMemory(to: T.self, capacity: count)
        }
        sums = take(hours * Self.variables, Double.self)
        cosines = take(hours * Self.directions, Double.self)
        firstDirections = take(hours * Self.directions, Double.self)
        counts = take(hours * Self.variables, Int32.self)
        sourceRows = take(Self.sources * hours, Int32.self)
    }

    deinit {
        if mapping == nil { free(base) }
    }

    /// Empties `range` (hours of the block): no value, no row.
    func clear(_ range: Range<Int>) {
        let v = Self.variables, d = Self.directions
        (sums + range.lowerBound * v).update(repeating: 0, count: range.count * v)
        (counts + range.lowerBound * v).update(repeating: 0, count: range.count * v)
        (cosines + range.lowerBound * d).update(repeating: 0, count: range.count * d)
        (firstDirections + range.lowerBound * d).update(repeating: .nan, count: range.count * d)
        for source in 0..<Self.sources {
            (sourceRows + source * hours + range.lowerBound).update(repeating: 0, count: range.count)
        }
    }

    /// Whether any source has a row in any hour.
    var hasRows: Bool {
        UnsafeBufferPointer(start: sourceRows, count: Self.sources * hours).contains { $0 != 0 }
    }
}
