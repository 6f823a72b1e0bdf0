import Foundation

extension QualityRules {
    /// The file of the checks in a schemas folder.
    public static func file(in schemas: URL) -> URL { schemas.appendingPathComponent("quality/checks.json") }

    /// Loads the checks and validates them against `quality/checks.schema.json` beside them; a
    /// mistake is refused with the file, the JSON pointer of the place and what is wrong.
    ///
    /// ```swift
    /// let rules = try QualityRules.load(schemas: URL(fileURLWithPath: "schemas"))
    /// ```
    public static func load(schemas: URL) throws -> QualityRules {
        let url = file(in: schemas)
        let schemaURL = schemas.appendingPathComponent("quality/checks.schema.json")
        guard let data = FileManager.default.contents(atPath: url.path) else { throw CheckError.rules(file: url.path, reason: "cannot be read") }
        let schema = try JSONSchema(contentsOf: schemaURL)
        let tape: JSONTape
        do { tape = try JSONTape(parsing: Array(data)) } catch { throw CheckError.rules(file: url.path, reason: "not JSON: \(error)") }
        if let failure = schema.validate(tape).first {
            throw CheckError.rules(file: url.path, reason: "\(failure.instanceLocation.isEmpty ? "/" : failure.instanceLocation): \(failure.message)")
        }
        let rules = try JSONDecoder().decode(QualityRules.self, from: data)
        var seen = Set<String>()
        for rule in rules.checks where !seen.insert(rule.id).inserted {
            throw CheckError.rules(file: url.path, reason: "check id '\(rule.id)' is declared twice")
        }
        return rules
    }
}
