import Foundation
import GoodAirCore
import GoodAirHTTPServer
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// Serves a ``Dashboard`` over HTTP with Hummingbird: `goodair serve`. Listens on loopback by
/// default; put it behind an HTTPS reverse proxy to open it to the lab's network (the session
/// cookie is `Secure`).
///
/// ```swift
/// let server = try await DashboardServer.start(dashboard, host: "127.0.0.1", port: 8080, logger: logger)
/// print(server.baseURL)
/// try await server.wait()
/// ```
public final class DashboardServer: Sendable {
    public let host: String
    private let server: RunningServer

    public var port: Int { server.port }
    public var baseURL: String { "http://\(host.contains(":") ? "[\(host)]" : host):\(port)" }

    /// Request bodies above this (a login form is a few dozen bytes) are refused.
    static let maximumBody = 16 * 1024

    private init(host: String, server: RunningServer) {
        self.host = host
        self.server = server
    }

    /// Starts listening on `host`:`port` (0: any free port; ``port`` says which).
    /// - Throws: ``DashboardError/cannotStart(_:)`` naming the address and the reason.
    public static func start(_ dashboard: Dashboard, host: String, port: Int, logger: Logger) async throws -> DashboardServer {
        do {
            let server = try await RunningServer.start(host: host, port: port, name: "goodair-dashboard", logger: logger) { request in
                try await answer(request, dashboard: dashboard)
            }
            return DashboardServer(host: host, server: server)
        } catch let failure as RunningServer.StartFailure {
            throw DashboardError.cannotStart(failure.description)
        }
    }

    /// Stops listening, lets requests in flight finish, and returns once the server is down.
    public func stop() async {
        await server.stop()
    }

    /// Returns when the server stops: `goodair serve` runs until interrupted.
    public func wait() async throws {
        try await server.wait()
    }

    private static func answer(_ request: Request, dashboard: Dashboard) async throws -> Response {
        var query: [String: String] = [:]
        for (name, value) in request.uri.queryParameters where query[String(name)] == nil { query[String(name)] = String(value) }
        var headers: [String: String] = [:]
        for field in request.headers {
            let name = field.name.canonicalName.lowercased()
            let separator = name == "cookie" ? "; " : ", "   // repeated fields join, as HTTP says
            headers[name] = headers[name].map { $0 + separator + field.value } ?? field.value
        }
        // HTTP types carry the Host header as the request's authority, not as a field.
        if let authority = request.head.authority { headers["host"] = authority }
        var body: [UInt8] = []
        if request.method == .post {
            guard let buffer = try? await request.body.collect(upTo: maximumBody) else {
                return Response(status: .contentTooLarge)
            }
            body = Array(buffer.readableBytesView)
        }
        let answer = await dashboard.respond(to: DashboardRequest(method: request.method.rawValue, path: request.uri.path,
                                                                 query: query, headers: headers, body: body))
        var fields = HTTPFields()
        for (name, value) in answer.headers.sorted(by: { $0.key < $1.key }) {
            if let fieldName = HTTPField.Name(name) { fields[fieldName] = value }
        }
        return Response(status: .init(code: answer.status), headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
    }
}
