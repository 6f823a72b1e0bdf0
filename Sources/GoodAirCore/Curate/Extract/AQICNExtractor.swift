/// `silver/air_quality` rows and `silver/stations` entries from AQICN feed snapshots.
///
/// `observed_at` is `time.iso` (the true instant), never `time.v` (local time written as if it
/// were UTC). `aqi` "-" is NULL. The `iaqi` pollutant values are US-EPA sub-indices (0–500), kept
/// as such in `*_aqi` columns: they are not concentrations.
enum AQICNExtractor {
    static let pollutants = ["pm25", "pm10", "o3", "no2", "so2", "co"]

    static func extract(_ tape: JSONTape, context: SnapshotContext) -> Extraction {
        var out = Extraction(table: "air_quality")
        guard let data = tape.member(tape.root, "data") else {
            out.problem = "no data object"
            return out
        }
        guard let isoNode = tape.node(data, "time", "iso"), let iso = tape.string(isoNode),
              let observed = Timestamp.parse(iso) else {
            out.problem = "no usable time.iso"
            return out
        }
        let observedAt = Int(observed.timeIntervalSince1970.rounded(.down))
        guard let idxNode = tape.member(data, "idx"), let station = tape.int(idxNode) else {
            out.problem = "no station idx"
            return out
        }
        var values: [String: CellValue] = [
            "city_id": .text(context.cityID),
            "station_id": .int(station),
            "observed_at": .timestamp(observedAt),
            "collected_at": .timestamp(context.collectedAt),
            "dominant_pollutant": tape.textCell(tape.member(data, "dominentpol")),
        ]
        if let aqiNode = tape.member(data, "aqi"), let aqi = tape.double(aqiNode) {
            values["aqi"] = .double(aqi)
        } else {
            values["aqi"] = .null   // "-": no current index
        }
        let iaqi = tape.member(data, "iaqi")
        for pollutant in pollutants {
            values["\(pollutant)_aqi"] = iaqi.map { tape.numberCell(tape.node($0, pollutant, "v")) } ?? .null
        }
        if let iaqi {
            values["t_c"] = tape.numberCell(tape.node(iaqi, "t", "v"))
            values["h_pct"] = tape.numberCell(tape.node(iaqi, "h", "v"))
            values["p_hpa"] = tape.numberCell(tape.node(iaqi, "p", "v"))
            values["w_ms"] = tape.numberCell(tape.node(iaqi, "w", "v"))
        }
        out.values = values
        out.station = StationObservation.from(tape, data: data, stationID: station, observedAt: observedAt)
        return out
    }
}
