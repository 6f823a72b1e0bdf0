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
        try run(lake: lake, changes: GoldChanges(months: months), rebuild: rebuild, clock: clock, logger: logger)
    }

    /// ``update(lake:changes:rebuild:logger:)`` as a job with its lineage: as above, with the
    /// city tables of the days' months and the event tables of the event months as inputs.
    ///
    /// ```swift
    /// try Warehouse.run(lake: lake, changes: report.changes, rebuild: false, clock: clock, logger: logger)
    /// ```
    @discardableResult
    public static func run(lake: Lake, changes: GoldChanges, rebuild: Bool, clock: LakeClock, logger: Logger) throws -> WarehouseReport {
        var parameters = ["rebuild": "\(rebuild)", "months": changes.months.joined(separator: ",")]
        if !changes.days.isEmpty { parameters["days"] = changes.days.joined(separator: ",") }
        if !changes.eventMonths.isEmpty { parameters["event_months"] = changes.eventMonths.joined(separator: ",") }
        let run = try LineageRun.start(job: "warehouse", runID: UUID().uuidString.lowercased(), lake: lake, clock: clock, parameters: parameters)
        do {
            let report = try update(lake: lake, changes: changes, rebuild: rebuild, logger: logger)
            let tables = { (names: [String], months: [String]) throws -> [URL] in
                try months.flatMap { name -> [URL] in
                    let month = try WarehouseMonth(name)
                    return names.map { month.file($0, lake: lake) }
                }
            }
            var inputs = try tables(WarehouseMonth.goldTables, report.months)
            inputs += try tables(WarehouseMonth.cityTables, Array(Set(report.days.map { String($0.prefix(7)) })).sorted())
            inputs += try tables(WarehouseMonth.eventTables, report.eventMonths)
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
