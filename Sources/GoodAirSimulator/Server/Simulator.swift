import Foundation
import GoodAirCore
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization

/// The simulator's HTTP server on loopback: the three real endpoints, answered by a
/// `SimulatorEngine`. Started in-process by `goodair demo` and by tests, or on its own by
/// `goodair simulate`.
///
/// ```swift
/// let simulator = try await Simulator.start(configuration: configuration, logger: logger)
/// simulator.baseURL        // "http://127.0.0.1:41234": set as GOODAIR_AQICN_URL and GOODAIR_OWM_URL
/// await simulator.stop()
/// ```
public final class Simulator: Sendable {
    public let engine: SimulatorEngine
    /// The port it listens on.
    public let port: Int
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    /// `http://host:port`, the base URL of all three APIs.
    public var baseURL: String { "http://\(engine.configuration.host):\(port)" }

    private init(engine: SimulatorEngine, port: Int, group: ServiceGroup, task: Task<Void, any Error>) {
        self.engine = engine
        self.port = port
        self.group = group
        self.task = task
    }

    /// Binds and starts serving; returns once the port is known. Throws when it cannot bind.
    public static func start(configuration: SimulatorConfiguration, logger: Logger) async throws -> Simulator {
        guard ["127.0.0.1", "localhost", "::1"].contains(configuration.host) || configuration.host.hasPrefix("127.") else {
            throw SimulatorError.notLoopback(configuration.host)
        }
        let engine = SimulatorEngine(configuration: configuration)
        let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            responder: CallbackResponder<BasicRequestContext> { request, _ in
                try await answer(request, engine: engine)
            },
            configuration: .init(address: .hostname(configuration.host, port: configuration.port),
                                 serverName: "goodair-simulator"),
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
        var port = 0
        for await p in ports { port = p }
        guard port > 0 else {
            let reason: String
            do { try await task.value; reason = "the server stopped at once" } catch { reason = "\(error)" }
            throw SimulatorError.cannotStart("\(configuration.host):\(configuration.port): \(reason)")
        }
        return Simulator(engine: engine, port: port, group: group, task: task)
    }

    /// Stops serving and waits until the port is closed.
    public func stop() async {
        await group.triggerGracefulShutdown()
        _ = try? await task.value
    }

    /// Waits until the server stops (for `goodair simulate`, which runs until interrupted).
    public func wait() async throws {
        try await task.value
    }

    private static func answer(_ request: Request, engine: SimulatorEngine) async throws -> Response {
        var query: [String: String] = [:]
        for (name, value) in request.uri.queryParameters { query[String(name)] = String(value) }
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.canonicalName] = field.value }
        let answer = engine.respond(to: SimulatedRequest(path: request.uri.path, query: query, headers: headers))
        if answer.delay > 0 { try await Task.sleep(nanoseconds: UInt64(answer.delay * 1_000_000_000)) }
        var fields = HTTPFields()
        for (name, value) in answer.headers.sorted(by: { $0.key < $1.key }) {
            if let fieldName = HTTPField.Name(name) { fields[fieldName] = value }
        }
        return Response(status: .init(code: answer.status), headers: fields,
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
    }
}

/// The simulator could not start.
public enum SimulatorError: Error, CustomStringConvertible {
    case notLoopback(String)
    case cannotStart(String)

    public var description: String {
        switch self {
        case .notLoopback(let host): return "the simulator listens on loopback only, not on \(host)"
        case .cannotStart(let why): return "the simulator could not start on \(why)"
        }
    }
}
