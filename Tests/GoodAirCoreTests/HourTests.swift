import Foundation
@testable import GoodAirCore
import Testing

/// 2026-11-29T14:00:00Z, computed independently of the code under test.
private let hour14Seconds: TimeInterval = 1_795_960_800

@Suite("Hour")
struct HourTests {
    @Test("init(containing:) truncates to the start of the UTC hour")
    func truncation() {
        let start = Date(timeIntervalSince1970: hour14Seconds)
        #expect(Hour(containing: start).index == Int(hour14Seconds) / 3600)
        #expect(Hour(containing: start.addingTimeInterval(3599.999)).start == start)
        #expect(Hour(containing: start.addingTimeInterval(3600)).start == start.addingTimeInterval(3600))
        #expect(Hour(containing: start.addingTimeInterval(-0.001)).start == start.addingTimeInterval(-3600))
        // Before 1970 the index is negative and truncation still goes down, not toward zero.
        #expect(Hour(containing: Date(timeIntervalSince1970: -0.5)).index == -1)
        #expect(Hour(containing: Date(timeIntervalSince1970: -3600)).index == -1)
        #expect(Hour(containing: Date(timeIntervalSince1970: -3600.5)).index == -2)
        #expect(Hour(containing: Date(timeIntervalSince1970: 0)).index == 0)
    }

    @Test("parses every documented form of the same hour", arguments: [
        "2026-11-29T14",
        "2026-11-29T14Z",
        "2026-11-29T14:00Z",
        "2026-11-29T14:00:00Z",
        "2026-11-29T15:00:00+01:00",
        "2026-11-29T19:30:00+05:30",
        "2026-11-29T12:00:00-02:00",
        "2026-11-29T08:30:00-0530",
        "2026-11-29 14:00:00Z",
        "2026-11-29T14:00:00.000Z",
        "  2026-11-29T14:00:00Z  ",
    ])
    func parsingForms(text: String) throws {
        let hour = try #require(Hour(parsing: text), "\(text) should parse")
        #expect(hour.start == Date(timeIntervalSince1970: hour14Seconds))
        #expect(hour.description == "2026-11-29T14:00:00Z")
    }

    @Test("refuses instants that are not on the hour, and garbage", arguments: [
        "2026-11-29T14:30Z",
        "2026-11-29T14:00:01Z",
        "2026-11-29T14:30:00+01:00",
        "2026-11-29T14:00:00.500Z",
        "2026-11-29",
        "2026-11-29T",
        "2026-11-29T1",
        "2026-11-29T25",
        "2026-11-29 14",
        "2026-11-29T14:00:00",
        "2026-11-29X14",
        "14:00",
        "yesterday",
        "",
    ])
    func refusals(text: String) {
        #expect(Hour(parsing: text) == nil, "\(text) should be refused")
    }

    @Test("partitionPath, dateString and hourString")
    func partitionPath() throws {
        let hour = try #require(Hour(parsing: "2026-11-29T14Z"))
        #expect(hour.partitionPath == "date=2026-11-29/hour=14")
        #expect(hour.dateString == "2026-11-29")
        #expect(hour.hourString == "14")
    }

    @Test("around midnight the date changes with the hour")
    func midnight() throws {
        let late = try #require(Hour(parsing: "2026-12-31T23Z"))
        #expect(late.partitionPath == "date=2026-12-31/hour=23")
        let next = late.advanced(by: 1)
        #expect(next.partitionPath == "date=2027-01-01/hour=00")
        #expect(next.description == "2027-01-01T00:00:00Z")
        #expect(next.advanced(by: -1) == late)
        let leap = try #require(Hour(parsing: "2028-02-28T23Z")).advanced(by: 1)
        #expect(leap.partitionPath == "date=2028-02-29/hour=00")
    }

    @Test("hours before 1970 have a negative index and correct strings")
    func before1970() {
        let h = Hour(index: -1)
        #expect(h.dateString == "1969-12-31")
        #expect(h.hourString == "23")
        #expect(h.partitionPath == "date=1969-12-31/hour=23")
        #expect(h.description == "1969-12-31T23:00:00Z")
        let older = Hour(index: -47)   // 1969-12-30T01:00Z
        #expect(older.start == Date(timeIntervalSince1970: -169_200))
        #expect(older.partitionPath == "date=1969-12-30/hour=01")
        #expect(Hour(index: -24).partitionPath == "date=1969-12-31/hour=00")
        #expect(Hour(index: -25).partitionPath == "date=1969-12-30/hour=23")
        #expect(Hour(index: 0).partitionPath == "date=1970-01-01/hour=00")
        #expect(Hour(parsing: "1969-12-31T23:00:00Z") == h)
    }

    @Test("range(through:) includes both ends, is empty when reversed")
    func range() {
        let a = Hour(index: 100)
        #expect(Hour.range(a, through: a) == [a])
        #expect(Hour.range(a, through: a.advanced(by: 3)).map(\.index) == [100, 101, 102, 103])
        #expect(Hour.range(a.advanced(by: 1), through: a).isEmpty)
        #expect(Hour.range(Hour(index: -2), through: Hour(index: 1)).map(\.index) == [-2, -1, 0, 1])
    }

    @Test("ordering and description")
    func orderingAndDescription() {
        #expect(Hour(index: 1) < Hour(index: 2))
        #expect(!(Hour(index: 2) < Hour(index: 2)))
        #expect(Hour(index: -1) < Hour(index: 0))
        #expect(Hour(containing: Date(timeIntervalSince1970: hour14Seconds + 1234)).description == "2026-11-29T14:00:00Z")
        #expect("\(Hour(index: 0))" == "1970-01-01T00:00:00Z")
    }
}

@Suite("Timestamp")
struct TimestampTests {
    @Test("format writes whole seconds in UTC")
    func format() {
        #expect(Timestamp.format(Date(timeIntervalSince1970: hour14Seconds)) == "2026-11-29T14:00:00Z")
        #expect(Timestamp.format(Date(timeIntervalSince1970: hour14Seconds + 3 * 60 + 7.9)) == "2026-11-29T14:03:07Z")
        #expect(Timestamp.format(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
        #expect(Timestamp.format(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59Z")
    }

    @Test("formatMillis writes three digits of milliseconds")
    func formatMillis() {
        #expect(Timestamp.formatMillis(Date(timeIntervalSince1970: hour14Seconds)) == "2026-11-29T14:00:00.000Z")
        #expect(Timestamp.formatMillis(Date(timeIntervalSince1970: hour14Seconds + 0.5)) == "2026-11-29T14:00:00.500Z")
        #expect(Timestamp.formatMillis(Date(timeIntervalSince1970: hour14Seconds + 59.75)) == "2026-11-29T14:00:59.750Z")
        #expect(Timestamp.formatMillis(Date(timeIntervalSince1970: -0.25)) == "1969-12-31T23:59:59.750Z")
    }

    @Test("formatMillis does not lose a millisecond to floating-point representation")
    func formatMillisExact() {
        #expect(Timestamp.formatMillis(Date(timeIntervalSince1970: hour14Seconds + 0.123)) == "2026-11-29T14:00:00.123Z")
        #expect(Timestamp.formatMillis(Date(timeIntervalSince1970: hour14Seconds + 0.001)) == "2026-11-29T14:00:00.001Z")
    }

    @Test("parse accepts the documented forms", arguments: [
        ("2026-11-29T14:00:00Z", hour14Seconds),
        ("2026-11-29T14:00Z", hour14Seconds),
        ("2026-11-29T14Z", hour14Seconds),
        ("2026-11-29T15:00:00+01:00", hour14Seconds),
        ("2026-11-29T08:30:00-0530", hour14Seconds),
        ("2026-11-29 14:00:00Z", hour14Seconds),
        ("2026-11-29T14:20:05Z", hour14Seconds + 1205),
        ("2026-11-29T14:20Z", hour14Seconds + 1200),
        ("2026-11-29T14:00:00.250Z", hour14Seconds + 0.25),
        ("2026-11-29", hour14Seconds - 50400),
        (" 2026-11-29T14:00:00Z ", hour14Seconds),
    ] as [(String, TimeInterval)])
    func parse(text: String, expected: TimeInterval) throws {
        let date = try #require(Timestamp.parse(text), "\(text) should parse")
        #expect(abs(date.timeIntervalSince1970 - expected) < 0.0005)
    }

    @Test("parse refuses other shapes", arguments: [
        "", "now", "2026-11-29T14", "2026-11-29T14:00", "2026-11-29T24:00:00Z", "2026-11-29T14:60Z", "2026/11/29", "29-11-2026", "2026-11-29T14:00:00",
        "2026-13-01", "2026-02-31", "2026-02-31T10:00:00Z", "2026-11-29T14:00:00.Z", "2026-11-29T14:00:00Zjunk",
        "2026-11-29T14:00:00+25:00",
    ])
    func parseRefuses(text: String) {
        #expect(Timestamp.parse(text) == nil, "\(text) should be refused")
    }

    @Test("parse round-trips format")
    func roundTrip() {
        for offset: TimeInterval in [0, 1, 59, 3600, 86_399, -34_560_000] {
            let date = Date(timeIntervalSince1970: hour14Seconds + offset)
            #expect(Timestamp.parse(Timestamp.format(date)) == date)
        }
    }

    @Test("parseDate gives midnight UTC, and refuses impossible dates and bad shapes")
    func parseDate() {
        #expect(Timestamp.parseDate("2026-11-29") == Date(timeIntervalSince1970: hour14Seconds - 14 * 3600))
        #expect(Timestamp.parseDate("1970-01-01") == Date(timeIntervalSince1970: 0))
        #expect(Timestamp.parseDate("2028-02-29") != nil)
        for bad in ["2026-02-31", "2026-02-29", "2026-04-31", "2026-00-10", "2026-13-10", "2026-01-00", "2026-01-32",
                    "2026-1-05", "26-01-05", "2026-01-5", "2026-01", "2026-01-05-01", "2026-ab-05", "", "2026/01/05",
                    "2026-01-05T00"] {
            #expect(Timestamp.parseDate(bad) == nil, "\(bad) should be refused")
        }
    }
}
