import Synchronization

/// APIs that must not be called again in this run: the key was refused, or the server cannot
/// answer for past hours. Calling on would only burn quota and fill the manifest with noise.
final class APIBreaker: Sendable {
    private let reasons = Mutex<[API: String]>([:])

    func trip(_ api: API, reason: String) {
        reasons.withLock { if $0[api] == nil { $0[api] = reason } }
    }

    func reason(for api: API) -> String? { reasons.withLock { $0[api] } }
}
