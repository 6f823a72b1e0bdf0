/// A scatter plot of pairs (x, y) with its least-squares line. Up to ``maximumPoints`` pairs are
/// drawn as translucent dots; beyond, as a density grid (cells shaded by how many pairs fall in
/// them), so a year of hourly data stays a small file.
///
/// ```swift
/// SVGScatter(label: "Température et O3", xTitle: "Température (°C)", yTitle: "O3 (µg/m³)",
///            xs: temperatures, ys: ozone).render()
/// ```
struct SVGScatter {
    var label: String
    var xTitle: String
    var yTitle: String
    var xs: [Double]
    var ys: [Double]
    var color: String = ChartPalette.blue
    var width: Double = 430
    var height: Double = 330
    static let maximumPoints = 2500

    /// The SVG markup.
    func render() -> String {
        let left = 56.0, right = 14.0, top = 14.0, bottom = 44.0
        var svg = SVGWriter(width: width, height: height, label: label)
        let pairs = zip(xs, ys).filter { $0.0.isFinite && $0.1.isFinite }
        let xTicks = ChartAxis.niceTicks(lower: pairs.map(\.0).min() ?? 0, upper: pairs.map(\.0).max() ?? 1, count: 5)
        let yTicks = ChartAxis.niceTicks(lower: pairs.map(\.1).min() ?? 0, upper: pairs.map(\.1).max() ?? 1, count: 5)
        let x = ChartAxis.Scale(domain: (xTicks.first!, xTicks.last!), range: (left, width - right))
        let y = ChartAxis.Scale(domain: (yTicks.first!, yTicks.last!), range: (height - bottom, top))
        let xDecimals = ChartAxis.decimals(forStep: xTicks.count > 1 ? xTicks[1] - xTicks[0] : 1)
        let yDecimals = ChartAxis.decimals(forStep: yTicks.count > 1 ? yTicks[1] - yTicks[0] : 1)
        for tick in xTicks {
            svg.element("line", ["x1": x(tick), "y1": top, "x2": x(tick), "y2": height - bottom], class: "grid")
            svg.text(FrenchFormat.number(tick, decimals: xDecimals), x: x(tick), y: height - bottom + 14, anchor: "middle", class: "tick")
        }
        for tick in yTicks {
            svg.element("line", ["x1": left, "y1": y(tick), "x2": width - right, "y2": y(tick)], class: "grid")
            svg.text(FrenchFormat.number(tick, decimals: yDecimals), x: left - 5, y: y(tick) + 3.5, anchor: "end", class: "tick")
        }
        if pairs.count <= Self.maximumPoints {
            for (px, py) in pairs {
                svg.element("circle", ["cx": x(px), "cy": y(py), "r": 2.2], style: "fill:\(color);fill-opacity:0.35")
            }
        } else {
            let bins = 40
            var counts = [Int](repeating: 0, count: bins * bins)
            for (px, py) in pairs {
                let i = min(bins - 1, max(0, Int((x(px) - left) / (width - left - right) * Double(bins))))
                let j = min(bins - 1, max(0, Int((height - bottom - y(py)) / (height - top - bottom) * Double(bins))))
                counts[j * bins + i] += 1
            }
            let most = Double(counts.max() ?? 1)
            let cw = (width - left - right) / Double(bins), ch = (height - top - bottom) / Double(bins)
            for j in 0..<bins {
                for i in 0..<bins where counts[j * bins + i] > 0 {
                    let t = 0.15 + 0.85 * (Double(counts[j * bins + i]).squareRoot() / most.squareRoot())
                    svg.element("rect", ["x": left + Double(i) * cw, "y": height - bottom - Double(j + 1) * ch, "width": cw + 0.3, "height": ch + 0.3],
                                style: "fill:\(ChartPalette.sequential(t))", tooltip: "\(counts[j * bins + i]) paires")
                }
            }
        }
        if let fit = Self.leastSquares(pairs) {
            let x0 = xTicks.first!, x1 = xTicks.last!
            let clipped = [(x0, fit.a + fit.b * x0), (x1, fit.a + fit.b * x1)]
                .map { (x: x($0.0), y: y(min(yTicks.last!, max(yTicks.first!, $0.1)))) }
            svg.polyline(clipped, color: ChartPalette.vermillion, width: 2, dash: "5 3")
        }
        svg.element("line", ["x1": left, "y1": height - bottom, "x2": width - right, "y2": height - bottom], class: "axis")
        svg.element("line", ["x1": left, "y1": top, "x2": left, "y2": height - bottom], class: "axis")
        svg.text(xTitle, x: (left + width - right) / 2, y: height - 8, anchor: "middle", class: "axistitle")
        svg.text(yTitle, x: 14, y: (top + height - bottom) / 2, anchor: "middle", class: "axistitle", rotate: true)
        return svg.finish()
    }

    /// The least-squares line y = a + b·x, nil with fewer than 3 pairs or a constant x.
    static func leastSquares(_ pairs: [(Double, Double)]) -> (a: Double, b: Double)? {
        guard pairs.count >= 3 else { return nil }
        let n = Double(pairs.count)
        let mx = pairs.reduce(0) { $0 + $1.0 } / n, my = pairs.reduce(0) { $0 + $1.1 } / n
        var sxy = 0.0, sxx = 0.0
        for (x, y) in pairs { sxy += (x - mx) * (y - my); sxx += (x - mx) * (x - mx) }
        guard sxx > 0 else { return nil }
        let b = sxy / sxx
        return (my - b * mx, b)
    }
}
