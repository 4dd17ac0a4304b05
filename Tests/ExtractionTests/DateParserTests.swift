import Testing

@testable import Extraction

@Suite("Dates in Arabic and English")
struct DateParserTests {
    let monday = Fixtures.day("2022-01-24")

    func first(_ text: String, reference: Day? = Fixtures.day("2022-01-24")) -> DateRange? {
        DateParser.mentions(in: Fixtures.tokens(text), reference: reference).first?.range
    }

    @Test(
        "Both Arabic month sets, paired forms, Arabic-Indic digits",
        arguments: [
            ("في 20 يناير 2022", "2022-01-20"), ("في 20 كانون الثاني 2022", "2022-01-20"),
            ("في 20 كانون الثاني/يناير 2022", "2022-01-20"), ("الاثنين، ٢٠ يونيو ٢٠٢٢", "2022-06-20"),
            ("في ٣ شباط ٢٠٢٦", "2026-02-03"), ("يوم 1 تشرين الأول 2019", "2019-10-01"),
            ("في 9 تشرين الثاني 2019", "2019-11-09"), ("في 31 كانون الأول 2021", "2021-12-31"),
            ("في 5 آذار 2025", "2025-03-05"), ("في 10 أيار 2024", "2024-05-10"), ("في 2 آب 2020", "2020-08-02"),
            ("في 7 أيلول 2018", "2018-09-07"), ("في 12 حزيران 2022", "2022-06-12"), ("في 4 تموز 2022", "2022-07-04"),
            ("في 15 نيسان 2022", "2022-04-15"), ("January 20, 2022", "2022-01-20"), ("on 20 January 2022", "2022-01-20"),
        ])
    func absolute(_ pair: (String, String)) throws {
        let range = try #require(first(pair.0))
        #expect(range.start.description == pair.1)
        #expect(range.precision == .day)
    }

    @Test("Ordinal day words: العشرين من كانون الثاني")
    func ordinals() throws {
        #expect(first("في العشرين من كانون الثاني/يناير الجاري")?.start.description == "2022-01-20")
        #expect(first("في الحادي والعشرين من كانون الثاني")?.start.description == "2022-01-21")
        #expect(first("في الخامس من شباط 2022")?.start.description == "2022-02-05")
    }

    @Test("A day and month without a year take the year that puts them before the article")
    func yearInference() {
        #expect(first("في 28 كانون الأول", reference: Fixtures.day("2022-01-05"))?.start.description == "2021-12-28")
        #expect(first("في 3 كانون الثاني", reference: Fixtures.day("2022-01-05"))?.start.description == "2022-01-03")
    }

    @Test(
        "Relative expressions against the publication date (Monday 2022-01-24)",
        arguments: [
            ("اليوم", "2022-01-24"), ("أمس", "2022-01-23"), ("فجر أمس", "2022-01-23"), ("مساء أمس الأحد", "2022-01-23"),
            ("قبل يومين", "2022-01-22"), ("منذ ثلاثة أيام", "2022-01-21"), ("أول أمس", "2022-01-22"),
            ("يوم الخميس", "2022-01-20"), ("الجمعة", "2022-01-21"), ("yesterday", "2022-01-23"), ("today", "2022-01-24"),
            ("last Thursday", "2022-01-20"), ("two days ago", "2022-01-22"), ("مساء اليوم الاثنين", "2022-01-24"),
        ])
    func relative(_ pair: (String, String)) throws {
        let mention = try #require(DateParser.mentions(in: Fixtures.tokens(pair.0), reference: monday).first)
        #expect(mention.relative)
        #expect(mention.range?.start.description == pair.1)
    }

    @Test("Precision is kept: weeks and months")
    func precision() throws {
        let lastWeek = try #require(first("الأسبوع الماضي"))
        #expect(lastWeek.precision == .week)
        let month = try #require(first("خلال كانون الثاني الفائت", reference: Fixtures.day("2022-06-20")))
        #expect(month.precision == .month)
        #expect(month.start.description == "2022-01-01")
        #expect(month.end?.description == "2022-01-31")
        let monthYear = try #require(first("في كانون الثاني 2022"))
        #expect(monthYear.precision == .month)
        // A year alone is a year, not a period "since" it.
        for text in ["captured in 2014", "سيطر عليها التنظيم عام 2014", "سيطر عليها التنظيم في 2014"] {
            let year = try #require(first(text))
            #expect(year.precision == .year)
            #expect(year.start.description == "2014-01-01")
            #expect(year.end?.description == "2014-12-31")
        }
        #expect(first("تسيطر عليها منذ عام 2019") == nil)
        #expect(first("held since 2019") == nil)
    }

    @Test("A month named alone is the last such month up to the article: 'in July', 'last July', 'في شهر تموز'")
    func monthAlone() throws {
        let august = Fixtures.day("2014-08-09")
        for text in ["ISIS captured Division 17 in July", "fighting last July", "في شهر تموز", "خلال تموز"] {
            let july = try #require(first(text, reference: august), "\(text)")
            #expect(july.precision == .month, "\(text)")
            #expect(july.start.description == "2014-07-01", "\(text)")
        }
        // A later month than the article's is the year before's; "last" before this month too.
        #expect(first("in October", reference: august)?.start.description == "2013-10-01")
        #expect(first("in August", reference: august)?.start.description == "2014-08-01")
        #expect(first("last August", reference: august)?.start.description == "2013-08-01")
        // "may" and "اب" alone are words, not months.
        #expect(first("in may be", reference: august) == nil)
    }

    @Test("Ranges: من اليوم ولغاية 31 كانون الثاني, and a night across two weekdays")
    func ranges() throws {
        let curfew = try #require(first("اعتباراً من اليوم الاثنين ولغاية 31 كانون الثاني/ يناير الجاري"))
        #expect(curfew.start.description == "2022-01-24")
        #expect(curfew.end?.description == "2022-01-31")
        let night = try #require(first("ليلةً (الأربعاء - الخميس)", reference: Fixtures.day("2022-01-28")))
        #expect(night.start.description == "2022-01-26")
        #expect(night.end?.description == "2022-01-27")
    }

    @Test("Without a publication date, relative dates stay unresolved instead of guessing today")
    func unresolved() throws {
        let mention = try #require(DateParser.mentions(in: Fixtures.tokens("أمس"), reference: nil).first)
        #expect(mention.range == nil)
        #expect(first("في 20 كانون الثاني 2022", reference: nil)?.start.description == "2022-01-20")
    }

    @Test("Invalid dates are not dates")
    func invalid() {
        #expect(first("في 31 شباط 2022") == nil)
        #expect(Day(iso: "2022-13-01") == nil)
        #expect(Day(iso: "2022-02-30") == nil)
    }

    @Test("Day arithmetic and ISO weeks")
    func dayArithmetic() {
        let d = Fixtures.day("2022-01-24")
        #expect(d.weekday == 0)
        #expect(d.adding(days: -24).description == "2021-12-31")
        #expect(Day(ordinal: d.ordinal) == d)
        #expect(Fixtures.day("2022-01-03").isoWeek == (2022, 1))
        #expect(Fixtures.day("2021-01-03").isoWeek == (2020, 53))
    }

    @Test("A day of this month or last month: \"الـ 11 من الشهر الجاري\", \"5 من الشهر الماضي\"")
    func dayOfNamedMonth() {
        let reference = Fixtures.day("2020-11-19")
        #expect(first("في الـ 11 من الشهر الجاري", reference: reference)?.start.description == "2020-11-11")
        #expect(first("في 5 من الشهر الماضي", reference: reference)?.start.description == "2020-10-05")
        #expect(first("في 20 من الشهر الماضي", reference: Fixtures.day("2021-01-03"))?.start.description == "2020-12-20")
        #expect(first("في الـ 11 من الشهر الجاري", reference: nil) == nil)
    }

    @Test("A weekday followed by الفائت/الماضي is the one before the publication day, never that day")
    func lastWeekday() {
        // 2020-11-19 is a Thursday; the Saturday before is 2020-11-14.
        #expect(first("قتل السبت الفائت في بلدة الشحيل", reference: Fixtures.day("2020-11-19"))?.start.description == "2020-11-14")
        // Published on a Saturday: "السبت الماضي" is a week earlier, not the same day.
        #expect(first("السبت الماضي", reference: Fixtures.day("2020-11-14"))?.start.description == "2020-11-07")
    }
}
