import ArgumentParser
import Foundation
import GoodAirCore

extension GoodAir {
    struct Collect: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Take one raw snapshot per city and source into bronze.",
            discussion: """
            Each response is stored untouched and gzip-compressed at
            bronze/source=<source>/date=YYYY-MM-DD/hour=HH/<city_id>.json.gz, with a _manifest.json per hour
            folder. Running an hour again fetches only what is missing or failed.

            Past hours (--at in the past, --from/--to) need a server that replays them, such as
            `goodair simulate`: the real APIs answer only for the present.

            Examples:
              goodair collect                                   # the current hour, every city and source
              goodair collect --cities paris,lyon --sources aqicn
              goodair collect --from 2026-11-22T00 --to 2026-11-28T23   # backfill against the simulator

            Exit: 0 all fetched; 3 some fetches failed (the rest is kept); 1 nothing could be done;
            2 bad usage or configuration (a missing or refused key names its variable).
            """
        )

        @OptionGroup var options: LakeOptions
        @OptionGroup var selection: CollectSelection
        @OptionGroup var tuning: CollectTuning

        func run() async throws {
            let clock = try options.clock()
            let logger = try options.logger(label: "goodair.collect")
            let lake = try options.resolvedLake()
            let plan = try selection.plan(lake: lake, current: Hour(containing: clock.now()))
            let configuration = try tuning.configuration(endpoints: options.environment.endpoints())
            let collector = Collector(lake: lake, configuration: configuration, client: CurlHTTPClient(),
                                      clock: clock, logger: logger)
            let progress = ProgressLine(label: "collect", total: plan.hours.count)
            let report = try await collector.collect(plan) { progress.update($0) }
            progress.finish()
            print(report.summary)
            for failure in report.failures.prefix(10) {
                print("  failed: \(failure.source.rawValue) \(failure.hour) \(failure.cityID): \(failure.error)")
            }
            if report.failures.count > 10 { print("  … and \(report.failures.count - 10) more (see the hours' _manifest.json)") }
            for api in report.refusedCredentials.sorted(by: { $0.rawValue < $1.rawValue }) {
                let variable = GoodAirEnvironment.secretVariable(for: api)
                FileHandle.standardError.write(Data("goodair: \(api.rawValue) refused the key in \(variable); check it\n".utf8))
            }
            if report.status != .success { throw ExitCode(report.status.exitCode) }
        }
    }
}

/// Which hours, cities and sources to collect.
struct CollectSelection: ParsableArguments {
    @Option(help: ArgumentHelp("The UTC hour to collect, e.g. 2026-11-29T14 (default: the current hour).", valueName: "hour"))
    var at: String?

    @Option(help: ArgumentHelp("First hour of a range (UTC, inclusive).", valueName: "hour"))
    var from: String?

    @Option(help: ArgumentHelp("Last hour of a range (UTC, inclusive; default: the current hour).", valueName: "hour"))
    var to: String?

    @Option(help: ArgumentHelp("Comma-separated city ids from reference/cities.csv (default: all).", valueName: "ids"))
    var cities: String?

    @Option(help: ArgumentHelp("Comma-separated sources: aqicn, owm_weather, owm_air (default: all).", valueName: "sources"))
    var sources: String?

    /// The most hours one run may cover (a little over a year).
    static let maximumHours = 24 * 400

    func plan(lake: Lake, current: Hour) throws -> CollectPlan {
        func hour(_ text: String, _ flag: String) throws -> Hour {
            guard let h = Hour(parsing: text) else {
                throw ValidationError("\(flag): '\(text)' is not a UTC hour such as 2026-11-29T14 or 2026-11-29T14:00:00Z")
            }
            return h
        }
        var hours: [Hour]
        if let at {
            guard from == nil, to == nil else { throw ValidationError("--at cannot be combined with --from/--to") }
            hours = [try hour(at, "--at")]
        } else if let from {
            let first = try hour(from, "--from")
            let last = try to.map { try hour($0, "--to") } ?? current
            guard first <= last else { throw CollectError.badRange("--from \(first) is after --to \(last)") }
            guard last.index - first.index < Self.maximumHours else {
                throw CollectError.badRange("\(last.index - first.index + 1) hours; split it into runs of at most \(Self.maximumHours)")
            }
            hours = Hour.range(first, through: last)
        } else {
            guard to == nil else { throw ValidationError("--to needs --from") }
            hours = [current]
        }
        let catalog = try CityCatalog.load(from: lake.citiesFile)
        let ids = (cities ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let chosenSources: [Source]
        switch Source.parseList(sources ?? "") {
        case .success(let list): chosenSources = list.isEmpty ? Source.allCases : list
        case .failure(let error): throw ValidationError("--sources: \(error)")
        }
        hours.sort()
        return CollectPlan(hours: hours, cities: try catalog.select(ids), sources: chosenSources)
    }
}

/// How hard and how fast to collect.
struct CollectTuning: ParsableArguments {
    @Option(help: "Requests in flight at once.")
    var concurrency: Int = 8

    @Option(help: ArgumentHelp("Timeout of one request, in seconds.", valueName: "seconds"))
    var timeout: Double = 20

    @Option(help: "Attempts per fetch, the first included (retries on network errors, 5xx and 429).")
    var attempts: Int = 4

    @Option(help: "OpenWeatherMap calls allowed per minute, retries included (0: no limit, for a local simulator).")
    var owmCallsPerMinute: Int = 60

    @Option(help: ArgumentHelp("Wait this long for another collector to finish before giving up.", valueName: "seconds"))
    var waitLock: Double = 0

    func configuration(endpoints: Endpoints) throws -> CollectorConfiguration {
        guard concurrency >= 1, concurrency <= 64 else { throw ValidationError("--concurrency must be 1…64") }
        guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
        guard (1...10).contains(attempts) else { throw ValidationError("--attempts must be 1…10") }
        guard owmCallsPerMinute >= 0 else { throw ValidationError("--owm-calls-per-minute must be ≥ 0") }
        return CollectorConfiguration(endpoints: endpoints, concurrency: concurrency, timeout: timeout,
                                      retry: RetryPolicy(maxAttempts: attempts),
                                      owmCallsPerWindow: owmCallsPerMinute, owmWindow: 60, lockWait: max(0, waitLock))
    }
}
