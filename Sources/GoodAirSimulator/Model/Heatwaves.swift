import Foundation
import GoodAirCore

/// A summer heatwave episode shared by all of France, chosen deterministically from the year.
struct HeatwaveEpisode: Sendable, Hashable {
    /// First hour (epoch hours, UTC) of the plateau ramp-up.
    var startHour: Double
    /// Hour at which the episode has fully decayed.
    var endHour: Double
    /// Peak temperature anomaly before regional scaling, °C.
    var intensityC: Double
}

/// Deterministic heatwave calendar: 0–3 episodes per summer (15 June – 31 August),
/// each 4–12 days long with a +7…+10.5 °C peak anomaly and ~1.5-day ramps.
enum HeatwaveCalendar {
    static let rampHours = 36.0

    /// The episodes of a year; a pure function of (`seed`, `year`).
    static func episodes(year: Int, seed: UInt64) -> [HeatwaveEpisode] {
        let yearKey = Noise.hash(seed, 0x4845_4154, UInt64(bitPattern: Int64(year)))
        let draw = Noise.unit(yearKey)
        let count = draw < 0.15 ? 0 : draw < 0.55 ? 1 : draw < 0.9 ? 2 : 3
        guard count > 0 else { return [] }
        let firstDay = Double(CivilTime.days(year: year, month: 6, day: 15))
        let lastEnd = Double(CivilTime.days(year: year, month: 8, day: 31))
        let slot = (lastEnd - firstDay) / Double(count)
        var result: [HeatwaveEpisode] = []
        result.reserveCapacity(count)
        for i in 0..<count {
            let h = Noise.hash(yearKey, UInt64(i + 1))
            let length = 4 + Double(Noise.hash(h, 1) % 9)          // 4...12 days
            let room = max(0, slot - length - 1)
            let start = firstDay + Double(i) * slot + (Noise.unit(Noise.hash(h, 2)) * room).rounded(.down)
            let intensity = 7 + 3.5 * Noise.unit(Noise.hash(h, 3))
            // Ramps sit outside the plateau so the plateau spans `length` whole days.
            result.append(HeatwaveEpisode(
                startHour: start * 24 - rampHours / 2,
                endHour: (start + length) * 24 + rampHours / 2,
                intensityC: intensity))
        }
        return result
    }

    /// The national heatwave signal at an instant: the anomaly (°C, before regional scaling) and
    /// the ramp fraction in 0...1 (1 on the plateau), 0 outside episodes.
    static func signal(epochSeconds: Double, seed: UInt64) -> (anomalyC: Double, ramp: Double) {
        let days = CivilTime.floorDiv(Int(epochSeconds.rounded(.down)), 86_400)
        let date = CivilTime.civil(days: days)
        guard date.month >= 6, date.month <= 9 else { return (0, 0) }
        let hours = epochSeconds / 3_600
        var best = (anomalyC: 0.0, ramp: 0.0)
        for episode in episodes(year: date.year, seed: seed)
        where hours > episode.startHour && hours < episode.endHour {
            let up = (hours - episode.startHour) / rampHours
            let down = (episode.endHour - hours) / rampHours
            let ramp = Noise.smoothstep(min(up, down, 1))
            if ramp * episode.intensityC > best.anomalyC {
                best = (ramp * episode.intensityC, ramp)
            }
        }
        return best
    }
}
