import ArgumentParser
import Foundation
import GoodAirCore

extension GoodAir {
    /// `goodair schema`: JSON Schema tools.
    struct Schema: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Work with JSON Schemas (draft 2020-12), such as those of schemas/.",
            subcommands: [Validate.self]
        )

        struct Validate: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Validate JSON documents against a JSON Schema (draft 2020-12).",
                discussion: """
                Prints one line per failure, on standard output:
                  FILE: /instance/pointer: message (schema: /keyword/location)
                and a count of valid and invalid files on standard error. A FILE ending in .gz is
                gunzipped first, so bronze snapshots can be checked as stored. A FILE that is not
                JSON is invalid; one that cannot be read (or gunzipped) is reported and skipped.

                Examples:
                  goodair schema validate schemas/aqicn.json lake/bronze/source=aqicn/date=2026-11-29/hour=14/*.json.gz
                  goodair schema validate schemas/owm_weather.json payload.json

                Exit: 0 every file valid; 1 some file invalid; 2 bad usage, a FILE that cannot be
                read, or a schema that cannot be read or compiled (the error names the place in it).
                """
            )

            @OptionGroup var options: LakeOptions

            @Argument(help: ArgumentHelp("The JSON Schema file.", valueName: "schema"))
            var schema: String

            @Argument(help: ArgumentHelp("Documents to validate (.json, or .json.gz).", valueName: "file"))
            var files: [String] = []

            func validate() throws {
                guard !files.isEmpty else { throw ValidationError("give at least one FILE to validate against \(schema)") }
            }

            func run() async throws {
                let compiled = try JSONSchema(contentsOf: URL(fileURLWithPath: schema))
                var counts = (valid: 0, invalid: 0, unreadable: 0)
                for file in files {
                    switch Self.check(file, against: compiled) {
                    case .valid:
                        counts.valid += 1
                    case .invalid(let lines):
                        counts.invalid += 1
                        for line in lines { print("\(file): \(line)") }
                    case .unreadable(let reason):
                        counts.unreadable += 1
                        FileHandle.standardError.write(Data("goodair: \(file): \(reason)\n".utf8))
                    }
                }
                let summary = "\(files.count) file\(files.count == 1 ? "" : "s"): \(counts.valid) valid, \(counts.invalid) invalid"
                    + (counts.unreadable > 0 ? ", \(counts.unreadable) unreadable" : "")
                FileHandle.standardError.write(Data("\(summary) (\(compiled.name))\n".utf8))
                if counts.unreadable > 0 { throw ExitCode(ExitStatus.usage) }
                if counts.invalid > 0 { throw ExitCode(ExitStatus.failed) }
            }

            enum Outcome {
                case valid
                case invalid([String])
                case unreadable(String)
            }

            /// Reads (and gunzips) one file and validates it.
            static func check(_ file: String, against schema: JSONSchema) -> Outcome {
                var bytes: [UInt8]
                do {
                    bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
                } catch {
                    return .unreadable("cannot read: \((error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription)")
                }
                if file.hasSuffix(".gz") {
                    do { bytes = try Gzip.decompress(bytes) } catch { return .unreadable("cannot gunzip: \(error)") }
                }
                let tape: JSONTape
                do {
                    tape = try JSONTape(parsing: bytes)
                } catch {
                    return .invalid(["\(error)"])
                }
                if schema.isValid(tape) { return .valid }
                return .invalid(schema.validate(tape).map(\.description))
            }
        }
    }
}
