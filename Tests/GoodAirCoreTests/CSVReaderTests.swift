@testable import GoodAirCore
import Testing

@Suite("CSVReader")
struct CSVReaderTests {
    private typealias Row = CSVReader.Row

    private func syntaxError(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> CSVReader.SyntaxError {
        try #require(throws: CSVReader.SyntaxError.self, sourceLocation: sourceLocation) { try CSVReader.parse(text) }
    }

    @Test("plain rows with their line numbers")
    func plain() throws {
        let rows = try CSVReader.parse("a,b,c\n1,2,3\n")
        #expect(rows == [Row(line: 1, fields: ["a", "b", "c"]), Row(line: 2, fields: ["1", "2", "3"])])
    }

    @Test("empty fields are kept")
    func emptyFields() throws {
        let rows = try CSVReader.parse("a,,c\n,,\n")
        #expect(rows.map(\.fields) == [["a", "", "c"], ["", "", ""]])
    }

    @Test("quoted fields, doubled quotes, commas inside quotes")
    func quoting() throws {
        let rows = try CSVReader.parse("name,quote\n\"x,y\",\"say \"\"hi\"\"\"\n\"\",\"\"\"\"\n")
        #expect(rows.map(\.fields) == [["name", "quote"], ["x,y", "say \"hi\""], ["", "\""]])
    }

    @Test("a newline inside quotes stays in the field and shifts the following line numbers")
    func newlineInQuotes() throws {
        let rows = try CSVReader.parse("id,text\n1,\"first\nsecond\nthird\"\n2,plain\n")
        #expect(rows == [
            Row(line: 1, fields: ["id", "text"]),
            Row(line: 2, fields: ["1", "first\nsecond\nthird"]),
            Row(line: 5, fields: ["2", "plain"]),
        ])
    }

    @Test("CRLF line ends are accepted, and CRLF inside quotes is kept")
    func crlf() throws {
        let rows = try CSVReader.parse("a,b\r\n1,\"x\r\ny\"\r\n2,3\r\n")
        #expect(rows == [
            Row(line: 1, fields: ["a", "b"]),
            Row(line: 2, fields: ["1", "x\r\ny"]),
            Row(line: 4, fields: ["2", "3"]),
        ])
    }

    @Test("a leading UTF-8 BOM is ignored")
    func bom() throws {
        let rows = try CSVReader.parse("\u{FEFF}city_id,name\nparis,Paris\n")
        #expect(rows.first?.fields == ["city_id", "name"])
        #expect(rows.first?.fields.first?.utf8.count == 7)
        #expect(rows.count == 2)
    }

    @Test("blank lines are skipped but counted")
    func blankLines() throws {
        let rows = try CSVReader.parse("\na,b\n\n\n1,2\n\r\n3,4\n\n")
        #expect(rows == [
            Row(line: 2, fields: ["a", "b"]),
            Row(line: 5, fields: ["1", "2"]),
            Row(line: 7, fields: ["3", "4"]),
        ])
    }

    @Test("a last row without a newline is kept")
    func trailingRow() throws {
        #expect(try CSVReader.parse("a,b\n1,2") == [Row(line: 1, fields: ["a", "b"]), Row(line: 2, fields: ["1", "2"])])
        #expect(try CSVReader.parse("a,\"q\"") == [Row(line: 1, fields: ["a", "q"])])
        #expect(try CSVReader.parse("a,") == [Row(line: 1, fields: ["a", ""])])
    }

    @Test("empty input gives no rows")
    func emptyInput() throws {
        #expect(try CSVReader.parse("").isEmpty)
        #expect(try CSVReader.parse("\n\n").isEmpty)
    }

    @Test("UTF-8 text is kept intact")
    func utf8() throws {
        let rows = try CSVReader.parse("Saint-Étienne,Île-de-France,\"Provence-Alpes-Côte d'Azur\"\n")
        #expect(rows.first?.fields == ["Saint-Étienne", "Île-de-France", "Provence-Alpes-Côte d'Azur"])
    }

    @Test("an unterminated quote names the line where the field starts")
    func unterminated() throws {
        let error = try syntaxError("a,b\n1,2\n3,\"never closed\nmore\n")
        #expect(error.line == 3)
        #expect(error.reason.contains("never closed"))
        #expect(error.description.hasPrefix("line 3:"))
    }

    @Test("a quote inside an unquoted field names its line")
    func quoteInsideUnquoted() throws {
        let error = try syntaxError("a,b\n1,ab\"c\n")
        #expect(error.line == 2)
        #expect(error.reason.contains("quote inside an unquoted field"))
    }

    @Test("text after a closing quote names its line")
    func textAfterClosingQuote() throws {
        let error = try syntaxError("a,b\n1,2\n3,\"x\"y\n")
        #expect(error.line == 3)
        #expect(error.reason.contains("after a closing quote"))
    }

    @Test("error lines count the newlines of earlier quoted fields")
    func errorLineAfterMultilineField() throws {
        let error = try syntaxError("a,b\n\"1\n2\",x\n3,y\"\n")
        #expect(error.line == 4)
        let second = try syntaxError("\"multi\nline\"z,1\n")
        #expect(second.line == 2)
    }
}
