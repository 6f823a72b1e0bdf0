import Foundation

/// What `ReportBuilder.build` wrote: the files, the period and cities covered, and how many
/// events the extremes report lists.
///
/// ```swift
/// let summary = try ReportBuilder(lake: lake, logger: logger).build(cities: ["paris"], from: nil, to: nil)
/// print(summary.description)   // "4 reports in gold/reports (…)"
/// ```
public struct ReportSummary: Sendable, CustomStringConvertible {
    /// `gold/reports/`.
    public let folder: URL
    /// The files written, `index.html` last.
    public let files: [URL]
    /// The period shown, `YYYY-MM-DD`, both days included.
    public let from: String
    public let to: String
    /// The cities covered (ids, in the référentiel's order).
    public let cities: [String]
    public let exceedances: Int
    public let heatwaves: Int
    public let anomalies: Int
    /// The scope of the correlation heatmaps: `all` or a city id.
    public let correlationScope: String

    public var description: String {
        "\(files.count) reports in \(folder.path) (\(from) … \(to), \(cities.count) cities; "
            + "\(exceedances) exceedances, \(heatwaves) heatwaves, \(anomalies) anomalies; correlations: \(correlationScope))"
    }
}
