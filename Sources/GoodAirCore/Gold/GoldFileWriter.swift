import Foundation
import Synchronization

/// Writes the month files of a run day by day on threads of their own while the run computes the
/// next ones: each file atomically (``AtomicFile``: temporary, fsync, rename, folder fsync), then
/// its sha256 for lineage. An hourly run rewrites several megabytes (a month of `features` and of
/// `city_hourly`) whose fsyncs alone take about 15 ms; they now overlap the computation of the
/// event tables, and each other (each file is another path, in another folder).
///
/// ``finish()`` waits for every write and gives their lineage facts, or the first error. Nothing
/// that refers to the files (lineage, the aggregation's state) is written before it returns.
///
/// ```swift
/// let writer = GoldFileWriter()
/// writer.write(spliced, to: url, path: "gold/features/month=2026-11/part-00000.csv", rows: 17_472, derivedFrom: sources)
/// for written in try writer.finish() { report.lineage.wrote(written.file, rows: written.rows, derivedFrom: written.derivedFrom) }
/// ```
final class GoldFileWriter: Sendable {
    /// A file written: its lineage fact, its rows and what it was made from.
    struct Written: Sendable {
        let file: LineageFile
        let rows: Int
        let derivedFrom: [String]
    }

    private struct State {
        var files: [Written?] = []
        var failure: (any Error)?
    }

    /// Each write runs on a thread of its own, not on a Dispatch queue: on Linux the Swift
    /// concurrency pool runs on Dispatch's worker threads, and ``finish()`` blocks one of them.
    private let running = DispatchGroup()
    private let state = Mutex(State())

    /// Queues `file` to be written at `url` (`path` relative to the lake), of `rows` rows made
    /// from `derivedFrom`; `hash` when the caller hashes it already; `then`, run on the same
    /// thread once the file is in place (not when the write failed). Returns its place in what
    /// ``finish()`` gives.
    @discardableResult
    func write(_ file: SplicedFile, to url: URL, path: String, rows: Int, derivedFrom: [String], hash: BackgroundValue<String>? = nil,
               then: (@Sendable () -> Void)? = nil) -> Int {
        let ticket = state.withLock { state in
            state.files.append(nil)
            return state.files.count - 1
        }
        perform { [self] in
            guard state.withLock({ $0.failure == nil }) else { return }
            do {
                AtomicFile.cleanTemporaries(in: url.deletingLastPathComponent())
                try file.withBuffers { try AtomicFile.write(buffers: $0, to: url) }
                let fact = Written(file: LineageFile(path: path, bytes: file.count, sha256: hash?.value ?? file.sha256Hex),
                                   rows: rows, derivedFrom: derivedFrom)
                state.withLock { $0.files[ticket] = fact }
                then?()
            } catch {
                state.withLock { state in
                    if state.failure == nil { state.failure = error }
                }
            }
        }
        return ticket
    }

    /// Runs `body` on a thread of its own; ``finish()`` waits for it too.
    func perform(_ body: @escaping @Sendable () -> Void) {
        running.enter()
        Thread { [self] in
            defer { running.leave() }
            body()
        }.start()
    }

    /// Waits for the files queued so far; their lineage facts in the order they were queued, or
    /// the first error.
    func finish() throws -> [Written] {
        running.wait()
        return try state.withLock { state in
            if let failure = state.failure { throw failure }
            return state.files.map { $0! }
        }
    }
}
