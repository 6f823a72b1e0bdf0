import Foundation
@testable import GoodAirCore
import Testing

@Suite("ResponseVerdict")
struct ResponseVerdictTests {
    private func judge(_ source: Source, _ status: Int, _ body: String) -> ResponseVerdict {
        ResponseVerdict.judge(source: source, status: status, body: Array(body.utf8))
    }

    // MARK: - AQICN

    @Test("AQICN ok feed")
    func aqicnOK() {
        let v = judge(.aqicn, 200, #"{"status":"ok","data":{"aqi":57,"idx":5722,"city":{"name":"Paris"},"iaqi":{"pm25":{"v":57}}}}"#)
        #expect(v == ResponseVerdict(kind: .ok, apiStatus: "ok", message: nil, retryable: false, credentialsRefused: false))
    }

    @Test("AQICN aqi \"-\" is still a valid snapshot")
    func aqicnDash() {
        let v = judge(.aqicn, 200, #"{"status":"ok","data":{"aqi":"-","idx":-5,"city":{"name":"Nowhere"},"iaqi":{}}}"#)
        #expect(v.kind == .ok)
        #expect(v.apiStatus == "ok")
    }

    @Test("AQICN Invalid key with HTTP 200 is a refusal of credentials, not retryable")
    func aqicnInvalidKey() {
        let v = judge(.aqicn, 200, #"{"status":"error","data":"Invalid key"}"#)
        #expect(v.kind == .apiError)
        #expect(v.apiStatus == "error")
        #expect(!v.retryable)
        #expect(v.credentialsRefused)
        #expect(v.message?.contains("Invalid key") == true)
    }

    @Test("AQICN Unknown station is an API error, not a refusal")
    func aqicnUnknownStation() {
        let v = judge(.aqicn, 200, #"{"status":"error","data":"Unknown station"}"#)
        #expect(v.kind == .apiError)
        #expect(!v.retryable)
        #expect(!v.credentialsRefused)
        #expect(v.message == "AQICN error: Unknown station")
    }

    @Test("AQICN Over quota with 429 is retryable")
    func aqicnOverQuota() {
        let v = judge(.aqicn, 429, #"{"status":"error","data":"Over quota"}"#)
        #expect(v.kind == .apiError)
        #expect(v.retryable)
        #expect(!v.credentialsRefused)
    }

    @Test("AQICN HTTP 401/403 refuse credentials")
    func aqicnForbidden() {
        for status in [401, 403] {
            let v = judge(.aqicn, status, "Forbidden")
            #expect(v.kind == .apiError)
            #expect(v.credentialsRefused)
            #expect(!v.retryable)
            #expect(v.message == "HTTP \(status)")
        }
    }

    @Test("AQICN status ok without a data object is a bad body")
    func aqicnOKWithoutData() {
        let v = judge(.aqicn, 200, #"{"status":"ok","data":"nope"}"#)
        #expect(v.kind == .badBody)
        #expect(v.retryable)
    }

    // MARK: - OpenWeatherMap

    @Test("OWM weather ok with cod 200 as a number or a string", arguments: [#""cod":200"#, #""cod":"200""#, #""cod":200.0"#])
    func owmWeatherOK(cod: String) {
        let v = judge(.owmWeather, 200, #"{"coord":{"lon":2.35,"lat":48.86},"main":{"temp":7.1},"name":"Paris",\#(cod)}"#)
        #expect(v.kind == .ok)
        #expect(v.apiStatus == "200")
        #expect(!v.retryable && !v.credentialsRefused)
    }

    @Test("OWM weather with cod 200 but no main is a bad body")
    func owmWeatherNoMain() {
        let v = judge(.owmWeather, 200, #"{"cod":200,"name":"Paris"}"#)
        #expect(v.kind == .badBody)
        #expect(v.retryable)
    }

    @Test("OWM city not found: API error 404, not retryable")
    func owmNotFound() {
        let v = judge(.owmWeather, 404, #"{"cod":"404","message":"city not found"}"#)
        #expect(v.kind == .apiError)
        #expect(v.apiStatus == "404")
        #expect(!v.retryable)
        #expect(!v.credentialsRefused)
        #expect(v.message?.contains("city not found") == true)
    }

    @Test("OWM \"cod\":\"404\" or 401 in the body with HTTP 200: an API error, no retry; 401 is a refused key")
    func owmStringCodWithHTTP200() {
        let notFound = judge(.owmWeather, 200, #"{"cod":"404","message":"city not found"}"#)
        #expect(notFound.kind == .apiError)
        #expect(notFound.apiStatus == "404")
        #expect(!notFound.retryable)
        let air = judge(.owmAir, 200, #"{"cod":401,"message":"Invalid API key"}"#)
        #expect(air.kind == .apiError)
        #expect(air.credentialsRefused)
        #expect(!air.retryable)
    }

    @Test("OWM cod error in the body with HTTP 200 is still an API error")
    func owmCodInBody() {
        let v = judge(.owmWeather, 200, #"{"cod":"429","message":"limit exceeded"}"#)
        #expect(v.kind == .apiError)
        #expect(v.apiStatus == "429")
        #expect(v.retryable)
    }

    @Test("OWM 401 refuses credentials", arguments: [Source.owmWeather, .owmAir])
    func owmUnauthorized(source: Source) {
        let v = judge(source, 401, #"{"cod":401,"message":"Invalid API key. Please see https://openweathermap.org/faq#error401 for more info."}"#)
        #expect(v.kind == .apiError)
        #expect(v.apiStatus == "401")
        #expect(v.credentialsRefused)
        #expect(!v.retryable)
    }

    @Test("OWM air has no cod but a list: ok")
    func owmAirOK() {
        let v = judge(.owmAir, 200, #"{"coord":{"lon":2.3522,"lat":48.8567},"list":[{"main":{"aqi":2},"components":{"pm2_5":8.1},"dt":1795960800}]}"#)
        #expect(v.kind == .ok)
        #expect(v.apiStatus == nil)
    }

    @Test("OWM air without a list is a bad body")
    func owmAirNoList() {
        let v = judge(.owmAir, 200, #"{"coord":{"lon":2.3522,"lat":48.8567}}"#)
        #expect(v.kind == .badBody)
        #expect(v.retryable)
    }

    // MARK: - Any source

    @Test("HTTP 5xx with an HTML page is a retryable API error", arguments: Source.allCases)
    func serverError(source: Source) {
        for status in [500, 502, 503] {
            let v = judge(source, status, "<html><body><h1>503 Service Unavailable</h1></body></html>")
            #expect(v.kind == .apiError)
            #expect(v.retryable)
            #expect(!v.credentialsRefused)
            #expect(v.message == "HTTP \(status)")
        }
    }

    @Test("HTTP 200 with a body that is not JSON, or truncated JSON, is a retryable bad body", arguments: Source.allCases)
    func badBody(source: Source) {
        for body in ["<html>ok</html>", #"{"status":"ok","data":{"aqi":5"#, #"{"cod":200,"main":{"te"#, "", "null", "[1,2]"] {
            let v = judge(source, 200, body)
            #expect(v.kind == .badBody, "\(body)")
            #expect(v.retryable)
            #expect(!v.credentialsRefused)
            #expect(v.message != nil)
        }
    }

    @Test("codText reads strings, integers and whole doubles")
    func codText() {
        #expect(ResponseVerdict.codText(200.0) == "200")
        #expect(ResponseVerdict.codText(200) == "200")
        #expect(ResponseVerdict.codText("404") == "404")
        #expect(ResponseVerdict.codText(NSNumber(value: 401.0)) == "401")
        #expect(ResponseVerdict.codText(nil) == nil)
        #expect(ResponseVerdict.codText([1]) == nil)
        #expect(ResponseVerdict.codText(12.5) == "12.5")
    }

    @Test("raw kinds are the manifest's words")
    func rawKinds() {
        #expect(ResponseVerdict.Kind.ok.rawValue == "ok")
        #expect(ResponseVerdict.Kind.apiError.rawValue == "api_error")
        #expect(ResponseVerdict.Kind.badBody.rawValue == "bad_body")
    }
}
