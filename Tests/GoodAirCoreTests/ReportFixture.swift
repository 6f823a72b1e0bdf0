import Foundation
@testable import GoodAirCore
import GoodAirTesting

/// A small crafted gold zone for the report tests: two cities (one whose name needs escaping),
/// ten days of July 2026 hour by hour and day by day, three threshold episodes (one on a test
/// threshold whose text holds markup), a heatwave, two anomalies and a few correlations.
enum ReportFixture {
    static let citiesCSV = """
    city_id,name,insee_code,department_code,region,lat,lon,population,heatwave_tmin_c,heatwave_tmax_c,aqicn_uid
    paris,Paris <test> & Cie,75056,75,Île-de-France,48.8567,2.3522,2133111,21,31,
    lyon,Lyon,69123,69,Auvergne-Rhône-Alpes,45.7640,4.8357,522250,20,34,

    """
    static let firstDay = CivilTime.days(year: 2026, month: 7, day: 1)
    static let days = 10
    static let hourlyColumns = ["temperature_c", "humidity_pct", "pressure_hpa", "wind_speed_ms", "rain_1h_mm",
                                "no2_ugm3", "o3_ugm3", "pm2_5_ugm3", "pm10_ugm3", "so2_ugm3", "co_ugm3", "aqi"]

    /// A deterministic value of `column` for city `c` at hour `h` of the series (NaN for a few gaps).
    static func value(_ column: String, city c: Int, hour h: Int) -> Double {
        if c == 1 && (50...53).contains(h) { return .nan }   // four missing hours in Lyon
        let daily = sin(Double(h % 24 - 9) / 24 * 2 * .pi)
        let base = Double(c) * 2 + Double(h / 24) * 0.7
        switch column {
        case "temperature_c": return ((22 + base + 7 * daily) * 10).rounded() / 10
        case "humidity_pct": return (70 - 20 * daily).rounded()
        case "pressure_hpa": return 1015 + Double(h % 48) / 10
        case "wind_speed_ms": return ((3 + 2 * cos(Double(h) / 7)) * 10).rounded() / 10
        case "rain_1h_mm": return h % 37 == 0 ? 1.2 : 0
        case "no2_ugm3": return ((30 - 15 * daily + base) * 10).rounded() / 10
        case "o3_ugm3": return ((70 + 40 * daily + base) * 10).rounded() / 10
        case "pm2_5_ugm3": return ((12 + 4 * cos(Double(h) / 11) + base) * 10).rounded() / 10
        case "pm10_ugm3": return ((30 + 25 * sin(Double(h) / 30) + base) * 10).rounded() / 10
        case "so2_ugm3": return 2
        case "co_ugm3": return 250
        default: return (40 + 15 * daily + base).rounded()
        }
    }

    static func text(_ v: Double) -> String { v.isNaN ? "" : String(v) }

    /// Writes the référentiel and the gold tables into a fresh temporary lake.
    static func make() throws -> TemporaryLake {
        let temporary = try TemporaryLake(citiesCSV: citiesCSV)
        let lake = temporary.lake
        var thresholds = try String(contentsOf: Fixtures.repositoryCitiesFile.deletingLastPathComponent()
            .appendingPathComponent("thresholds.csv"), encoding: .utf8)
        if !thresholds.hasSuffix("\n") { thresholds += "\n" }
        thresholds += "fr_test,so2,information,1,1,1,1,\"Autorité <i>test</i>\",\"Texte <script>alert('x')</script> & co\"\n"
        try AtomicFile.write(string: thresholds, to: lake.reference.appendingPathComponent("thresholds.csv"))
        let cities = ["paris", "lyon"]
        var hourly = "city_id,hour," + hourlyColumns.joined(separator: ",") + ",weather_rows\r\n"
        var daily = "city_id,date,"
        for column in hourlyColumns { daily += "\(column)_mean,\(column)_min,\(column)_max," }
        daily += "rain_1h_mm_sum,hours_observed_weather,hours_observed_air_pollution,hours_observed_air_quality\r\n"
        for (c, city) in cities.enumerated().sorted(by: { $0.element < $1.element }) {
            for h in 0..<(days * 24) {
                let seconds = (firstDay * 24 + h) * 3600
                hourly += "\(city),\(Timestamp.format(Date(timeIntervalSince1970: Double(seconds)))),"
                hourly += hourlyColumns.map { text(value($0, city: c, hour: h)) }.joined(separator: ",") + ",1\r\n"
            }
            for d in 0..<days {
                daily += "\(city),\(CivilTime.dateString(days: firstDay + d)),"
                var present = 0
                for column in hourlyColumns {
                    let values = (d * 24..<(d * 24 + 24)).map { value(column, city: c, hour: $0) }.filter { !$0.isNaN }
                    present = values.count
                    daily += "\(values.reduce(0, +) / Double(values.count)),\(values.min()!),\(values.max()!),"
                }
                let rain = (d * 24..<(d * 24 + 24)).map { value("rain_1h_mm", city: c, hour: $0) }.filter { !$0.isNaN }.reduce(0, +)
                daily += "\(rain),\(present),\(present),\(present)\r\n"
            }
        }
        try write(hourly, lake, "city_hourly/month=2026-07")
        try write(daily, lake, "city_daily/month=2026-07")
        try write("""
        city_id,pollutant,threshold,start,level,threshold_ugm3,averaging,consecutive_hours,end,hours,peak_ugm3\r
        lyon,no2,fr_information,2026-07-08T06:00:00Z,information,200,1h,1,2026-07-08T08:00:00Z,3,231.5\r
        paris,pm10,fr_information,2026-07-03T10:00:00Z,information,50,24h rolling mean,1,2026-07-04T02:00:00Z,17,61.2\r
        paris,so2,fr_test,2026-07-05T00:00:00Z,information,1,1h,1,2026-07-05T05:00:00Z,6,2\r

        """, lake, "exceedances/month=2026-07")
        try write("""
        city_id,start_date,end_date,days,ibmn_max_c,ibmx_max_c,threshold_tmin_c,threshold_tmax_c\r
        paris,2026-07-06,2026-07-08,3,22.4,33.1,21,31\r

        """, lake, "heatwaves/month=2026-07")
        try write("""
        city_id,variable,hour,value,baseline,score,threshold\r
        lyon,pm2_5_ugm3,2026-07-09T05:00:00Z,48.5,14.2,7.3,5\r
        paris,temperature_c,2026-07-02T14:00:00Z,9.5,24.1,-6.2,5\r

        """, lake, "anomalies/month=2026-07")
        var correlations = "scope,period,variable_x,variable_y,method,lag_hours,n,r\r\n"
        for scope in ["all", "lyon", "paris"] {
            for (x, y, r) in [("temperature_c", "o3_ugm3", 0.81), ("humidity_pct", "o3_ugm3", -0.64), ("wind_speed_ms", "no2_ugm3", -0.35)] {
                for method in ["pearson", "spearman"] {
                    for lag in 0...3 {
                        correlations += "\(scope),all,\(x),\(y),\(method),\(lag),\(200 - lag),\(r - Double(abs(lag - 2)) * 0.05)\r\n"
                    }
                }
            }
        }
        try AtomicFile.write(string: correlations, to: lake.gold.appendingPathComponent("correlations/part-00000.csv"))
        return temporary
    }

    private static func write(_ text: String, _ lake: Lake, _ folder: String) throws {
        try AtomicFile.write(string: text, to: lake.gold.appendingPathComponent("\(folder)/part-00000.csv"))
    }
}
