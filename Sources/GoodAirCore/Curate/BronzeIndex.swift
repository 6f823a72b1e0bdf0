import Foundation

/// The bronze zone's (source, date) folders, in order.
enum BronzeIndex {
    struct Unit: Hashable {
        let source: Source
        let date: String
    }

    static func dates(lake: Lake) -> [Unit] {
        var units: [Unit] = []
        for source in Source.allCases {
            let folder = lake.bronze.appendingPathComponent("source=\(source.rawValue)")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for name in names.sorted() where name.hasPrefix("date=") && Timestamp.parseDate(String(name.dropFirst(5))) != nil {
                units.append(Unit(source: source, date: String(name.dropFirst(5))))
            }
        }
        return units.sorted { ($0.date, $0.source.rawValue) < ($1.date, $1.source.rawValue) }
    }

    /// The hour folders of a (source, date), in order.
    static func hours(lake: Lake, source: Source, date: String) -> [Hour] {
        let folder = lake.bronze.appendingPathComponent("source=\(source.rawValue)/date=\(date)")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().compactMap { name in
            guard name.hasPrefix("hour=") else { return nil }
            return Hour(parsing: "\(date)T\(name.dropFirst(5))")
        }
    }
}
