import Foundation

/// A tiny ordered JSON tree and its compact, byte-for-byte deterministic serialisation.
///
/// Keys keep the order they are written in (unlike `JSONSerialization`), numbers are printed
/// from integer arithmetic (no locale, no shortest-repr surprises), strings are escaped per
/// RFC 8259 and written as UTF-8 (slashes are not escaped).
///
/// ```swift
/// let doc: PayloadJSON = .object([("aqi", .int(57)), ("t", .number(12.345, decimals: 1))])
/// String(decoding: doc.bytes(), as: UTF8.self)   // {"aqi":57,"t":12.3}
/// ```
indirect enum PayloadJSON: Sendable {
    case object([(String, PayloadJSON)])
    case array([PayloadJSON])
    case string(String)
    /// A number already rendered as JSON text.
    case literal(String)
    case null

    /// An integer.
    static func int(_ value: Int) -> PayloadJSON {
        .literal(String(value))
    }

    /// `value` rounded half away from zero to `decimals` places, trailing zeros dropped
    /// ("12.5", "3", "0.01"); with `keepPoint`, integers keep one decimal ("4.0").
    static func number(_ value: Double, decimals: Int, keepPoint: Bool = false) -> PayloadJSON {
        .literal(format(value, decimals: decimals, keepPoint: keepPoint))
    }

    /// The textual form used by ``number(_:decimals:keepPoint:)``.
    static func format(_ value: Double, decimals: Int, keepPoint: Bool = false) -> String {
        guard value.isFinite else { return "0" }
        var divisor: Int64 = 1
        for _ in 0..<decimals { divisor *= 10 }
        let scaled = Int64((abs(value) * Double(divisor)).rounded())
        var fraction = scaled % divisor
        var digits = decimals
        while digits > 0 && fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        var text = scaled == 0 || value >= 0 ? "" : "-"
        text += String(scaled / divisor)
        if digits > 0 {
            let tail = String(fraction)
            text += "." + String(repeating: "0", count: digits - tail.count) + tail
        } else if keepPoint {
            text += ".0"
        }
        return text
    }

    /// The compact UTF-8 serialisation.
    func bytes() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1_024)
        write(into: &out)
        return out
    }

    private func write(into out: inout [UInt8]) {
        switch self {
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (i, (key, value)) in members.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                Self.writeString(key, into: &out)
                out.append(UInt8(ascii: ":"))
                value.write(into: &out)
            }
            out.append(UInt8(ascii: "}"))
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                item.write(into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .string(let text):
            Self.writeString(text, into: &out)
        case .literal(let text):
            out.append(contentsOf: text.utf8)
        case .null:
            out.append(contentsOf: "null".utf8)
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    private static func writeString(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                out.append(contentsOf: Array("\\u00".utf8))
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0xF)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
