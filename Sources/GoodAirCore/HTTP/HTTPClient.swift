/// A request: the URL (which may hold a secret: never log it unredacted), extra headers, a total
/// timeout in seconds, and a body: a GET without one (the APIs'), a POST with one (a form sent to
/// the dashboard).
public struct HTTPRequest: Sendable {
    public var url: String
    public var headers: [String: String]
    public var timeout: Double
    /// Sent as a POST when set; nil (the default) for a GET.
    public var body: [UInt8]?

    public init(url: String, headers: [String: String] = [:], timeout: Double = 20, body: [UInt8]? = nil) {
        self.url = url
        self.headers = headers
        self.timeout = timeout
        self.body = body
    }
}

/// A response: HTTP status, headers (names lowercased) and the body exactly as received.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: [String: String]
    public var body: [UInt8]

    public init(status: Int, headers: [String: String] = [:], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// What went wrong below HTTP: the server never gave a complete response.
public struct HTTPTransportError: Error, CustomStringConvertible, Sendable {
    public enum Kind: String, Sendable {
        /// The request did not complete within its timeout.
        case timeout
        /// Connection refused or reset, DNS failure, truncated transfer…
        case network
    }
    public let kind: Kind
    /// The transport library's message. May contain the URL: redact before showing it.
    public let message: String

    public init(kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { "\(kind.rawValue): \(message)" }
}

/// Performs GET requests. The collector depends on this protocol; `CurlHTTPClient` is the real one.
public protocol HTTPClient: Sendable {
    /// Sends `request`; returns any HTTP response (even 4xx/5xx), throws `HTTPTransportError` when
    /// there is none.
    func get(_ request: HTTPRequest) async throws -> HTTPResponse
}
