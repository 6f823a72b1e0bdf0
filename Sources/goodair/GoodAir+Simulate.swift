import ArgumentParser
import Foundation
import GoodAirCore
import GoodAirSimulator

extension GoodAir {
    struct Simulate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve a simulator of the AQICN and OpenWeatherMap APIs on loopback (no key, no network).",
            discussion: """
            Answers the real paths (/feed/geo:{lat};{lon}/, /feed/@{uid}/, /data/2.5/weather,
            /data/2.5/air_pollution) with payloads shaped like the real APIs', deterministic for a
            (place, hour). A request with the header X-GoodAir-Replay-Hour: 2026-11-28T14:00:00Z is
            answered for that hour (goodair collect sends it), so past hours can be backfilled.

            Faults (repeat --fault): KIND[:p=PROB|:first=N][:retry-after=S][:seconds=S][@sources]
              kinds: api-error, rate-limit, server-error, slow, truncated, garbage, aqi-dash, echo-key
            Examples:
              goodair simulate --port 8080
              goodair simulate --latency-ms 200 --fault server-error:first=1 --fault rate-limit:p=0.05:retry-after=2@owm_air
            """
        )

        @OptionGroup var options: LakeOptions

        @Option(help: "Port to listen on (0: any free port).")
        var port: Int = 8080

        @Option(help: "Loopback address to bind.")
        var host: String = "127.0.0.1"

        @Option(help: ArgumentHelp("Delay added to every answer, in milliseconds.", valueName: "ms"))
        var latencyMs: Int = 0

        @Option(name: .customLong("fault"), help: ArgumentHelp("A fault to inject (repeatable, see above).", valueName: "spec"))
        var faults: [String] = []

        @Flag(help: "Add the small fault rates of a real day (occasional 503, 429, truncated body, AQICN error).")
        var realisticFaults = false

        @Option(help: "Seed of the weather, pollution and fault model.")
        var seed: UInt64 = 0

        @Option(help: "The only AQICN token accepted (default: any non-empty token).")
        var aqicnToken: String?

        @Option(help: "The only OpenWeatherMap key accepted (default: any non-empty key).")
        var owmKey: String?

        func run() async throws {
            let logger = try options.logger(label: "goodair.simulate")
            var configuration = try simulatorConfiguration()
            configuration.clock = try options.clock()
            let simulator = try await Simulator.start(configuration: configuration, logger: logger)
            print("""
            GoodAir simulator listening on \(simulator.baseURL) (Ctrl-C to stop)
              export GOODAIR_AQICN_URL=\(simulator.baseURL) GOODAIR_OWM_URL=\(simulator.baseURL)
              export GOODAIR_AQICN_TOKEN=\(aqicnToken == nil ? "any-token" : "<the token given>") GOODAIR_OWM_KEY=\(owmKey == nil ? "any-key" : "<the key given>")
              then: goodair collect --owm-calls-per-minute 0
            faults: \(configuration.faults.isEmpty ? "none" : configuration.faults.map(\.description).joined(separator: " "))
            """)
            fflush(nil)   // into a pipe or file, stdout is block-buffered: say where we listen now
            try await simulator.wait()
        }

        func simulatorConfiguration() throws -> SimulatorConfiguration {
            var rules: [FaultRule] = []
            for spec in faults {
                do { rules.append(try FaultRule.parse(spec)) } catch { throw ValidationError("--fault: \(error)") }
            }
            if realisticFaults { rules += SimulatorConfiguration.realisticFaults }
            guard (0...65535).contains(port) else { throw ValidationError("--port must be 0…65535") }
            guard latencyMs >= 0 else { throw ValidationError("--latency-ms must be ≥ 0") }
            let catalog = try CityCatalog.load(from: try options.resolvedLake().citiesFile)
            return SimulatorConfiguration(host: host, port: port, aqicnToken: aqicnToken, owmKey: owmKey,
                                          latency: Double(latencyMs) / 1000, faults: rules, seed: seed,
                                          places: SimulatedPlace.places(for: catalog.cities))
        }
    }
}
