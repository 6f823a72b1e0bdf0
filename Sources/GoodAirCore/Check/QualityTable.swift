import Foundation

/// `gold/quality/month=YYYY-MM/part-00000.csv`: one row per check and partition, keyed by
/// (check, subject, period) and partitioned by the month of the period's start. A new evaluation
/// replaces the rows of the keys it evaluated and keeps the others, so reruns converge.
enum QualityTable {
    static let name = "quality"
    static let header = "check,subject,period,kind,status,value,limit,detail,checked_at"

    /// Merges `findings` into their month files; returns the files written with their bytes.
    static func write(_ findings: [QualityFinding], checkedAt: String, lake: Lake) throws -> [(url: URL, bytes: [UInt8], rows: Int)] {
        var byMonth: [String: [QualityFinding]] = [:]
        for finding in findings { byMonth[String(finding.period.prefix(7)), default: []].append(finding) }
        var written: [(URL, [UInt8], Int)] = []
        for month in byMonth.keys.sorted() {
            let url = lake.gold.appendingPathComponent("\(name)/month=\(month)/part-00000.csv")
            var rows: [String: [UInt8]] = [:]   // key → rendered line
            if let data = FileManager.default.contents(atPath: url.path) {
                for record in try CSVReader.parse(String(decoding: data, as: UTF8.self)).dropFirst() where record.fields.count == 9 {
                    var line = CSVLine()
                    for (index, field) in record.fields.enumerated() {
                        if index > 0 { line.comma() }
                        line.appendText(field)
                    }
                    rows[record.fields[0...2].joined(separator: "\u{1}")] = line.bytes
                }
            }
            for finding in byMonth[month]! { rows[finding.key] = line(finding, checkedAt: checkedAt) }
            var bytes = Array((header + "\r\n").utf8)
            for key in rows.keys.sorted() { bytes += rows[key]! + [0x0D, 0x0A] }
            AtomicFile.cleanTemporaries(in: url.deletingLastPathComponent())
            try AtomicFile.write(bytes, to: url)
            written.append((url, bytes, rows.count))
        }
        return written
    }

    private static func line(_ finding: QualityFinding, checkedAt: String) -> [UInt8] {
        var line = CSVLine()
        for text in [finding.check, finding.subject, finding.period, finding.kind.rawValue, finding.status.rawValue] {
            line.appendText(text)
            line.comma()
        }
        if let value = finding.value { line.appendExactDouble(value) }
        line.comma()
        if let limit = finding.limit { line.appendExactDouble(limit) }
        line.comma()
        line.appendText(finding.detail)
        line.comma()
        line.appendText(checkedAt)
        return line.bytes
    }
}
