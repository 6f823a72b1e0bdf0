/// `silver/air_pollution` rows from OpenWeatherMap air-pollution snapshots: concentrations in
/// µg/m³, `observed_at` from `list[0].dt`, `owm_aqi` 1–5 whether written `4` or `4.0`.
enum OWMAirExtractor {
    static let components = ["co", "no", "no2", "o3", "so2", "pm2_5", "pm10", "nh3"]

    static func extract(_ tape: JSONTape, context: SnapshotContext) -> Extraction {
        var out = Extraction(table: "air_pollution")
        guard let item = tape.node(tape.root, "list", "0"),
              let dtNode = tape.member(item, "dt"), let dt = tape.int(dtNode) else {
            out.problem = "no list[0].dt"
            return out
        }
        var values: [String: CellValue] = [
            "city_id": .text(context.cityID),
            "observed_at": .timestamp(dt),
            "collected_at": .timestamp(context.collectedAt),
            "owm_aqi": tape.node(item, "main", "aqi").flatMap { tape.int($0) }.map { CellValue.int($0) } ?? .null,
        ]
        let parts = tape.member(item, "components")
        for component in components {
            values["\(component)_ugm3"] = parts.map { tape.numberCell(tape.member($0, component)) } ?? .null
        }
        out.values = values
        return out
    }
}
