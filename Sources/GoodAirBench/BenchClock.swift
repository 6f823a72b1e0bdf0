/// Best-of-N timing with `ContinuousClock`.
enum BenchClock {
    /// Runs `body` `rounds` times and returns the fastest run in nanoseconds. `body` returns a
    /// value folded into `sink` so the optimizer cannot drop the work.
    static func best(rounds: Int, sink: inout Int, _ body: () throws -> Int) rethrows -> Double {
        let clock = ContinuousClock()
        var fastest = Double.infinity
        for _ in 0..<rounds {
            var result = 0
            let elapsed = try clock.measure { result = try body() }
            sink &+= result
            fastest = min(fastest, nanoseconds(elapsed))
        }
        return fastest
    }

    static func nanoseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1e9 + Double(attoseconds) / 1e9
    }
}
