import GoodAirCore
import Foundation

/// A gold (or silver) CSV file read for the warehouse: its bytes, its header's columns by name,
/// and typed access to a record's fields through ``CSVScanner`` (nothing decoded that is not
/// used). Errors name the file, relative to the lake root, and the line.
///
/// ```swift
/// guard var csv = try WarehouseCSV.open(url, lake: lake) else { return }   // nil: no such file
/// let hour = try csv.column("hour")
/// while try csv.next() { let seconds = try csv.timestamp(hour) }
/// ```
struct WarehouseCSV {
    let path: String
    private(set) var scanner: CSVScanner
    private(set) var fields: [CSVScanner.Field] = []
    /// The header's column names, in order.
    let header: [String]
    private let index: [String: Int]

    /// The file at `url`, or nil when it does not exist.
    static func open(_ url: URL, lake: Lake) throws -> WarehouseCSV? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return try WarehouseCSV(bytes: Array(data), path: lake.relativePath(url))
    }

    init(bytes: [UInt8], path: String) throws {
        var scanner = CSVScanner(bytes: bytes)
        var fields: [CSVScanner.Field] = []
        do {
            guard try scanner.next(into: &fields) else { throw WarehouseError(file: path, reason: "the file is empty") }
        } catch let error as CSVReader.SyntaxError {
            throw WarehouseError(file: path, line: error.line, reason: error.reason)
        }
        let header = fields.map { scanner.text($0) }
        self.path = path
        self.scanner = scanner
        self.header = header
        index = Dictionary(header.enumerated().map { ($1, $0) }) { first, _ in first }
    }

    /// The position of column `name`; an error naming it when the header lacks it.
    func column(_ name: String) throws -> Int {
        guard let position = index[name] else { throw WarehouseError(file: path, line: 1, reason: "no column '\(name)'") }
        return position
    }

    /// The position of column `name`, nil when the header lacks it.
    func optionalColumn(_ name: String) -> Int? { index[name] }

    /// Reads the next record; false at the end. A record with another field count than the header
    /// is an error.
    mutating func next() throws -> Bool {
        do {
            guard try scanner.next(into: &fields) else { return false }
        } catch {
            throw WarehouseError(file: path, line: error.line, reason: error.reason)
        }
        guard fields.count == header.count else {
            throw fail("\(fields.count) fields where the header has \(header.count)")
        }
        return true
    }

    /// An error at the current record.
    func fail(_ reason: String) -> WarehouseError { WarehouseError(file: path, line: scanner.line, reason: reason) }

    func text(_ column: Int) -> String { scanner.text(fields[column]) }

    /// The field as text, nil when empty.
    func optionalText(_ column: Int) -> String? { scanner.isEmpty(fields[column]) ? nil : text(column) }

    /// The field as a number, NaN when empty; an error when it is something else.
    func number(_ column: Int) throws -> Double {
        let field = fields[column]
        let value = scanner.number(field)
        if value.isNaN && !scanner.isEmpty(field) { throw fail("'\(scanner.text(field))' in column \(header[column]) is not a number") }
        return value
    }

    /// The field as a non-empty number.
    func requiredNumber(_ column: Int) throws -> Double {
        let value = try number(column)
        guard !value.isNaN else { throw fail("column \(header[column]) is empty") }
        return value
    }

    /// The field as an integer.
    func integer(_ column: Int) throws -> Int {
        let value = try requiredNumber(column)
        guard value == value.rounded(), abs(value) < 9e15 else { throw fail("column \(header[column]) is not an integer") }
        return Int(value)
    }

    /// The field as seconds since 1970, from `YYYY-MM-DDTHH:MM:SSZ`.
    func timestamp(_ column: Int) throws -> Int {
        let field = fields[column]
        let seconds = scanner.bytes.withUnsafeBufferPointer { CSVNumber.timestamp(UnsafeBufferPointer(rebasing: $0[field.range])) }
        guard let seconds else { throw fail("'\(scanner.text(field))' in column \(header[column]) is not a UTC timestamp") }
        return seconds
    }

    /// Whether the field's bytes are `literal` (to group rows by city without building strings).
    func equals(_ column: Int, _ literal: [UInt8]) -> Bool { scanner.equals(fields[column], literal) }

    /// The field's raw bytes.
    func bytes(_ column: Int) -> ArraySlice<UInt8> { scanner.bytes[fields[column].range] }
}
