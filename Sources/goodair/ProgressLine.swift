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
        guard total > 1 else { return }
        let line = "\(label): hour \(progress.hoursDone)/\(progress.hoursTotal) — \(progress.fetched) fetched, "
            + "\(progress.skipped) already there, \(progress.failed) failed"
        if isTerminal {
            FileHandle.standardError.write(Data("\r\(line)\u{1B}[K".utf8))
        } else {
            let decile = progress.hoursDone * 10 / max(progress.hoursTotal, 1)
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
