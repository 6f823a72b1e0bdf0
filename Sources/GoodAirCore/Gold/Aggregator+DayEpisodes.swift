import Foundation

/// An episode table as a run day by day splices it: how its episodes are found in a series, in
/// which unit they count (hours, or days), and which of its days a change reaches.
struct EpisodeSplice {
    let table: String
    /// Hours per unit: 1 for exceedances (hours), 24 for heatwaves (days).
    let unit: Int
    /// Units after a series' start before an episode's indicator is known there (the longest
    /// averaging; three days for heatwaves), so that an episode found later starts where it does.
    let settled: Int
    /// The columns of the start and the end in the file.
    let fields: (start: Int, end: Int)
    /// The units whose indicator a change of the days reaches.
    let changed: ClosedRange<Int>
    /// The episodes of a series, with their rows.
    let rows: (HourlySeries) -> [EpisodeRow]

    /// The longest episode a run day by day recomputes (27 days, in hours): a rebuild follows an
    /// episode into the month after its start's, and no further, so a longer one may be cut there.
    static let longest = 27 * 24

    /// The start and end of an old row, in units.
    func span(_ lines: GoldLines, _ row: Int, path: String) throws -> (start: Int, end: Int) {
        let values = try [fields.start, fields.end].map { column -> Int in
            let field = lines.withField(row, column) { Array($0) }
            let value = unit == 1 ? field.withUnsafeBufferPointer { CSVNumber.timestamp($0) }.map { $0 / 3600 }
                : Timestamp.day(String(decoding: field, as: UTF8.self))
            guard let value else { throw AggregateError.goldFile(path: path, reason: "row \(row + 1) has no start or end") }
            return value
        }
        return (values[0], values[1])
    }
}

extension Aggregator {
    /// Splices the episodes of `splice.table` that overlap or touch the units whose indicator
    /// changed into the months of their start, in place of the old rows that did.
    ///
    /// They are found in `series` (the hours `window` of `city_hourly`), or, when an old row that
    /// is replaced starts or ends beyond what `window` tells (a long episode), in a series of the
    /// hours from before its start to after its end. An episode is known whole only when its
    /// indicator is known the unit before it starts and the unit after it ends, and it is shorter
    /// than ``EpisodeSplice/longest``: otherwise ``DayLevelUnavailable``.
    func spliceEpisodes(_ splice: EpisodeSplice, window: Range<Int>, series: HourlySeries, hourly: inout CityHourlyMonths,
                        before: Set<String>, withData: Set<String>, derivedFrom: [String],
                        writer: GoldFileWriter, report: inout AggregateReport) throws {
        let unit = splice.unit, zone = splice.changed.lowerBound - 1...splice.changed.upperBound + 1
        let header = EventTables.header(splice.table)
        var olds: [UTCMonth: (lines: GoldLines, replaced: [Bool])] = [:]
        var reach = zone
        func scan(_ hours: Range<Int>) throws {
            for month in Self.months(overlapping: hours) where olds[month] == nil && withData.contains(month.name) {
                let old = try existing(splice.table, month, header: header, before: before)
                let path = lake.relativePath(goldURL(splice.table, month))
                var replaced = [Bool](repeating: false, count: old.rows.count)
                for row in old.rows.indices {
                    let span = try splice.span(old, row, path: path)
                    guard span.start <= zone.upperBound && span.end >= zone.lowerBound else { continue }
                    replaced[row] = true
                    reach = min(reach.lowerBound, span.start)...max(reach.upperBound, span.end)
                }
                olds[month] = (old, replaced)
            }
        }
        // An old episode that reaches the change starts in the month before the window's at the earliest.
        try scan(UTCMonth(containingDay: CivilTime.floorDiv(window.lowerBound, 24)).previous.firstHour..<(zone.upperBound + 1) * unit)
        var span = window, episodes = series, sources = derivedFrom
        let needed = (reach.lowerBound - splice.settled - 1) * unit..<(reach.upperBound + 2) * unit
        if needed.lowerBound < span.lowerBound || needed.upperBound > span.upperBound {
            span = CivilTime.floorDiv(min(needed.lowerBound, span.lowerBound), 24) * 24..<(CivilTime.floorDiv(max(needed.upperBound, span.upperBound) + 23, 24)) * 24
            guard span.count <= 62 * 24 else { throw DayLevelUnavailable(reason: "a \(splice.table) episode near the change lasts more than a month") }
            let files: [LineageFile]
            (episodes, files) = try hourly.series(span, variables: series.variables, lake: lake)
            for file in files { report.lineage.read(file) }
            sources = files.map(\.path)
            try scan(Self.months(overlapping: span).first!.previous.firstHour..<span.upperBound)
        }
        let known = span.lowerBound / unit + splice.settled...span.upperBound / unit - 2
        var added: [UTCMonth: [[UInt8]]] = [:]
        for row in splice.rows(episodes) where row.start <= zone.upperBound && row.end >= zone.lowerBound {
            guard known.contains(row.start), row.end <= known.upperBound, (row.end - row.start) * unit < EpisodeSplice.longest else {
                throw DayLevelUnavailable(reason: "a \(splice.table) episode near the change reaches beyond the days read")
            }
            added[UTCMonth(containingDay: CivilTime.floorDiv(row.start * unit, 24)), default: []].append(row.line)
        }
        for month in Set(olds.keys).union(added.keys).sorted() {
            guard let (old, replaced) = olds[month] else {
                throw DayLevelUnavailable(reason: "a \(splice.table) episode near the change starts before the months read")
            }
            let path = lake.relativePath(goldURL(splice.table, month))
            for row in old.rows.indices where replaced[row] {
                guard known.contains(try splice.span(old, row, path: path).start) else {
                    throw DayLevelUnavailable(reason: "a \(splice.table) episode near the change starts before the days read")
                }
            }
            let spliced = try GoldLines.splice(old, header: Array(header.utf8), keyFields: splice.fields.start + 1, path: path,
                                               replacing: { replaced[$0] }, with: added[month] ?? [])
            write(spliced, old: old, table: splice.table, month: month, derivedFrom: sources, writer: writer, report: &report)
        }
    }
}
