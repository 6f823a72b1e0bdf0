/// `silver/air_quality` rows and `silver/stations` entries from AQICN feed snapshots.
///
/// `observed_at` is `time.iso` (the true instant), never `time.v` (local time written as if it
/// were UTC). `aqi` "-" is NULL. The `iaqi` pollutant values are US-EPA sub-indices (0–500), kept
/// as such in `*_aqi` columns: they are not concentrations.
enum AQICNExtractor {
    /// The columns it fills, named as in `air_quality.table.json`.
    enum Column: Int, CaseIterable {
        case city_id, station_id, observed_at, collected_at, aqi, dominant_pollutant
        case pm25_aqi, pm10_aqi, o3_aqi, no2_aqi, so2_aqi, co_aqi, t_c, h_pct, p_hpa, w_ms
    }

    /// `iaqi` members and their columns.
    static let subIndices: [(member: MemberKey, column: Column)] = [
        (MemberKey("pm25"), .pm25_aqi), (MemberKey("pm10"), .pm10_aqi), (MemberKey("o3"), .o3_aqi),
        (MemberKey("no2"), .no2_aqi), (MemberKey("so2"), .so2_aqi), (MemberKey("co"), .co_aqi),
        (MemberKey("t"), .t_c), (MemberKey("h"), .h_pct), (MemberKey("p"), .p_hpa), (MemberKey("w"), .w_ms),
    ]

    /// The other names it reads.
    enum Key {
        static let data = MemberKey("data"), time = MemberKey("time"), iso = MemberKey("iso"), idx = MemberKey("idx")
        static let dominentpol = MemberKey("dominentpol"), aqi = MemberKey("aqi"), iaqi = MemberKey("iaqi"), v = MemberKey("v")
    }

    static func extract(_ tape: JSONTape, context: SnapshotContext) -> Extraction {
        guard let data = tape.member(tape.root, Key.data) else { return .failure("no data object") }
        guard let isoNode = tape.member(tape.member(data, Key.time), Key.iso), let iso = tape.string(isoNode),
              let observedAt = Timestamp.seconds(iso) else {
            return .failure("no usable time.iso")
        }
        guard let idxNode = tape.member(data, Key.idx), let station = tape.int(idxNode) else {
            return .failure("no station idx")
        }
        var values = ExtractedValues<Column>()
        values[.city_id] = .text(context.cityID)
        values[.station_id] = .int(station)
        values[.observed_at] = .timestamp(observedAt)
        values[.collected_at] = .timestamp(context.collectedAt)
        values[.dominant_pollutant] = tape.textCell(tape.member(data, Key.dominentpol))
        values[.aqi] = tape.numberCell(tape.member(data, Key.aqi))   // "-": no current index, NULL
        if let iaqi = tape.member(data, Key.iaqi) {
            for (member, column) in subIndices {
                values[column] = tape.numberCell(tape.member(tape.member(iaqi, member), Key.v))
            }
        }
        var out = Extraction(values: values.cells, observedAt: observedAt)
        out.station = (station, data)
        return out
    }
}
