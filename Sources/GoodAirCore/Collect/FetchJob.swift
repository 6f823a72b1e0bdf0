/// One fetch to do: a city, a source, an hour; `replay` when the hour is before the current one.
struct FetchJob: Sendable {
    let source: Source
    let hour: Hour
    let city: City
    let replay: Bool
}

/// What a fetch produced: the manifest record, and the body to keep (nil when none may be kept).
struct FetchResult: Sendable {
    var record: FetchRecord
    var body: [UInt8]?
    /// The API refused the key: a configuration error, not a passing failure.
    var credentialsRefused = false
}
