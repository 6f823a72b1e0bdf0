import Foundation

/// Checks on the silver tables of the window's dates.
extension QualityChecks {
    /// Per table and city: the newest observation's age.
    static func freshness(_ rule: QualityRule, _ context: QualityContext) -> [QualityFinding] {
        let limit = rule.maxAgeHours ?? 1
        var out: [QualityFinding] = []
        for table in QualityContext.silverTables {
            guard let slice = context.silver[table], let city = slice.column("city_id"), let observed = slice.column("observed_at") else { continue }
            var newest: [String: Int] = [:]
            for (_, rows) in slice.partitions {
                for row in rows {
                    guard let seconds = Timestamp.seconds(row[observed]) else { continue }
                    newest[row[city]] = max(newest[row[city]] ?? .min, seconds)
                }
            }
            for id in context.cities {
                let subject = "\(table)/\(id)"
                guard let last = newest[id] else {
                    out.append(finding(rule, true, subject: subject, period: context.windowPeriod, limit: limit, "no observation in the window"))
                    continue
                }
                let age = Double(context.now - last) / 3600
                out.append(finding(rule, age > limit, subject: subject, period: context.windowPeriod, value: (age * 10).rounded() / 10, limit: limit,
                                   "newest observation \(Timestamp.format(Date(timeIntervalSince1970: Double(last)))), \(String(format: "%.1f", age)) h old"))
            }
        }
        return out
    }

    /// Per table (weather, air_pollution) and city: the longest run of collected hours with no
    /// observation (hours never collected are `missing_runs`' business).
    static func gaps(_ rule: QualityRule, _ context: QualityContext) -> [QualityFinding] {
        let limit = rule.maxGapHours ?? 1
        var out: [QualityFinding] = []
        for (table, source) in [("weather", Source.owmWeather), ("air_pollution", Source.owmAir)] {
            guard let slice = context.silver[table], let city = slice.column("city_id"), let observed = slice.column("observed_at") else { continue }
            let collected = (context.hours.lowerBound..<context.hours.upperBound).filter { context.manifests[source]?[$0] != nil }
            guard !collected.isEmpty else { continue }
            var seen: [String: Set<Int>] = [:]
            for (_, rows) in slice.partitions {
                for row in rows { if let hour = QualityContext.hour(row[observed]) { seen[row[city], default: []].insert(hour) } }
            }
            for id in context.cities {
                var longest = 0, run = 0, worstEnd = 0
                for hour in collected {
                    if seen[id]?.contains(hour) == true { run = 0 } else {
                        run += 1
                        if run > longest { longest = run; worstEnd = hour }
                    }
                }
                out.append(finding(rule, longest > limit, subject: "\(table)/\(id)", period: context.windowPeriod,
                                   value: Double(longest), limit: Double(limit),
                                   longest == 0 ? "an observation every collected hour"
                                       : "\(longest) collected hour(s) in a row without observation, up to \(QualityContext.hourText(worstEnd))"))
            }
        }
        return out
    }

    /// Per table: values outside their column's physical range.
    static func ranges(_ rule: QualityRule, _ context: QualityContext) -> [QualityFinding] {
        QualityContext.silverTables.compactMap { table in
            guard let slice = context.silver[table] else { return nil }
            var outside: [String: Int] = [:]
            let bounded = slice.schema.columns.enumerated().filter { $0.element.min != nil || $0.element.max != nil }
            for (_, rows) in slice.partitions {
                for row in rows {
                    for (index, column) in bounded where index < row.count && !row[index].isEmpty {
                        guard let value = Double(row[index]) else { outside[column.name, default: 0] += 1; continue }
                        if value < (column.min ?? -.infinity) || value > (column.max ?? .infinity) { outside[column.name, default: 0] += 1 }
                    }
                }
            }
            let total = outside.values.reduce(0, +)
            return finding(rule, total > 0, subject: table, period: context.windowPeriod, value: Double(total), limit: 0,
                           total == 0 ? "every value within its range"
                               : "values out of range: " + outside.keys.sorted().map { "\($0) \(outside[$0]!)" }.joined(separator: ", "))
        }
    }

    /// Per table: rows sharing a primary key.
    static func primaryKeys(_ rule: QualityRule, _ context: QualityContext) -> [QualityFinding] {
        QualityContext.silverTables.compactMap { table in
            guard let slice = context.silver[table] else { return nil }
            let key = slice.schema.primaryKey.compactMap(slice.column)
            var duplicates = 0, example = ""
            for (path, rows) in slice.partitions {
                var seen = Set<[String]>()
                for row in rows where !seen.insert(key.map { row[$0] }).inserted {
                    duplicates += 1
                    if example.isEmpty { example = " (first in \(path): \(key.map { row[$0] }.joined(separator: ", ")))" }
                }
            }
            return finding(rule, duplicates > 0, subject: table, period: context.windowPeriod, value: Double(duplicates), limit: 0,
                           duplicates == 0 ? "primary key (\(slice.schema.primaryKey.joined(separator: ", "))) unique" : "\(duplicates) duplicate key(s)\(example)")
        }
    }

    /// Per table: city ids the référentiel does not have; AQICN stations `silver/stations` does not have.
    static func referential(_ rule: QualityRule, _ context: QualityContext) -> [QualityFinding] {
        let known = Set(context.cities)
        return QualityContext.silverTables.compactMap { table in
            guard let slice = context.silver[table], let city = slice.column("city_id") else { return nil }
            let station = table == "air_quality" ? slice.column("station_id") : nil
            var unknownCities = Set<String>(), unknownStations = Set<String>()
            for (_, rows) in slice.partitions {
                for row in rows {
                    if !known.contains(row[city]) { unknownCities.insert(row[city]) }
                    if let station, !context.stations.contains(row[station]) { unknownStations.insert(row[station]) }
                }
            }
            var problems: [String] = []
            if !unknownCities.isEmpty { problems.append("city_id not in the référentiel: \(unknownCities.sorted().prefix(5).joined(separator: ", "))") }
            if !unknownStations.isEmpty { problems.append("station_id not in silver/stations: \(unknownStations.sorted().prefix(5).joined(separator: ", "))") }
            return finding(rule, !problems.isEmpty, subject: table, period: context.windowPeriod,
                           value: Double(unknownCities.count + unknownStations.count), limit: 0,
                           problems.isEmpty ? "every key found in its reference" : problems.joined(separator: "; "))
        }
    }

    /// Per city and column: the longest run of consecutive hourly observations with the very same value.
    static func stuck(_ rule: QualityRule, _ context: QualityContext) -> [QualityFinding] {
        let limit = rule.hours ?? 6
        var out: [QualityFinding] = []
        for table in ["weather", "air_pollution"] {
            guard let slice = context.silver[table], let city = slice.column("city_id"), let observed = slice.column("observed_at") else { continue }
            let columns = (rule.columns ?? []).compactMap { name in slice.column(name).map { (name, $0) } }
            guard !columns.isEmpty else { continue }
            var series: [String: [(hour: Int, row: [String])]] = [:]
            for (_, rows) in slice.partitions {
                for row in rows { if let hour = QualityContext.hour(row[observed]), context.hours.contains(hour) { series[row[city], default: []].append((hour, row)) } }
            }
            for id in series.keys.sorted() {
                let points = series[id]!.sorted { $0.hour < $1.hour }
                for (name, index) in columns {
                    var longest = 1, run = 1, value = ""
                    for i in points.indices.dropFirst() {
                        let same = !points[i].row[index].isEmpty && points[i].row[index] == points[i - 1].row[index] && points[i].hour == points[i - 1].hour + 1
                        run = same ? run + 1 : 1
                        if run > longest { longest = run; value = points[i].row[index] }
                    }
                    guard !points.isEmpty else { continue }
                    out.append(finding(rule, longest >= limit, subject: "\(table)/\(id)/\(name)", period: context.windowPeriod,
                                       value: Double(longest), limit: Double(limit),
                                       longest >= limit ? "the same value \(value) \(longest) hours in a row" : "longest run of one value: \(longest) h"))
                }
            }
        }
        return out
    }
}
