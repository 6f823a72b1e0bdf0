import Foundation
import Logging

/// Performs one fetch with retries, backoff, the rate limit and the replay check.
struct Fetcher: Sendable {
    let configuration: CollectorConfiguration
    let client: any HTTPClient
    let clock: LakeClock
    let logger: Logger
    let runID: String
    let owmLimiter: RateLimiter
    let breaker: APIBreaker

    func fetch(_ job: FetchJob) async throws -> FetchResult {
        let endpoints = configuration.endpoints
        let redactor = endpoints.redactor
        var record = FetchRecord(
            cityID: job.city.id, url: endpoints.url(for: job.source, city: job.city, redacted: true),
            outcome: .failed, httpStatus: nil, apiStatus: nil, attempts: 0, attemptErrors: [],
            startedAt: Timestamp.formatMillis(clock.now()), latencyMs: 0, file: nil, rawBytes: nil,
            storedBytes: nil, sha256: nil, error: nil, runID: runID)
        let request = HTTPRequest(url: endpoints.url(for: job.source, city: job.city, redacted: false),
                                  headers: [ReplayHeader.name: job.hour.description],
                                  timeout: configuration.timeout)
        let started = ContinuousClock.now
        var keptBody: [UInt8]?
        var refused = false
        for attempt in 1...configuration.retry.maxAttempts {
            // The slot is taken before the breaker is read, so a trip during the wait is seen.
            if job.source.api == .openWeatherMap { try await owmLimiter.acquire() }
            if let reason = breaker.reason(for: job.source.api) {
                record.error = record.error.map { "\($0); not retried: \(reason)" } ?? "not attempted: \(reason)"
                break
            }
            record.attempts = attempt
            var retryAfter: Double?
            var retryable = true
            do {
                let response = try await client.get(request)
                record.httpStatus = response.status
                retryAfter = RetryPolicy.parseRetryAfter(response.headers["retry-after"])
                let verdict = ResponseVerdict.judge(source: job.source, status: response.status, body: response.body)
                record.apiStatus = verdict.apiStatus
                keptBody = response.body.isEmpty ? nil : response.body
                if job.replay && response.headers[ReplayHeader.lowercasedName] != job.hour.description {
                    let reason = "the server answers only for the present, not for \(job.hour) "
                        + "(backfilling past hours needs a replaying server such as `goodair simulate`)"
                    breaker.trip(job.source.api, reason: reason)
                    record.error = reason
                    keptBody = nil   // today's data must not land in a past partition
                    break
                }
                if verdict.kind == .ok {
                    record.outcome = .ok
                    record.error = nil
                    break
                }
                let message = redactor.redact(verdict.message ?? "HTTP \(response.status)")
                record.error = message
                record.attemptErrors.append(message)
                retryable = verdict.retryable
                if verdict.credentialsRefused {
                    refused = true
                    breaker.trip(job.source.api, reason: "\(job.source.api.rawValue) refused the key (\(message))")
                }
            } catch let error as HTTPTransportError {
                let message = redactor.redact(error.description)
                record.httpStatus = nil
                record.apiStatus = nil
                record.error = message
                record.attemptErrors.append(message)
                keptBody = nil
            }
            guard retryable, attempt < configuration.retry.maxAttempts else { break }
            let wait = configuration.retry.delay(afterAttempt: attempt, retryAfter: retryAfter,
                                                 jitter: Double.random(in: 0..<1))
            logger.debug("fetch.retry", metadata: [
                "source": "\(job.source.rawValue)", "city": "\(job.city.id)", "hour": "\(job.hour)",
                "attempt": "\(attempt)", "wait_s": "\(String(format: "%.2f", wait))", "error": "\(record.error ?? "")",
            ])
            try await clock.sleep(seconds: wait)
        }
        record.latencyMs = Int((ContinuousClock.now - started).milliseconds)
        if let body = keptBody {
            if redactor.containsSecret(body) {
                record.error = (record.error.map { $0 + "; " } ?? "") + "body withheld: it contains a credential"
                record.outcome = .failed
                keptBody = nil
            } else {
                record.rawBytes = body.count
                record.sha256 = Checksum.sha256Hex(body)
            }
        }
        return FetchResult(record: record, body: keptBody, credentialsRefused: refused)
    }
}
