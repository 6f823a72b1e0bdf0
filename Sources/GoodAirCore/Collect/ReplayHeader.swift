/// How the collector asks a server for a past hour, and how a server says it can.
///
/// The real APIs only ever answer with the present. The collector sends the hour it collects in
/// `X-GoodAir-Replay-Hour: 2026-11-28T14:00:00Z` with every request; a server able to answer for
/// that hour (the built-in simulator) answers for it and echoes the header. For an hour before the
/// current one, a response without the echo is refused: storing today's weather under last
/// Tuesday's partition would be a lie. The real APIs ignore the header.
public enum ReplayHeader {
    /// The request and response header name.
    public static let name = "X-GoodAir-Replay-Hour"
    /// The same, lowercased, as response headers are stored.
    public static let lowercasedName = "x-goodair-replay-hour"
}
