/// The dashboard's chart: a city's hourly weather against its air quality over a period, one
/// panel per variable on a shared UTC time axis (the reports' SVG charts, served live). A missing
/// hour breaks the line rather than bridging it.
///
/// ```swift
/// let svg = DashboardChart.svg(label: "Paris", from: start, to: end, series: [
///     .init(variable: "temperature_c", points: temperatures),
///     .init(variable: "no2_ugm3", points: no2),
/// ])
/// ```
public enum DashboardChart {
    /// The hourly values of one gold variable (``GoldVariable/all``), in time order.
    public struct Series: Sendable {
        public var variable: String
        public var points: [(hour: Int, value: Double)]

        public init(variable: String, points: [(hour: Int, value: Double)]) {
            self.variable = variable
            self.points = points
        }
    }

    /// The SVG markup, `label` its accessible name; `from` and `to` in Unix seconds.
    public static func svg(label: String, from: Int, to: Int, series: [Series]) -> String {
        let colors = [ChartPalette.vermillion, ChartPalette.blue, ChartPalette.green, ChartPalette.purple, ChartPalette.orange]
        let panels = series.enumerated().map { index, one -> ChartPanel in
            let variable = GoldVariable.named(one.variable)
            var panel = ChartPanel(title: one.variable, unit: variable?.unit ?? "")
            panel.includesZero = variable?.kind == .amount || variable?.table == "air_pollution"
            var times: [Int] = [], values: [Double] = []
            for (offset, point) in one.points.enumerated() {
                if offset > 0, point.hour - one.points[offset - 1].hour > 3600 {
                    times.append(point.hour - 3600)
                    values.append(.nan)   // a gap: the line stops
                }
                times.append(point.hour)
                values.append(point.value)
            }
            panel.series.append(ChartSeries(name: one.variable, color: colors[index % colors.count], times: times, values: values))
            return panel
        }
        return SVGLineChart(label: label, from: from, to: to, panels: panels).render()
    }

    /// `text` escaped for HTML element content and quoted attribute values.
    public static func escape(_ text: String) -> String { HTML.escape(text) }
}
