import Foundation
import GoodAirCore
import GoodAirHTTPServer
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
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
    private let server: RunningServer

    public var port: Int { server.port }
    public var baseURL: String { "http://\(engine.configuration.host):\(port)" }

    private init(engine: SimulatorEngine, server: RunningServer) {
        self.engine = engine
        self.server = server
    }

    /// Binds and starts serving; returns once the port is known. Throws when it cannot bind.
    public static func start(configuration: SimulatorConfiguration, logger: Logger) async throws -> Simulator {
        guard ["127.0.0.1", "localhost", "::1"].contains(configuration.host) || configuration.host.hasPrefix("127.") else {
            throw SimulatorError.notLoopback(configuration.host)
        }
        let engine = SimulatorEngine(configuration: configuration)
        do {
            let server = try await RunningServer.start(host: configuration.host, port: configuration.port, name: "goodair-simulator",
                                                       logger: logger) { request in try await answer(request, engine: engine) }
            return Simulator(engine: engine, server: server)
        } catch let failure as RunningServer.StartFailure {
            throw SimulatorError.cannotStart(failure.description)
        }
    }

    /// Stops serving and waits until the port is closed.
    public func stop() async {
        await server.stop()
    }

    /// Waits until the server stops (for `goodair simulate`, which runs until interrupted).
    public func wait() async throws {
        try await server.wait()
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
