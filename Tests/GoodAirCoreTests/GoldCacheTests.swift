import Foundation
@testable import GoodAirCore
import GoodAirTesting
import Testing

/// The parsed `city_hourly` month an hourly run keeps in `_state` (``CityHourlyCache``): read back
/// bit for bit, refused when it stands for another file or is damaged, shared copy-on-write; and
/// the runs day by day that use it write the files a rebuild writes.
@Suite("Gold: the city_hourly cache")
struct GoldCacheTests {
    static let month = UTCMonth("2026-07")!

    /// A frame of July from silver-like rows: two cities, weather (a direction among them) and
    /// air pollution, with gaps, several rows in some hours, and a city seen in one hour only.
    static func frame() throws -> HourlyFrame {
        var frame = HourlyFrame(firstHour: month.firstHour, hours: month.endHour - month.firstHour)
        var weather = "city_id,observed_at,temperature_c,wind_deg,humidity_pct\r\n"
        var air = "city_id,observed_at,no2_ugm3,pm10_ugm3\r\n"
        for (c, city) in ["lyon", "paris"].enumerated() {
            for hour in month.firstHour..<month.endHour where (hour + c) % 7 != 0 {
                let t = Double(hour % 24) * 0.37 + Double(c)
                weather += "\(city),\(CSVField.timestamp(hour * 3600 + 600)),\(t),\(Double((hour * 37) % 360)),\(50 + c)\r\n"
                if hour % 5 == 0 { weather += "\(city),\(CSVField.timestamp(hour * 3600 + 1200)),\(t + 0.1),350.5,\r\n" }
                air += "\(city),\(CSVField.timestamp(hour * 3600)),\(hour % 3 == 0 ? "" : "\(t * 2)"),\(t / 3)\r\n"
            }
        }
        weather += "nice,\(CSVField.timestamp((month.firstHour + 30) * 3600)),21.5,10,40\r\n"
        try frame.add(Array(weather.utf8), table: "weather", path: "weather.csv")
        try frame.add(Array(air.utf8), table: "air_pollution", path: "air.csv")
        return frame
    }

    /// Whether two frames give the same values (bit for bit) and row counts everywhere.
    static func same(_ a: HourlyFrame, _ b: HourlyFrame) -> Bool {
        guard Set(a.cities) == Set(b.cities), a.hours == b.hours, a.firstHour == b.firstHour else { return false }
        for id in a.cities {
            let (ca, cb) = (a.cityIndex(id)!, b.cityIndex(id)!)
            for hour in 0..<a.hours {
                for variable in GoldVariable.all.indices
                where a.value(city: ca, hour: hour, variable: variable).bitPattern != b.value(city: cb, hour: hour, variable: variable).bitPattern {
                    return false
                }
                for source in GoldVariable.sources.indices where a.rows(city: ca, hour: hour, source: source) != b.rows(city: cb, hour: hour, source: source) {
                    return false
                }
            }
        }
        return true
    }

    /// A new file standing for the month's `city_hourly` (written again: a new file), and its key.
    static func keyFile(_ lake: TemporaryLake) throws -> CityHourlyCache.Key {
        let url = lake.root.appendingPathComponent("gold/city_hourly/month=2026-07/part-00000.csv")
        try AtomicFile.write(string: "city_id,hour\r\n", to: url)
        return CityHourlyCache.Key(file: url)!
    }

    /// ``frame()`` saved as the cache of a new `city_hourly` file; and that file's key.
    static func saved(_ lake: TemporaryLake) throws -> (HourlyFrame, CityHourlyCache.Key) {
        let frame = try frame()
        let key = try keyFile(lake)
        try CityHourlyCache.save(frame, lake: lake.lake, month: month, key: key)
        return (frame, key)
    }

    @Test("a checksum in pieces of 32 bytes is the checksum of the whole; one changed bit changes it")
    func checksum() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 * 7 + $0 / 13) }
        var pieces = Checksum64()
        bytes.withUnsafeBytes { all in
            pieces.add(UnsafeRawBufferPointer(rebasing: all[0..<64]))
            pieces.add(UnsafeRawBufferPointer(rebasing: all[64..<960]))
            pieces.add(UnsafeRawBufferPointer(rebasing: all[960...]))
        }
        #expect(pieces.value == Checksum64.of(bytes))
        for index in [0, 31, 500, 999] {
            var changed = bytes
            changed[index] ^= 0x10
            #expect(Checksum64.of(changed) != Checksum64.of(bytes), "byte \(index)")
        }
        #expect(Checksum64.of(bytes + [0]) != Checksum64.of(bytes), "a longer file")
    }

    @Test("saved, then loaded for the same file: the same values bit for bit, the same cities")
    func roundTrip() throws {
        let lake = try TemporaryLake()
        defer { lake.remove() }
        let (frame, key) = try Self.saved(lake)
        let loaded = try #require(CityHourlyCache.load(lake: lake.lake, month: Self.month, key: key))
        #expect(loaded.cities == frame.cities)
        #expect(Self.same(loaded, frame))
        let size = try FileManager.default.attributesOfItem(atPath: CityHourlyCache.url(lake: lake.lake, month: Self.month).path)[.size] as! Int
        #expect(size == 4096 + 3 * HourlyBlock.byteCount(hours: 744))
    }

    @Test("not used for another file, another month, a damaged or truncated cache")
    func refused() throws {
        let lake = try TemporaryLake()
        defer { lake.remove() }
        let (_, key) = try Self.saved(lake)
        let cache = CityHourlyCache.url(lake: lake.lake, month: Self.month)
        let intact = try Data(contentsOf: cache)
        // The file rewritten (renamed over): another key.
        let rewritten = try Self.keyFile(lake)
        #expect(rewritten != key)
        #expect(CityHourlyCache.load(lake: lake.lake, month: Self.month, key: rewritten) == nil)
        #expect(CityHourlyCache.load(lake: lake.lake, month: UTCMonth("2026-08")!, key: key) == nil)
        // One bit of a value changed, in the middle of the blocks.
        var damaged = intact
        damaged[intact.count / 2] ^= 0x01
        try damaged.write(to: cache)
        #expect(CityHourlyCache.load(lake: lake.lake, month: Self.month, key: key) == nil)
        try intact.prefix(intact.count - 4096).write(to: cache)
        #expect(CityHourlyCache.load(lake: lake.lake, month: Self.month, key: key) == nil)
        // Counts of cities or name bytes out of all proportion: refused, not trapped on.
        for word in [3, 10] {
            var huge = intact
            withUnsafeBytes(of: Int64.max.littleEndian) { huge.replaceSubrange(8 + word * 8..<16 + word * 8, with: $0) }
            try huge.write(to: cache)
            #expect(CityHourlyCache.load(lake: lake.lake, month: Self.month, key: key) == nil, "word \(word)")
        }
        try intact.write(to: cache)
        #expect(CityHourlyCache.load(lake: lake.lake, month: Self.month, key: key) != nil)
        // Removing the others keeps the month asked for.
        CityHourlyCache.remove(lake: lake.lake, keeping: ["2026-07"])
        #expect(FileManager.default.fileExists(atPath: cache.path))
        CityHourlyCache.remove(lake: lake.lake)
        #expect(!FileManager.default.fileExists(atPath: cache.path))
    }

    @Test("a loaded frame is copied on write: clearing a copy's hours changes neither it nor the file")
    func copyOnWrite() throws {
        let lake = try TemporaryLake()
        defer { lake.remove() }
        let (frame, key) = try Self.saved(lake)
        let loaded = try #require(CityHourlyCache.load(lake: lake.lake, month: Self.month, key: key))
        var copy = loaded
        copy.clear(0..<48)
        #expect(Self.same(loaded, frame))
        #expect(!Self.same(copy, frame))
        #expect(!copy.everyCityHasRows, "nice had its only row on the second day")
        let paris = copy.cityIndex("paris")!, temperature = GoldVariable.all.firstIndex { $0.name == "temperature_c" }!
        let weather = GoldVariable.sources.firstIndex(of: "weather")!
        #expect(!loaded.value(city: paris, hour: 10, variable: temperature).isNaN)
        #expect(copy.value(city: paris, hour: 10, variable: temperature).isNaN && copy.rows(city: paris, hour: 10, source: weather) == 0)
        #expect(copy.value(city: paris, hour: 50, variable: temperature) == loaded.value(city: paris, hour: 50, variable: temperature))
        // Loaded, the cache matches no file until it is saved again.
        #expect(CityHourlyCache.load(lake: lake.lake, month: Self.month, key: key) == nil)
        try CityHourlyCache.save(loaded, lake: lake.lake, month: Self.month, key: key)
        let again = try #require(CityHourlyCache.load(lake: lake.lake, month: Self.month, key: key))
        #expect(Self.same(again, frame))
    }

    @Test("the loaded frame itself is changed and saved in place; with a new city, written anew")
    func inPlace() throws {
        let lake = try TemporaryLake()
        defer { lake.remove() }
        let (frame, key) = try Self.saved(lake)
        let cache = CityHourlyCache.url(lake: lake.lake, month: Self.month)
        let inode = { (try FileManager.default.attributesOfItem(atPath: cache.path)[.systemFileNumber] as! NSNumber).intValue }
        let first = try inode()
        var loaded = try #require(CityHourlyCache.load(lake: lake.lake, month: Self.month, key: key))
        loaded.clear(100..<124)
        var expected = frame
        expected.clear(100..<124)
        let newKey = try Self.keyFile(lake)
        try CityHourlyCache.save(loaded, lake: lake.lake, month: Self.month, key: newKey)
        #expect(try inode() == first, "in place")
        #expect(CityHourlyCache.load(lake: lake.lake, month: Self.month, key: key) == nil, "the old file's key is gone")
        var reloaded = try #require(CityHourlyCache.load(lake: lake.lake, month: Self.month, key: newKey))
        #expect(Self.same(reloaded, expected))
        #expect(!Self.same(reloaded, frame))
        // A new city: the cache is written whole, atomically.
        let row = "toulouse,\(CSVField.timestamp(Self.month.firstHour * 3600 + 60)),12.5,,\r\n"
        try reloaded.add(Array(("city_id,observed_at,temperature_c,wind_deg,humidity_pct\r\n" + row).utf8), table: "weather", path: "w.csv")
        try expected.add(Array(("city_id,observed_at,temperature_c,wind_deg,humidity_pct\r\n" + row).utf8), table: "weather", path: "w.csv")
        try CityHourlyCache.save(reloaded, lake: lake.lake, month: Self.month, key: newKey)
        #expect(try inode() != first, "written anew")
        let last = try #require(CityHourlyCache.load(lake: lake.lake, month: Self.month, key: newKey))
        #expect(last.cities.count == 4 && Self.same(last, expected))
    }
}
