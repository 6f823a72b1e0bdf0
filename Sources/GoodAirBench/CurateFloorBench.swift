import Foundation
import GoodAirCore

/// `curate-floor`: the part of curation that no curation can skip, on every snapshot of bronze —
/// read (`openat` into a reused buffer), gunzip (one reused zlib stream), sha256, parse into a
/// tape and validate against the source's payload schema — with the very code `goodair curate`
/// uses, and nothing else: no manifest, no extraction, no row, no ledger, no lineage, no write.
///
/// `scripts/bench-curate.sh` runs it beside the read-and-gunzip bounds and the curation itself:
/// the bound's time over this floor's time is the highest ratio to the bound that curation could
/// reach with this parser and validator, however cheap the rest became; the curation's time less
/// the floor's is what the rest costs.
///
/// Prints `files valid`: snapshots read, and those valid against their schema.
struct CurateFloorBench {
    let bronze: String
    let schemas: URL

    private struct Totals {
        var files = 0
        var valid = 0
    }

    func run() throws {
        let reader = try GzipFileReader()
        var totals = Totals()
        for (source, file) in ParseValidateBench.schemaFiles.sorted(by: { $0.key < $1.key }) {
            let schema = try JSONSchema(contentsOf: schemas.appendingPathComponent(file))
            BronzeWalk.forEachSnapshot(below: bronze + "/source=" + source, reader: reader) { stored in
                totals.files += 1
                if judge(stored, schema: schema, reader: reader) { totals.valid += 1 }
            }
        }
        print(totals.files, totals.valid)
    }

    /// What `SnapshotCurator` does to a snapshot before it extracts anything. The checksum is
    /// compared with a digest no snapshot has (there is no manifest here): the work is the same.
    private func judge(_ stored: UnsafeRawBufferPointer, schema: JSONSchema, reader: GzipFileReader) -> Bool {
        guard let raw = try? reader.inflated(stored, checkCRC: false) else { return false }
        if Checksum.sha256(of: raw, matches: Self.noDigest) { return false }
        guard let tape = try? JSONTape(parsing: Array(raw)) else { return false }
        return schema.isValid(tape)
    }

    private static let noDigest = String(repeating: "0", count: 64)
}
