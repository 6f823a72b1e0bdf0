import CCurl
import Foundation

/// `HTTPClient` over libcurl. Each request runs on a thread of its own (libcurl's easy interface
/// blocks; Dispatch's pool would cap blocking work at the core count, and Swift's cooperative pool
/// must never block), so the caller bounds concurrency; signals are off (`CURLOPT_NOSIGNAL`) as
/// threads require.
///
/// ```swift
/// let client = CurlHTTPClient()
/// let response = try await client.get(HTTPRequest(url: "http://127.0.0.1:8080/feed/here/", timeout: 5))
/// ```
public struct CurlHTTPClient: HTTPClient {
    /// Bodies larger than this are refused (default 16 MiB: real responses are a few KB).
    public var maximumBodyBytes: Int
    /// The User-Agent sent with every request.
    public var userAgent: String

    public init(maximumBodyBytes: Int = 16 << 20, userAgent: String = "goodair-lake/\(GoodAirVersion.current)") {
        self.maximumBodyBytes = maximumBodyBytes
        self.userAgent = userAgent
        _ = CurlHTTPClient.globalInit
    }

    private static let globalInit: Void = { curl_global_init(Int(CURL_GLOBAL_DEFAULT)) }()

    public func get(_ request: HTTPRequest) async throws -> HTTPResponse {
        var request = request
        request.body = nil
        return try await send(request)
    }

    /// Performs `request`: a GET, or a POST when it has a body. No redirect is followed.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let limit = maximumBodyBytes
        let agent = userAgent
        return try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(with: Result { try CurlTransfer.perform(request, limit: limit, userAgent: agent) })
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
    }
}
