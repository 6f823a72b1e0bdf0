/// Escaping for text and attribute values put into HTML and SVG, so that a city name, a threshold
/// text or a variable read from the lake can never open a tag or end an attribute.
///
/// ```swift
/// HTML.escape("PM2.5 < 25 & \"OMS\"")   // "PM2.5 &lt; 25 &amp; &quot;OMS&quot;"
/// ```
enum HTML {
    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by entities; safe in element content and in
    /// quoted attribute values of HTML and XML (SVG).
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            return text
        }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A `<p>` of escaped text with an optional class.
    static func paragraph(_ text: String, class name: String? = nil) -> String {
        let attribute = name.map { " class=\"\(escape($0))\"" } ?? ""
        return "<p\(attribute)>\(escape(text))</p>\n"
    }

    /// A heading `<hN id=…>` of escaped text.
    static func heading(_ level: Int, _ text: String, id: String? = nil) -> String {
        let attribute = id.map { " id=\"\(escape($0))\"" } ?? ""
        return "<h\(level)\(attribute)>\(escape(text))</h\(level)>\n"
    }

    /// An anchor-safe identifier from `text`: lowercase ASCII letters, digits and `-`.
    static func identifier(_ text: String) -> String {
        var out = ""
        for scalar in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) { out.unicodeScalars.append(scalar) } else if !out.hasSuffix("-") {
                out += "-"
            }
        }
        return out
    }
}
