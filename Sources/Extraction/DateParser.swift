import Gazetteer

/// A date expression found in a sentence.
public struct DateMention: Hashable, Sendable {
    /// The date, or nil when it is relative and the article's date is unknown.
    public var range: DateRange?
    /// Token indices covered, within the sentence.
    public var firstToken: Int
    public var lastToken: Int
    /// Whether the expression is relative to the publication date (اليوم، أمس، last Thursday).
    public var relative: Bool
}

/// Reads dates in Arabic and English news: both Arabic month sets (يناير… and كانون الثاني،
/// شباط…) including paired forms ("كانون الثاني/يناير"), Arabic-Indic digits, ordinal day words
/// ("العشرين من"), weekdays, and expressions relative to the publication date (اليوم، أمس، فجر
/// أمس، مساء أمس الأحد، قبل يومين، منذ ثلاثة أيام، الأسبوع الماضي، "last Thursday").
public enum DateParser {
    /// Every date expression of a sentence, in order. `reference` is the publication date.
    /// A weekday written beside a day and month without a year ("الأربعاء 10 تشرين الأول",
    /// "Tuesday, October 4"): evidence of the year when the article's date is unknown.
    struct WeekdayAnchor: Hashable, Sendable {
        let weekday: Int
        let month: Int
        let day: Int
    }

    /// The weekday anchors of a sentence.
    static func weekdayAnchors(in tokens: [Token]) -> [WeekdayAnchor] {
        // Most sentences name no weekday: the vocabulary knows which words do.
        let named = tokens.indices.map { i in
            tokens[i].entry.weekday ?? (i > 0 && tokens[i - 1].entry.isYawm ? tokens[i].entry.weekdayAfterYawm : nil)
        }
        guard named.contains(where: { $0 != nil }) else { return [] }
        let words = tokens.map(\.bare)
        var found = [WeekdayAnchor]()
        for i in tokens.indices {
            guard let wd = named[i] else { continue }
            var j = i + 1
            if j < words.count, let day = Int(words[j]), (1...31).contains(day) {
                j += 1
                if j < words.count, words[j] == "من" { j += 1 }
                if let (month, next) = month(at: j, words), year(at: next, words).0 == nil {
                    found.append(WeekdayAnchor(weekday: wd, month: month, day: day))
                }
            } else if let (month, next) = month(at: j, words), next < words.count, let day = Int(words[next]), (1...31).contains(day),
                year(at: next + 1, words).0 == nil
            {
                found.append(WeekdayAnchor(weekday: wd, month: month, day: day))
            }
        }
        return found
    }

    /// The years in `range` in which every anchor's date falls on its weekday.
    static func years(matching anchors: [WeekdayAnchor], in range: ClosedRange<Int>) -> [Int] {
        range.filter { y in
            anchors.allSatisfy { a in Day(year: y, month: a.month, day: a.day)?.weekday == a.weekday }
        }
    }

    public static func mentions(in tokens: [Token], reference: Day?) -> [DateMention] {
        mentions(in: tokens, reference: reference, year: nil)
    }

    /// Every date expression of a sentence; `year`, when the publication date is unknown but the
    /// year is known otherwise, completes dates written without one.
    static func mentions(in tokens: [Token], reference: Day?, year knownYear: Int?) -> [DateMention] {
        guard tokens.contains(where: \.entry.mayStartDate) else { return [] }
        let words = tokens.map(\.bare)
        let raw = tokens.map(\.entry.lowered)
        var result = [DateMention]()
        var i = 0
        func add(_ range: DateRange?, _ first: Int, _ last: Int, relative: Bool) {
            result.append(DateMention(range: range, firstToken: first, lastToken: last, relative: relative))
            i = last + 1
        }
        while i < tokens.count {
            guard tokens[i].entry.mayStartDate else {
                i += 1
                continue
            }
            let w = words[i]
            // 1. Day number + (من) + month (+ paired month) (+ year).
            if let day = Int(w), (1...31).contains(day), w.count <= 2 {
                var j = i + 1
                if j < words.count, words[j] == "من" || words[j] == "of" { j += 1 }
                if let (month, next) = month(at: j, words) {
                    let (year, after) = year(at: next, words)
                    add(resolve(day: day, month: month, year: year ?? knownYear, reference: reference), i, after - 1, relative: year == nil)
                    continue
                }
                // "الـ 11 من الشهر الجاري" (this month), "5 من الشهر الماضي" (last month).
                if j + 1 < words.count, words[j] == "شهر" {
                    let back: Int? = ["جاري", "حالي"].contains(words[j + 1]) ? 0
                        : ["ماضي", "فايت", "منصرم", "سابق"].contains(words[j + 1]) ? 1 : nil
                    if let back {
                        let range = reference.flatMap { ref -> DateRange? in
                            var (y, m) = (ref.year, ref.month - back)
                            if m == 0 { (y, m) = (y - 1, 12) }
                            return Day(year: y, month: m, day: day).map { DateRange(start: $0, precision: .day) }
                        }
                        add(range, i, j + 1, relative: true)
                        continue
                    }
                }
            }
            // 2. Ordinal words + من + month: "العشرين من كانون الثاني".
            if let (day, next) = ordinalDay(at: i, words), next < words.count, words[next] == "من",
                let (month, afterMonth) = month(at: next + 1, words)
            {
                let (year, after) = year(at: afterMonth, words)
                add(resolve(day: day, month: month, year: year ?? knownYear, reference: reference), i, after - 1, relative: year == nil)
                continue
            }
            // 3. English "January 20, 2022" / "Jan. 20".
            if let (month, next) = month(at: i, words), next < words.count, let day = Int(words[next]),
                (1...31).contains(day), words[next].count <= 2, !PlaceName.isArabic(w)
            {
                let (year, after) = year(at: next + 1, words)
                add(resolve(day: day, month: month, year: year ?? knownYear, reference: reference), i, after - 1, relative: year == nil)
                continue
            }
            // 4. Month + year, or month + "last" (الفائت، الماضي): month precision.
            if let (month, next) = month(at: i, words) {
                let (year, after) = year(at: next, words)
                if let year, let start = Day(year: year, month: month, day: 1) {
                    add(DateRange(start: start, end: start.endOfMonth, precision: .month), i, after - 1, relative: false)
                    continue
                }
                // "in July", "last July", "during August", "في شهر تموز": the last such month up to
                // the reference (this month, or the year before for a later month).
                if i > 0, ["in", "during", "last", "في", "خلال", "شهر", "بشهر"].contains(words[i - 1]), words[i] != "اب", words[i] != "may",
                    words[i] != "mar"
                {
                    if let reference {
                        var y = reference.year
                        if month > reference.month || (words[i - 1] == "last" && month == reference.month) { y -= 1 }
                        let start = Day(year: y, month: month, day: 1)!
                        add(DateRange(start: start, end: start.endOfMonth, precision: .month), i, next - 1, relative: true)
                    } else {
                        add(nil, i, next - 1, relative: true)
                    }
                    continue
                }
                if next < words.count, ["فايت", "ماضي", "منصرم", "last", "past"].contains(words[next]) {
                    if let reference {
                        var y = reference.year
                        if month >= reference.month { y -= 1 }
                        let start = Day(year: y, month: month, day: 1)!
                        add(DateRange(start: start, end: start.endOfMonth, precision: .month), i, next, relative: true)
                    } else {
                        add(nil, i, next, relative: true)
                    }
                    continue
                }
            }
            // 4b. A year alone: "in 2014", "عام 2014", "في 2017"; not "منذ 2014" / "since 2014", a period.
            if let y = tokens[i].entry.number, (1990...2100).contains(y), w.utf8.count == 4, i > 0,
                ["في", "عام", "سنه", "خلال", "in", "during"].contains(words[i - 1]),
                !(i > 1 && ["منذ", "since"].contains(words[i - 2])),
                let start = Day(year: y, month: 1, day: 1), let end = Day(year: y, month: 12, day: 31)
            {
                add(DateRange(start: start, end: end, precision: .year), i - 1, i, relative: false)
                continue
            }
            // 5. Relative expressions.
            if let (offset, length, precision) = relative(at: i, words, raw) {
                let range = reference.map { ref -> DateRange in
                    let day = ref.adding(days: offset)
                    switch precision {
                    case .week: return DateRange(start: day.adding(days: -day.weekday), end: day.adding(days: 6 - day.weekday), precision: .week)
                    case .month:
                        let first = Day(year: day.year, month: day.month, day: 1)!
                        return DateRange(start: first, end: first.endOfMonth, precision: .month)
                    default: return DateRange(start: day, precision: .day)
                    }
                }
                var last = i + length - 1
                // "أمس الأحد": the weekday only confirms the relative day.
                if last + 1 < words.count, weekday(at: last + 1, words, raw) != nil { last += 1 }
                add(range, i, last, relative: true)
                continue
            }
            // 6. Weekdays: the most recent such day on or before the publication date; a weekday
            // right before a full date ("الاثنين، ٢٠ يونيو ٢٠٢٢") only names that date's day.
            if let wd = weekday(at: i, words, raw) {
                if i + 1 < words.count, let n = Int(words[i + 1]), (1...31).contains(n), month(at: i + 2, words) != nil
                    || (i + 2 < words.count && words[i + 2] == "من")
                {
                    i += 1
                    continue
                }
                var last = i
                var end: Int?
                // "(الأربعاء - الخميس)": a night across two days.
                if i + 1 < words.count, let wd2 = weekday(at: i + 1, words, raw), wd2 == (wd + 1) % 7 {
                    end = wd2
                    last = i + 1
                }
                // "last Saturday", "السبت الفائت/الماضي": the one before, never the publication day.
                var strictlyBefore = i > 0 && ["last", "previous"].contains(words[i - 1])
                if end == nil, i + 1 < words.count, ["فايت", "ماضي", "منصرم"].contains(words[i + 1]) {
                    strictlyBefore = true
                    last = i + 1
                }
                let range = reference.map { ref -> DateRange in
                    var back = (ref.weekday - wd + 7) % 7
                    if strictlyBefore, back == 0 { back = 7 }
                    let start = ref.adding(days: -back)
                    if end != nil { return DateRange(start: start, end: start.adding(days: 1), precision: .day) }
                    return DateRange(start: start, precision: .day)
                }
                add(range, i, last, relative: true)
                continue
            }
            i += 1
        }
        // "من اليوم ... ولغاية 31 كانون الثاني": join a start and an end into one range.
        var joined = [DateMention]()
        for mention in result {
            let joiners: Set<String> = ["لغايه", "حتي", "الي", "until", "to", "through"]
            func joins(_ k: Int) -> Bool { k >= 0 && tokens[k].forms.contains { joiners.contains($0) } }
            if let previous = joined.last, mention.firstToken > 0,
                joins(mention.firstToken - 1) || joins(mention.firstToken - 2),
                let a = previous.range, let b = mention.range, a.start <= b.last
            {
                joined[joined.count - 1].range = DateRange(start: a.start, end: b.last, precision: a.precision)
                joined[joined.count - 1].lastToken = mention.lastToken
            } else {
                joined.append(mention)
            }
        }
        return joined
    }

    /// A publication date from a dateline near the top: "الاثنين، ٢٠ يونيو ٢٠٢٢".
    public static func dateline(in tokens: [Token]) -> Day? {
        for m in mentions(in: tokens, reference: nil) where !m.relative {
            if let r = m.range, r.precision == .day { return r.start }
        }
        return nil
    }

    /// Words other than numbers that can begin a date expression (see ``mentions(in:reference:)``).
    static let startWords: Set<FastKey> = Set(
        (Array(months.keys) + Array(ordinals.keys) + [
            "كانون", "تشرين", "حادي", "اول", "امس", "yesterday", "يوم", "today", "tonight", "ليله", "قبل", "منذ",
            "ago", "اسبوع", "شهر", "last",
        ]).map(FastKey.init))

    /// Whether a word (its article-free form and its lower-cased folded form) can begin a date.
    static func mayStart(bare: String, lowered: String) -> Bool {
        if !bare.isEmpty, bare.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return true }
        if startWords.contains(FastKey(bare)) || Numbers.value(of: bare) != nil { return true }
        return weekday(lowered: lowered) != nil || weekday(afterYawm: bare) != nil
    }

    static func resolve(day: Int, month: Int, year: Int?, reference: Day?) -> DateRange? {
        if let year { return Day(year: year, month: month, day: day).map { DateRange(start: $0, precision: .day) } }
        guard let reference else { return nil }
        // The latest such day not more than a week after the publication date.
        for y in [reference.year + 1, reference.year, reference.year - 1] {
            if let d = Day(year: y, month: month, day: day), d.ordinal <= reference.ordinal + 7 {
                return DateRange(start: d, precision: .day)
            }
        }
        return nil
    }

    static let months: [String: Int] = [
        "يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "مايو": 5, "يونيو": 6, "يوليو": 7, "اغسطس": 8, "سبتمبر": 9,
        "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12, "شباط": 2, "اذار": 3, "نيسان": 4, "ايار": 5, "حزيران": 6, "تموز": 7,
        "اب": 8, "ايلول": 9, "يونيه": 6, "يوليه": 7, "january": 1, "february": 2, "march": 3, "april": 4, "may": 5,
        "june": 6, "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1,
        "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    ]

    /// A month name at `i` (with the paired form after a slash skipped); returns the month and the next index.
    static func month(at i: Int, _ words: [String]) -> (Int, Int)? {
        guard i < words.count else { return nil }
        var month: Int?
        var next = i + 1
        let w = words[i]
        if w == "كانون" || w == "تشرين", i + 1 < words.count {
            let second = words[i + 1]
            if second == "ثاني" { month = w == "كانون" ? 1 : 11 }
            if second == "اول" { month = w == "كانون" ? 12 : 10 }
            next = i + 2
        } else if let m = months[w] {
            // "اب" and "may" are ordinary words too: only as months beside a number.
            if w == "اب" || w == "may" || w == "mar" {
                let before = i > 0 ? Int(words[i - 1]) : nil
                let after = i + 1 < words.count ? Int(words[i + 1]) : nil
                guard before != nil || after != nil else { return nil }
            }
            month = m
        }
        guard let found = month else { return nil }
        // Paired forms: "كانون الثاني/يناير", "يونيو/حزيران".
        if next < words.count, let paired = months[words[next]], paired == found { next += 1 }
        return (found, next)
    }

    static func year(at i: Int, _ words: [String]) -> (Int?, Int) {
        var j = i
        if j < words.count, words[j] == "عام" || words[j] == "سنه" { j += 1 }
        if j < words.count, words[j].count == 4, let y = Int(words[j]), (1900...2100).contains(y) { return (y, j + 1) }
        return (nil, i)
    }

    static let ordinals: [String: Int] = [
        "اول": 1, "ثاني": 2, "ثالث": 3, "رابع": 4, "خامس": 5, "سادس": 6, "سابع": 7, "ثامن": 8, "تاسع": 9, "عاشر": 10,
        "عشرين": 20, "ثلاثين": 30,
    ]

    /// "العشرين", "الحادي عشر", "الخامس والعشرين", "الحادي والثلاثين" at `i`: the day and the next index.
    static func ordinalDay(at i: Int, _ words: [String]) -> (Int, Int)? {
        guard i < words.count else { return nil }
        let first = words[i] == "حادي" ? 1 : ordinals[words[i]]
        guard let units = first else { return nil }
        if i + 1 < words.count, words[i + 1] == "عشر", units < 10 { return (units + 10, i + 2) }
        if i + 1 < words.count, units < 10 {
            let tens = words[i + 1].hasPrefix("و") ? String(words[i + 1].dropFirst()) : words[i + 1]
            let bareTens = tens.hasPrefix("ال") ? String(tens.dropFirst(2)) : tens
            if bareTens == "عشرين" { return (20 + units, i + 2) }
            if bareTens == "ثلاثين", units == 1 { return (31, i + 2) }
        }
        return units == 1 ? nil : (units, i + 1)
    }

    static let weekdays: [String: Int] = [
        "الاثنين": 0, "الثلاثا": 1, "الاربعا": 2, "الخميس": 3, "الجمعه": 4, "السبت": 5, "الاحد": 6, "monday": 0,
        "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    ]

    static func weekday(at i: Int, _ words: [String], _ raw: [String]) -> Int? {
        guard i < raw.count else { return nil }
        if let d = weekday(lowered: raw[i]) { return d }
        if i > 0, words[i - 1] == "يوم", let d = weekday(afterYawm: words[i]) { return d }
        return nil
    }

    /// The weekday a word names by itself ("الأحد", "والسبت", "Friday").
    static func weekday(lowered: String) -> Int? {
        var w = lowered
        for prefix in ["وال", "بال", "فال"] where w.hasPrefix(prefix) { w = "ال" + w.dropFirst(3) }
        return weekdays[w]
    }

    /// The weekday a bare word names after "يوم" ("يوم أحد").
    static func weekday(afterYawm bare: String) -> Int? { weekdays["ال" + bare] }

    /// (days from the reference, tokens used, precision) for a relative expression at `i`.
    static func relative(at i: Int, _ words: [String], _ raw: [String]) -> (Int, Int, DatePrecision)? {
        let w = words[i]
        let next = i + 1 < words.count ? words[i + 1] : ""
        let next2 = i + 2 < words.count ? words[i + 2] : ""
        switch w {
        case "اول" where next == "امس", "امس" where next == "اول":
            return (-2, 2, .day)
        case "امس", "yesterday":
            return (-1, 1, .day)
        case "يوم" where raw[i] == "اليوم", "today", "tonight":
            return (0, 1, .day)
        case "ليله" where raw[i] == "الليله":
            return (0, 1, .day)
        case "قبل", "منذ", "ago":
            if next == "يومين" { return (-2, 2, .day) }
            if next == "يوم" || next == "ساعات" { return (-1, 2, .day) }
            if let n = Numbers.value(of: next), ["ايام", "يوما"].contains(next2) { return (-n, 3, .day) }
            if next == "اسبوع" || next == "اسبوعين" { return (next == "اسبوع" ? -7 : -14, 2, .week) }
        case "اسبوع" where ["ماضي", "فايت", "منصرم"].contains(next):
            return (-7, 2, .week)
        case "شهر" where ["ماضي", "فايت", "منصرم"].contains(next):
            return (-28, 2, .month)
        case "last" where next == "week":
            return (-7, 2, .week)
        case "last" where next == "month":
            return (-28, 2, .month)
        default:
            if ["days", "day"].contains(next), next2 == "ago", let n = Numbers.value(of: w) { return (-n, 3, .day) }
        }
        return nil
    }
}
