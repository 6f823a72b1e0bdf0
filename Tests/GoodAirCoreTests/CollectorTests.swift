import Foundation
import GoodAirCore
import GoodAirSimulator
import GoodAirTesting
import Testing

/// The collector against the simulator over real loopback HTTP: files, manifests, idempotence.
@Suite("Collector")
struct CollectorTests {
    let hour = Fixtures.currentHour

    @Test("one hour of every source lands in bronze, gzip, byte for byte, with a manifest")
    func collectsOneHour() async throws {
        let lake = try TemporaryLake()
        defer { lake.remove() }
        let sim = try await TestSimulator.start(quirks: .none)
        let cities = try Fixtures.cities(3)
        let report = try await sim.collector(lake: lake.lake).collect(CollectPlan(hours: [hour], cities: cities))
        await sim.stop()

        #expect(report.status == .success)
        #expect(report.fetched == 9)
        #expect(report.failures.isEmpty)
        #expect(report.requests == 9)
        for source in Source.allCases {
            let folder = lake.lake.bronzeHourFolder(source: source, hour: hour)
            #expect(folder.path.hasSuffix("bronze/source=\(source.rawValue)/date=2026-11-29/hour=14"))
            let manifest = try #require(try HourManifest.read(in: folder))
            #expect(manifest.source == source)
            #expect(manifest.hour == "2026-11-29T14:00:00Z")
            #expect(manifest.fetches.map(\.cityID) == cities.map(\.id).sorted())
            for record in manifest.fetches {
                #expect(record.outcome == .ok)
                #expect(record.httpStatus == 200)
                #expect(record.attempts == 1)
                #expect(record.attemptErrors.isEmpty)
                #expect(record.error == nil)
                #expect(record.url.hasPrefix(sim.baseURL))
                #expect(record.url.hasSuffix("=REDACTED"))
                let file = folder.appendingPathComponent(try #require(record.file))
                let stored = Array(try Data(contentsOf: file))
                #expect(stored.count == record.storedBytes)
                let raw = try Gzip.decompress(stored)
                #expect(raw.count == record.rawBytes)
                #expect(Checksum.sha256Hex(raw) == record.sha256)
                let json = try #require(try JSONSerialization.jsonObject(with: Data(raw)) as? [String: Any])
                switch source {
                case .aqicn:
                    #expect(record.apiStatus == "ok")
                    #expect(json["status"] as? String == "ok")
                case .owmWeather:
                    #expect(record.apiStatus == "200")
                    let main = try #require(json["main"] as? [String: Any])
                    let temperature = try #require(main["temp"] as? Double)
                    #expect((-30...50).contains(temperature), "units=metric gives °C, not Kelvin")
                case .owmAir:
                    #expect(record.apiStatus == nil, "the air pollution answer has no cod")
                    #expect(json["list"] is [Any])
                }
            }
        }
        #expect(try lake.pathsContaining(Fixtures.aqicnToken).isEmpty)
        #expect(try lake.pathsContaining(Fixtures.owmKey).isEmpty)
    }

    @Test("running the same hour again fetches nothing and changes no snapshot")
    func rerunIsIdempotent() async throws {
        let lake = try TemporaryLake()
        defer { lake.remove() }
        let sim = try await TestSimulator.start()
        let plan = CollectPlan(hours: [hour.advanced(by: -1), hour], cities: try Fixtures.cities(4))
        let first = try await sim.collector(lake: lake.lake).collect(plan)
        let snapshots = try lake.allContents().filter { $0.path.hasSuffix(".json.gz") }
        let requestsAfterFirst = sim.requestLog.count
        let second = try await sim.collector(lake: lake.lake).collect(plan)
        await sim.stop()

        #expect(first.fetched == 24)
        #expect(second.fetched == 0)
        #expect(second.skipped == 24)
        #expect(second.requests == 0)
        #expect(sim.requestLog.count == requestsAfterFirst, "no request for what is already there")
        let again = try lake.allContents().filter { $0.path.hasSuffix(".json.gz") }
        #expect(again.map(\.path) == snapshots.map(\.path))
        #expect(zip(again, snapshots).allSatisfy { $0.bytes == $1.bytes })
    }

    @Test("a range of hours streams through: every hour gets its snapshots and its manifest")
    func collectsARange() async throws {
        let lake = try TemporaryLake()
        defer { lake.remove() }
        let sim = try await TestSimulator.start()
        let hours = Hour.range(hour.advanced(by: -9), through: hour)
        let cities = try Fixtures.cities(3)
        nonisolated(unsafe) var seen: [Int] = []
        let report = try await sim.collector(lake: lake.lake)
            .collect(CollectPlan(hours: hours.reversed(), cities: cities, sources: [.aqicn, .owmAir])) { seen.append($0.hoursDone) }
        await sim.stop()
        #expect(report.hours == 10)
        #expect(report.fetched == 60)
        #expect(seen == Array(1...10), "progress after each hour")
        for h in hours {
            for source in [Source.aqicn, .owmAir] {
                let manifest = try #require(try HourManifest.read(in: lake.lake.bronzeHourFolder(source: source, hour: h)))
                #expect(manifest.hour == h.description)
                #expect(manifest.fetches.count == 3)
                #expect(manifest.fetches.allSatisfy { $0.outcome == .ok })
            }
        }
        #expect(lake.allFiles().filter { $0.hasSuffix(".json.gz") }.count == 60)
    }

    @Test("after a crash: temporaries go, a snapshot written without its manifest entry is adopted, not fetched again")
    func adoptsWhatAnInterruptedRunWrote() async throws {
        let lake = try TemporaryLake()
        defer { lake.remove() }
        let sim = try await TestSimulator.start()
        let cities = try Fixtures.cities(3)
        let plan = CollectPlan(hours: [hour], cities: cities, sources: [.aqicn])
        _ = try await sim.collector(lake: lake.lake).collect(plan)
        let folder = lake.lake.bronzeHourFolder(source: .aqicn, hour: hour)
        let original = try #require(try HourManifest.read(in: folder))
        // A run killed after writing its snapshots but before its manifest: no manifest at all,
        // and a hidden temporary from the write it was in.
        try FileManager.default.removeItem(at: folder.appendingPathComponent(HourManifest.fileName))
        try Data("partial".utf8).write(to: folder.appendingPathComponent(".\(cities[0].id).json.gz.tmp-1-2"))
        let requests = sim.requestLog.count
        let report = try await sim.collector(lake: lake.lake).collect(plan)
        await sim.stop()

        #expect(report.fetched == 0)
        #expect(report.skipped == 3)
        #expect(sim.requestLog.count == requests, "nothing fetched twice")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == (["_manifest.json"] + cities.map { "\($0.id).json.gz" }).sorted())
        let adopted = try #require(try HourManifest.read(in: folder))
        for record in adopted.fetches {
            let before = try #require(original.record(for: record.cityID))
            #expect(record.outcome == .ok)
            #expect(record.sha256 == before.sha256)
            #expect(record.rawBytes == before.rawBytes)
            #expect(record.apiStatus == "ok")
            #expect(try #require(record.note).hasPrefix("adopted"))
        }
    }

    @Test("a good snapshot whose file went missing is fetched again, and its record says what happened")
    func refetchesALostSnapshot() async throws {
        let lake = try TemporaryLake()
        defer { lake.remove() }
        let cities = try Fixtures.cities(2)
        let plan = CollectPlan(hours: [hour], cities: cities, sources: [.aqicn])
        let good = try await TestSimulator.start()
        _ = try await good.collector(lake: lake.lake).collect(plan)
        await good.stop()
        let folder = lake.lake.bronzeHourFolder(source: .aqicn, hour: hour)
        let lost = lake.lake.snapshotFile(source: .aqicn, hour: hour, cityID: cities[1].id)
        try FileManager.default.removeItem(at: lost)
        // The API now answers with an error: the new record must say so, not keep the old one.
        let failing = try await TestSimulator.start(faults: [try FaultRule.parse("api-error@aqicn")])
        let report = try await failing.collector(lake: lake.lake).collect(plan)
        await failing.stop()

        #expect(report.skipped == 1)
        #expect(report.failures.map(\.cityID) == [cities[1].id])
        let manifest = try #require(try HourManifest.read(in: folder))
        let record = try #require(manifest.record(for: cities[1].id))
        #expect(record.outcome == .failed)
        #expect(record.error == "AQICN error: Unknown station")
        #expect(try #require(record.file).hasPrefix("_failed/"))
        #expect(!FileManager.default.fileExists(atPath: lost.path), "an error body never takes a snapshot's name")
        let retired = try #require(manifest.superseded.first)
        #expect(retired.cityID == cities[1].id)
        #expect(try #require(retired.error).contains("gone missing"))
    }

    @Test("an hour after the current one is refused before anything is fetched")
    func refusesTheFuture() async throws {
        let lake = try TemporaryLake()
        defer { lake.remove() }
        let sim = try await TestSimulator.start()
        let collector = sim.collector(lake: lake.lake)
        await #expect(throws: CollectError.self) {
            try await collector.collect(CollectPlan(hours: [hour.advanced(by: 1)], cities: try Fixtures.cities(1)))
        }
        await sim.stop()
        #expect(sim.requestLog.isEmpty)
    }

    @Test("a missing key is a configuration error naming its variable")
    func missingKey() async throws {
        let lake = try TemporaryLake()
        defer { lake.remove() }
        let sim = try await TestSimulator.start()
        let collector = sim.collector(lake: lake.lake, endpoints: sim.endpoints(owmKey: ""))
        do {
            _ = try await collector.collect(CollectPlan(hours: [hour], cities: try Fixtures.cities(1)))
            Issue.record("expected a missing-key error")
        } catch let error as CollectError {
            #expect("\(error)".contains("GOODAIR_OWM_KEY"))
        }
        // Collecting only AQICN needs no OpenWeatherMap key.
        let report = try await collector.collect(CollectPlan(hours: [hour], cities: try Fixtures.cities(1), sources: [.aqicn]))
        await sim.stop()
        #expect(report.status == .success)
    }

    @Test("a server that only answers for the present is refused for past hours, and nothing is stored")
    func pastHoursNeedAReplayingServer() async throws {
        let lake = try TemporaryLake()
        defer { lake.remove() }
        let sim = try await TestSimulator.start(replay: false)
        let report = try await sim.collector(lake: lake.lake)
            .collect(CollectPlan(hours: [hour.advanced(by: -3)], cities: try Fixtures.cities(20), sources: [.owmAir]))
        await sim.stop()
        #expect(report.status == .failed)
        #expect(report.failures.count == 20)
        #expect(report.failures.allSatisfy { $0.error.contains("only for the present") })
        #expect(sim.requestLog.count <= 8, "after the first refusal only requests already in flight are answered")
        #expect(!lake.allFiles().contains { $0.hasSuffix(".json.gz") })
    }
}
