import Foundation
import GoodAirCore
@testable import GoodAirDashboard
import GoodAirTesting
import GoodAirWarehouse
import Synchronization
import Testing

/// The suite's lake and a running dashboard over it, for ``DashboardTests``.
extension DashboardTests {
    /// One lake for the suite: 30 hours of 2 cities collected from the simulator, curated,
    /// aggregated, loaded into the warehouse and reported. Tests only read it (and append exports).
    static let fixture = Task { () throws -> TemporaryLake in
        let lake = try await LifecycleFixture.lake(hours: 30, cities: 2)
        let thresholds = Fixtures.repositoryCitiesFile.deletingLastPathComponent().appendingPathComponent("thresholds.csv")
        try AtomicFile.write(Array(try Data(contentsOf: thresholds)), to: lake.lake.reference.appendingPathComponent("thresholds.csv"))
        let clock = LakeClock.fixed(at: Fixtures.now)
        _ = try await Aggregator(lake: lake.lake, configuration: AggregateConfiguration(schemas: LifecycleFixture.schemas), clock: clock, logger: .quiet).aggregate()
        _ = try Warehouse.update(lake: lake.lake, months: [], rebuild: true, logger: .quiet)
        var reports = ReportBuilder(lake: lake.lake, logger: .quiet)
        reports.now = Fixtures.now
        _ = try reports.run(cities: nil, from: nil, to: nil, clock: clock)
        // A static outlives every test and is never deinitialized: the lake goes when the process exits.
        fixtureRoot.withLock { $0 = lake.root.path }
        atexit { DashboardTests.fixtureRoot.withLock { root in root.map { _ = try? FileManager.default.removeItem(atPath: $0) } } }
        return lake
    }

    /// The suite lake's folder, removed at exit.
    static let fixtureRoot = Mutex<String?>(nil)

    static let password = "un mot de passe assez long"

    /// A running dashboard over the suite's lake, with users `marie` and `paul`, and its clock.
    final class Harness: Sendable {
        let server: DashboardServer
        let clock: MovableClock
        let logs: LogCapture
        let lake: Lake
        let http = CurlHTTPClient()
        let usersFile: URL

        init(lifetime: TimeInterval = 3600, lake: Lake? = nil) async throws {
            if let lake { self.lake = lake } else { self.lake = try await DashboardTests.fixture.value.lake }
            usersFile = FileManager.default.temporaryDirectory.appendingPathComponent("goodair-users-\(UUID().uuidString)")
            for name in ["marie", "paul"] { try DashboardUsers.add(name: name, password: DashboardTests.password, to: usersFile, lake: self.lake, cost: 4) }
            clock = MovableClock(Fixtures.now)
            logs = LogCapture()
            let dashboard = try Dashboard(lake: self.lake, users: try DashboardUsers.load(from: usersFile, lake: self.lake), sessionLifetime: lifetime,
                                          clock: clock.clock, logger: logs.logger)
            server = try await DashboardServer.start(dashboard, host: "127.0.0.1", port: 0, logger: .quiet)
        }

        func close() async {
            await server.stop()
            try? FileManager.default.removeItem(at: usersFile)
        }

        func get(_ path: String, cookie: String? = nil) async throws -> HTTPResponse {
            try await http.send(HTTPRequest(url: server.baseURL + path, headers: cookie.map { ["Cookie": $0] } ?? [:], timeout: 10))
        }

        func post(_ path: String, form: String, cookie: String? = nil, headers extra: [String: String] = [:]) async throws -> HTTPResponse {
            var headers = extra
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            if let cookie { headers["Cookie"] = cookie }
            return try await http.send(HTTPRequest(url: server.baseURL + path, headers: headers, timeout: 10, body: Array(form.utf8)))
        }

        /// Logs in and returns the `name=value` of the session cookie.
        func login(_ user: String = "marie", password: String = DashboardTests.password) async throws -> String {
            let response = try await post("/login", form: "user=\(user)&password=\(password.replacingOccurrences(of: " ", with: "+"))")
            #expect(response.status == 303 && response.headers["location"] == "/")
            let cookie = try #require(response.headers["set-cookie"])
            return String(try #require(cookie.split(separator: ";").first))
        }
    }

    /// A lake of its own, a copy of the suite's, for a test that changes what is in it.
    static func copyOfFixture() async throws -> TemporaryLake {
        let source = try await fixture.value
        let copy = try TemporaryLake()
        try FileManager.default.removeItem(at: copy.root)
        try FileManager.default.copyItem(at: source.root, to: copy.root)
        return copy
    }

    /// Runs `body` with a new harness, and stops its server whatever happens.
    static func withHarness(lifetime: TimeInterval = 3600, lake: Lake? = nil, _ body: (Harness) async throws -> Void) async throws {
        let harness = try await Harness(lifetime: lifetime, lake: lake)
        do { try await body(harness) } catch {
            await harness.close()
            throw error
        }
        await harness.close()
    }
}
