import Foundation

/// Command-line options of `goodair-bench parse-validate`.
struct BenchOptions {
    /// The bronze folder holding `source=*/date=*/hour=*/`.
    var bronze: URL
    /// How many snapshots to load at most (default: all).
    var limit = Int.max
    /// How many times each measurement is repeated; the best run is reported (default 5).
    var rounds = 5
    /// The folder of `*.schema.json` payload schemas (default: `schemas/payload` of the working directory).
    var schemas = URL(fileURLWithPath: "schemas/payload")
    /// Only the snapshots of this source (default: all sources).
    var source: String?
    /// Only this measurement (`parse`, `validate` or `manifests`; default: all), for profiling.
    var phase: String?

    struct UsageError: Error, CustomStringConvertible {
        var description: String
    }

    init(parsing arguments: [String]) throws {
        guard let first = arguments.first else { throw UsageError(description: "missing BRONZE_DIR") }
        bronze = URL(fileURLWithPath: first)
        var index = 1
        while index < arguments.count {
            let flag = arguments[index]
            guard index + 1 < arguments.count else { throw UsageError(description: "\(flag) needs a value") }
            let value = arguments[index + 1]
            switch flag {
            case "--limit":
                guard let number = Int(value), number > 0 else { throw UsageError(description: "bad --limit \(value)") }
                limit = number
            case "--rounds":
                guard let number = Int(value), number > 0 else { throw UsageError(description: "bad --rounds \(value)") }
                rounds = number
            case "--phase":
                guard ["parse", "validate", "manifests"].contains(value) else { throw UsageError(description: "bad --phase \(value)") }
                phase = value
            case "--source":
                source = value
            case "--schemas":
                schemas = URL(fileURLWithPath: value)
            default:
                throw UsageError(description: "unknown option \(flag)")
            }
            index += 2
        }
    }
}
