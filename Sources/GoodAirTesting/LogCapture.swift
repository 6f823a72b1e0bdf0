import Logging
import Synchronization

/// Every log line of a logger, with its metadata, in memory.
public final class LogCapture: Sendable {
    public init() {}
    private let lines = Mutex<[String]>([])
    public var all: String { lines.withLock { $0.joined(separator: "\n") } }
    public var logger: Logger {
        var logger = Logger(label: "goodair.test") { _ in CapturingHandler(capture: self) }
        logger.logLevel = .trace
        return logger
    }
    public func append(_ line: String) { lines.withLock { $0.append(line) } }

    struct CapturingHandler: LogHandler {
        let capture: LogCapture
        var metadata: Logger.Metadata = [:]
        var metadataProvider: Logger.MetadataProvider?
        var logLevel: Logger.Level = .trace
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) {
            let all = metadata.merging(event.metadata ?? [:]) { $1 }
            capture.append("\(event.level) \(event.message) " + all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))
        }
    }
}
