import Foundation
@testable import GoodAirCore
import Testing

@Suite("RetryPolicy")
struct RetryPolicyTests {
    private let policy = RetryPolicy()   // 4 attempts, 1 s base, 30 s max, Retry-After capped at 120 s

    @Test("defaults")
    func defaults() {
        #expect(policy.maxAttempts == 4)
        #expect(policy.baseDelay == 1)
        #expect(policy.maxDelay == 30)
        #expect(policy.retryAfterCap == 120)
        #expect(RetryPolicy(maxAttempts: 0).maxAttempts == 1)
    }

    @Test("backoff doubles per attempt and stays within [0.5, 1] × the ceiling")
    func exponential() {
        let ceilings: [Double] = [1, 2, 4, 8, 16, 30, 30]
        for (i, ceiling) in ceilings.enumerated() {
            let attempt = i + 1
            #expect(policy.delay(afterAttempt: attempt, retryAfter: nil, jitter: 0) == ceiling / 2, "attempt \(attempt)")
            #expect(policy.delay(afterAttempt: attempt, retryAfter: nil, jitter: 1) == ceiling, "attempt \(attempt)")
            let middle = policy.delay(afterAttempt: attempt, retryAfter: nil, jitter: 0.5)
            #expect(middle > ceiling / 2 && middle < ceiling)
        }
        var previous = 0.0
        for attempt in 1...5 {
            let d = policy.delay(afterAttempt: attempt, retryAfter: nil, jitter: 0)
            #expect(d == previous * 2 || attempt == 1)
            previous = d
        }
    }

    @Test("maxDelay caps the backoff, even after very many attempts")
    func capped() {
        for attempt in [6, 10, 64, 1000, 1 << 40] {
            #expect(policy.delay(afterAttempt: attempt, retryAfter: nil, jitter: 1) == 30, "attempt \(attempt)")
        }
        let small = RetryPolicy(baseDelay: 0.1, maxDelay: 0.25)
        #expect(small.delay(afterAttempt: 1, retryAfter: nil, jitter: 1) == 0.1)
        #expect(small.delay(afterAttempt: 2, retryAfter: nil, jitter: 1) == 0.2)
        #expect(small.delay(afterAttempt: 3, retryAfter: nil, jitter: 1) == 0.25)
    }

    @Test("a huge attempt number is capped, not a crash")
    func hugeAttempt() {
        #expect(policy.delay(afterAttempt: Int.max, retryAfter: nil, jitter: 1) == 30)
    }

    @Test("jitter outside [0, 1] is clamped")
    func jitterClamped() {
        #expect(policy.delay(afterAttempt: 3, retryAfter: nil, jitter: -5) == 2)
        #expect(policy.delay(afterAttempt: 3, retryAfter: nil, jitter: 7) == 4)
    }

    @Test("Retry-After wins when longer, capped by retryAfterCap")
    func retryAfter() {
        #expect(policy.delay(afterAttempt: 1, retryAfter: 10, jitter: 0) == 10)
        #expect(policy.delay(afterAttempt: 3, retryAfter: 0.2, jitter: 1) == 4, "a shorter Retry-After does not shorten the backoff")
        #expect(policy.delay(afterAttempt: 1, retryAfter: 3600, jitter: 0) == 120)
        #expect(policy.delay(afterAttempt: 1, retryAfter: 0, jitter: 0) == 0.5)
        let tight = RetryPolicy(retryAfterCap: 5)
        #expect(tight.delay(afterAttempt: 1, retryAfter: 60, jitter: 0) == 5)
        #expect(tight.delay(afterAttempt: 6, retryAfter: 60, jitter: 1) == 30, "the cap never lowers the backoff")
    }

    @Test("parseRetryAfter takes seconds only", arguments: [
        ("3", 3.0), (" 2 ", 2.0), ("0", 0.0), ("1.5", 1.5),
        ("Wed, 21 Oct 2015 07:28:00 GMT", nil), ("-1", nil), ("", nil), ("soon", nil), ("inf", nil), ("nan", nil),
    ] as [(String, Double?)])
    func parseRetryAfter(text: String, expected: Double?) {
        #expect(RetryPolicy.parseRetryAfter(text) == expected)
    }

    @Test("parseRetryAfter of a missing header is nil")
    func parseMissing() {
        #expect(RetryPolicy.parseRetryAfter(nil) == nil)
    }
}

@Suite("RateLimiter")
struct RateLimiterTests {
    @Test("limit 3 per 0.3 s: no 0.3 s window holds more than 3 calls")
    func slidingWindow() async throws {
        let limiter = RateLimiter(limit: 3, window: 0.3)
        let clock = ContinuousClock()
        let begin = clock.now
        var instants: [ContinuousClock.Instant] = []
        for _ in 0..<7 {
            try await limiter.acquire()
            instants.append(clock.now)
        }
        // Any four consecutive calls span at least the window. The limiter sleeps 1 ms past the
        // window; a little slack covers the hop back from the actor.
        for i in 0..<(instants.count - 3) {
            let span = instants[i + 3] - instants[i]
            #expect(span >= .milliseconds(299), "calls \(i)…\(i + 3) within \(span)")
        }
        // Calls 3…5 wait at least one window, call 6 at least two. (No upper bound: how late a
        // sleeper wakes on a loaded machine is not the limiter's business, and no test is timed.)
        #expect(instants[6] - begin >= .milliseconds(599))
    }

    @Test("concurrent callers share the limit")
    func concurrent() async throws {
        let limiter = RateLimiter(limit: 2, window: 0.2)
        let clock = ContinuousClock()
        let instants = try await withThrowingTaskGroup(of: ContinuousClock.Instant.self) { group in
            for _ in 0..<5 {
                group.addTask {
                    try await limiter.acquire()
                    return clock.now
                }
            }
            var all: [ContinuousClock.Instant] = []
            for try await instant in group { all.append(instant) }
            return all.sorted()
        }
        #expect(instants.count == 5)
        for i in 0..<(instants.count - 2) {
            #expect(instants[i + 2] - instants[i] >= .milliseconds(199))
        }
    }

    @Test("limit 0 never waits")
    func unlimited() async throws {
        for limit in [0, -1] {
            let limiter = RateLimiter(limit: limit, window: 10)
            let clock = ContinuousClock()
            let begin = clock.now
            for _ in 0..<1000 { try await limiter.acquire() }
            #expect(clock.now - begin < .seconds(5), "a single wait would take the 10 s window")
        }
    }

    @Test("a cancelled waiter throws instead of waiting")
    func cancellation() async throws {
        // A window far longer than the test may be starved for: under a loaded test run, tests
        // that compute hold the cooperative threads for many seconds, and a 30 s window once
        // ended before the cancellation was delivered.
        let limiter = RateLimiter(limit: 1, window: 3600)
        try await limiter.acquire()
        let clock = ContinuousClock()
        let begin = clock.now
        let waiter = Task { try await limiter.acquire() }
        try await Task.sleep(for: .milliseconds(20))
        waiter.cancel()
        await #expect(throws: CancellationError.self) { try await waiter.value }
        #expect(clock.now - begin < .seconds(1800), "well before the one-hour window")
    }
}
