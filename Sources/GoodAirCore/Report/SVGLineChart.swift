/// Time-series charts: one or more panels stacked on a shared UTC time axis (small multiples),
/// each with its own value axis and unit, lines (a NaN breaks the line), optional min–max bands,
/// bars, horizontal reference lines (thresholds) and a shaded interval (an episode).
///
/// ```swift
/// var panel = ChartPanel(title: "Température", unit: "°C")
/// panel.series.append(ChartSeries(name: "moyenne", color: ChartPalette.temperature, times: t, values: v))
/// let svg = SVGLineChart(label: "Paris", from: t0, to: t1, panels: [panel]).render()
/// ```
struct SVGLineChart {
    var label: String
    /// The time axis, seconds since 1970 (UTC).
    var from: Int
    var to: Int
    var panels: [ChartPanel]
    var width: Double = 880
    var panelHeight: Double = 118

    let left = 58.0, right = 16.0, top = 8.0, gap = 30.0, bottom = 26.0

    /// The SVG markup.
    func render() -> String {
        let height = top + Double(panels.count) * (panelHeight + gap) + bottom - 8
        var svg = SVGWriter(width: width, height: height, label: label)
        let x = ChartAxis.Scale(domain: (Double(from), Double(max(to, from + 1))), range: (left, width - right))
        let ticks = ChartAxis.timeTicks(from: from, to: to)
        for (index, panel) in panels.enumerated() {
            let panelTop = top + Double(index) * (panelHeight + gap) + 18
            draw(panel, into: &svg, x: x, top: panelTop, timeTicks: ticks, isLast: index == panels.count - 1)
        }
        return svg.finish()
    }

    private func draw(_ panel: ChartPanel, into svg: inout SVGWriter, x: ChartAxis.Scale, top: Double,
                      timeTicks: [(seconds: Int, label: String)], isLast: Bool) {
        let bottomY = top + panelHeight - 18
        let visible = { (t: Int) in t >= from && t <= to }
        var values: [Double] = panel.lines.map(\.value)
        for series in panel.series {
            for (t, v) in zip(series.times, series.values) where visible(t) && v.isFinite { values.append(v) }
            for (t, lo, hi) in zip3(series.times, series.lows, series.highs) where visible(t) && lo.isFinite && hi.isFinite {
                values += [lo, hi]
            }
        }
        var lower = values.min() ?? 0, upper = values.max() ?? 1
        if panel.includesZero { lower = min(lower, 0); upper = max(upper, 0) }
        let ticks = ChartAxis.niceTicks(lower: lower, upper: upper, count: 4)
        let y = ChartAxis.Scale(domain: (ticks.first!, ticks.last!), range: (bottomY, top))
        svg.text(panel.title + (panel.unit.isEmpty ? "" : " (\(panel.unit))"), x: left, y: top - 6, class: "ptitle")
        var legendX = width - right
        for series in panel.series.reversed() where !series.name.isEmpty {
            svg.text(series.name, x: legendX, y: top - 6, anchor: "end", class: "legend")
            legendX -= Double(series.name.count) * 6.2 + 4
            switch series.style {
            case .bars:
                svg.element("rect", ["x": legendX - 12, "y": top - 14, "width": 10, "height": 10], style: "fill:\(series.color)")
                legendX -= 22
            case .line(let dash):
                svg.polyline([(x: legendX - 20, y: top - 9.5), (x: legendX - 2, y: top - 9.5)], color: series.color, width: 2.5, dash: dash)
                legendX -= 30
            }
        }
        if let shade = panel.shaded {
            let x0 = x(Double(max(shade.lowerBound, from))), x1 = x(Double(min(shade.upperBound, to)))
            svg.element("rect", ["x": x0, "y": top, "width": max(2, x1 - x0), "height": bottomY - top], class: "shade")
        }
        let decimals = ChartAxis.decimals(forStep: ticks.count > 1 ? ticks[1] - ticks[0] : 1)
        for tick in ticks {
            svg.element("line", ["x1": left, "y1": y(tick), "x2": width - right, "y2": y(tick)], class: "grid")
            svg.text(FrenchFormat.number(tick, decimals: decimals), x: left - 5, y: y(tick) + 3.5, anchor: "end", class: "tick")
        }
        for tick in timeTicks {
            svg.element("line", ["x1": x(Double(tick.seconds)), "y1": top, "x2": x(Double(tick.seconds)), "y2": bottomY], class: "grid")
            svg.text(tick.label, x: x(Double(tick.seconds)), y: bottomY + 13, anchor: "middle", class: isLast ? "tick" : "tick minor")
        }
        svg.element("line", ["x1": left, "y1": bottomY, "x2": width - right, "y2": bottomY], class: "axis")
        svg.element("line", ["x1": left, "y1": top, "x2": left, "y2": bottomY], class: "axis")
        for series in panel.series {
            let pairs = zip3(series.times, series.lows, series.highs).filter { visible($0.0) && $0.1.isFinite && $0.2.isFinite }
            if !pairs.isEmpty {
                let upperEdge = pairs.map { (x: x(Double($0.0)), y: y($0.2)) }
                let lowerEdge = pairs.reversed().map { (x: x(Double($0.0)), y: y($0.1)) }
                svg.polygon(upperEdge + lowerEdge, style: "fill:\(series.color);fill-opacity:0.18;stroke:none")
            }
            let points = zip(series.times, series.values).filter { visible($0.0) }
            switch series.style {
            case .bars(let seconds):
                let barWidth = max(1, x(Double(from + seconds)) - x(Double(from)) - 1)
                for (t, v) in points where v.isFinite {
                    let top = min(y(v), y(0)), height = abs(y(v) - y(0))
                    svg.element("rect", ["x": x(Double(t)), "y": top, "width": barWidth, "height": height], style: "fill:\(series.color)")
                }
            case .line(let dash):
                svg.polyline(Self.bridged(points).map { (x: x(Double($0.0)), y: $0.1.isFinite ? y($0.1) : .nan) },
                             color: series.color, dash: dash)
            }
            for marker in series.markers where visible(marker.seconds) {
                svg.element("circle", ["cx": x(Double(marker.seconds)), "cy": y(marker.value), "r": 4.5],
                            style: "fill:none;stroke:\(series.color);stroke-width:2", tooltip: marker.label)
            }
        }
        for line in panel.lines {
            svg.element("line", ["x1": left, "y1": y(line.value), "x2": width - right, "y2": y(line.value)],
                        style: "stroke:\(line.color);stroke-width:1.5;stroke-dasharray:6 3")
            svg.text(line.label, x: width - right - 4, y: y(line.value) - 4, anchor: "end", class: "reflabel",
                     style: "fill:\(line.color)")
        }
    }
}

extension SVGLineChart {
    /// The present points of a series, with a break (NaN) only where more than three steps in a
    /// row are missing: an isolated missing hour does not cut the line, a long gap does.
    static func bridged(_ points: [(Int, Double)]) -> [(Int, Double)] {
        let present = points.filter { $0.1.isFinite }
        guard present.count > 1 else { return present }
        let step = zip(points.dropFirst(), points).map { $0.0.0 - $0.1.0 }.filter { $0 > 0 }.min() ?? 3600
        var out: [(Int, Double)] = [present[0]]
        for (previous, point) in zip(present, present.dropFirst()) {
            if point.0 - previous.0 > 4 * step { out.append((point.0, .nan)) }
            out.append(point)
        }
        return out
    }
}

/// One panel of an ``SVGLineChart``: its title, unit and what it draws.
struct ChartPanel {
    var title: String
    var unit: String
    var series: [ChartSeries] = []
    /// Horizontal dashed lines: thresholds, baselines.
    var lines: [(value: Double, label: String, color: String)] = []
    /// A shaded time interval (seconds), e.g. an episode.
    var shaded: ClosedRange<Int>?
    /// Whether the value axis must show 0 (amounts, concentrations).
    var includesZero = false
}

/// A series of a panel: values at times (seconds), optional min–max band, drawn as a line or bars.
struct ChartSeries {
    enum Style { case line(dash: String?), bars(seconds: Int) }
    var name: String
    var color: String
    var times: [Int]
    var values: [Double]
    var lows: [Double] = []
    var highs: [Double] = []
    var style: Style = .line(dash: nil)
    /// Points circled and explained in a tooltip (an anomaly).
    var markers: [(seconds: Int, value: Double, label: String)] = []
}

/// Triples of three sequences, as long as the shortest.
func zip3<A: Sequence, B: Sequence, C: Sequence>(_ a: A, _ b: B, _ c: C) -> [(A.Element, B.Element, C.Element)] {
    zip(a, zip(b, c)).map { ($0.0, $0.1.0, $0.1.1) }
}
