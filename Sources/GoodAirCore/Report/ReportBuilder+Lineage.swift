import Foundation

extension ReportBuilder {
    /// Builds the reports as a job with its lineage (`_lineage/…/report-<run-id>.jsonl`): the
    /// inputs are the gold files the pages are drawn from — the month partitions of the period
    /// (with the week before and the days after that anomaly baselines and episodes read), every
    /// month of `city_hourly` (the correlation scatter plots use the whole history) and the
    /// single-file tables; the outputs are the pages.
    ///
    /// ```swift
    /// let summary = try ReportBuilder(lake: lake, logger: logger).run(cities: nil, from: nil, to: nil, clock: clock)
    /// ```
    public func run(cities: [String]?, from: String?, to: String?, clock: LakeClock) throws -> ReportSummary {
        var parameters: [String: String] = [:]
        parameters["cities"] = cities.map { $0.joined(separator: ",") }
        parameters["from"] = from
        parameters["to"] = to
        let run = try LineageRun.start(job: "report", runID: UUID().uuidString.lowercased(), lake: lake, clock: clock, parameters: parameters)
        do {
            let summary = try build(cities: cities, from: from, to: to)
            try run.complete(lineage(of: summary))
            return summary
        } catch {
            run.fail(error, logger: logger)
            throw error
        }
    }

    /// What the pages of `summary` were drawn from, and the pages.
    private func lineage(of summary: ReportSummary) -> LineageRecord {
        var record = LineageRecord()
        var inputs: [URL] = []
        if let first = Timestamp.day(summary.from), let last = Timestamp.day(summary.to) {
            for table in ["city_daily", "exceedances", "heatwaves", "anomalies"] {
                let folder = lake.gold.appendingPathComponent(table)
                inputs += GoldReader.months(folder, days: (first - 8)...(last + 3)).map { GoldReader.file(folder, month: $0) }
            }
        }
        let hourly = lake.gold.appendingPathComponent("city_hourly")
        inputs += GoldReader.months(hourly, days: nil).map { GoldReader.file(hourly, month: $0) }
        inputs += ["correlations", "forecasts", "forecast_scores"].map { lake.gold.appendingPathComponent("\($0)/part-00000.csv") }
        let files = inputs.compactMap { LineageFile.read(lake: lake, url: $0) }
        for file in files { record.read(file) }
        for page in summary.files {
            if let file = LineageFile.read(lake: lake, url: page) { record.wrote(file, derivedFrom: files.map(\.path)) }
        }
        return record
    }
}
