/// Walks the records of a CSV file's bytes (RFC 4180: comma, `"` quoting with `""`, CRLF or LF),
/// giving each record's fields as byte ranges: nothing is decoded until asked, so reading a year of
/// silver for the gold zone costs little more than reading its bytes.
///
/// ```swift
/// var scanner = CSVScanner(bytes: Array("a,b\r\n1,\"x,y\"\r\n".utf8))
/// var fields: [CSVScanner.Field] = []
/// while try scanner.next(into: &fields) {
///     scanner.text(fields[1])   // "b", then "x,y"
/// }
/// ```
public struct CSVScanner: Sendable {
    /// A field: its byte range in the file (quotes excluded) and whether it held doubled quotes.
    public struct Field: Sendable {
        public var range: Range<Int>
        public var hasEscapes: Bool
    }

    public let bytes: [UInt8]
    private var position = 0
    /// The 1-based line of the record ``next(into:)`` returned last.
    public private(set) var line = 0
    private var nextLine = 1

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
    }

    /// Reads the next record's fields into `fields`; false at the end. Blank lines are skipped.
    public mutating func next(into fields: inout [Field]) throws(CSVReader.SyntaxError) -> Bool {
        fields.removeAll(keepingCapacity: true)
        let count = bytes.count
        while position < count, bytes[position] == 0x0A || bytes[position] == 0x0D {
            if bytes[position] == 0x0A { nextLine += 1 }
            position += 1
        }
        guard position < count else { return false }
        line = nextLine
        while true {
            if position < count, bytes[position] == 0x22 {
                let start = position + 1
                var index = start, escapes = false
                while true {
                    guard index < count else { throw CSVReader.SyntaxError(line: line, reason: "unterminated quoted field") }
                    let byte = bytes[index]
                    if byte == 0x22 {
                        if index + 1 < count, bytes[index + 1] == 0x22 { escapes = true; index += 2; continue }
                        break
                    }
                    if byte == 0x0A { nextLine += 1 }
                    index += 1
                }
                fields.append(Field(range: start..<index, hasEscapes: escapes))
                position = index + 1
            } else {
                let start = position
                while position < count {
                    let byte = bytes[position]
                    if byte == 0x2C || byte == 0x0A || byte == 0x0D { break }
                    if byte == 0x22 { throw CSVReader.SyntaxError(line: line, reason: "a quote inside an unquoted field") }
                    position += 1
                }
                fields.append(Field(range: start..<position, hasEscapes: false))
            }
            guard position < count else { return true }
            switch bytes[position] {
            case 0x2C: position += 1
            case 0x0D, 0x0A:
                if bytes[position] == 0x0D { position += 1 }
                if position < count, bytes[position] == 0x0A { position += 1 }
                nextLine += 1
                return true
            default: throw CSVReader.SyntaxError(line: line, reason: "text after a closing quote")
            }
        }
    }

    /// The field's text, quotes undoubled.
    public func text(_ field: Field) -> String {
        let raw = String(decoding: bytes[field.range], as: UTF8.self)
        return field.hasEscapes ? raw.replacingOccurrences(of: "\"\"", with: "\"") : raw
    }

    /// Whether the field is empty (NULL).
    @inline(__always)
    public func isEmpty(_ field: Field) -> Bool { field.range.isEmpty }

    /// The field as a number (NaN when empty or not a plain decimal number): see ``CSVNumber``.
    @inline(__always)
    public func number(_ field: Field) -> Double {
        bytes.withUnsafeBufferPointer { CSVNumber.parse(UnsafeBufferPointer(rebasing: $0[field.range])) }
    }

    /// Whether the field's bytes are `literal`.
    public func equals(_ field: Field, _ literal: [UInt8]) -> Bool {
        field.range.count == literal.count && bytes[field.range].elementsEqual(literal)
    }
}

private extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
