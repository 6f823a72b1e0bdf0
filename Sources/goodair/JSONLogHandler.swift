import Foundation
import GoodAirCore
import Logging

/// A swift-log handler writing one JSON object per line to standard error, for log collectors
/// (`--log-format json`): `{"ts":"2026-11-29T14:00:01.123Z","level":"info","label":"goodair.run","message":"run.end","run.id":"…"}`.
/// Metadata keys become fields; secrets never reach a log in the first place (error types redact).
struct JSONLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var fields: [String: String] = ["ts": Timestamp.formatMillis(Date()), "level": event.level.rawValue, "label": label,
                                        "message": event.message.description]
        for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { _, new in new }) where fields[key] == nil {
            fields[key] = "\(value)"
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(fields) else { return }
        FileHandle.standardError.write(data + Data([0x0A]))
    }
}
