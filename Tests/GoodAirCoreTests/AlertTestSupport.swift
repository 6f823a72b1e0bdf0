import Foundation
import GoodAirCore
import GoodAirTesting
import Logging
import Synchronization
import Testing

/// Shared values of the alert suites.
enum AlertFixtures {
    /// 2026-11-29T14:00:00Z, a Sunday in winter (Paris is UTC+1).
    static let start = Timestamp.parse("2026-11-29T14:00:00Z")!
    static let password = "pw-Tres-Secret-7c41f0e2a9d8"
    static let from = try! MailAddress.parse("GoodAir Lake <alertes@goodair.test>")
    static let to = [try! MailAddress("data@labo.test")]

    static func thresholds() throws -> [Threshold] {
        try Threshold.load(from: Fixtures.repositoryRoot.appendingPathComponent("lake/reference/thresholds.csv"))
    }

    /// NO2 above the information threshold in Paris since `since`.
    static func no2Paris(since: Date = start) throws -> IncidentSignal {
        let threshold = try #require(try thresholds().first { $0.id == "fr_information" && $0.rule.pollutant == "no2" })
        return .exceedance(threshold: threshold, cityID: "paris", cityName: "Paris", since: since,
                           details: "moyenne horaire de 212 µg/m³ (seuil 200 µg/m³)")
    }

    /// Settings for `sink`, one recipient unless given.
    static func settings(_ sink: SMTPSink, to: [MailAddress] = to) throws -> SMTPSettings {
        var settings = try SMTPSettings(url: sink.url, from: from, to: to)
        settings.timeout = 10
        return settings
    }

    static func center(_ lake: TemporaryLake, settings: SMTPSettings?, clock: MovableClock, logs: LogCapture = LogCapture(),
                       remindHours: Double = 24) -> AlertCenter {
        var policy = AlertPolicy()
        policy.remindInterval = remindHours * 3600
        return AlertCenter(lake: lake.lake, policy: policy, delivery: settings.map(AlertDelivery.init), clock: clock.clock, logger: logs.logger)
    }
}

/// A temporary lake, a running SMTP sink and a clock at ``AlertFixtures/start`` for one test;
/// `close()` stops and removes them.
final class SMTPHarness: Sendable {
    let lake: TemporaryLake
    let sink: SMTPSink
    let clock = MovableClock(AlertFixtures.start)

    init(_ options: SMTPSink.Options = .init()) async throws {
        lake = try TemporaryLake()
        sink = try await SMTPSink.start(options)
    }

    /// A center delivering to the sink.
    func center(logs: LogCapture = LogCapture()) throws -> AlertCenter {
        AlertFixtures.center(lake, settings: try AlertFixtures.settings(sink), clock: clock, logs: logs)
    }

    func close() {
        sink.stop()
        lake.remove()
    }
}
