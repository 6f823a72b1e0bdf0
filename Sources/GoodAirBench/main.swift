// Micro-benchmarks of the curation hot path.
//
//   goodair-bench parse-validate BRONZE_DIR [--limit N] [--rounds R] [--schemas DIR]
//                  [--phase parse|validate|manifests] [--source NAME]
//   goodair-bench curate-floor BRONZE_DIR [--schemas DIR]
//                  (read, gunzip, sha256, parse, validate every snapshot, nothing else: timed by
//                  bench-curate.sh next to the bounds and the curation)
//   goodair-bench foundation-floor BRONZE_DIR serialization|decoder
//                  (read and gunzip every snapshot, then parse it with Foundation's JSONSerialization
//                  or JSONDecoder, nothing else: calibrates issue #3's figures; bench-foundation.sh)
//   goodair-bench city-daily LAKE      (gold city_daily from silver, timed; see bench-gold.sh)
//   goodair-bench warehouse-query LAKE [CITY] [VARIABLE]   (the dashboard's queries, timed)
//
// parse-validate loads the bronze snapshots (gunzipped, outside the timed part) and the hour
// manifests, then times JSON parsing, schema validation of pre-parsed tapes and manifest parsing,
// per source.
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 2, ["parse-validate", "curate-floor", "foundation-floor", "city-daily", "warehouse-query"].contains(arguments[0]) else {
    print("usage: goodair-bench parse-validate BRONZE_DIR [--limit N] [--rounds R] [--schemas DIR] [--phase parse|validate|manifests] [--source NAME]")
    print("       goodair-bench curate-floor BRONZE_DIR [--schemas DIR]")
    print("       goodair-bench foundation-floor BRONZE_DIR serialization|decoder")
    print("       goodair-bench city-daily LAKE")
    print("       goodair-bench warehouse-query LAKE [CITY] [VARIABLE]")
    exit(2)
}

do {
    if arguments[0] == "city-daily" {
        try CityDailyBench(lake: URL(fileURLWithPath: arguments[1])).run()
    } else if arguments[0] == "warehouse-query" {
        var bench = WarehouseQueryBench(lake: URL(fileURLWithPath: arguments[1]))
        if arguments.count > 2 { bench.city = arguments[2] }
        if arguments.count > 3 { bench.variable = arguments[3] }
        try bench.run()
    } else if arguments[0] == "foundation-floor" {
        guard let parser = FoundationFloorBench.Parser(rawValue: arguments.count > 2 ? arguments[2] : "") else {
            throw BenchError("usage: goodair-bench foundation-floor BRONZE_DIR serialization|decoder")
        }
        FoundationFloorBench(bronze: arguments[1], parser: parser).run()
    } else if arguments[0] == "curate-floor" {
        let options = try BenchOptions(parsing: Array(arguments.dropFirst()))
        try CurateFloorBench(bronze: options.bronze.path, schemas: options.schemas).run()
    } else {
        let options = try BenchOptions(parsing: Array(arguments.dropFirst()))
        try ParseValidateBench(options: options).run()
    }
} catch {
    print("goodair-bench: \(error)")
    exit(1)
}
