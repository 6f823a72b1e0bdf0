import Foundation
@testable import GoodAirCore
import GoodAirTesting
import Testing

/// Builds the reports of a real lake when `GOODAIR_REPORT_LAKE` names one (e.g. a `goodair demo`
/// lake), to look at them: `GOODAIR_REPORT_LAKE=/tmp/rp-lake swift test --filter ReportDemoLake`.
/// `GOODAIR_REPORT_CITIES`, `GOODAIR_REPORT_FROM`, `GOODAIR_REPORT_TO` pass the options.
@Suite("Reports on a real lake")
struct ReportDemoLakeTests {
    static let environment = ProcessInfo.processInfo.environment

    @Test("builds the reports of GOODAIR_REPORT_LAKE", .enabled(if: environment["GOODAIR_REPORT_LAKE"] != nil))
    func demoLake() throws {
        let env = Self.environment
        var builder = ReportBuilder(lake: Lake(root: URL(fileURLWithPath: env["GOODAIR_REPORT_LAKE"]!)), logger: .quiet)
        builder.now = env["GOODAIR_REPORT_NOW"].flatMap { Timestamp.parse($0) }
        let start = Date()
        let summary = try builder.build(cities: env["GOODAIR_REPORT_CITIES"].map { [$0] }, from: env["GOODAIR_REPORT_FROM"],
                                        to: env["GOODAIR_REPORT_TO"])
        print("\(summary) in \(Int(Date().timeIntervalSince(start) * 1000)) ms")
        #expect(summary.files.count == 5)
    }
}
