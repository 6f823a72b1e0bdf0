import Foundation
import GoodAirCore
import GoodAirWarehouse
import Logging
import Synchronization

/// The authenticated dashboard and data API of `goodair serve` (LAKE.md §1, §5, §7): charts of a
/// city's weather against its air quality, the latest values, the reports of the gold zone, and
/// exports, for the lab's analysts. Nobody gets anything but the login page before logging in;
/// every export is audited (``ExportAudit``).
///
/// | route | answers |
/// | --- | --- |
/// | `GET /login`, `POST /login`, `POST /logout` | the login form; a session cookie; its end |
/// | `GET /?city=paris&days=7` | the dashboard page |
/// | `GET /api/cities` | the cities of the référentiel |
/// | `GET /api/series?city=&variable=&from=&to=` | a city's hourly values (dates `YYYY-MM-DD`, inclusive) |
/// | `GET /api/latest?variable=` | each city's latest hourly value |
/// | `GET /export/series.csv?city=&variables=a,b&from=&to=` | a CSV extract, audited |
/// | `GET /reports/<name>.html` | the static reports of `gold/reports/` |
///
/// It serves what `goodair aggregate` and `goodair report` wrote, reading `gold/warehouse.sqlite`
/// while they update it. The type knows nothing of HTTP servers: ``DashboardServer`` carries it.
///
/// ```swift
/// let dashboard = try Dashboard(lake: lake, users: users, clock: .system, logger: logger)
/// let response = await dashboard.respond(to: DashboardRequest(method: "GET", path: "/api/cities"))  // 401
/// ```
public final class Dashboard: Sendable {
    public let lake: Lake
    let users: DashboardUsers
    let sessions: SessionStore
    let audit: ExportAudit
    let clock: LakeClock
    let logger: Logger
    let secureCookies: Bool
    let cities: [City]
    private let openedWarehouse = Mutex<WarehouseQueries?>(nil)

    /// The session cookie's name.
    static let cookie = "goodair_session"

    /// - Parameters:
    ///   - sessionLifetime: how long a login lasts (default 12 hours).
    ///   - secureCookies: whether the cookie is `Secure`, sent over HTTPS only (default true;
    ///     browsers treat `localhost` as secure too). Turn it off only on a plain-HTTP test setup.
    public init(lake: Lake, users: DashboardUsers, sessionLifetime: TimeInterval = 12 * 3600, secureCookies: Bool = true,
                clock: LakeClock, logger: Logger) throws {
        self.lake = lake
        self.users = users
        self.sessions = SessionStore(lifetime: sessionLifetime, clock: clock)
        self.audit = ExportAudit(lake: lake)
        self.clock = clock
        self.logger = logger
        self.secureCookies = secureCookies
        self.cities = try CityCatalog.load(from: lake.citiesFile).cities
    }

    /// Answers one request.
    public func respond(to request: DashboardRequest) async -> DashboardResponse {
        var response = await route(request)
        // No page may be framed, sniffed or cached by a shared cache; scripts and styles are inline only.
        response.headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'"
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["Cache-Control"] = "no-store"
        return response
    }

    private func route(_ request: DashboardRequest) async -> DashboardResponse {
        if request.method == "POST", request.isCrossSite {
            logger.warning("serve.cross_site_post", metadata: ["path": "\(request.path.prefix(100))"])
            return .error(403, "a form of another site cannot post here")
        }
        switch (request.method, request.path) {
        case ("GET", "/login"): return loginPage(message: nil)
        case ("POST", "/login"): return await login(request)
        default: break
        }
        guard let token = request.cookie(Self.cookie), let user = sessions.user(of: token) else {
            let isData = request.path.hasPrefix("/api/") || request.path.hasPrefix("/export/")
            return isData ? .error(401, "log in first: POST /login with user and password") : .redirect(to: "/login")
        }
        switch (request.method, request.path) {
        case ("POST", "/logout"):
            sessions.close(token)
            logger.info("serve.logout", metadata: ["user": "\(user)"])
            var response = DashboardResponse.redirect(to: "/login")
            response.headers["Set-Cookie"] = cookieHeader(value: "", maxAge: 0)
            return response
        case ("GET", "/"): return dashboardPage(user: user, request: request)
        case ("GET", "/api/cities"): return .json(cities.map { ["city_id": $0.id, "name": $0.name, "region": $0.region] })
        case ("GET", "/api/series"): return series(request, user: user)
        case ("GET", "/api/latest"): return latest(request, user: user)
        case ("GET", "/export/series.csv"): return export(request, user: user)
        case ("GET", _) where request.path.hasPrefix("/reports/"): return report(named: String(request.path.dropFirst(9)))
        default: return .error(404, "no such page: \(request.method) \(request.path.prefix(100))")
        }
    }

    /// `POST /login`: a session cookie for a right name and password, the form again otherwise.
    /// The attempt is counted before the password is checked, so concurrent guesses cannot pass
    /// the throttle together; bcrypt runs on a queue of its own, one check at a time, off the
    /// threads that serve requests.
    private func login(_ request: DashboardRequest) async -> DashboardResponse {
        let form = request.form
        let name = (form["user"] ?? "").lowercased(), password = form["password"] ?? ""
        // Only a known name is logged: a password typed into the name field must not reach the log.
        let shown = users.knows(name) ? name : "(unknown)"
        guard sessions.reserveAttempt(name) else {
            logger.warning("serve.login_throttled", metadata: ["user": "\(shown)"])
            return loginPage(message: "Trop d'essais pour ce nom : réessayez dans un quart d'heure.", status: 429)
        }
        let users = self.users
        let verified = await withCheckedContinuation { continuation in
            Self.bcryptQueue.async { continuation.resume(returning: users.verify(name: name, password: password)) }
        }
        guard verified else {
            logger.notice("serve.login_failed", metadata: ["user": "\(shown)"])
            return loginPage(message: "Nom ou mot de passe incorrect.", status: 401)
        }
        let token = sessions.open(for: name)
        logger.info("serve.login", metadata: ["user": "\(name)"])
        var response = DashboardResponse.redirect(to: "/")
        response.headers["Set-Cookie"] = cookieHeader(value: token, maxAge: Int(sessions.lifetime))
        return response
    }

    /// Where password checks run: one at a time (about a quarter of a second each at cost 12),
    /// so a flood of logins queues up instead of taking every core.
    private static let bcryptQueue = DispatchQueue(label: "goodair.dashboard.bcrypt")

    private func cookieHeader(value: String, maxAge: Int) -> String {
        "\(Self.cookie)=\(value); Path=/; Max-Age=\(maxAge); HttpOnly; SameSite=Strict" + (secureCookies ? "; Secure" : "")
    }

    /// The warehouse, opened on first use (it may not exist yet when the server starts).
    func queries() -> WarehouseQueries? {
        openedWarehouse.withLock { queries in
            if queries == nil { queries = try? WarehouseQueries.open(lake: lake) }
            return queries
        }
    }
}
