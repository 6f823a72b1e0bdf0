import Foundation
@testable import GoodAirCore
import GoodAirTesting
import Testing

/// Reading lineage back without holding it whole: journals walked line by line or read from both
/// ends, and the three levels of detail of ``LineageHistory``.
@Suite("Lineage history")
struct LineageHistoryTests {
    /// A journal of `lines` plus an optional torn tail, in a temporary folder.
    func journal(_ lines: [[UInt8]], torn: [UInt8] = []) throws -> (url: URL, folder: TemporaryLake) {
        let folder = try TemporaryLake()
        let url = folder.root.appendingPathComponent("journal.jsonl")
        try AtomicFile.write(lines.flatMap { $0 + [0x0A] } + torn, to: url)
        return (url, folder)
    }

    /// A line of `count` bytes that tells which line it is.
    func line(_ index: Int, count: Int) -> [UInt8] {
        let head = Array("line \(index):".utf8)
        return head + [UInt8](repeating: UInt8(ascii: "a") + UInt8(index % 26), count: max(0, count - head.count))
    }

    @Test("every whole line comes out once, in order, across chunk boundaries; a torn tail is left out and reported",
          arguments: [false, true])
    func forEachLine(torn: Bool) throws {
        // Sizes around the reader's 1 MB chunks and the 64 KB blocks of the backward search.
        let lines = [10, 70_000, 1 << 20, (1 << 20) - 5, 3, 2_500_000, 64 * 1024, 1].enumerated().map { line($0, count: $1) }
        let (url, folder) = try journal(lines, torn: torn ? Array("{\"half\":".utf8) : [])
        defer { folder.remove() }
        var seen: [[UInt8]] = []
        let reported = try AppendOnlyFile.forEachLine(at: url) { seen.append(Array($0)) }
        #expect(reported == torn)
        #expect(seen.count == lines.count)
        #expect(seen == lines)
        let ends = try AppendOnlyFile.firstAndLastLines(at: url)
        #expect(ends.first.map(Array.init) == lines.first)
        #expect(ends.last.map(Array.init) == lines.last)
        #expect(ends.torn == torn)
    }

    @Test("the two ends of a journal with one line, none, or only a torn one")
    func ends() throws {
        let one = try journal([line(0, count: 200_000)])
        defer { one.folder.remove() }
        let single = try AppendOnlyFile.firstAndLastLines(at: one.url)
        #expect(single.first == single.last && single.first?.count == 200_000 && !single.torn)
        let onlyTorn = try journal([], torn: Array("{\"eventType\":".utf8))
        defer { onlyTorn.folder.remove() }
        let tornEnds = try AppendOnlyFile.firstAndLastLines(at: onlyTorn.url)
        #expect(tornEnds.first == nil && tornEnds.last == nil && tornEnds.torn)
        #expect(try AppendOnlyFile.forEachLine(at: onlyTorn.url) { _ in Issue.record("no whole line") })
        let empty = try journal([])
        defer { empty.folder.remove() }
        let none = try AppendOnlyFile.firstAndLastLines(at: empty.url)
        #expect(none.first == nil && none.last == nil && !none.torn)
        let missing = empty.folder.root.appendingPathComponent("none.jsonl")
        #expect(throws: LakeError.self) { _ = try AppendOnlyFile.firstAndLastLines(at: missing) }
    }

    @Test("runs, outputs and full detail agree on what they keep; runs alone read no file list")
    func details() async throws {
        let lake = try await LineageTests.chain(hours: 3, cities: 1)
        defer { lake.remove() }
        let full = try LineageHistory.load(lake: lake.lake)
        let outputs = try LineageHistory.load(lake: lake.lake, detail: .outputs)
        let runs = try LineageHistory.load(lake: lake.lake, detail: .runs)
        #expect(full.runs.count >= 4, "collect, curate, aggregate, report")
        #expect(runs.runs == full.runs && outputs.runs == full.runs)
        #expect(full.runs.allSatisfy { $0.state == .complete })
        let written = lake.allFiles().filter { $0.hasPrefix("silver/") || $0.hasPrefix("gold/") }.filter { !$0.contains("warehouse") }
        #expect(!written.isEmpty)
        for path in written {
            #expect(full.lastWritten(path) != nil, "\(path)")
            #expect(outputs.lastWritten(path) == full.lastWritten(path), "\(path)")
            #expect(runs.lastWritten(path) == nil)
            #expect(outputs.producers(of: path).allSatisfy { $0.derivedFrom.isEmpty })
        }
        let silver = try #require(written.first { $0.hasPrefix("silver/weather/") })
        let sources = try #require(full.producers(of: silver).last?.derivedFrom)
        #expect(!sources.isEmpty && sources.allSatisfy { full.readFact($0)?.sha256 != nil })
        #expect(outputs.readFact(sources[0]) == nil)
    }

    @Test("a load kept to some paths keeps for them what the full load keeps, and nothing else")
    func onlySomePaths() async throws {
        let lake = try await LineageTests.chain(hours: 3, cities: 1)
        defer { lake.remove() }
        let full = try LineageHistory.load(lake: lake.lake)
        let silver = try #require(lake.allFiles().first { $0.hasPrefix("silver/weather/") })
        let snapshots = try #require(full.producers(of: silver).last?.derivedFrom)
        let gold = try #require(lake.allFiles().first { $0.hasPrefix("gold/city_daily/") })
        let kept: Set<String> = Set([silver, gold, snapshots[0]])
        let some = try LineageHistory.load(lake: lake.lake, only: kept)
        #expect(some.runs == full.runs)
        for path in kept {
            #expect(some.producers(of: path).map(\.run) == full.producers(of: path).map(\.run), "\(path)")
            #expect(some.producers(of: path).map(\.derivedFrom) == full.producers(of: path).map(\.derivedFrom), "\(path)")
            #expect(some.lastWritten(path) == full.lastWritten(path), "\(path)")
            #expect(some.readFact(path) == full.readFact(path), "\(path)")
        }
        #expect(some.readFact(snapshots[0])?.sha256 != nil)
        let others = lake.allFiles().filter { ($0.hasPrefix("silver/") || $0.hasPrefix("gold/")) && !kept.contains($0) }
        #expect(!others.isEmpty && others.allSatisfy { some.producers(of: $0).isEmpty })
        #expect(snapshots.dropFirst().allSatisfy { some.readFact($0) == nil })
    }

    @Test("the quick test of an event's line finds every path it names, and only those")
    func pathFilter() {
        let path = "silver/weather/date=2026-07-14/part-00000.csv"
        let filter = LineagePathFilter([path, "bronze/source=aqicn/date=2026-07-14/hour=10/paris.json.gz"])
        func line(_ text: String) -> Data { Data(text.utf8) }
        #expect(filter.mayMention(line(#"{"outputs":[{"files":[{"path":"\#(path)","bytes":1}]}]}"#)))
        #expect(filter.mayMention(line(#"{"derivedFrom":["bronze/source=aqicn/date=2026-07-14/hour=10/paris.json.gz"]}"#)))
        // Same length, one byte apart; a prefix; the path inside a longer string; no string at all.
        #expect(!filter.mayMention(line(#"{"path":"silver/weather/date=2026-07-15/part-00000.csv"}"#)))
        #expect(!filter.mayMention(line(#"{"path":"silver/weather/date=2026-07-14"}"#)))
        #expect(!filter.mayMention(line(#"{"path":"x\#(path)"}"#)))
        #expect(!filter.mayMention(line("")))
        #expect(!filter.mayMention(line(#"{"a":1,"b":[true,null]}"#)))
        // An escaped string is compared unescaped: the path written another way is found, a
        // description with escaped quotes is not taken for it, and a path after it is found.
        #expect(filter.mayMention(line(#"{"path":"silver\/weather\/date=2026-07-14\/part-00000.csv"}"#)))
        #expect(!filter.mayMention(line(#"{"description":"answers \"-\" when it has no value","n":1}"#)))
        #expect(filter.mayMention(line(#"{"description":"answers \"-\"","p":"\#(path)"}"#)))
        #expect(!filter.mayMention(line(#"{"p":"silver\/weather\/date=2026-07-15\/part-00000.csv"}"#)))
        // A \u escape, which no lake path needs, counts as a possible match.
        #expect(filter.mayMention(line(#"{"p":"caf\u00e9"}"#)))
    }

    /// The walk as it was before it went by generations: over the whole history at once. Each
    /// node as `path | runs that made it | files it came from | sha256 recorded`.
    static func referenceTrace(_ path: String, month: String?, _ history: LineageHistory) -> (runs: [String], nodes: [String]) {
        var nodes: [String] = [], snapshots: [String: String] = [:]
        var runIDs = Set<String>(), seen: Set<String> = [path], queue = [path]
        while !queue.isEmpty {
            let current = queue.removeFirst()
            let outputs = history.producers(of: current)
            runIDs.formUnion(outputs.map { history.runs[$0.run].runID })
            var from = Array(Set(outputs.flatMap(\.derivedFrom))).sorted()
            if current == path, let month { from = from.filter { $0.contains("month=\(month)") || $0.hasPrefix("reference/") } }
            let bronze = current.hasPrefix("bronze/")
            let sha = bronze ? history.readFact(current)?.sha256 ?? history.lastWritten(current)?.sha256 : history.lastWritten(current)?.sha256
            let node = "\(current) | \(outputs.map { history.runs[$0.run].runID }.joined(separator: ",")) | \(from.joined(separator: ",")) | \(sha ?? "-")"
            if bronze { snapshots[current] = node } else { nodes.append(node) }
            for source in from where !seen.contains(source) && !source.contains("://") {
                seen.insert(source)
                queue.append(source)
            }
        }
        return (runIDs.sorted(), nodes + snapshots.keys.sorted().map { snapshots[$0]! })
    }

    @Test("the walk by generations gives, for every file with lineage, what a walk over the whole history gives")
    func tracesAsBefore() async throws {
        let lake = try await LineageTests.chain(hours: 3, cities: 1)
        defer { lake.remove() }
        let full = try LineageHistory.load(lake: lake.lake)
        var targets: [(path: String, month: String?)] = lake.allFiles()
            .filter { !full.producers(of: $0).isEmpty && !$0.hasSuffix(".sqlite") }.map { ($0, nil) }
        // The warehouse's months, when the chain loaded it: those of the gold month files.
        let months = full.producers(of: "gold/warehouse.sqlite").isEmpty ? [] : Set(targets.compactMap { target in
            target.path.range(of: "/month=").map { String(target.path[$0.upperBound...].prefix(7)) }
        })
        targets += months.sorted().map { ("gold/warehouse.sqlite", $0) }
        #expect(targets.contains { $0.path.hasPrefix("silver/") } && targets.contains { $0.path.hasPrefix("gold/") })
        let tracer = try LineageTracer(lake: lake.lake)
        for (path, month) in targets {
            let trace = try tracer.trace(month.map { "\(path)#month=\($0)" } ?? path)
            let reference = Self.referenceTrace(path, month: month, full)
            let nodes = trace.files.map { node in
                let sha = node.path.hasPrefix("bronze/") ? node.sha256 : node.recordedSHA256
                return "\(node.path) | \(node.madeBy.joined(separator: ",")) | \(node.from.joined(separator: ",")) | \(sha ?? "-")"
            }
            #expect(trace.runs.map(\.runID).sorted() == reference.runs, "\(path)")
            #expect(nodes == reference.nodes, "\(path) \(month ?? "")")
        }
    }

    @Test("a damaged event line that names a traced file makes the rest of its file unreadable, in a kept load as in a full one")
    func damagedLine() async throws {
        let lake = try await LineageTests.chain(hours: 3, cities: 1)
        defer { lake.remove() }
        let silver = try #require(lake.allFiles().first { $0.hasPrefix("silver/weather/") })
        let before = try LineageHistory.load(lake: lake.lake)
        let run = try #require(before.producers(of: silver).first.map { before.runs[$0.run] })
        let url = lake.root.appendingPathComponent(run.file)
        var lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.insert(#"{"eventType":"RUNNING","outputs":[{"facets":{"goodair_files":{"files":[{"path":"\#(silver)"}]}}}]}"#, at: 1)
        try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        let full = try LineageHistory.load(lake: lake.lake)
        let kept = try LineageHistory.load(lake: lake.lake, only: [silver])
        #expect(full.unreadable.map(\.file).contains(run.file))
        #expect(kept.unreadable.map(\.file).contains(run.file))
        #expect(kept.producers(of: silver).map(\.run) == full.producers(of: silver).map(\.run))
        #expect(!kept.producers(of: silver).contains { kept.runs[$0.run].runID == run.runID })
    }

    @Test("a path recorded twice in a run is written once, with its last fact")
    func lastFactWins() throws {
        var record = LineageRecord()
        let path = "bronze/source=aqicn/date=2026-07-14/hour=10/paris.json.gz"
        record.read(LineageFile(path: path, bytes: 1, sha256: String(repeating: "a", count: 64)))
        record.read([LineageFile(path: "bronze/source=aqicn/date=2026-07-14/hour=10/lyon.json.gz", bytes: 3, sha256: nil),
                     LineageFile(path: path, bytes: 2, sha256: String(repeating: "b", count: 64))],
                    dataset: "bronze/source=aqicn/date=2026-07-14/hour=10")
        let datasets = record.inputDatasets(schemas: .none)
        #expect(datasets.map(\.name) == ["bronze/source=aqicn/date=2026-07-14/hour=10"])
        let files = try #require(datasets.first?.facets?.goodair_files?.files)
        #expect(files.map(\.path) == ["bronze/source=aqicn/date=2026-07-14/hour=10/lyon.json.gz", path])
        #expect(files.last?.bytes == 2 && files.last?.sha256 == String(repeating: "b", count: 64))
    }
}
