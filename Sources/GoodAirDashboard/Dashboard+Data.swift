import Foundation
import GoodAirCore
import GoodAirWarehouse

/// The data API, the exports and the reports.
extension Dashboard {
    /// The longest period one request may ask for: 366 days (8,784 hours a variable).
    static let maximumDays = 366

    /// A period of whole UTC days, `from` and `to` inclusive (`YYYY-MM-DD`), as `[start, end)` seconds.
    struct Period {
        let from: String, to: String
        let start: Int, end: Int
    }

    /// A request the API refuses, with the answer that says why.
    struct Refusal: Error {
        let response: DashboardResponse
        init(_ status: Int, _ message: String) { response = .error(status, message) }
    }

    func period(_ request: DashboardRequest) throws(Refusal) -> Period {
        guard let from = request.query["from"], let to = request.query["to"] else { throw Refusal(400, "give from and to (YYYY-MM-DD)") }
        guard let first = Timestamp.day(from) else { throw Refusal(400, "from: '\(from.prefix(40))' is not a date YYYY-MM-DD") }
        guard let last = Timestamp.day(to) else { throw Refusal(400, "to: '\(to.prefix(40))' is not a date YYYY-MM-DD") }
        guard first <= last else { throw Refusal(400, "from \(from) is after to \(to)") }
        guard last - first < Self.maximumDays else { throw Refusal(400, "at most \(Self.maximumDays) days a request") }
        return Period(from: from, to: to, start: first * 86_400, end: (last + 1) * 86_400)
    }

    func city(_ request: DashboardRequest) throws(Refusal) -> City {
        guard let id = request.query["city"] else { throw Refusal(400, "give city (a city_id of /api/cities)") }
        guard let city = cities.first(where: { $0.id == id }) else { throw Refusal(404, "no city '\(id.prefix(40))' (see /api/cities)") }
        return city
    }

    func variable(_ name: String?) throws(Refusal) -> String {
        guard let name, GoldVariable.named(name) != nil else {
            throw Refusal(400, "variable: give one of \(GoldVariable.all.map(\.name).joined(separator: ", "))")
        }
        return name
    }

    func warehouse() throws(Refusal) -> WarehouseQueries {
        guard let queries = queries() else { throw Refusal(503, "no warehouse yet: run goodair aggregate") }
        return queries
    }

    /// Runs a query; a failure is logged and answered 500.
    func ask<T>(_ body: () throws -> T) throws(Refusal) -> T {
        do { return try body() } catch {
            logger.error("serve.query_failed", metadata: ["error": "\(error)"])
            throw Refusal(500, "the warehouse could not answer")
        }
    }

    /// `GET /api/series`: `{"city":…,"variable":…,"unit":…,"points":[["2026-11-29T14:00:00Z",7.5],…]}`.
    /// Data leaving the lake for a script: audited like an export.
    func series(_ request: DashboardRequest, user: String) -> DashboardResponse {
        do throws(Refusal) {
            let city = try city(request), name = try variable(request.query["variable"]), period = try period(request)
            let queries = try warehouse()
            let points = try ask { try queries.hourlySeries(city: city.id, variable: name, from: period.start, to: period.end) }
            let answer = DashboardResponse.json(SeriesAnswer(city: city.id, variable: name, unit: GoldVariable.named(name)?.unit ?? "",
                                                             points: points.map { .init(hour: $0.hour, value: $0.value) }))
            return try audited(answer, user: user, table: "api/series", rows: points.count,
                               query: "city=\(city.id)&from=\(period.from)&to=\(period.to)&variable=\(name)")
        } catch { return error.response }
    }

    /// `GET /api/latest?variable=`: each city's latest hourly value; audited like an export.
    func latest(_ request: DashboardRequest, user: String) -> DashboardResponse {
        do throws(Refusal) {
            let name = try variable(request.query["variable"])
            let queries = try warehouse()
            let values = try ask { try queries.latest(variable: name) }
            let answer = DashboardResponse.json(values.map {
                LatestAnswer(city: $0.city, hour: Timestamp.format(Date(timeIntervalSince1970: Double($0.hour))), value: $0.value)
            })
            return try audited(answer, user: user, table: "api/latest", rows: values.count, query: "variable=\(name)")
        } catch { return error.response }
    }

    /// `GET /export/series.csv`: `hour` then one column per variable, a row per hour with any
    /// value, empty fields for NULL.
    func export(_ request: DashboardRequest, user: String) -> DashboardResponse {
        let names = (request.query["variables"] ?? "").split(separator: ",").map(String.init)
        do throws(Refusal) {
            guard !names.isEmpty, names.count <= GoldVariable.all.count else { throw Refusal(400, "give variables: names of gold variables, comma-separated") }
            for name in names { _ = try variable(name) }
            let city = try self.city(request), period = try self.period(request)
            let queries = try warehouse()
            let columns = try ask {
                try names.map { Dictionary(try queries.hourlySeries(city: city.id, variable: $0, from: period.start, to: period.end), uniquingKeysWith: { $1 }) }
            }
            let hours = Set(columns.flatMap(\.keys)).sorted()
            // Written as gold's files are (CSVLine: quoted when needed, plain decimals, no exponent).
            var csv = Array(("city_id,hour," + names.joined(separator: ",") + "\n").utf8)
            for hour in hours {
                var line = CSVLine()
                line.appendText(city.id)
                line.comma()
                line.appendTimestamp(hour)
                for column in columns {
                    line.comma()
                    if let value = column[hour] { line.appendExactDouble(value) }
                }
                csv += line.bytes
                csv.append(0x0A)
            }
            let file = "goodair-\(city.id)-\(period.from)-\(period.to).csv"
            let answer = DashboardResponse(status: 200, headers: ["Content-Type": "text/csv; charset=utf-8",
                                                                  "Content-Disposition": "attachment; filename=\"\(file)\""], body: csv)
            return try audited(answer, user: user, table: "export/series.csv", rows: hours.count,
                               query: "city=\(city.id)&from=\(period.from)&to=\(period.to)&variables=\(names.joined(separator: ","))")
        } catch { return error.response }
    }

    /// `answer`, once its audit line is written (LAKE.md §7: every data export is audited); a
    /// refusal when it cannot be: what cannot be audited is not sent.
    func audited(_ answer: DashboardResponse, user: String, table: String, rows: Int, query: String) throws(Refusal) -> DashboardResponse {
        do {
            try audit.record(.init(at: Timestamp.format(clock.now()), user: user, table: table, query: query, rows: rows,
                                   bytes: answer.body.count, sha256: Checksum.sha256Hex(answer.body)))
        } catch {
            logger.error("serve.audit_failed", metadata: ["error": "\(error)"])
            throw Refusal(503, "the export could not be audited, so it is not sent")
        }
        logger.info("serve.export", metadata: ["user": "\(user)", "table": "\(table)", "query": "\(query)", "rows": "\(rows)"])
        return answer
    }

    /// `GET /reports/<name>`: a file `goodair report` wrote in `gold/reports/` (letters, digits,
    /// `-` and `_`, ending in `.html`, `.svg` or `.css`); nothing else of the lake.
    func report(named name: String) -> DashboardResponse {
        let types = ["html": "text/html; charset=utf-8", "svg": "image/svg+xml", "css": "text/css"]
        let parts = name.split(separator: ".")
        guard parts.count == 2, let type = types[String(parts[1])], !parts[0].isEmpty,
              parts[0].utf8.allSatisfy({ (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D || $0 == 0x5F }) else {
            return .error(404, "no such report")
        }
        let file = lake.gold.appendingPathComponent("reports").appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: file.path) else {
            return .html(DashboardPage.message("Pas encore de rapport « \(name) » : lancez goodair report."), status: 404)
        }
        return DashboardResponse(status: 200, headers: ["Content-Type": type], body: Array(data))
    }

    struct SeriesAnswer: Encodable {
        struct Point: Encodable {
            let hour: Int, value: Double
            func encode(to encoder: any Encoder) throws {
                var container = encoder.unkeyedContainer()
                try container.encode(Timestamp.format(Date(timeIntervalSince1970: Double(hour))))
                try container.encode(value)
            }
        }
        let city: String, variable: String, unit: String
        let points: [Point]
    }

    struct LatestAnswer: Encodable {
        let city: String, hour: String, value: Double
    }
}
