import Foundation

extension AlertCenter {
    /// Writes `gold/reports/alertes.html` under a lineage run of its own (job `alert`), made from
    /// the incident book: every file in gold has a run that wrote it, which `goodair verify`
    /// checks, and the page changes at every evaluation, outside `goodair report`.
    func writePage(_ book: IncidentBook, at now: Date) throws {
        let run = try LineageRun.start(job: "alert", runID: UUID().uuidString.lowercased(), lake: lake, clock: clock)
        var record = LineageRecord()
        do {
            let bookFile = LineageFile.read(lake: lake, url: IncidentBook.file(in: lake))
            if let bookFile { record.read(bookFile) }
            let bytes = try AlertsReport.write(book, lake: lake, now: now)
            record.wrote(LineageFile(lake: lake, url: AlertsReport.url(lake: lake), contents: bytes), derivedFrom: bookFile.map { [$0.path] } ?? [])
            try run.complete(record)
        } catch {
            run.fail(error, record: record, logger: logger)
            throw error
        }
    }
}
