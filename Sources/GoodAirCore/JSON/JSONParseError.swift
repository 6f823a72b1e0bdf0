/// Why a document is not valid JSON (RFC 8259), and where.
///
/// The description names the byte offset and the reason; it never quotes the document, which may
/// hold secrets (an API answer echoing a key).
///
/// ```swift
/// do { _ = try JSONTape(parsing: "[1,]") } catch let error as JSONParseError {
///     print(error)   // invalid JSON at byte 3: expected a value, found ']' (trailing commas are not allowed)
/// }
/// ```
public struct JSONParseError: Error, CustomStringConvertible, Sendable, Equatable {
    /// Byte offset (from 0) where the problem was found.
    public let offset: Int
    /// What is wrong, in plain words.
    public let reason: String

    public init(offset: Int, reason: String) {
        self.offset = offset
        self.reason = reason
    }

    public var description: String { "invalid JSON at byte \(offset): \(reason)" }
}
