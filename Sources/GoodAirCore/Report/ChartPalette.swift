/// Colours of the reports: the Okabe–Ito palette, told apart by readers with the common colour
/// vision deficiencies, and a diverging blue–red scale (ColorBrewer RdBu) for correlations.
///
/// ```swift
/// ChartPalette.temperature               // "#D55E00"
/// ChartPalette.diverging(-0.8)            // a strong blue
/// ```
enum ChartPalette {
    static let black = "#000000"
    static let orange = "#E69F00"
    static let skyBlue = "#56B4E9"
    static let green = "#009E73"
    static let yellow = "#F0E442"
    static let blue = "#0072B2"
    static let vermillion = "#D55E00"
    static let purple = "#CC79A7"
    static let grey = "#6B6B6B"

    static let temperature = vermillion
    static let humidity = blue
    static let wind = green
    static let rain = skyBlue
    static let threshold = "#B00020"

    /// The colour of a pollutant's series (µg/m³ or index).
    static func pollutant(_ name: String) -> String {
        switch name {
        case "no2_ugm3": return blue
        case "o3_ugm3": return green
        case "pm2_5_ugm3": return purple
        case "pm10_ugm3": return orange
        case "aqi": return black
        case "so2_ugm3": return vermillion
        default: return grey
        }
    }

    private static let rdBu: [(Double, Double, Double)] = [
        (33, 102, 172), (67, 147, 195), (146, 197, 222), (209, 229, 240), (247, 247, 247),
        (253, 219, 199), (244, 165, 130), (214, 96, 77), (178, 24, 43),
    ]

    /// The colour of a correlation `r` in −1…1: blue for negative, white near 0, red for positive.
    static func diverging(_ r: Double) -> String {
        let t = (max(-1, min(1, r)) + 1) / 2 * Double(rdBu.count - 1)
        let i = min(rdBu.count - 2, Int(t)), f = t - Double(i)
        let (a, b) = (rdBu[i], rdBu[i + 1])
        return hex(a.0 + (b.0 - a.0) * f, a.1 + (b.1 - a.1) * f, a.2 + (b.2 - a.2) * f)
    }

    /// Black or white, whichever reads better on the diverging colour of `r`.
    static func textOnDiverging(_ r: Double) -> String { abs(r) > 0.6 ? "#FFFFFF" : "#000000" }

    /// A sequential scale (white to dark blue) for densities, `t` in 0…1.
    static func sequential(_ t: Double) -> String {
        let t = max(0, min(1, t))
        return hex(247 - (247 - 8) * t, 251 - (251 - 48) * t, 255 - (255 - 107) * t)
    }

    static func hex(_ r: Double, _ g: Double, _ b: Double) -> String {
        let digits = Array("0123456789ABCDEF")
        var out = "#"
        for component in [r, g, b] {
            let v = max(0, min(255, Int(component.rounded())))
            out.append(digits[v / 16]); out.append(digits[v % 16])
        }
        return out
    }
}
