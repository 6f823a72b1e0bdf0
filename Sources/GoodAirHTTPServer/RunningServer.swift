import Hummingbird
import Logging
import ServiceLifecycle

/// A Hummingbird HTTP server started in the background, as the simulator and the dashboard run
/// one: it listens on `host`:`port` (0: any free port, ``port`` says which) and answers every
/// request with `respond`, until ``stop()``.
///
/// ```swift
/// let server = try await RunningServer.start(host: "127.0.0.1", port: 0, name: "goodair-dashboard", logger: logger) { request in
///     Response(status: .ok)
/// }
/// print(server.port)
/// ```
public final class RunningServer: Sendable {
    /// Why the server did not start listening.
    public struct StartFailure: Error, CustomStringConvertible {
        public let description: String
    }

    public let port: Int
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    private init(port: Int, group: ServiceGroup, task: Task<Void, any Error>) {
        self.port = port
        self.group = group
        self.task = task
    }

    /// Starts the server and returns once it listens.
    /// - Throws: ``StartFailure`` naming `host`:`port` and the reason (a port in use, say).
    public static func start(host: String, port: Int, name: String, logger: Logger,
                             respond: @escaping @Sendable (Request) async throws -> Response) async throws -> RunningServer {
        let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            responder: CallbackResponder<BasicRequestContext> { request, _ in try await respond(request) },
            configuration: .init(address: .hostname(host, port: port), serverName: name),
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
            throw StartFailure(description: "\(host):\(port): \(reason)")
        }
        return RunningServer(port: bound, group: group, task: task)
    }

    /// Stops listening, lets requests in flight finish, and returns once the server is down.
    public func stop() async {
        await group.triggerGracefulShutdown()
        _ = try? await task.value
    }

    /// Returns when the server stops (never, unless stopped or failing).
    public func wait() async throws {
        try await task.value
    }
}
