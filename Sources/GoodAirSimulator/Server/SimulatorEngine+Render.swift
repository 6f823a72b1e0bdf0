import Foundation
import GoodAirCore

extension SimulatorEngine {
    /// The normal payload for `target` at `hour`, altered by `fault` when one fired.
    func render(_ target: SimulatorRoute.Target, hour: Hour, request: SimulatedRequest,
                fault: FaultRule?, key: String) -> SimulatedResponse {
        switch fault?.kind {
        case .apiError?:
            return target.source == "aqicn"
                ? .json(200, #"{"status":"error","data":"Unknown station"}"#)
                : .json(404, #"{"cod":"404","message":"city not found"}"#)
        case .rateLimit?:
            var response: SimulatedResponse = target.source == "aqicn"
                ? .json(429, #"{"status":"error","data":"Over quota"}"#)
                : .json(429, #"{"cod":429,"message":"Your account is temporary blocked due to exceeding of requests limitation of your subscription type. Please choose the proper subscription https://openweathermap.org/price"}"#)
            response.headers["Retry-After"] = String(fault!.retryAfter)
            return response
        case .serverError?:
            return SimulatedResponse(status: 503, headers: ["Content-Type": "text/html"],
                                     body: Array("<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>\n".utf8))
        case .garbage?:
            return SimulatedResponse(status: 200, headers: ["Content-Type": "text/html"],
                                     body: Array("<!DOCTYPE html><html><head><title>Maintenance</title></head><body>Back soon.</body></html>\n".utf8))
        default:
            break
        }
        var body = payload(target, hour: hour, request: request, key: key, forceDash: fault?.kind == .aqiDash)
        var delay = 0.0
        if fault?.kind == .truncated { body = Array(body.prefix(body.count / 2)) }
        if fault?.kind == .echoKey, body.last == UInt8(ascii: "}") {
            let key = request.query["token"] ?? request.query["appid"] ?? ""
            body.removeLast()
            body += Array(#","echo":"\#(key)"}"#.utf8)
        }
        if fault?.kind == .slow { delay = fault!.seconds }
        return SimulatedResponse(status: 200, headers: ["Content-Type": "application/json; charset=utf-8"],
                                 body: body, delay: delay)
    }

    /// The payload of the real API for this place and hour.
    private func payload(_ target: SimulatorRoute.Target, hour: Hour, request: SimulatedRequest,
                         key: String, forceDash: Bool) -> [UInt8] {
        let place = target.place
        switch target.source {
        case "aqicn":
            // Stations publish with a lag: about a third of the time the feed still shows the
            // previous hour, so the same observation is fetched in two collection hours.
            let lagged = quirkDice("lag", key: key) < 0.3
            let observed = hour.start.addingTimeInterval(lagged ? -3600 : 0)
            let dash = forceDash || quirkDice("aqi-dash", key: key) < configuration.quirks.aqiDash
            return AQICNPayload.feed(place: place, observedAt: observed, timeZone: timeZone,
                                     weather: model.weather(at: place, time: observed),
                                     air: model.air(at: place, time: observed), aqiIsDash: dash,
                                     includeForecast: true, attributions: nil, model: model,
                                     forecastBlock: forecast(for: place, at: observed))
        case "owm_weather":
            // Current weather is the latest station report: a few minutes around the hour.
            let minutes = Int(quirkDice("dt", key: key) * 20) - 12
            let observed = hour.start.addingTimeInterval(Double(minutes * 60))
            return OWMWeatherPayload.current(place: place, observedAt: observed, timeZone: timeZone,
                                             weather: model.weather(at: place, time: observed),
                                             units: request.query["units"] ?? "standard")
        default:
            return OWMAirPayload.current(place: place, observedAt: hour.start, air: model.air(at: place, time: hour.start),
                                         coordAsArray: quirkDice("coord", key: key) < configuration.quirks.coordAsArray,
                                         aqiAsDecimal: quirkDice("aqi-decimal", key: key) < configuration.quirks.aqiAsDecimal)
        }
    }

    /// The AQICN `forecast.daily` block of `place` for the local day of `instant`, cached: it is
    /// the same for the 24 hours of that day.
    func forecast(for place: SimulatedPlace, at instant: Date) -> PayloadJSON {
        let epoch = Int(instant.timeIntervalSince1970.rounded(.down))
        let localDays = CivilTime.floorDiv(epoch + timeZone.secondsFromGMT(for: instant), 86_400)
        let key = ForecastKey(stationID: place.stationID, latitude: place.latitude, longitude: place.longitude, localDays: localDays)
        if let cached = forecasts.withLock({ $0[key] }) { return cached }
        let block = AQICNPayload.forecast(place: place, localDays: localDays, timeZone: timeZone, model: model)
        forecasts.withLock { cache in
            if cache.count >= 4096 { cache.removeAll(keepingCapacity: true) }
            cache[key] = block
        }
        return block
    }
}

/// What identifies a cached AQICN forecast block.
struct ForecastKey: Hashable {
    let stationID: Int
    let latitude: Double
    let longitude: Double
    let localDays: Int
}
