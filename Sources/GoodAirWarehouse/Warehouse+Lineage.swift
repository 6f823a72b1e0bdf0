import Foundation
import GoodAirCore
import Logging

extension Warehouse {
    /// ``update(lake:months:rebuild:logger:)`` as a job with its lineage
    /// (`_lineage/…/warehouse-<run-id>.jsonl`): the inputs are the gold files of the months
    /// loaded, the correlations when they were reloaded, and the référentiel's dimensions; the
    /// output is `gold/warehouse.sqlite`, made from those files (`goodair lineage
    /// 'gold/warehouse.sqlite#month=2026-07'` follows one month's rows back).
    ///
    /// ```swift
    /// try Warehouse.run(lake: lake, months: report.monthsWritten, rebuild: false, clock: clock, logger: logger)
    /// ```
    @discardableResult
    public static func run(lake: Lake, months: [String], rebuild: Bool, clock: LakeClock, logger: Logger) throws -> WarehouseReport {
        let run = try LineageRun.start(job: "warehouse", runID: UUID().uuidString.lowercased(), lake: lake, clock: clock,
                                       parameters: ["rebuild": "\(rebuild)", "months": months.joined(separator: ",")])
        do {
            let report = try update(lake: lake, months: months, rebuild: rebuild, logger: logger)
            var inputs = try report.months.flatMap { name -> [URL] in
                let month = try WarehouseMonth(name)
                return WarehouseMonth.goldTables.map { month.file($0, lake: lake) }
            }
            if report.correlationsReloaded { inputs.append(lake.gold.appendingPathComponent(WarehouseCorrelations.item)) }
            inputs += [lake.citiesFile, lake.reference.appendingPathComponent("thresholds.csv"),
                       lake.silver.appendingPathComponent("stations/stations.csv")]
            var record = LineageRecord()
            let files = inputs.compactMap { LineageFile.read(lake: lake, url: $0) }
            for file in files { record.read(file) }
            let database = url(lake: lake)
            let size = (try? FileManager.default.attributesOfItem(atPath: database.path)[.size] as? NSNumber)?.intValue ?? 0
            // A database changes in place: its checksum is not a content address, so none is kept.
            record.wrote(LineageFile(path: lake.relativePath(database), bytes: size, sha256: nil),
                         rows: report.rows.values.reduce(0, +), derivedFrom: files.map(\.path))
            try run.complete(record)
            return report
        } catch {
            run.fail(error, logger: logger)
            throw error
        }
    }
}
