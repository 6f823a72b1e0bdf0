import Foundation
import GoodAirCore
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

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
    public let port: Int
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    public var baseURL: String { "http://\(host.contains(":") ? "[\(host)]" : host):\(port)" }

    /// Request bodies above this (a login form is a few dozen bytes) are refused.
    static let maximumBody = 16 * 1024

    private init(host: String, port: Int, group: ServiceGroup, task: Task<Void, any Error>) {
        self.host = host
        self.port = port
        self.group = group
        self.task = task
    }

    /// Starts listening on `host`:`port` (0: any free port; ``port`` says which).
    public static func start(_ dashboard: Dashboard, host: String, port: Int, logger: Logger) async throws -> DashboardServer {
        let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            responder: CallbackResponder<BasicRequestContext> { request, _ in
                try await answer(request, dashboard: dashboard)
            },
            configuration: .init(address: .hostname(host, port: port), serverName: "goodair-dashboard"),
            onServerRunning: { channel in
                portSink.yield(channel.localAddress?.port ?? 0)
                portSink.finish()
            },
            logger: logger
        )
        let group = ServiceGroup(configuration: .init(services: [app], logger: logger))
        let task = Task {
            defer { portSink.finish() }
            try await group.run()
        }
        var bound = 0
        for await p in ports { bound = p }
        guard bound > 0 else {
            let reason: String
            do { try await task.value; reason = "the server stopped at once" } catch { reason = "\(error)" }
            throw DashboardError.cannotStart("\(host):\(port): \(reason)")
        }
        return DashboardServer(host: host, port: bound, group: group, task: task)
    }

    public func stop() async {
        await group.triggerGracefulShutdown()
        _ = try? await task.value
    }

    public func wait() async throws {
        try await task.value
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
