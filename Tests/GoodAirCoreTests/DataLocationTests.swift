import Foundation
@testable import GoodAirCore
import GoodAirTesting
import Testing

/// GDPR care (LAKE.md §7): the lake is stored and processed in the EU, as declared by
/// configuration; anything else is refused with the variable named, and runs record where they ran.
@Suite("Data locations")
struct DataLocationTests {
    @Test("EU member states are read as ISO 3166 codes, with an optional subdivision")
    func memberStates() throws {
        #expect(try DataLocation(parsing: "FR").description == "FR")
        #expect(try DataLocation(parsing: " fr-idf ").description == "FR-IDF")
        #expect(try DataLocation(parsing: "de-by").subdivision == "BY")
        #expect(try DataLocation(parsing: "EL").country == "GR")   // the EU's code for Greece
        #expect(DataLocation.memberStates.count == 27)
        for code in DataLocation.memberStates { #expect(try DataLocation(parsing: code).country == code) }
    }

    @Test("a country outside the EU is refused, naming the variable and the rule")
    func outsideEU() {
        for code in ["US", "GB", "CH", "NO", "us-ca", "CN"] {
            #expect(throws: LocationError.outsideEU(variable: "GOODAIR_STORAGE_LOCATION", country: String(code.prefix(2)).uppercased())) {
                try DataLocation(parsing: code, variable: "GOODAIR_STORAGE_LOCATION")
            }
        }
        let message = LocationError.outsideEU(variable: "GOODAIR_PROCESSING_LOCATION", country: "US").description
        #expect(message.contains("GOODAIR_PROCESSING_LOCATION") && message.contains("US") && message.contains("LAKE.md §7"))
    }

    @Test("what is not an ISO 3166 code is refused as malformed, quoting at most 40 characters")
    func malformed() {
        for text in ["France", "F", "", "FR-", "FR-ABCD", "F1", "eu-west-3", "FR/IDF", "ÉS", "\u{FB01}", "\u{17F}e", "\u{131}e"] {
            #expect(throws: LocationError.malformed(variable: "V", value: text)) { try DataLocation(parsing: text, variable: "V") }
        }
        let long = String(repeating: "x", count: 200)
        #expect(LocationError.malformed(variable: "V", value: long).description.contains(String(repeating: "x", count: 41)) == false)
    }

    @Test("the environment declares both locations; unset or blank means France")
    func environment() throws {
        #expect(try GoodAirEnvironment([:]).locations() == DataLocations())
        #expect(try GoodAirEnvironment(["GOODAIR_STORAGE_LOCATION": "  "]).locations().storage == .france)
        let declared = try GoodAirEnvironment(["GOODAIR_STORAGE_LOCATION": "de", "GOODAIR_PROCESSING_LOCATION": "FR-ARA"]).locations()
        #expect(declared.storage.description == "DE" && declared.processing.description == "FR-ARA")
        #expect(throws: LocationError.outsideEU(variable: "GOODAIR_PROCESSING_LOCATION", country: "US")) {
            try GoodAirEnvironment(["GOODAIR_PROCESSING_LOCATION": "US"]).locations()
        }
    }

    @Test("a run's lineage says where it stored and processed the data, and validates")
    func lineage() throws {
        let temporary = try TemporaryLake()
        defer { temporary.remove() }
        let lake = Lake(root: temporary.root, locations: DataLocations(storage: try DataLocation(parsing: "DE"),
                                                                        processing: try DataLocation(parsing: "fr-idf")))
        let run = try LineageRun.start(job: "curate", runID: UUID().uuidString.lowercased(), lake: lake,
                                       clock: .starting(at: Timestamp.parse("2026-11-29T14:05:00Z")!))
        try run.complete(LineageRecord())
        let text = try String(contentsOf: run.file, encoding: .utf8)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 2)
        for line in lines {
            #expect(line.contains(#""locations":{"processing":"FR-IDF","storage":"DE"}"#))
            let schema = try JSONSchema(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("schemas/lineage/runevent.schema.json"))
            #expect(schema.validate(try JSONTape(parsing: Array(line.utf8))).isEmpty)
            let event = try JSONDecoder().decode(LineageEvent.self, from: Data(line.utf8))
            #expect(event.run.facets?.goodair_run?.locations?.storage == "DE")
            // The schema refuses what the parser refuses.
            for bad in ["US", "fr", "FR-ABCD", "EL"] {
                let forged = line.replacingOccurrences(of: #""storage":"DE""#, with: #""storage":"\#(bad)""#)
                #expect(!schema.validate(try JSONTape(parsing: Array(forged.utf8))).isEmpty, "\(bad)")
            }
        }
    }
}
