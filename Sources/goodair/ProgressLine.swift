import Foundation
import GoodAirCore
import Synchronization

/// Progress of a long job on standard error: a line rewritten in place on a terminal, a line
/// every tenth of the way otherwise (logs stay readable).
final class ProgressLine: Sendable {
    private let label: String
    private let total: Int
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private let lastDecile = Mutex(-1)

    init(label: String, total: Int) {
        self.label = label
        self.total = total
    }

    func update(_ progress: CollectProgress) {
        show("\(label): hour \(progress.hoursDone)/\(progress.hoursTotal) — \(progress.fetched) fetched, "
             + "\(progress.skipped) already there, \(progress.failed) failed", done: progress.hoursDone, of: progress.hoursTotal)
    }

    /// Any job's progress: `label: done/total — detail`.
    func update(done: Int, of total: Int, detail: String) {
        show("\(label): \(done)/\(total) — \(detail)", done: done, of: total)
    }

    private func show(_ line: String, done: Int, of total: Int) {
        guard self.total > 1 else { return }
        if isTerminal {
            FileHandle.standardError.write(Data("\r\(line)\u{1B}[K".utf8))
        } else {
            let decile = done * 10 / max(total, 1)
            let print = lastDecile.withLock { last -> Bool in
                guard decile > last else { return false }
                last = decile
                return true
            }
            if print { FileHandle.standardError.write(Data("\(line)\n".utf8)) }
        }
    }

    func finish() {
        if isTerminal && total > 1 { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
