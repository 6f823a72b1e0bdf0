/// Builds SVG markup as text: elements with escaped attribute values and text, coordinates
/// rounded to a tenth of a pixel so that the same data always give the same bytes.
///
/// ```swift
/// var svg = SVGWriter(width: 400, height: 200, label: "Température à Paris")
/// svg.element("line", ["x1": 0, "y1": 0, "x2": 10, "y2": 10], style: "stroke:#000")
/// svg.text("°C", x: 4, y: 12, class: "unit")
/// let markup = svg.finish()
/// ```
struct SVGWriter {
    private(set) var markup = ""
    let width: Double
    let height: Double

    /// Opens an `<svg>` of `width` × `height` pixels (scaled to the page width by CSS) whose
    /// accessible name is `label` (`role="img"`, `<title>`).
    init(width: Double, height: Double, label: String) {
        self.width = width
        self.height = height
        markup = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Self.n(width)) \(Self.n(height))\" "
            + "width=\"\(Self.n(width))\" height=\"\(Self.n(height))\" role=\"img\" aria-label=\"\(HTML.escape(label))\">"
            + "<title>\(HTML.escape(label))</title>\n"
    }

    /// A coordinate with one decimal and a point.
    static func n(_ value: Double) -> String { FrenchFormat.plain(value, decimals: 1) }

    /// An empty element such as `<line …/>`; numeric attributes in pixels.
    mutating func element(_ name: String, _ numbers: KeyValuePairs<String, Double>, style: String? = nil,
                          class className: String? = nil, tooltip: String? = nil) {
        markup += "<\(name)"
        for (key, value) in numbers { markup += " \(key)=\"\(Self.n(value))\"" }
        if let className { markup += " class=\"\(HTML.escape(className))\"" }
        if let style { markup += " style=\"\(HTML.escape(style))\"" }
        if let tooltip {
            markup += "><title>\(HTML.escape(tooltip))</title></\(name)>\n"
        } else {
            markup += "/>\n"
        }
    }

    /// A `<text>` of escaped `content` at (`x`, `y`); `anchor` is `start`, `middle` or `end`.
    mutating func text(_ content: String, x: Double, y: Double, anchor: String = "start",
                       class className: String? = nil, style: String? = nil, rotate: Bool = false) {
        markup += "<text x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" text-anchor=\"\(anchor)\""
        if rotate { markup += " transform=\"rotate(-90 \(Self.n(x)) \(Self.n(y)))\"" }
        if let className { markup += " class=\"\(HTML.escape(className))\"" }
        if let style { markup += " style=\"\(HTML.escape(style))\"" }
        markup += ">\(HTML.escape(content))</text>\n"
    }

    /// A polyline through `points` in `color`, broken where a point is missing (NaN); an
    /// isolated point becomes a dot so it stays visible.
    mutating func polyline(_ points: [(x: Double, y: Double)], color: String, width: Double = 1.5, dash: String? = nil) {
        let style = "fill:none;stroke:\(color);stroke-width:\(Self.n(width))" + (dash.map { ";stroke-dasharray:\($0)" } ?? "")
        var run: [(x: Double, y: Double)] = []
        func flush() {
            if run.count == 1 {
                element("circle", ["cx": run[0].x, "cy": run[0].y, "r": width + 0.5], style: "fill:\(color)")
            } else if run.count > 1 {
                let list = run.map { "\(Self.n($0.x)),\(Self.n($0.y))" }.joined(separator: " ")
                markup += "<polyline points=\"\(list)\" style=\"\(HTML.escape(style))\"/>\n"
            }
            run.removeAll()
        }
        for point in points {
            if point.x.isFinite && point.y.isFinite { run.append(point) } else { flush() }
        }
        flush()
    }

    /// A closed polygon (for min–max bands); `points` must all be finite.
    mutating func polygon(_ points: [(x: Double, y: Double)], style: String) {
        guard points.count > 2 else { return }
        let list = points.map { "\(Self.n($0.x)),\(Self.n($0.y))" }.joined(separator: " ")
        markup += "<polygon points=\"\(list)\" style=\"\(HTML.escape(style))\"/>\n"
    }

    /// Raw, already well-formed markup (a `<g>` opening, a closing tag).
    mutating func raw(_ text: String) { markup += text }

    /// The document, `</svg>` added.
    func finish() -> String { markup + "</svg>\n" }
}
