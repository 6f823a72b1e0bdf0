/// `silver/weather` rows from OpenWeatherMap current-weather snapshots.
///
/// `observed_at` is `dt`. Units follow the request the manifest recorded: `units=metric` is °C
/// and m/s (what the collector asks for), `units=imperial` is °F and mph, and no `units` is
/// Kelvin; everything is converted to °C and m/s. Absent `rain`/`snow` means 0 mm (dry).
enum OWMWeatherExtractor {
    /// The columns it fills, named as in `weather.table.json`.
    enum Column: Int, CaseIterable {
        case city_id, observed_at, collected_at, temperature_c, feels_like_c, pressure_hpa, humidity_pct
        case wind_speed_ms, wind_deg, wind_gust_ms, clouds_pct, visibility_m, rain_1h_mm, snow_1h_mm
        case condition_id, condition, condition_description
    }

    /// OpenWeatherMap's unit systems, as the request's `units` parameter chose them.
    enum Units {
        case standard, metric, imperial

        /// The units of a request URL (`units=metric`, `units=imperial`, else Kelvin).
        init(requestURL: String) {
            if OWMWeatherExtractor.contains(requestURL, "units=metric") {
                self = .metric
            } else if OWMWeatherExtractor.contains(requestURL, "units=imperial") {
                self = .imperial
            } else {
                self = .standard
            }
        }

        func celsius(_ v: Double) -> Double {
            switch self {
            case .metric: return v
            case .imperial: return (v - 32) * 5 / 9
            case .standard: return v - 273.15
            }
        }

        func metresPerSecond(_ v: Double) -> Double { self == .imperial ? v * 0.44704 : v }
    }

    /// The names it reads.
    enum Key {
        static let dt = MemberKey("dt"), main = MemberKey("main"), wind = MemberKey("wind"), temp = MemberKey("temp")
        static let feelsLike = MemberKey("feels_like"), pressure = MemberKey("pressure"), humidity = MemberKey("humidity")
        static let speed = MemberKey("speed"), deg = MemberKey("deg"), gust = MemberKey("gust"), clouds = MemberKey("clouds")
        static let all = MemberKey("all"), visibility = MemberKey("visibility"), rain = MemberKey("rain"), snow = MemberKey("snow")
        static let oneHour = MemberKey("1h"), weather = MemberKey("weather"), id = MemberKey("id"), description = MemberKey("description")
    }

    static func extract(_ tape: JSONTape, context: SnapshotContext) -> Extraction {
        let root = tape.root
        guard let dtNode = tape.member(root, Key.dt), let dt = tape.int(dtNode) else { return .failure("no dt") }
        let units = Units(requestURL: context.requestURL)
        let main = tape.member(root, Key.main), wind = tape.member(root, Key.wind)
        func number(_ object: Int?, _ key: MemberKey) -> Double? {
            tape.member(object, key).flatMap { tape.double($0) }
        }
        func cell(_ value: Double?) -> CellValue { value.map { .double($0) } ?? .null }
        func precipitation(_ kind: MemberKey) -> CellValue {
            guard let object = tape.member(root, kind) else { return .double(0) }   // absent: dry
            return cell(number(object, Key.oneHour))
        }
        var values = ExtractedValues<Column>()
        values[.city_id] = .text(context.cityID)
        values[.observed_at] = .timestamp(dt)
        values[.collected_at] = .timestamp(context.collectedAt)
        values[.temperature_c] = cell(number(main, Key.temp).map(units.celsius))
        values[.feels_like_c] = cell(number(main, Key.feelsLike).map(units.celsius))
        values[.pressure_hpa] = cell(number(main, Key.pressure))
        values[.humidity_pct] = cell(number(main, Key.humidity))
        values[.wind_speed_ms] = cell(number(wind, Key.speed).map(units.metresPerSecond))
        values[.wind_deg] = cell(number(wind, Key.deg))
        values[.wind_gust_ms] = cell(number(wind, Key.gust).map(units.metresPerSecond))
        values[.clouds_pct] = cell(number(tape.member(root, Key.clouds), Key.all))
        values[.visibility_m] = cell(number(root, Key.visibility))
        values[.rain_1h_mm] = precipitation(Key.rain)
        values[.snow_1h_mm] = precipitation(Key.snow)
        if let list = tape.member(root, Key.weather), let condition = tape.element(list, 0) {
            values[.condition_id] = cell(number(condition, Key.id))
            values[.condition] = tape.textCell(tape.member(condition, Key.main))
            values[.condition_description] = tape.textCell(tape.member(condition, Key.description))
        }
        return Extraction(values: values.cells, observedAt: dt)
    }

    /// Whether `text` contains `needle`, comparing bytes (no Foundation, no Unicode rules).
    static func contains(_ text: String, _ needle: StaticString) -> Bool {
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= pattern.count else { return false }
            for start in 0...(bytes.count - pattern.count) where bytes[start] == pattern[0] {
                if (1..<pattern.count).allSatisfy({ bytes[start + $0] == pattern[$0] }) { return true }
            }
            return false
        }
    }
}
