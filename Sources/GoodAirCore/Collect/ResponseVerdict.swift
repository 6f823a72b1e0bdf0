import Foundation

/// What a response means, read from the HTTP status and the API's own status in the body.
///
/// AQICN answers errors with HTTP 200 and `{"status":"error","data":"Invalid key"}`; OpenWeatherMap
/// puts `cod` in the body, as a number or a string (`"404"`), and its air-pollution answer has no
/// `cod` at all. A body that is not JSON (truncated, an HTML error page) is never a good snapshot.
public struct ResponseVerdict: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// A usable snapshot.
        case ok
        /// The API reported an error (in the body or through the HTTP status).
        case apiError = "api_error"
        /// HTTP 200 but the body is not the JSON the API sends.
        case badBody = "bad_body"
    }

    public var kind: Kind
    /// The API's own status: AQICN `status` (`ok`, `error`), OpenWeatherMap `cod` as text.
    public var apiStatus: String?
    /// Why it is not ok, in words (the API's message when it gave one).
    public var message: String?
    /// Whether trying again may help (5xx, 429, a garbled body) or not (bad key, unknown place).
    public var retryable: Bool
    /// Whether the API refused our credentials: later fetches of the same API would fail too.
    public var credentialsRefused: Bool

    public static func judge(source: Source, status: Int, body: [UInt8]) -> ResponseVerdict {
        let object = (try? JSONSerialization.jsonObject(with: Data(body), options: [])) as? [String: Any]
        let httpRetryable = status == 429 || status == 408 || status >= 500
        switch source.api {
        case .aqicn:
            let apiStatus = object?["status"] as? String
            let text = object?["data"] as? String
            if status == 200, apiStatus == "ok", object?["data"] is [String: Any] {
                return ResponseVerdict(kind: .ok, apiStatus: "ok", message: nil, retryable: false, credentialsRefused: false)
            }
            if apiStatus == "error" || status != 200 {
                let refused = status == 401 || status == 403 || (text?.lowercased().contains("invalid key") ?? false)
                let message = text.map { "AQICN error: \($0)" } ?? "HTTP \(status)"
                return ResponseVerdict(kind: .apiError, apiStatus: apiStatus, message: message,
                                       retryable: httpRetryable, credentialsRefused: refused)
            }
            let why = object == nil ? "the body is not JSON (\(body.count) bytes)" : "unexpected AQICN answer (no status \"ok\" with data)"
            return ResponseVerdict(kind: .badBody, apiStatus: apiStatus, message: why, retryable: true, credentialsRefused: false)
        case .openWeatherMap:
            let cod = codText(object?["cod"])
            let message = object?["message"] as? String
            let codNumber = cod.flatMap { Int($0) }
            let bodyOK: Bool = source == .owmAir ? object?["list"] is [Any] : (codNumber == 200 && object?["main"] != nil)
            if status == 200, bodyOK, codNumber == nil || codNumber == 200 {
                return ResponseVerdict(kind: .ok, apiStatus: cod, message: nil, retryable: false, credentialsRefused: false)
            }
            if status != 200 || (codNumber != nil && codNumber != 200) {
                let effective = codNumber ?? status
                let refused = status == 401 || effective == 401
                let text = message.map { "OpenWeatherMap error \(cod ?? String(status)): \($0)" } ?? "HTTP \(status)"
                let retry = httpRetryable || effective == 429 || effective >= 500
                return ResponseVerdict(kind: .apiError, apiStatus: cod, message: text,
                                       retryable: retry, credentialsRefused: refused)
            }
            let why = object == nil ? "the body is not JSON (\(body.count) bytes)" : "unexpected OpenWeatherMap answer"
            return ResponseVerdict(kind: .badBody, apiStatus: cod, message: why, retryable: true, credentialsRefused: false)
        }
    }

    /// `cod` as text, whether the API sent `200`, `"200"` or `200.0`.
    static func codText(_ value: Any?) -> String? {
        switch value {
        case let s as String: return s
        case let n as NSNumber:
            let d = n.doubleValue
            return d == d.rounded() ? String(Int(d)) : n.stringValue
        default: return nil
        }
    }
}
