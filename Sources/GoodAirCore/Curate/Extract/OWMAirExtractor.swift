/// `silver/air_pollution` rows from OpenWeatherMap air-pollution snapshots: concentrations in
/// µg/m³, `observed_at` from `list[0].dt`, `owm_aqi` 1–5 whether written `4` or `4.0`.
enum OWMAirExtractor {
    /// The columns it fills, named as in `air_pollution.table.json`.
    enum Column: Int, CaseIterable {
        case city_id, observed_at, collected_at, owm_aqi
        case co_ugm3, no_ugm3, no2_ugm3, o3_ugm3, so2_ugm3, pm2_5_ugm3, pm10_ugm3, nh3_ugm3
    }

    /// `components` members and their columns.
    static let components: [(member: MemberKey, column: Column)] = [
        (MemberKey("co"), .co_ugm3), (MemberKey("no"), .no_ugm3), (MemberKey("no2"), .no2_ugm3),
        (MemberKey("o3"), .o3_ugm3), (MemberKey("so2"), .so2_ugm3), (MemberKey("pm2_5"), .pm2_5_ugm3),
        (MemberKey("pm10"), .pm10_ugm3), (MemberKey("nh3"), .nh3_ugm3),
    ]

    /// The other names it reads.
    enum Key {
        static let list = MemberKey("list"), dt = MemberKey("dt"), main = MemberKey("main"), aqi = MemberKey("aqi")
        static let components = MemberKey("components")
    }

    static func extract(_ tape: JSONTape, context: SnapshotContext) -> Extraction {
        guard let list = tape.member(tape.root, Key.list), let item = tape.element(list, 0),
              let dtNode = tape.member(item, Key.dt), let dt = tape.int(dtNode) else {
            return .failure("no list[0].dt")
        }
        var values = ExtractedValues<Column>()
        values[.city_id] = .text(context.cityID)
        values[.observed_at] = .timestamp(dt)
        values[.collected_at] = .timestamp(context.collectedAt)
        values[.owm_aqi] = tape.member(tape.member(item, Key.main), Key.aqi).flatMap { tape.int($0) }.map { CellValue.int($0) } ?? .null
        if let parts = tape.member(item, Key.components) {
            for (member, column) in components { values[column] = tape.numberCell(tape.member(parts, member)) }
        }
        return Extraction(values: values.cells, observedAt: dt)
    }
}
