import Foundation

/// A calendar day (proleptic Gregorian), without time or zone: what news dates name.
public struct Day: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// A valid day, or nil (`2022-13-01`, `2022-02-30`).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
            day <= Day.daysIn(month: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`.
    public init?(iso text: String) {
        // Exactly ten ASCII bytes, `YYYY-MM-DD`: read the digits directly (stores and exports
        // parse a date per row).
        var text = text
        let parsed: (Int, Int, Int)? = text.withUTF8 { b in
            guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
            func number(_ range: Range<Int>) -> Int? {
                var n = 0
                for i in range {
                    let digit = Int(b[i]) - 48
                    guard (0...9).contains(digit) else { return nil }
                    n = n * 10 + digit
                }
                return n
            }
            guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
            return (y, m, d)
        }
        guard let (y, m, d) = parsed else { return nil }
        self.init(year: y, month: m, day: d)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 (negative before).
    public var ordinal: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The day `ordinal` days after 1970-01-01.
    public init(ordinal z0: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        month = m
        day = d
    }

    /// The day `days` later (earlier when negative).
    public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }

    /// 0 = Monday … 6 = Sunday (ISO 8601).
    public var weekday: Int { ((ordinal % 7) + 7 + 3) % 7 }

    /// The ISO 8601 week: (week-based year, week number).
    public var isoWeek: (year: Int, week: Int) {
        let thursday = adding(days: 3 - weekday)
        let jan1 = Day(year: thursday.year, month: 1, day: 1)!
        return (thursday.year, (thursday.ordinal - jan1.ordinal) / 7 + 1)
    }

    /// The last day of this day's month.
    public var endOfMonth: Day { Day(year: year, month: month, day: Day.daysIn(month: month, year: year))! }

    /// `YYYY-MM-DD`.
    public var description: String {
        // Built by hand: String(format:) is slow in export loops over millions of features.
        var bytes = [UInt8](repeating: 0x30, count: 10)
        var y = year
        for k in stride(from: 3, through: 0, by: -1) {
            bytes[k] = 0x30 + UInt8(y % 10)
            y /= 10
        }
        bytes[4] = 0x2D
        bytes[5] = 0x30 + UInt8(month / 10)
        bytes[6] = 0x30 + UInt8(month % 10)
        bytes[7] = 0x2D
        bytes[8] = 0x30 + UInt8(day / 10)
        bytes[9] = 0x30 + UInt8(day % 10)
        return String(decoding: bytes, as: UTF8.self)
    }

    public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }

    /// Encodes as `YYYY-MM-DD`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }

    /// Decodes `YYYY-MM-DD`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let text = try c.decode(String.self)
        guard let day = Day(iso: text) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "not a YYYY-MM-DD date: \(text)")
        }
        self = day
    }
}

/// How exactly a text fixes a date.
public enum DatePrecision: String, Codable, Sendable, Hashable, Comparable {
    case day, week, month, year, unknown

    var rank: Int {
        switch self {
        case .day: 0
        case .week: 1
        case .month: 2
        case .year: 3
        case .unknown: 4
        }
    }

    public static func < (a: DatePrecision, b: DatePrecision) -> Bool { a.rank < b.rank }
}

/// A date or range as the text gives it.
public struct DateRange: Hashable, Sendable, Codable {
    public var start: Day
    /// The last day for multi-day spans; nil for one day.
    public var end: Day?
    public var precision: DatePrecision

    public init(start: Day, end: Day? = nil, precision: DatePrecision) {
        self.start = start
        self.end = end == start ? nil : end
        self.precision = precision
    }

    /// The last day covered.
    public var last: Day { end ?? start }

    /// Whether the ranges share a day, with `slackDays` of tolerance.
    public func overlaps(_ other: DateRange, slackDays: Int = 0) -> Bool {
        start.ordinal - slackDays <= other.last.ordinal && other.start.ordinal - slackDays <= last.ordinal
    }
}
