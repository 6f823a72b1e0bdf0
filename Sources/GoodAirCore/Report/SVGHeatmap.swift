/// A heatmap of correlations: rows × columns of cells coloured on the diverging scale of r
/// (−1 blue, 0 white, +1 red), each cell showing r and a second line (the lag, n), with a
/// `<title>` tooltip giving every detail, and a colour legend.
///
/// ```swift
/// let map = SVGHeatmap(label: "Corrélations", rows: ["Température"], columns: ["PM2,5"],
///                      cells: [[HeatmapCell(r: 0.42, text: "0,42", detail: "+3 h · n=240", tooltip: "…")]])
/// map.render()
/// ```
struct SVGHeatmap {
    var label: String
    var rows: [String]
    var columns: [String]
    /// `cells[row][column]`, nil where no correlation was computed.
    var cells: [[HeatmapCell?]]
    var cellWidth: Double = 118
    var cellHeight: Double = 46
    var rowHeaderWidth: Double = 170

    /// The SVG markup.
    func render() -> String {
        let top = 40.0
        let width = rowHeaderWidth + Double(columns.count) * cellWidth + 20
        let height = top + Double(rows.count) * cellHeight + 56
        var svg = SVGWriter(width: width, height: height, label: label)
        for (c, name) in columns.enumerated() {
            svg.text(name, x: rowHeaderWidth + (Double(c) + 0.5) * cellWidth, y: top - 10, anchor: "middle", class: "colhead")
        }
        for (r, name) in rows.enumerated() {
            let y = top + Double(r) * cellHeight
            svg.text(name, x: rowHeaderWidth - 8, y: y + cellHeight / 2 + 4, anchor: "end", class: "rowhead")
            for c in columns.indices {
                let x = rowHeaderWidth + Double(c) * cellWidth
                guard let cell = cells[r][c] else {
                    svg.element("rect", ["x": x + 1, "y": y + 1, "width": cellWidth - 2, "height": cellHeight - 2],
                                class: "nocell", tooltip: "Pas de corrélation calculée (moins de 30 paires)")
                    svg.text("—", x: x + cellWidth / 2, y: y + cellHeight / 2 + 4, anchor: "middle", class: "tick")
                    continue
                }
                svg.raw("<g>")
                svg.element("rect", ["x": x + 1, "y": y + 1, "width": cellWidth - 2, "height": cellHeight - 2],
                            style: "fill:\(ChartPalette.diverging(cell.r))", tooltip: cell.tooltip)
                let ink = "fill:\(ChartPalette.textOnDiverging(cell.r))"
                svg.text(cell.text, x: x + cellWidth / 2, y: y + 20, anchor: "middle", class: "cellvalue", style: ink)
                svg.text(cell.detail, x: x + cellWidth / 2, y: y + 36, anchor: "middle", class: "celldetail", style: ink)
                svg.raw("</g>\n")
            }
        }
        // Legend: r from −1 to +1.
        let legendY = top + Double(rows.count) * cellHeight + 16
        let legendWidth = min(300.0, Double(columns.count) * cellWidth)
        let steps = 20
        for i in 0..<steps {
            let r = -1 + 2 * (Double(i) + 0.5) / Double(steps)
            svg.element("rect", ["x": rowHeaderWidth + Double(i) * legendWidth / Double(steps), "y": legendY,
                                 "width": legendWidth / Double(steps) + 0.5, "height": 10], style: "fill:\(ChartPalette.diverging(r))")
        }
        for (r, text) in [(-1.0, "r = −1"), (0, "0"), (1, "+1")] {
            svg.text(text, x: rowHeaderWidth + (r + 1) / 2 * legendWidth, y: legendY + 24, anchor: "middle", class: "tick")
        }
        return svg.finish()
    }
}

/// One cell of an ``SVGHeatmap``.
struct HeatmapCell {
    /// The correlation, for the colour.
    var r: Double
    /// The main text (r).
    var text: String
    /// The second line (lag, n).
    var detail: String
    /// The tooltip (`<title>`).
    var tooltip: String
}
