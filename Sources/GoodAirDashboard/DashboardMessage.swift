import Foundation

/// A request as the dashboard sees it, whatever server carried it: method, path, the query's
/// parameters (decoded), headers (names lowercased) and the body.
public struct DashboardRequest: Sendable {
    public var method: String
    public var path: String
    public var query: [String: String]
    public var headers: [String: String]
    public var body: [UInt8]

    public init(method: String, path: String, query: [String: String] = [:], headers: [String: String] = [:], body: [UInt8] = []) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// The value of cookie `name`, from the `Cookie` header.
    func cookie(_ name: String) -> String? {
        guard let header = headers["cookie"] else { return nil }
        for pair in header.split(separator: ";") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == name { return parts[1].trimmingCharacters(in: .whitespaces) }
        }
        return nil
    }

    /// Whether a browser sent this from another site's page: `Sec-Fetch-Site: cross-site`, or an
    /// `Origin` whose host is not the `Host` asked for. (The session cookie is `SameSite=Strict`,
    /// so this stops what it cannot: a forged login into another account.)
    var isCrossSite: Bool {
        if headers["sec-fetch-site"] == "cross-site" { return true }
        guard let origin = headers["origin"] else { return false }   // not a browser's form
        guard origin != "null", let url = URL(string: origin), let originHost = url.host else { return true }
        let authority = url.port.map { "\(originHost):\($0)" } ?? originHost
        // The host asked for, or the one a reverse proxy says it was asked for.
        for host in [headers["host"], headers["x-forwarded-host"]].compactMap({ $0 }) {
            if authority == host { return false }
            if url.port == nil, originHost == host.split(separator: ":").first.map(String.init) { return false }   // a default port left out
        }
        return true
    }

    /// The fields of an `application/x-www-form-urlencoded` body.
    var form: [String: String] {
        var fields: [String: String] = [:]
        for pair in String(decoding: body, as: UTF8.self).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map {
                String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            if let name = parts.first, fields[name] == nil { fields[name] = parts.count > 1 ? parts[1] : "" }
        }
        return fields
    }
}

/// The dashboard's answer: status, headers, body.
public struct DashboardResponse: Sendable {
    public var status: Int
    public var headers: [String: String]
    public var body: [UInt8]

    public init(status: Int, headers: [String: String] = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    static func html(_ page: String, status: Int = 200) -> DashboardResponse {
        DashboardResponse(status: status, headers: ["Content-Type": "text/html; charset=utf-8"], body: Array(page.utf8))
    }

    static func json(_ value: some Encodable, status: Int = 200) -> DashboardResponse {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body = (try? encoder.encode(value)).map(Array.init) ?? Array(#"{"error":"cannot encode the answer"}"#.utf8)
        return DashboardResponse(status: status, headers: ["Content-Type": "application/json"], body: body)
    }

    static func error(_ status: Int, _ message: String) -> DashboardResponse { json(["error": message], status: status) }

    static func redirect(to location: String) -> DashboardResponse {
        DashboardResponse(status: 303, headers: ["Location": location])
    }
}
