import Foundation

extension Aggregator {
    /// Recomputes the city tables' rows of `days` (days of `month`) from their silver partitions:
    /// their `city_hourly` and `city_daily` rows replace the old ones in the month files, and
    /// `city_monthly` is computed again from the month's `city_hourly` as spliced (its values read
    /// back exactly as written, which are the values a rebuild computes them from). Returns that
    /// `city_hourly`, or nil when the month has no row left (its city tables are then removed, as a
    /// rebuild does). Silver is partitioned by the observation's UTC date (LAKE.md §2), so no other
    /// partition holds rows of those days; a changed partition with rows of a day outside them
    /// throws ``DayLevelUnavailable``.
    func cityTables(month: UTCMonth, days: Range<Int>, inventory: SilverInventory, before: Set<String>,
                    writer: GoldFileWriter, report: inout AggregateReport) throws -> CityHourlyMonths.Month? {
        let tick = ContinuousClock.now
        var frame = HourlyFrame(firstHour: days.lowerBound * 24, hours: days.count * 24)
        var silverPaths: [String] = []
        for table in GoldVariable.sources {
            for day in days {
                let date = CivilTime.dateString(days: day)
                guard inventory.files["\(table)/date=\(date)"] != nil else { continue }
                let url = SilverPartition.url(lake: lake, table: table, date: date)
                guard let data = FileManager.default.contents(atPath: url.path) else { continue }
                let bytes = Array(data)
                let path = lake.relativePath(url)
                guard try frame.add(bytes, table: table, path: path) == 0 else {
                    throw DayLevelUnavailable(reason: "\(path) has rows observed outside its date")
                }
                let file = LineageFile(lake: lake, url: url, contents: bytes)
                report.lineage.read(file)
                silverPaths.append(file.path)
                report.silverFilesRead += 1
            }
        }
        let read = ContinuousClock.now - tick
        // city_hourly: the rows of the days' hours.
        var start = ContinuousClock.now
        let hourlyHeader = CityTables.header("city_hourly").joined(separator: ",")
        let oldHourly = try existing("city_hourly", month, header: hourlyHeader, before: before)
        let hours = (Array(CSVField.timestamp(days.lowerBound * 86_400).utf8)[...], Array(CSVField.timestamp(days.upperBound * 86_400).utf8)[...])
        let replaced = oldHourly.rows.indices.map { row in oldHourly.withField(row, 1) { Self.inRange($0, hours) } }
        let newHourly = GoldLines(bytes: CityTables.render("city_hourly", frame: frame))
        let hourlyPath = lake.relativePath(goldURL("city_hourly", month))
        let hourly = try GoldLines.splice(oldHourly, header: Array(hourlyHeader.utf8), keyFields: 2, path: hourlyPath,
                                          replacing: { replaced[$0] }, with: newHourly.lines)
        // The month's values as the spliced file gives them back: its old rows and its new ones.
        let hourlyURL = goldURL("city_hourly", month)
        let oldKey = before.contains(month.name) ? CityHourlyCache.Key(file: hourlyURL) : nil
        let (monthFrame, cached) = try monthValues(month, days: days, old: oldHourly, replaced: replaced, new: newHourly,
                                                   oldKey: oldKey, path: hourlyPath)
        if cached { report.monthsFromCache.append(month.name) }
        guard !monthFrame.cities.isEmpty else {
            try? FileManager.default.removeItem(at: CityHourlyCache.url(lake: lake, month: month))
            for table in CityTables.names {
                let folder = goldURL(table, month).deletingLastPathComponent()
                try? FileManager.default.removeItem(at: folder)
                report.lineage.removed(dataset: lake.relativePath(folder))
            }
            if !report.months.contains(month.name) { report.months.append(month.name) }
            return nil
        }
        let hash = BackgroundValue { hourly.sha256Hex }
        // The month's values are cached for the file as written (or as it is, when unchanged).
        let cache: @Sendable () -> Void = { [lake, logger] in
            guard let key = CityHourlyCache.Key(file: hourlyURL) else { return }
            do {
                try CityHourlyCache.save(monthFrame, lake: lake, month: month, key: key)
            } catch {
                logger.warning("aggregate.cache_not_saved", metadata: ["month": "\(month.name)", "error": "\(error)"])
            }
        }
        if !write(hourly, old: oldHourly, table: "city_hourly", month: month, derivedFrom: silverPaths, hash: hash,
                  writer: writer, report: &report, then: cache) {
            writer.perform(cache)
        }
        timed("city_hourly", since: start, extra: read / 2, report: &report)
        // city_daily: the rows of the days.
        start = ContinuousClock.now
        let dailyHeader = CityTables.header("city_daily").joined(separator: ",")
        let oldDaily = try existing("city_daily", month, header: dailyHeader, before: before)
        let dates = (Array(CivilTime.dateString(days: days.lowerBound).utf8)[...], Array(CivilTime.dateString(days: days.upperBound).utf8)[...])
        let daily = try GoldLines.splice(oldDaily, header: Array(dailyHeader.utf8), keyFields: 2, path: lake.relativePath(goldURL("city_daily", month)),
                                         replacing: { row in oldDaily.withField(row, 1) { Self.inRange($0, dates) } },
                                         with: GoldLines(bytes: CityTables.render("city_daily", frame: frame)).lines)
        write(daily, old: oldDaily, table: "city_daily", month: month, derivedFrom: silverPaths, writer: writer, report: &report)
        timed("city_daily", since: start, extra: read / 2, report: &report)
        // city_monthly: from the whole month's city_hourly.
        start = ContinuousClock.now
        let monthly = CityTables.render("city_monthly", frame: monthFrame)
        let oldMonthly = try existing("city_monthly", month, header: CityTables.header("city_monthly").joined(separator: ","), before: before)
        write(SplicedFile(whole: monthly), old: oldMonthly, table: "city_monthly", month: month,
              derivedFrom: silverPaths + [hourlyPath], writer: writer, report: &report)
        let values = CityHourlyMonths.Month(frame: monthFrame, path: hourlyPath, bytes: hourly.count, hash: hash)
        report.lineage.read(values.file)   // city_monthly is made from it
        timed("city_monthly", since: start, report: &report)
        return values
    }

    /// The values of `month`'s `city_hourly` once `days` are replaced: those of the old file
    /// (``CityHourlyCache`` when it holds the file `oldKey`, otherwise its rows parsed, but for the
    /// `replaced` ones), then those of the `new` rows; and whether they came from the cache.
    private func monthValues(_ month: UTCMonth, days: Range<Int>, old: GoldLines, replaced: [Bool], new: GoldLines,
                             oldKey: CityHourlyCache.Key?, path: String) throws -> (HourlyFrame, cached: Bool) {
        if let oldKey, var frame = CityHourlyCache.load(lake: lake, month: month, key: oldKey) {
            frame.clear(days.lowerBound * 24 - month.firstHour..<days.upperBound * 24 - month.firstHour)
            try frame.addCityHourly(new, path: path)
            // A city whose only rows were replaced is not in a frame parsed from the rows.
            if frame.everyCityHasRows { return (frame, true) }
        }
        var frame = HourlyFrame(firstHour: month.firstHour, hours: month.endHour - month.firstHour)
        try frame.addCityHourly(old, skipping: replaced, path: path)
        try frame.addCityHourly(new, path: path)
        return (frame, false)
    }

    /// Whether `field` lies in [`bounds.0`, `bounds.1`): fixed-width ISO 8601 dates or timestamps
    /// compare as their bytes.
    static func inRange(_ field: UnsafeBufferPointer<UInt8>, _ bounds: (ArraySlice<UInt8>, ArraySlice<UInt8>)) -> Bool {
        !field.lexicographicallyPrecedes(bounds.0) && field.lexicographicallyPrecedes(bounds.1)
    }
}
