import Foundation
@testable import GoodAirCore
import GoodAirTesting
import Testing

/// `goodair aggregate` day by day: after the silver of a few days changes, the incremental run
/// rewrites only the rows those days reach, and every gold file is byte-identical to a rebuild's —
/// inside a month, across a month boundary (events reaching into the next month, windows looking
/// back into the previous one), through episodes that span the changed day, and when it has to
/// fall back to whole months.
@Suite("Gold day by day")
struct GoldDayIncrementalTests {
    static let firstDay = CivilTime.days(year: 2026, month: 7, day: 16)
    static let lastDay = CivilTime.days(year: 2026, month: 8, day: 9)
    static let clock = LakeClock.fixed(at: Date(timeIntervalSince1970: Double(lastDay + 1) * 86_400 + 1_800))
    static let cities = ["lyon", "marseille", "paris"]

    /// What a day's silver holds besides the base series.
    enum Variant { case base, spikes, cool, warmer }

    /// A lake with silver for every day from `firstDay` to `last`, aggregated once.
    static func lake(last: Int = lastDay, longEpisode: Bool = false) async throws -> TemporaryLake {
        let lake = try TemporaryLake()
        let thresholds = Fixtures.repositoryRoot.appendingPathComponent("lake/reference/thresholds.csv")
        try AtomicFile.write(Array(try Data(contentsOf: thresholds)), to: lake.lake.reference.appendingPathComponent("thresholds.csv"))
        for day in firstDay...last { try write(day: day, variant: .base, long: longEpisode, lake: lake) }
        _ = try await aggregate(lake)
        return lake
    }

    /// Writes the three silver partitions of `day`.
    static func write(day: Int, variant: Variant, long: Bool = false, lake: TemporaryLake) throws {
        for table in GoldVariable.sources {
            let variables = GoldVariable.all.filter { $0.table == table }
            var text = "city_id,observed_at," + variables.map(\.name).joined(separator: ",") + "\r\n"
            for (c, city) in cities.enumerated() {
                for hour in day * 24..<day * 24 + 24 {
                    var line = CSVLine()
                    line.appendText(city); line.comma(); line.appendTimestamp(hour * 3600 + (table == "weather" ? 600 : 0))
                    for variable in variables {
                        line.comma()
                        line.appendDouble(value(variable.name, city: c, hour: hour, variant: variant, long: long), decimals: 2)
                    }
                    text += String(decoding: line.bytes, as: UTF8.self) + "\r\n"
                }
            }
            try AtomicFile.write(string: text, to: SilverPartition.url(lake: lake.lake, table: table, date: CivilTime.dateString(days: day)))
        }
    }

    /// A deterministic series with a daily cycle and noise, a heatwave from July 29 to August 2 in
    /// every city, a PM10 episode from July 30 noon to August 1 in Paris, with `long` a PM2.5
    /// episode in Lyon from July 17 to 27, and what `variant` adds.
    static func value(_ name: String, city: Int, hour: Int, variant: Variant, long: Bool) -> Double {
        let day = hour / 24, hourOfDay = hour % 24
        let noise = sin(Double(hour) * 12.9898 + Double(city) * 78.233 + Double(name.utf8.count)) * 43_758.5453
        let jitter = noise - noise.rounded(.down) - 0.5
        let cycle = sin(2 * Double.pi * Double(hourOfDay - 9) / 24)
        let heat = (CivilTime.days(year: 2026, month: 7, day: 29)...CivilTime.days(year: 2026, month: 8, day: 2)).contains(day)
        let spike = variant == .spikes && hourOfDay >= 10 && hourOfDay < 14
        let shift = variant == .cool ? -15.0 : variant == .warmer ? 1.5 : 0
        switch name {
        case "temperature_c", "feels_like_c": return 18 + 6 * cycle + 2 * jitter + (heat ? 12 : 0) + shift
        case "pressure_hpa": return spike ? 1_060 : 1_013 + jitter
        case "humidity_pct": return 60 - 20 * cycle + 5 * jitter
        case "no2_ugm3": return spike ? 450 + Double(hourOfDay) : 15 + 8 * cycle + 3 * jitter
        case "pm10_ugm3":
            let episode = city == 2 && hour >= CivilTime.days(year: 2026, month: 7, day: 30) * 24 + 12
                && hour < CivilTime.days(year: 2026, month: 8, day: 1) * 24
            return (episode && variant != .cool ? 75 : 20) + 3 * jitter
        case "pm2_5_ugm3":
            let inEpisode = long && city == 0 && (CivilTime.days(year: 2026, month: 7, day: 17)...CivilTime.days(year: 2026, month: 7, day: 27)).contains(day)
            return (inEpisode ? 40 : 8) + 2 * jitter + (variant == .warmer ? 1 : 0)
        case "rain_1h_mm", "snow_1h_mm": return hourOfDay == 15 && city == 1 ? 1.2 : 0
        case "wind_deg": return (200 + 90 * jitter + 360).truncatingRemainder(dividingBy: 360)
        default: return 10 + 3 * cycle + jitter + Double(city)
        }
    }

    static func aggregate(_ lake: TemporaryLake, rebuild: Bool = false, clock: LakeClock = clock) async throws -> AggregateReport {
        let configuration = AggregateConfiguration(rebuild: rebuild, schemas: Fixtures.repositoryRoot.appendingPathComponent("schemas"))
        return try await Aggregator(lake: lake.lake, configuration: configuration, clock: clock, logger: .quiet).aggregate()
    }

    /// Rewrites the silver of `days`, runs the incremental aggregate, and checks every gold file
    /// against a rebuild of the same silver in another lake.
    @discardableResult
    static func change(_ days: [Int: Variant], in lake: TemporaryLake, long: Bool = false,
                       clock: LakeClock = clock) async throws -> AggregateReport {
        for (day, variant) in days { try write(day: day, variant: variant, long: long, lake: lake) }
        let report = try await aggregate(lake, clock: clock)
        let rebuilt = try TemporaryLake()
        defer { rebuilt.remove() }
        try FileManager.default.removeItem(at: rebuilt.lake.reference)
        try FileManager.default.copyItem(at: lake.lake.reference, to: rebuilt.lake.reference)
        try FileManager.default.copyItem(at: lake.lake.silver, to: rebuilt.lake.silver)
        _ = try await aggregate(rebuilt, rebuild: true)
        let files = { (lake: TemporaryLake) in lake.allFiles().filter { $0.hasPrefix("gold/") && $0.hasSuffix(".csv") } }
        #expect(files(lake) == files(rebuilt))
        for path in files(rebuilt) {
            let mine = try Data(contentsOf: lake.root.appendingPathComponent(path))
            #expect(mine == (try Data(contentsOf: rebuilt.root.appendingPathComponent(path))), "\(path) differs from a rebuild")
        }
        return report
    }

    static func day(_ month: Int, _ day: Int) -> Int { CivilTime.days(year: 2026, month: month, day: day) }

    @Test("one day changed inside a month: only its rows and the events it reaches are recomputed")
    func insideAMonth() async throws {
        let lake = try await Self.lake()
        defer { lake.remove() }
        let report = try await Self.change([Self.day(7, 22): .spikes], in: lake)
        #expect(report.days == ["2026-07-22"])
        #expect(report.months == ["2026-07"] && report.eventMonths == ["2026-07"])
        #expect(report.silverFilesRead == 3)
        let anomalies = try String(contentsOf: lake.root.appendingPathComponent("gold/anomalies/month=2026-07/part-00000.csv"), encoding: .utf8)
        #expect(anomalies.contains("2026-07-22T10:00:00Z"))
        #expect(report.monthsFromCache.isEmpty, "the first run day by day parses the month and keeps it")
        let again = try await Self.change([Self.day(7, 22): .base], in: lake)
        #expect(again.monthsFromCache == ["2026-07"])
    }

    @Test("the cached month: not used when damaged, nor when a city's only rows are replaced; the same files")
    func cachedMonth() async throws {
        let lake = try await Self.lake()
        defer { lake.remove() }
        // A city seen on July 22 only.
        try await Self.change([Self.day(7, 22): .spikes], in: lake)
        let weather = SilverPartition.url(lake: lake.lake, table: "weather", date: "2026-07-22")
        let handle = try FileHandle(forWritingTo: weather)
        handle.seekToEndOfFile()
        let others = GoldVariable.all.filter { $0.table == "weather" }.count - 1
        handle.write(Data(("nice,2026-07-22T12:10:00Z,21.5" + String(repeating: ",", count: others) + "\r\n").utf8))
        try handle.close()
        let added = try await Self.aggregate(lake)
        #expect(added.monthsFromCache == ["2026-07"])
        let hourly = try String(contentsOf: lake.root.appendingPathComponent("gold/city_hourly/month=2026-07/part-00000.csv"), encoding: .utf8)
        #expect(hourly.contains("nice,2026-07-22T12:00:00Z"))
        // July 22 again without it: nice has no row left, so the month is parsed.
        let gone = try await Self.change([Self.day(7, 22): .spikes], in: lake)
        #expect(gone.monthsFromCache.isEmpty)
        // A damaged cache is parsed over.
        let cache = CityHourlyCache.url(lake: lake.lake, month: UTCMonth("2026-07")!)
        var bytes = try Data(contentsOf: cache)
        bytes[bytes.count - 100] ^= 0x40
        try bytes.write(to: cache)
        let damaged = try await Self.change([Self.day(7, 23): .spikes], in: lake)
        #expect(damaged.monthsFromCache.isEmpty)
        let next = try await Self.change([Self.day(7, 23): .base], in: lake)
        #expect(next.monthsFromCache == ["2026-07"])
        // A rebuild leaves no cache behind.
        _ = try await Self.aggregate(lake, rebuild: true)
        #expect(!FileManager.default.fileExists(atPath: cache.path))
    }

    @Test("the last day of a month reaches the next month's events; the first looks back into the previous month")
    func acrossTheMonthBoundary() async throws {
        let lake = try await Self.lake()
        defer { lake.remove() }
        let end = try await Self.change([Self.day(7, 31): .spikes], in: lake)
        #expect(end.days == ["2026-07-31"] && end.eventMonths == ["2026-07", "2026-08"])
        let start = try await Self.change([Self.day(8, 1): .spikes], in: lake)
        #expect(start.days == ["2026-08-01"] && start.months == ["2026-08"])
        let both = try await Self.change([Self.day(7, 31): .base, Self.day(8, 1): .base], in: lake)
        #expect(both.days == ["2026-07-31", "2026-08-01"] && both.months == ["2026-07", "2026-08"])
    }

    @Test("a change inside episodes that span days and months cuts them, and joins them again")
    func episodes() async throws {
        let lake = try await Self.lake()
        defer { lake.remove() }
        let gold = lake.root.appendingPathComponent("gold")
        let heat = try String(contentsOf: gold.appendingPathComponent("heatwaves/month=2026-07/part-00000.csv"), encoding: .utf8)
        #expect(heat.contains("paris,2026-07-31,2026-08-02"), "a heatwave across the month boundary")
        let pm10 = try String(contentsOf: gold.appendingPathComponent("exceedances/month=2026-07/part-00000.csv"), encoding: .utf8)
        #expect(pm10.contains("paris,pm10,fr_information,2026-07-31T01:00:00Z"), "an exceedance across the month boundary")
        let cut = try await Self.change([Self.day(7, 30): .cool], in: lake)
        #expect(cut.days == ["2026-07-30"])
        let heatwaves = try String(contentsOf: lake.root.appendingPathComponent("gold/heatwaves/month=2026-08/part-00000.csv"), encoding: .utf8)
        #expect(heatwaves.contains("paris,2026-08-02"), "the heatwave cut by a cool July 30 starts again in August")
        let joined = try await Self.change([Self.day(7, 30): .base], in: lake)
        #expect(joined.days == ["2026-07-30"])
    }

    @Test("a new day after the others, as every hourly run brings")
    func newDay() async throws {
        let lake = try await Self.lake(last: Self.lastDay - 1)
        defer { lake.remove() }
        let report = try await Self.change([Self.lastDay: .spikes], in: lake)
        #expect(report.days == ["2026-08-09"] && report.silverFilesRead == 3)
    }

    @Test("an episode longer than the days read around the change is read from its start, day by day")
    func longEpisode() async throws {
        let lake = try await Self.lake(longEpisode: true)
        defer { lake.remove() }
        let report = try await Self.change([Self.day(7, 24): .warmer], in: lake, long: true)
        #expect(report.days == ["2026-07-24"])
    }

    @Test("days more than a week apart: whole months, the same files")
    func farApart() async throws {
        let lake = try await Self.lake()
        defer { lake.remove() }
        let report = try await Self.change([Self.day(7, 20): .spikes, Self.day(8, 5): .spikes], in: lake)
        #expect(report.days.isEmpty && report.months == ["2026-07", "2026-08"])
    }

    @Test("after a run day by day, every gold file has the sha256 its lineage records")
    func lineage() async throws {
        let lake = try await Self.lake()
        defer { lake.remove() }
        // Later than the first run, so that lineage orders the two runs.
        let later = LakeClock.fixed(at: Self.clock.now().addingTimeInterval(60))
        let report = try await Self.change([Self.day(8, 3): .spikes], in: lake, clock: later)
        #expect(report.days == ["2026-08-03"])
        let verified = try await LakeVerifier(lake: lake.lake, clock: later, logger: .quiet).verify()
        let gold = verified.problems.filter { $0.path.hasPrefix("gold/") }
        #expect(gold.isEmpty, "\(gold)")
        let trace = try LineageTracer(lake: lake.lake).trace("gold/city_monthly/month=2026-08/part-00000.csv")
        let silver = trace.files.filter { $0.path.hasPrefix("silver/") }.map(\.path)
        #expect(silver.count == 9 * 3, "every silver day of August: \(silver.count)")
    }
}
