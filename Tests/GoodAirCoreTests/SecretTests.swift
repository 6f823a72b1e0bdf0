import Foundation
@testable import GoodAirCore
import GoodAirTesting
import Testing

private enum SecretFixtures {
    static let paris = City(id: "paris", name: "Paris", inseeCode: "75056", departmentCode: "75", region: "Île-de-France",
                            latitude: 48.8567, longitude: 2.3522, population: 2_133_111,
                            heatwaveTminC: 21, heatwaveTmaxC: 31)
    static let nantes = City(id: "nantes", name: "Nantes", inseeCode: "44109", departmentCode: "44", region: "Pays de la Loire",
                             latitude: 47.2181, longitude: -1.5528, population: 323_204,
                             heatwaveTminC: 20, heatwaveTmaxC: 34, aqicnUID: 1234)
}

@Suite("Secret and Redactor")
struct SecretTests {
    @Test("description, debugDescription and interpolation never show the value")
    func secretIsRedacted() {
        let value = "s3cr3t-token-value"
        let secret = Secret(value)
        #expect(secret.description == "REDACTED")
        #expect(secret.debugDescription == "REDACTED")
        let texts = [
            "\(secret)", String(describing: secret), String(reflecting: secret), "\([secret])",
            "\(Optional(secret) as Any)", "\(["k": secret])", "token=\(secret)&x",
        ]
        for text in texts {
            #expect(!text.contains(value), "\(text)")
            #expect(text.contains("REDACTED"), "\(text)")
        }
        #expect(secret.reveal() == value)
        #expect(!secret.isEmpty && Secret("").isEmpty)
    }

    @Test("redact replaces raw and percent-encoded forms")
    func redact() {
        let redactor = Redactor([Secret("tok/en+1=2"), Secret("plainsecret")])
        #expect(redactor.redact("a tok/en+1=2 b") == "a REDACTED b")
        #expect(redactor.redact("?token=tok%2Fen%2B1%3D2&x=1") == "?token=REDACTED&x=1")
        #expect(redactor.redact("plainsecret plainsecret") == "REDACTED REDACTED")
        #expect(redactor.redact("nothing to hide") == "nothing to hide")
    }

    @Test("the longest secret is replaced first, so a secret inside another does not leave a tail")
    func longestFirst() {
        for order in [[Secret("abcdefgh"), Secret("abcdefgh-longer")], [Secret("abcdefgh-longer"), Secret("abcdefgh")]] {
            let redactor = Redactor(order)
            #expect(redactor.redact("x=abcdefgh-longer y=abcdefgh") == "x=REDACTED y=REDACTED")
        }
    }

    @Test("empty secrets are ignored")
    func emptySecret() {
        #expect(Redactor([Secret("")]).redact("text") == "text")
        #expect(!Redactor([Secret("")]).containsSecret(Array("text".utf8)))
    }

    @Test("containsSecret finds a long secret anywhere, and ignores short ones")
    func containsSecret() {
        let long = Fixtures.aqicnToken
        let redactor = Redactor([Secret(long), Secret("short")])
        #expect(redactor.containsSecret(Array("{\"echo\":\"\(long)\"}".utf8)))
        #expect(redactor.containsSecret(Array(long.utf8)))
        #expect(redactor.containsSecret(Array("prefix \(long)".utf8)))
        #expect(!redactor.containsSecret(Array("{\"echo\":\"\(long.dropLast())\"}".utf8)))
        #expect(!redactor.containsSecret(Array("short short short".utf8)), "shorter than minimumSearchableLength")
        #expect(!redactor.containsSecret([]))

        let minimum = String(repeating: "k", count: Redactor.minimumSearchableLength)
        let belowMinimum = String(repeating: "q", count: Redactor.minimumSearchableLength - 1)
        let edge = Redactor([Secret(minimum), Secret(belowMinimum)])
        #expect(edge.containsSecret(Array("xx\(minimum)xx".utf8)))
        #expect(!edge.containsSecret(Array("xx\(belowMinimum)xx".utf8)))
        #expect(Redactor.minimumSearchableLength == 8)
    }
}

@Suite("Endpoints")
struct EndpointsTests {
    private typealias F = SecretFixtures
    private let endpoints = Endpoints(aqicnToken: Secret("aq token/+"), owmKey: Secret("owm-key_1.2~3"))

    @Test("AQICN geo feed by coordinates")
    func aqicnGeo() {
        #expect(endpoints.url(for: .aqicn, city: F.paris, redacted: true)
            == "https://api.waqi.info/feed/geo:48.8567;2.3522/?token=REDACTED")
        #expect(endpoints.url(for: .aqicn, city: F.paris, redacted: false)
            == "https://api.waqi.info/feed/geo:48.8567;2.3522/?token=aq%20token%2F%2B")
    }

    @Test("AQICN station feed by uid")
    func aqicnUID() {
        #expect(endpoints.url(for: .aqicn, city: F.nantes, redacted: true)
            == "https://api.waqi.info/feed/@1234/?token=REDACTED")
    }

    @Test("OpenWeatherMap weather, metric units")
    func owmWeather() {
        #expect(endpoints.url(for: .owmWeather, city: F.nantes, redacted: true)
            == "https://api.openweathermap.org/data/2.5/weather?lat=47.2181&lon=-1.5528&units=metric&appid=REDACTED")
        #expect(endpoints.url(for: .owmWeather, city: F.paris, redacted: false)
            == "https://api.openweathermap.org/data/2.5/weather?lat=48.8567&lon=2.3522&units=metric&appid=owm-key_1.2~3")
    }

    @Test("OpenWeatherMap air pollution")
    func owmAir() {
        #expect(endpoints.url(for: .owmAir, city: F.paris, redacted: true)
            == "https://api.openweathermap.org/data/2.5/air_pollution?lat=48.8567&lon=2.3522&appid=REDACTED")
    }

    @Test("each source uses its API's secret")
    func secrets() {
        #expect(endpoints.secret(for: .aqicn).reveal() == "aq token/+")
        #expect(endpoints.secret(for: .owmWeather).reveal() == "owm-key_1.2~3")
        #expect(endpoints.secret(for: .owmAir).reveal() == "owm-key_1.2~3")
        #expect(endpoints.url(for: .owmAir, city: F.paris, redacted: false).hasSuffix("&appid=owm-key_1.2~3"))
    }

    @Test("coordinates have four decimals")
    func coordinates() {
        let city = City(id: "x", name: "X", inseeCode: "75056", departmentCode: "75", region: "R",
                        latitude: 48.85666666, longitude: 2, population: 1, heatwaveTminC: 20, heatwaveTmaxC: 30)
        #expect(endpoints.url(for: .owmAir, city: city, redacted: true).contains("lat=48.8567&lon=2.0000&"))
    }

    @Test("trailing slashes of base URLs are trimmed")
    func trailingSlashes() {
        let local = Endpoints(aqicnBaseURL: "http://127.0.0.1:8080//", owmBaseURL: "http://127.0.0.1:9090/owm/",
                              aqicnToken: Secret("t"), owmKey: Secret("k"))
        #expect(local.aqicnBaseURL == "http://127.0.0.1:8080")
        #expect(local.url(for: .aqicn, city: F.nantes, redacted: false) == "http://127.0.0.1:8080/feed/@1234/?token=t")
        #expect(local.url(for: .owmAir, city: F.paris, redacted: true)
            == "http://127.0.0.1:9090/owm/data/2.5/air_pollution?lat=48.8567&lon=2.3522&appid=REDACTED")
    }

    @Test("the redactor removes every secret from every real URL")
    func redactorCoversURLs() {
        let simple = Endpoints(aqicnToken: Secret(Fixtures.aqicnToken), owmKey: Secret(Fixtures.owmKey))
        for source in Source.allCases {
            let url = simple.url(for: source, city: F.paris, redacted: false)
            #expect(simple.redactor.redact(url) == simple.url(for: source, city: F.paris, redacted: true))
        }
    }

    @Test("the redactor removes a secret with punctuation from the URL it was sent in")
    func redactorCoversEncodedURLs() {
        let tricky = Endpoints(aqicnToken: Secret("my-key+x/y=z"), owmKey: Secret("owm.key with space"))
        for source in Source.allCases {
            let url = tricky.url(for: source, city: F.paris, redacted: false)
            #expect(tricky.redactor.redact(url) == tricky.url(for: source, city: F.paris, redacted: true), "\(url)")
        }
    }
}

@Suite("GoodAirEnvironment")
struct EnvironmentTests {
    @Test("defaults when nothing is set")
    func defaults() throws {
        let endpoints = try GoodAirEnvironment([:]).endpoints()
        #expect(endpoints.aqicnBaseURL == "https://api.waqi.info")
        #expect(endpoints.owmBaseURL == "https://api.openweathermap.org")
        #expect(endpoints.aqicnToken.isEmpty)
        #expect(endpoints.owmKey.isEmpty)
    }

    @Test("values are read, trimmed, and base URLs lose their trailing slash")
    func values() throws {
        let env = GoodAirEnvironment([
            "GOODAIR_AQICN_URL": " http://127.0.0.1:8080/ ",
            "GOODAIR_OWM_URL": "HTTPS://owm.example",
            "GOODAIR_AQICN_TOKEN": "  tok  ",
            "GOODAIR_OWM_KEY": "key\n",
        ])
        let endpoints = try env.endpoints()
        #expect(endpoints.aqicnBaseURL == "http://127.0.0.1:8080")
        #expect(endpoints.owmBaseURL == "HTTPS://owm.example")
        #expect(endpoints.aqicnToken.reveal() == "tok")
        #expect(endpoints.owmKey.reveal() == "key")
    }

    @Test("a base URL that is not http(s) is refused, naming the variable", arguments: [
        ("GOODAIR_AQICN_URL", "ftp://x"),
        ("GOODAIR_OWM_URL", "ftp://x"),
        ("GOODAIR_OWM_URL", "api.openweathermap.org"),
        ("GOODAIR_AQICN_URL", "http://"),
        ("GOODAIR_AQICN_URL", "file:///tmp/x"),
    ])
    func badBaseURL(variable: String, value: String) throws {
        let error = try #require(throws: CollectError.self) { try GoodAirEnvironment([variable: value]).endpoints() }
        guard case let .badBaseURL(named, refused) = error else {
            Issue.record("wrong error \(error)")
            return
        }
        #expect(named == variable)
        #expect(refused == value)
        #expect(error.description.contains(variable))
    }

    @Test("blank values count as unset")
    func blank() throws {
        let env = GoodAirEnvironment([
            "GOODAIR_AQICN_URL": "   ", "GOODAIR_OWM_URL": "", "GOODAIR_AQICN_TOKEN": " \t ", "GOODAIR_LAKE": "  ",
        ])
        let endpoints = try env.endpoints()
        #expect(endpoints.aqicnBaseURL == Endpoints.defaultAQICN)
        #expect(endpoints.owmBaseURL == Endpoints.defaultOWM)
        #expect(endpoints.aqicnToken.isEmpty)
        #expect(env.value("GOODAIR_AQICN_TOKEN") == nil)
        #expect(env.lakeRoot(override: nil).lastPathComponent == "lake")
    }

    @Test("lake root: --lake, then GOODAIR_LAKE, then ./lake")
    func lakeRoot() {
        let withVariable = GoodAirEnvironment(["GOODAIR_LAKE": "/srv/goodair"])
        #expect(withVariable.lakeRoot(override: "/tmp/other").path == "/tmp/other")
        #expect(withVariable.lakeRoot(override: nil).path == "/srv/goodair")
        let none = GoodAirEnvironment([:])
        let cwd = FileManager.default.currentDirectoryPath
        #expect(none.lakeRoot(override: nil).standardizedFileURL.path
            == URL(fileURLWithPath: cwd).appendingPathComponent("lake").standardizedFileURL.path)
    }
}
