import Foundation

/// The `city_hourly` month files a run day by day reads, each read and parsed once: its values as
/// an ``HourlyFrame`` over the month, and its lineage fact (size and sha256). The
/// months whose files the run spliced are recorded as written; the others are read when a series
/// first needs them.
///
/// ```swift
/// var months = CityHourlyMonths()
/// let (series, files) = try months.series(window, variables: ["no2_ugm3"], lake: lake)
/// ```
struct CityHourlyMonths {
    struct Month {
        let frame: HourlyFrame
        private let path: String, bytes: Int
        /// The file's sha256: known, or still being computed on another thread.
        private let sha256: @Sendable () -> String?

        /// A month file read, with its lineage fact.
        init(frame: HourlyFrame, file: LineageFile) {
            self.frame = frame
            (path, bytes) = (file.path, file.bytes)
            let known = file.sha256
            sha256 = { known }
        }

        /// A month file just spliced, its sha256 still being computed by `hash`.
        init(frame: HourlyFrame, path: String, bytes: Int, hash: BackgroundValue<String>) {
            self.frame = frame
            (self.path, self.bytes) = (path, bytes)
            sha256 = { hash.value }
        }

        /// The file's lineage fact (waiting for its sha256 if need be).
        var file: LineageFile { LineageFile(path: path, bytes: bytes, sha256: sha256()) }
    }

    /// Month → its file as parsed; nil for a month without one (or without rows).
    private var months: [UTCMonth: Month?] = [:]

    /// Records the file of `month` as just written (nil: removed).
    mutating func set(_ month: UTCMonth, _ value: Month?) { months.updateValue(value, forKey: month) }

    /// The file of `month`, read and parsed the first time; nil when there is none.
    mutating func month(_ month: UTCMonth, lake: Lake) throws -> Month? {
        if let known = months[month] { return known }
        let url = lake.gold.appendingPathComponent("city_hourly/month=\(month.name)/part-00000.csv")
        var value: Month?
        if let lines = try GoldLines.read(url) {
            var frame = HourlyFrame(firstHour: month.firstHour, hours: month.endHour - month.firstHour)
            try frame.addCityHourly(lines, path: lake.relativePath(url))
            value = Month(frame: frame, file: lines.lineageFile(path: lake.relativePath(url)))
        }
        months.updateValue(value, forKey: month)
        return value
    }

    /// The series of `variables` over `hours` (from a UTC midnight to another), from the months
    /// they overlap; and the files it came from, for lineage.
    mutating func series(_ hours: Range<Int>, variables: [String], lake: Lake) throws -> (series: HourlySeries, files: [LineageFile]) {
        var parts: [Month] = []
        for month in Aggregator.months(overlapping: hours) {
            if let part = try self.month(month, lake: lake) { parts.append(part) }
        }
        return (HourlySeries(frames: parts.map(\.frame), hours: hours, variables: variables), parts.map(\.file))
    }
}
