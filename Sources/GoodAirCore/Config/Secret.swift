import Foundation

/// A credential (API token, SMTP password) that must never reach the lake, a log or a message.
///
/// Its `description` is `REDACTED`, so string interpolation cannot leak it; the value is read
/// only where a request is built, through `reveal()`.
///
/// ```swift
/// let token = Secret("abc123")
/// "\(token)"          // "REDACTED"
/// ```
public struct Secret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    private let value: String

    public init(_ value: String) { self.value = value }

    /// The real value, for building a request. Never log or store it.
    public func reveal() -> String { value }

    public var isEmpty: Bool { value.isEmpty }

    public var description: String { Redactor.placeholder }
    public var debugDescription: String { Redactor.placeholder }
    /// `dump` and mirrors see no value either.
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}

/// Replaces every known secret in a text by `REDACTED`: URLs written to manifests, error
/// messages from libcurl or a server, anything that goes to a log.
public struct Redactor: Sendable {
    /// What a secret is replaced with.
    public static let placeholder = "REDACTED"

    private let secrets: [String]

    /// A redactor for these secrets (empty ones are ignored).
    public init(_ secrets: [Secret]) {
        // Longest first, so a secret that contains another is replaced whole.
        self.secrets = secrets.map { $0.reveal() }.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
    }

    /// `text` with every secret, raw or percent-encoded, replaced by `REDACTED`.
    public func redact(_ text: String) -> String {
        var out = text
        for secret in secrets {
            out = out.replacingOccurrences(of: secret, with: Self.placeholder)
            // The forms a secret takes in a URL: as the query encodes it, and fully encoded.
            for encoded in [Self.queryEncoded(secret), secret.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? secret]
            where encoded != secret {
                out = out.replacingOccurrences(of: encoded, with: Self.placeholder)
            }
        }
        return out
    }

    /// `value` percent-encoded for a URL query: everything but RFC 3986's unreserved characters.
    public static func queryEncoded(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }

    /// Secrets shorter than this are not searched for in bodies: a one-letter test key would
    /// match every payload. Real AQICN tokens and OpenWeatherMap keys are 32–40 characters.
    public static let minimumSearchableLength = 8

    /// Whether `bytes` contain any secret verbatim (a server echoing a key back, say).
    public func containsSecret(_ bytes: [UInt8]) -> Bool {
        for secret in secrets where secret.utf8.count >= Self.minimumSearchableLength {
            if containsBytes(bytes, Array(secret.utf8)) || containsBytes(bytes, Array(Self.queryEncoded(secret).utf8)) {
                return true
            }
        }
        return false
    }

    private func containsBytes(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= bytes.count else { return false }
        let first = needle[0]
        for i in 0...(bytes.count - needle.count)
        where bytes[i] == first && bytes[i..<(i + needle.count)].elementsEqual(needle) {
            return true
        }
        return false
    }
}
