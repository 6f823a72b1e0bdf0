/// The gold tables made from a month's ``HourlyFrame``: `city_hourly` (one row per city and UTC
/// hour with any observation), `city_daily` (per UTC day) and `city_monthly`. Rows are sorted by
/// primary key; numbers keep every digit (``CSVLine/appendExactDouble(_:)``) so researchers can
/// compare them with their own computations.
public enum CityTables {
    public static let names = ["city_hourly", "city_daily", "city_monthly"]

    /// The header of `table`.
    public static func header(_ table: String) -> [String] {
        switch table {
        case "city_hourly":
            return ["city_id", "hour"] + GoldVariable.all.map(\.name) + GoldVariable.sources.map { "\($0)_rows" }
        default:
            var columns = ["city_id", table == "city_daily" ? "date" : "month"]
            for variable in GoldVariable.all where variable.kind != .direction {
                columns += ["\(variable.name)_mean", "\(variable.name)_min", "\(variable.name)_max"]
                if variable.kind == .amount { columns.append("\(variable.name)_sum") }
            }
            return columns + GoldVariable.sources.map { "hours_observed_\($0)" }
        }
    }

    /// The CSV bytes of `table` for the frame (header only when it has no row).
    public static func render(_ table: String, frame: HourlyFrame) -> [UInt8] {
        var out = Array((header(table).joined(separator: ",") + "\r\n").utf8)
        let order = frame.cities.indices.sorted { frame.cities[$0].utf8.lexicographicallyPrecedes(frame.cities[$1].utf8) }
        for city in order {
            switch table {
            case "city_hourly":
                for hour in 0..<frame.hours where observed(frame, city, hour) { out += hourlyRow(frame, city, hour) }
            case "city_daily":
                for start in stride(from: 0, to: frame.hours, by: 24) {
                    let hours = start..<min(start + 24, frame.hours)
                    guard hours.contains(where: { observed(frame, city, $0) }) else { continue }
                    var line = CSVLine()
                    line.appendText(frame.cities[city]); line.comma()
                    line.appendDate(days: CivilTime.floorDiv((frame.firstHour + start) * 3600, 86_400))
                    appendStatistics(frame, city, hours, &line)
                    out += line.bytes + [0x0D, 0x0A]
                }
            default:
                let hours = 0..<frame.hours
                guard hours.contains(where: { observed(frame, city, $0) }) else { continue }
                var line = CSVLine()
                line.appendText(frame.cities[city]); line.comma()
                line.bytes += Array(CivilTime.dateString(days: CivilTime.floorDiv(frame.firstHour * 3600, 86_400)).prefix(7).utf8)
                appendStatistics(frame, city, hours, &line)
                out += line.bytes + [0x0D, 0x0A]
            }
        }
        return out
    }

    private static func observed(_ frame: HourlyFrame, _ city: Int, _ hour: Int) -> Bool {
        GoldVariable.sources.indices.contains { frame.rows(city: city, hour: hour, source: $0) > 0 }
    }

    private static func hourlyRow(_ frame: HourlyFrame, _ city: Int, _ hour: Int) -> [UInt8] {
        var line = CSVLine()
        line.appendText(frame.cities[city]); line.comma()
        line.appendTimestamp((frame.firstHour + hour) * 3600)
        for variable in GoldVariable.all.indices {
            line.comma()
            line.appendExactDouble(frame.value(city: city, hour: hour, variable: variable))
        }
        for source in GoldVariable.sources.indices {
            line.comma()
            line.appendInt(frame.rows(city: city, hour: hour, source: source))
        }
        return line.bytes + [0x0D, 0x0A]
    }

    /// `,mean,min,max[,sum]` per variable over the hours' values, then `,hours observed` per source.
    private static func appendStatistics(_ frame: HourlyFrame, _ city: Int, _ hours: Range<Int>, _ line: inout CSVLine) {
        let summaries = frame.summaries(city: city, hours: hours)
        for (variable, gold) in GoldVariable.all.enumerated() where gold.kind != .direction {
            let summary = summaries[variable]
            for value in [summary?.mean, summary?.min, summary?.max] {
                line.comma()
                if let value { line.appendExactDouble(value) }
            }
            if gold.kind == .amount {
                line.comma()
                if let sum = summary?.sum { line.appendExactDouble(sum) }
            }
        }
        for source in GoldVariable.sources.indices {
            line.comma()
            line.appendInt(hours.filter { frame.rows(city: city, hour: $0, source: source) > 0 }.count)
        }
    }
}
