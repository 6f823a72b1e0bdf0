import Foundation

/// A regulatory or guideline threshold on concentrations (µg/m³), from
/// `lake/reference/thresholds.csv`, with the text that defines it: the rules the `exceedances`
/// table applies to OpenWeatherMap's concentrations (never to AQICN's indices).
///
/// ```swift
/// let thresholds = try Threshold.load(from: lake.reference.appendingPathComponent("thresholds.csv"))
/// thresholds.first { $0.id == "fr_alert" && $0.rule.pollutant == "no2" }?.rule.consecutiveHours   // 3
/// ```
public struct Threshold: Sendable, Hashable {
    /// The threshold's name, unique per pollutant (`fr_information`, `fr_alert`, `who_2021`…).
    public var id: String
    public var rule: ExceedanceRule
    /// Who sets it and the text that defines it, in French.
    public var authority: String
    public var text: String

    public static let columns = ["threshold", "pollutant", "level", "threshold_ugm3", "averaging_hours",
                                 "minimum_valid_hours", "consecutive_hours", "authority", "text"]

    /// Loads and checks the file; a bad line throws ``ReferenceError`` naming the file and line.
    public static func load(from url: URL) throws -> [Threshold] {
        let file = url.lastPathComponent
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ReferenceError(file: file, line: nil, reason: "cannot read \(url.path)")
        }
        let rows: [CSVReader.Row]
        do { rows = try CSVReader.parse(String(decoding: data, as: UTF8.self)) } catch let error as CSVReader.SyntaxError {
            throw ReferenceError(file: file, line: error.line, reason: error.reason)
        }
        guard let header = rows.first, header.fields == columns else {
            throw ReferenceError(file: file, line: 1, reason: "the header must be \(columns.joined(separator: ","))")
        }
        var seen = Set<String>()
        return try rows.dropFirst().map { row in
            let f = row.fields
            guard f.count == columns.count else {
                throw ReferenceError(file: file, line: row.line, reason: "\(f.count) fields, not \(columns.count)")
            }
            guard let value = Double(f[3]), value > 0, let averaging = Int(f[4]), [1, 8, 24].contains(averaging),
                  let valid = Int(f[5]), (1...averaging).contains(valid), let consecutive = Int(f[6]), consecutive >= 1 else {
                throw ReferenceError(file: file, line: row.line,
                                     reason: "threshold_ugm3 > 0, averaging_hours 1, 8 or 24, 1 ≤ minimum_valid_hours ≤ averaging_hours, consecutive_hours ≥ 1")
            }
            guard seen.insert("\(f[0])/\(f[1])").inserted else {
                throw ReferenceError(file: file, line: row.line, reason: "threshold \(f[0]) for \(f[1]) appears twice")
            }
            return Threshold(id: f[0], rule: ExceedanceRule(pollutant: f[1], level: f[2], thresholdUgm3: value, averagingHours: averaging,
                                                          minimumValidHours: valid, consecutiveHours: consecutive),
                             authority: f[7], text: f[8])
        }
    }
}
