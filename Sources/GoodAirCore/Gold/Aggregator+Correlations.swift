import Foundation

/// The correlations and the forecasts' backtest: made from complete days, and only when those changed.
extension Aggregator {
    /// The silver files the correlations are made of (complete days: before the clock's UTC
    /// midnight), their signature, and whether it is the one they were last made from.
    struct CorrelationInputs: Sendable {
        let cutoffDay: Int
        let files: [String: String]
        let signature: String
        let upToDate: Bool
    }

    /// The correlations' inputs in `inventory`, checked against `_state/aggregate/correlations.txt`.
    func correlationInputs(_ inventory: SilverInventory) -> CorrelationInputs {
        let cutoffDay = CivilTime.floorDiv(Int(clock.now().timeIntervalSince1970), 86_400)
        let cutoffDate = CivilTime.dateString(days: cutoffDay)
        let cutoff = Array(cutoffDate.utf8)   // keys end with their date, `YYYY-MM-DD`
        let inputs = inventory.files.filter { $0.key.utf8.suffix(10).lexicographicallyPrecedes(cutoff) }
        let signature = "before \(cutoffDate)\n" + inputs.keys.sorted().map { "\($0)\t\(inputs[$0]!)\n" }.joined()
        let written = ([CorrelationTable.name] + ForecastTable.names).allSatisfy {
            FileManager.default.fileExists(atPath: lake.gold.appendingPathComponent("\($0)/part-00000.csv").path)
        }
        let stateURL = lake.state.appendingPathComponent("aggregate/correlations.txt")
        let upToDate = written && (try? String(contentsOf: stateURL, encoding: .utf8)) == signature
        return CorrelationInputs(cutoffDay: cutoffDay, files: inputs, signature: signature, upToDate: upToDate)
    }

    /// Recomputes `gold/correlations` and the forecasts' backtest when the silver of complete days (before the clock's UTC
    /// midnight) changed since it was made, or a day completed: at most once a day in hourly runs.
    func correlations(_ check: CorrelationInputs, report: inout AggregateReport) throws {
        let tick = ContinuousClock.now
        let cutoffDay = check.cutoffDay, inputs = check.files, signature = check.signature
        let stateURL = lake.state.appendingPathComponent("aggregate/correlations.txt")
        let url = lake.gold.appendingPathComponent("\(CorrelationTable.name)/part-00000.csv")
        if !configuration.rebuild, check.upToDate { return }
        var months: [UTCMonth] = []
        if var month = inputs.keys.compactMap({ UTCMonth(String($0.split(separator: "=").last!.prefix(7))) }).min() {
            let last = UTCMonth(containingDay: cutoffDay - 1)
            while month <= last {
                months.append(month)
                month = month.next
            }
        }
        var series = try HourlySeries.load(lake: lake, months: months, variables: CorrelationTable.weather + CorrelationTable.pollution)
        series.truncate(beforeHour: cutoffDay * 24)
        let bytes = CorrelationTable.render(series)
        try AtomicFile.write(bytes, to: url)
        for file in series.sources { report.lineage.read(file) }
        report.lineage.wrote(LineageFile(lake: lake, url: url, contents: bytes), rows: Self.dataRows(bytes), derivedFrom: series.sources.map(\.path))
        report.rows[CorrelationTable.name, default: 0] += Self.dataRows(bytes)
        report.secondsPerTable[CorrelationTable.name, default: 0] += (ContinuousClock.now - tick).inSeconds
        // The forecasts' backtest covers the same complete days.
        let forecastStart = ContinuousClock.now
        let firstDay = months.first?.firstDay ?? cutoffDay
        var dailyFiles: [LineageFile] = []
        let daily = try ForecastTable.load(lake: lake, months: months, firstDay: firstDay, days: max(0, cutoffDay - firstDay), read: &dailyFiles)
        let (forecasts, scores) = ForecastTable.render(daily, firstDay: firstDay)
        for file in dailyFiles { report.lineage.read(file) }
        for (name, content) in zip(ForecastTable.names, [forecasts, scores]) {
            let output = lake.gold.appendingPathComponent("\(name)/part-00000.csv")
            try AtomicFile.write(content, to: output)
            report.lineage.wrote(LineageFile(lake: lake, url: output, contents: content), rows: Self.dataRows(content),
                                 derivedFrom: dailyFiles.map(\.path))
            report.rows[name, default: 0] += Self.dataRows(content)
            report.secondsPerTable[name, default: 0] += (ContinuousClock.now - forecastStart).inSeconds / 2
        }
        try AtomicFile.write(string: signature, to: stateURL)
    }
}
