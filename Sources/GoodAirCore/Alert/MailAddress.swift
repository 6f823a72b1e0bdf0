import Foundation

/// An e-mail address with an optional display name, as `GOODAIR_ALERT_FROM` and
/// `GOODAIR_ALERT_TO` give them: `alertes@labo.fr` or `GoodAir <alertes@labo.fr>`.
///
/// ```swift
/// let to = try MailAddress.parseList("a@labo.fr, Équipe données <data@labo.fr>")
/// to[1].name      // "Équipe données"
/// to[1].address   // "data@labo.fr"
/// ```
public struct MailAddress: Sendable, Hashable, Codable, CustomStringConvertible {
    /// `local@domain`, ASCII.
    public var address: String
    public var name: String?

    /// An address; `address` must be `local@domain` in printable ASCII without spaces or `<>`.
    public init(_ address: String, name: String? = nil) throws {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              address.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) && !"<>(),;:\"[]\\".unicodeScalars.contains($0) })
        else {
            throw AlertError.badSetting(variable: "address", reason: "'\(address)' is not an e-mail address local@domain")
        }
        self.address = address
        let trimmed = name?.trimmingCharacters(in: .whitespaces)
        self.name = trimmed?.isEmpty == false ? trimmed : nil
    }

    /// `a@b.fr` or `Name <a@b.fr>` (the name may be in double quotes).
    public static func parse(_ text: String) throws -> MailAddress {
        let text = text.trimmingCharacters(in: .whitespaces)
        guard let open = text.lastIndex(of: "<") else { return try MailAddress(text) }
        guard text.hasSuffix(">") else {
            throw AlertError.badSetting(variable: "address", reason: "'\(text)' has '<' without a closing '>'")
        }
        var name = String(text[..<open]).trimmingCharacters(in: .whitespaces)
        if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") { name = String(name.dropFirst().dropLast()) }
        return try MailAddress(String(text[text.index(after: open)..<text.index(before: text.endIndex)]), name: name)
    }

    /// A comma-separated list (commas inside a quoted name do not separate); empty items are skipped.
    public static func parseList(_ text: String) throws -> [MailAddress] {
        var items: [String] = [], current = "", quoted = false
        for character in text {
            if character == "\"" { quoted.toggle() }
            if character == "," && !quoted {
                items.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        items.append(current)
        return try items.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.map(parse)
    }

    /// The part after `@`.
    public var domain: String { String(address[address.index(after: address.firstIndex(of: "@")!)...]) }

    /// As a header writes it: `Name <a@b.fr>` with the name quoted or RFC 2047-encoded as needed.
    var headerValue: String {
        guard let name else { return address }
        return "\(MailEncoding.phrase(name)) <\(address)>"
    }

    public var description: String { name.map { "\($0) <\(address)>" } ?? address }
}
