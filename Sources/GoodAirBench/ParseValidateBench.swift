import Foundation
import GoodAirCore

/// `parse-validate`: parse-only and validate-only timings per source, and manifest parsing.
struct ParseValidateBench {
    let options: BenchOptions

    /// Payload schema file of each source.
    static let schemaFiles = [
        "aqicn": "aqicn-feed.schema.json", "owm_weather": "owm-weather.schema.json", "owm_air": "owm-air.schema.json",
    ]

    func run() throws {
        let corpus = try BenchCorpus(bronze: options.bronze, limit: options.limit, source: options.source)
        var sink = 0
        print("source        docs     KB/doc   parse ns/doc   parse MB/s   validate ns/doc   total ns/doc")
        for source in corpus.snapshots.keys.sorted() {
            let documents = corpus.snapshots[source]!
            guard let file = Self.schemaFiles[source] else { continue }
            let schema = try JSONSchema(contentsOf: options.schemas.appendingPathComponent(file))
            let tapes = try documents.map { try JSONTape(parsing: $0) }
            for (index, tape) in tapes.enumerated() where !schema.isValid(tape) || !schema.validate(tape).isEmpty {
                throw BenchError("\(source) snapshot \(index) is reported invalid: \(schema.validate(tape))")
            }
            let bytes = documents.reduce(0) { $0 + $1.count }
            let parse = try BenchClock.best(rounds: rounds("parse"), sink: &sink) {
                var nodes = 0
                for document in documents { nodes &+= try JSONTape(parsing: document).nodeCount }
                return nodes
            }
            let validate = BenchClock.best(rounds: rounds("validate"), sink: &sink) {
                var valid = 0
                for tape in tapes where schema.isValid(tape) { valid += 1 }
                return valid
            }
            let count = Double(documents.count)
            print(Self.row(source, documents.count, Double(bytes) / count / 1024, parse / count,
                           Double(bytes) / parse * 1e3, validate / count))
        }
        let manifestBytes = corpus.manifests.reduce(0) { $0 + $1.count }
        let manifests = try BenchClock.best(rounds: rounds("manifests"), sink: &sink) {
            var nodes = 0
            for manifest in corpus.manifests { nodes &+= try JSONTape(parsing: manifest).nodeCount }
            return nodes
        }
        let perFile = manifests / Double(max(corpus.manifests.count, 1))
        print("manifests \(corpus.manifests.count) files, \(manifestBytes / max(corpus.manifests.count, 1)) B/file: "
              + "\(Self.format(perFile, 0)) ns/file, \(Self.format(Double(manifestBytes) / manifests * 1e3, 0)) MB/s")
        if sink == 42 { print("") }
    }

    /// The rounds of measurement `phase`: all, or a single one when another phase is profiled.
    func rounds(_ phase: String) -> Int {
        guard let only = options.phase else { return options.rounds }
        return only == phase ? options.rounds : 1
    }

    static func row(_ source: String, _ docs: Int, _ kilobytes: Double, _ parse: Double, _ megabytes: Double,
                    _ validate: Double) -> String {
        pad(source, 12) + pad("\(docs)", 8, right: true) + pad(format(kilobytes, 2), 10, right: true)
            + pad(format(parse, 0), 15, right: true) + pad(format(megabytes, 0), 13, right: true)
            + pad(format(validate, 0), 18, right: true) + pad(format(parse + validate, 0), 15, right: true)
    }

    static func format(_ value: Double, _ decimals: Int) -> String { String(format: "%.\(decimals)f", value) }

    static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return right ? fill + text : text + fill
    }
}
