import Foundation

/// What the checks look at, read once per evaluation: the window's bronze manifests, the silver
/// partitions of its dates, the runs of its dates, the référentiel.
struct QualityContext {
    /// A silver table's rows of the window's dates.
    struct SilverSlice {
        let schema: TableSchema
        /// Path of each partition read → its rows (header excluded).
        var partitions: [(path: String, rows: [[String]])] = []
        func column(_ name: String) -> Int? { schema.index(of: name) }
    }

    let lake: Lake
    /// Hour indexes (seconds since 1970 / 3600) checked, the current one included.
    let hours: ClosedRange<Int>
    let now: Int
    /// The référentiel's city ids.
    let cities: [String]
    /// Source → hour index → manifest, for the window's hours (and the schema-drift baseline's).
    var manifests: [Source: [Int: HourManifest]] = [:]
    var silver: [String: SilverSlice] = [:]
    /// The silver files read, as lineage knows them.
    var silverFiles: [LineageFile] = []
    var runs: [LineageHistory.Run] = []
    /// AQICN station ids of `silver/stations`.
    var stations: Set<String> = []
    /// Jobs whose lock is held now (a START without end of theirs is still running).
    var busyJobs: Set<String> = []
    /// The checking run itself, which has started and not ended.
    var ownRunID = ""

    /// `start/end` of the window, for findings about the whole of it.
    var windowPeriod: String { "\(Self.hourText(hours.lowerBound))/\(Self.hourText(hours.upperBound + 1))" }

    static func hourText(_ hour: Int) -> String { Timestamp.format(Date(timeIntervalSince1970: Double(hour * 3600))) }

    static let silverTables = ["air_quality", "weather", "air_pollution"]

    init(lake: Lake, hours: ClosedRange<Int>, now: Int, schemas: URL, manifestHours: ClosedRange<Int>) throws {
        self.lake = lake
        self.hours = hours
        self.now = now
        cities = try CityCatalog.load(from: lake.citiesFile).cities.map(\.id)
        for source in Source.allCases {
            for hour in manifestHours {
                let folder = lake.bronzeHourFolder(source: source, hour: Hour(index: hour))
                if let manifest = try? HourManifest.read(in: folder) { manifests[source, default: [:]][hour] = manifest }
            }
        }
        let firstDay = CivilTime.floorDiv(hours.lowerBound, 24), lastDay = CivilTime.floorDiv(hours.upperBound, 24)
        for table in Self.silverTables {
            var slice = SilverSlice(schema: try TableSchema.load(from: schemas.appendingPathComponent("table/\(table).table.json")))
            for day in firstDay...lastDay {
                let url = SilverPartition.url(lake: lake, table: table, date: CivilTime.dateString(days: day))
                guard let data = FileManager.default.contents(atPath: url.path) else { continue }
                let records = try CSVReader.parse(String(decoding: data, as: UTF8.self))
                slice.partitions.append((lake.relativePath(url), records.dropFirst().map(\.fields)))
                silverFiles.append(LineageFile(lake: lake, url: url, contents: Array(data)))
            }
            silver[table] = slice
        }
        runs = try LineageHistory.load(lake: lake, from: CivilTime.dateString(days: firstDay), to: CivilTime.dateString(days: lastDay), detail: .runs).runs
        if let data = FileManager.default.contents(atPath: lake.silver.appendingPathComponent("stations/stations.csv").path) {
            stations = Set(try CSVReader.parse(String(decoding: data, as: UTF8.self)).dropFirst().compactMap(\.fields.first))
        }
    }

    /// The hour index of an ISO timestamp field, or nil.
    static func hour(_ text: String) -> Int? { Timestamp.seconds(text).map { CivilTime.floorDiv($0, 3600) } }
}
