import Foundation

/// The encodings of an RFC 5322 / MIME message that mail clients expect from a French text:
/// quoted-printable bodies (RFC 2045 §6.7), encoded words in headers (RFC 2047), folded lines,
/// and the RFC 5322 date.
///
/// ```swift
/// MailEncoding.quotedPrintable("Résolu")        // "R=C3=A9solu"
/// MailEncoding.encodedWords("Résolu : NO2")     // ["=?UTF-8?B?UsOpc29sdSA6IE5PMg==?="]
/// ```
enum MailEncoding {
    /// The longest line of a quoted-printable body, soft break included (RFC 2045).
    static let quotedPrintableLineLength = 76

    /// `text` (lines separated by `\n`) as quoted-printable lines joined by CRLF: printable ASCII
    /// as is, everything else `=XX` of its UTF-8 bytes, spaces before a line end and a leading `.`
    /// encoded, lines longer than 76 characters broken with a soft `=`.
    static func quotedPrintable(_ text: String) -> String {
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let bytes = Array(line.utf8).filter { $0 != 0x0D }
            var tokens: [String] = []
            for (index, byte) in bytes.enumerated() {
                let last = index == bytes.count - 1
                let literal = (byte >= 0x21 && byte <= 0x7E && byte != 0x3D && !(index == 0 && byte == 0x2E))
                    || ((byte == 0x20 || byte == 0x09) && !last)
                tokens.append(literal ? String(UnicodeScalar(byte)) : String(format: "=%02X", byte))
            }
            var current = ""
            for token in tokens {
                if current.count + token.count > quotedPrintableLineLength - 1 {
                    lines.append(current + "=")
                    current = ""
                }
                current += token
            }
            lines.append(current)
        }
        return lines.joined(separator: "\r\n")
    }

    /// Whether `text` can go into a header as is: printable ASCII and spaces.
    static func isPlainASCII(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { (0x20...0x7E).contains($0.value) }
    }

    /// `text` as RFC 2047 `=?UTF-8?B?…?=` words of at most 39 bytes each (64 characters), cut
    /// between characters, never inside one.
    static func encodedWords(_ text: String) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            if !chunk.isEmpty && chunk.count + bytes.count > 39 {
                words.append(word(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append(word(chunk)) }
        return words
    }

    private static func word(_ bytes: [UInt8]) -> String { "=?UTF-8?B?\(Data(bytes).base64EncodedString())?=" }

    /// A header line `Name: value`: plain ASCII folded at spaces, anything else as encoded words,
    /// one per line (CRLF + space between them). No line is longer than 78 characters unless a
    /// single word is.
    static func header(_ name: String, _ value: String) -> String {
        let words = isPlainASCII(value) ? value.split(separator: " ").map(String.init) : encodedWords(value)
        var out = "\(name):", line = out.count
        for word in words {
            if line + 1 + word.count > 78 && line > name.count + 1 {
                out += "\r\n"
                line = 0
            }
            out += " " + word
            line += 1 + word.count
        }
        return out
    }

    /// A display name for `From`/`To`: as is when plain ASCII atoms, in quotes when it has
    /// specials, encoded words when it is not ASCII.
    static func phrase(_ name: String) -> String {
        guard isPlainASCII(name) else { return encodedWords(name).joined(separator: " ") }
        let atoms = name.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || " !#$%&'*+-/=?^_`{|}~".unicodeScalars.contains($0) }
        return atoms ? name : "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// RFC 5322 date in UTC: `Sun, 29 Nov 2026 14:00:00 +0000`.
    static func date(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = CivilTime.floorDiv(seconds, 86_400)
        let (year, month, day) = CivilTime.civil(days: days)
        let weekday = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][CivilTime.weekday(days: days)]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let time = CivilTime.wallString(seconds: seconds, separator: " ").suffix(8)
        return "\(weekday), \(day) \(months[month - 1]) \(CivilTime.pad(year, 4)) \(time) +0000"
    }
}
