/// `silver/weather` rows from OpenWeatherMap current-weather snapshots.
///
/// `observed_at` is `dt`. Units follow the request the manifest recorded: `units=metric` is °C
/// and m/s (what the collector asks for), `units=imperial` is °F and mph, and no `units` is
/// Kelvin; everything is converted to °C and m/s. Absent `rain`/`snow` means 0 mm (dry).
enum OWMWeatherExtractor {
    static func extract(_ tape: JSONTape, context: SnapshotContext) -> Extraction {
        var out = Extraction(table: "weather")
        let root = tape.root
        guard let dtNode = tape.member(root, "dt"), let dt = tape.int(dtNode) else {
            out.problem = "no dt"
            return out
        }
        let imperial = context.requestURL.contains("units=imperial")
        let metric = context.requestURL.contains("units=metric")
        func temperature(_ node: Int?) -> CellValue {
            guard let node, let v = tape.double(node) else { return .null }
            return .double(metric ? v : imperial ? (v - 32) * 5 / 9 : v - 273.15)
        }
        func speed(_ node: Int?) -> CellValue {
            guard let node, let v = tape.double(node) else { return .null }
            return .double(imperial ? v * 0.44704 : v)
        }
        func precipitation(_ kind: String) -> CellValue {
            guard let object = tape.member(root, kind) else { return .double(0) }   // absent: dry
            return tape.numberCell(tape.member(object, "1h"))
        }
        let condition = tape.node(root, "weather", "0")
        out.values = [
            "city_id": .text(context.cityID),
            "observed_at": .timestamp(dt),
            "collected_at": .timestamp(context.collectedAt),
            "temperature_c": temperature(tape.node(root, "main", "temp")),
            "feels_like_c": temperature(tape.node(root, "main", "feels_like")),
            "pressure_hpa": tape.numberCell(tape.node(root, "main", "pressure")),
            "humidity_pct": tape.numberCell(tape.node(root, "main", "humidity")),
            "wind_speed_ms": speed(tape.node(root, "wind", "speed")),
            "wind_deg": tape.numberCell(tape.node(root, "wind", "deg")),
            "wind_gust_ms": speed(tape.node(root, "wind", "gust")),
            "clouds_pct": tape.numberCell(tape.node(root, "clouds", "all")),
            "visibility_m": tape.numberCell(tape.member(root, "visibility")),
            "rain_1h_mm": precipitation("rain"),
            "snow_1h_mm": precipitation("snow"),
            "condition_id": condition.map { tape.numberCell(tape.member($0, "id")) } ?? .null,
            "condition": condition.map { tape.textCell(tape.member($0, "main")) } ?? .null,
            "condition_description": condition.map { tape.textCell(tape.member($0, "description")) } ?? .null,
        ]
        return out
    }
}
