import Foundation
import Gazetteer
import IncidentGeodesy
import Testing

@testable import Extraction

@Suite("Extraction from articles")
struct ExtractorTests {
    let extractor = Fixtures.extractor

    func extract(_ text: String, published: String? = "2022-01-24") -> Extraction {
        extractor.extract(Article(id: "t", source: "test", text: text, published: published.flatMap(Day.init(iso:))))
    }

    @Test("Arabic written in presentation forms (old pages, PDFs) is read as Arabic")
    func presentationForms() throws {
        let result = extract("شن طيران التحالف الدولي غارات اليوم استهدفت مناطق ﺍﻟﻤﻮﻝ ﻓﻲ ﺍﻟﺸﺪﺍﺩﻱ.", published: "2016-02-21")
        let strike = try #require(result.incidents.first { $0.type == .strike })
        #expect(strike.place.name == "al-Shaddadi")
        #expect(result.mentions.first?.surface == "ﺍﻟﺸﺪﺍﺩﻱ")
    }

    @Test("'مفرق' before a place is a junction, not the Jordanian city al-Mafraq")
    func junction() {
        let result = extract("قتل عنصر من قسد إثر استهداف مسيرة تركية لسيارة بالقرب من مفرق قرية دوكركا شرق القامشلي.", published: "2023-09-02")
        #expect(!result.mentions.contains { $0.place.country == "JO" }, "\(result.mentions.map(\.place.name))")
        #expect(result.incidents.contains { $0.type == .strike })
    }

    @Test("Places with attached clitics are found, and the surface drops the clitic")
    func clitics() {
        let result = extract("اشتباكات عنيفة في الحسكة والشدادي وبالرقة.")
        let names = Set(result.mentions.map(\.place.name))
        #expect(names.isSuperset(of: ["al-Hasakah", "al-Shaddadi", "Raqqa"]))
        #expect(result.mentions.contains { $0.surface == "الشدادي" })
    }

    @Test("A facility named inside an organisation name is the facility")
    func facilityInName() throws {
        let result = extract("هاجم مسلحو داعش سجن الشدادي فجر اليوم.")
        let mention = try #require(result.mentions.first { $0.place.kind == .prison })
        #expect(mention.place.name == "al-Shaddadi prison")
        let incident = try #require(result.incidents.first)
        #expect(incident.type == .attack)
        #expect(incident.place.name == "al-Shaddadi prison")
        #expect(incident.actors.first == .isis)
        #expect(incident.date?.start.description == "2022-01-24")
    }

    @Test("A list of facilities runs past the town one of them is in: each listed field is an incident")
    func facilityList() {
        // "التنـك" is written with a tatweel, as in the seed article.
        let result = extract("وأعلن الجيش أنه استعاد السيطرة على حقل العمر، وحقل كونكو للغاز في دير الزور، إلى جانب حقول الصفيان والتنـك والرصافة.")
        let places = Set(result.incidents.filter { $0.type == .controlChange }.map(\.place.name))
        #expect(
            places.isSuperset(of: ["al-Omar oil field", "Conoco gas field", "al-Safyan oil field", "al-Tanak oil field", "al-Rusafa oil node"]),
            "\(places)")
        // Listed after "حقول", al-Rusafa is the oil node, not the town of that name.
        #expect(!places.contains("al-Rusafa"))
        // "في دير الزور" says where Conoco is; nothing changed hands in the city.
        #expect(!places.contains("Deir ez-Zor"))
    }

    @Test(
        "Counts in digits, Arabic-Indic digits and words",
        arguments: [
            ("اعتقلت قوات سوريا الديمقراطية ثلاثة عناصر من داعش في الحسكة.", 3),
            ("هروب نحو 30 سجيناً من سجن الرقة المركزي.", 30),
            ("ألقت الآسايش القبض على ٥٠٠ عنصر في الحسكة.", 500),
            ("فرار حوالى 3500 معتقل من سجن الصناعة.", 3500),
        ])
    func counts(_ pair: (String, Int)) throws {
        let incident = try #require(extract(pair.0).incidents.first)
        #expect(incident.people == pair.1)
    }

    @Test("Deaths are fatalities, not people")
    func fatalities() throws {
        let incident = try #require(extract("أعلن الجيش مقتل ثلاثة جنود في هجوم على مواقعه قرب الحسكة.").incidents.first { $0.type == .attack })
        #expect(incident.fatalities == 3)
    }

    @Test("Denials and accusations mark an incident disputed; a plain report does not")
    func disputes() throws {
        let disputed = try #require(extract("اتهمت دمشق قسد بإطلاق سراح عناصر داعش من سجن الشدادي، ونفت قسد ذلك.").incidents.first)
        #expect(disputed.type == .escape)
        #expect(disputed.disputed)
        let plain = try #require(extract("فر عشرات السجناء من سجن الشدادي فجر اليوم.").incidents.first)
        #expect(!plain.disputed)
    }

    @Test("Who claims it: an outlet or an actor")
    func claims() throws {
        let sana = try #require(extract("ونقلت وكالة سانا أن قوات الجيش بدأت دخول مدينة الشدادي.").incidents.first)
        #expect(sana.claimedBy == "SANA")
        let sdf = try #require(extract("قالت قسد إن فصائل دمشق تشن هجمات على سجن الأقطان.").incidents.first)
        #expect(sdf.claimedBy == "SDF")
    }

    @Test("Warnings and hypotheticals are not incidents")
    func notIncidents() {
        #expect(extract("وحذرت الحكومة من مغبة تسهيل فرار محتجزي داعش من سجن الشدادي.").incidents.isEmpty)
        #expect(extract("تعهدت الحكومة بعدم فرار أي من عناصر داعش من سجن الصناعة.").incidents.isEmpty)
    }

    @Test("A list of places after one cue gives one incident per place")
    func lists() {
        let result = extract("قالت قسد إن فصائل الحكومة تواصل هجماتها في عين عيسى والشدادي والرقة.")
        let places = Set(result.incidents.filter { $0.type == .attack }.map(\.place.name))
        #expect(places == ["Ain Issa", "al-Shaddadi", "Raqqa"])
    }

    @Test("The same incident told twice in one article is one incident with two sources")
    func mergeWithinArticle() throws {
        let result = extract("هاجم تنظيم داعش سجن الصناعة في الحسكة اليوم. وكان هجوم داعش على سجن الصناعة قد بدأ فجر اليوم.")
        let attacks = result.incidents.filter { $0.type == .attack }
        #expect(attacks.count == 1)
        #expect(try #require(attacks.first).sources.count == 2)
    }

    @Test("Reports of one incident in several articles merge across articles (seeds 003 and 004)")
    func mergeAcrossArticles() throws {
        let gold = try Evaluation.readGold(path: Fixtures.gold.path)
        var all = [Incident]()
        for id in ["seed-003", "seed-004"] {
            let document = try #require(gold.first { $0.id == id })
            all += extractor.extract(try Evaluation.article(for: document, goldPath: Fixtures.gold.path)).incidents
        }
        let merged = Extractor.merge(all, maxKilometers: 2)
        #expect(merged.count < all.count)
        #expect(merged.contains { Set($0.sources.map(\.document)) == ["seed-003", "seed-004"] })
    }

    @Test("Provenance: every incident's span is its sentence in the article text")
    func provenance() throws {
        let url = Fixtures.seeds.appendingPathComponent("004_1325d8aa5cf6f91d.txt")
        let article = try ArticleReader.read(path: url.path)
        let result = extractor.extract(article)
        #expect(!result.incidents.isEmpty)
        let scalars = Array(article.text.unicodeScalars)
        for incident in result.incidents {
            for source in incident.sources {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[source.start..<source.end])
                #expect(String(view) == source.sentence)
            }
        }
    }

    @Test("The dateline gives the publication date when no metadata does")
    func dateline() throws {
        let url = Fixtures.seeds.appendingPathComponent("002_1cb9153abf1d5d28.txt")
        let result = extractor.extract(try ArticleReader.read(path: url.path))
        #expect(result.article.published?.description == "2022-06-20")
        #expect(result.warnings.isEmpty)
    }

    @Test("A lead that says what happened before saying when takes the day the next paragraph names")
    func leadDate() throws {
        let text = """
            اشتباكات في سجن الصناعة
            عادت الاشتباكات إلى محيط سجن الصناعة في الحسكة.
            وعاش سكان المدينة ليلة الأربعاء من الرعب.
            """
        let result = extract(text, published: "2022-01-28")
        let clash = try #require(result.incidents.first { $0.type == .clash })
        #expect(clash.date?.start.description == "2022-01-26")
        #expect(!clash.dateInferred)
    }

    @Test("A report without a date happened on the day of publication or the day before, never after; marked inferred")
    func undatedReport() throws {
        let result = extract("أعلنت مصادر عسكرية أن الجيش استعاد السيطرة على حقل العمر النفطي.", published: "2026-01-19")
        let incident = try #require(result.incidents.first { $0.type == .controlChange })
        #expect(incident.date?.start.description == "2026-01-18")
        #expect(incident.date?.last.description == "2026-01-19")
        #expect(incident.dateInferred)
        // A date in the text is kept as it is, not widened.
        let dated = try #require(extract("استعاد الجيش أمس السيطرة على حقل العمر النفطي.", published: "2026-01-19").incidents.first)
        #expect(dated.date?.start.description == "2026-01-18")
        #expect(dated.date?.end == nil)
        #expect(!dated.dateInferred)
    }

    @Test("Without a date anywhere, relative dates stay unresolved and the user is told")
    func noDate() {
        let result = extract("هاجم تنظيم داعش سجن الصناعة أمس.", published: nil)
        #expect(result.warnings.contains { $0.contains("unknown") })
        #expect(result.incidents.allSatisfy { $0.date == nil })
    }

    @Test("Site furniture is dropped: breadcrumbs, share buttons, related-article teasers")
    func cleaning() {
        let text = """
            الرئيسية » أخبار » هجوم على سجن الشدادي
            هاجم تنظيم داعش سجن الشدادي اليوم.
            شارك المقال على:
            قد يُعجبك أيضاً
            اشتباكات في القامشلي
            """
        let result = extract(text)
        #expect(!result.mentions.contains { $0.place.name == "Qamishli" })
        #expect(result.incidents.count == 1)
    }

    @Test("Furniture markers are found however the site writes them: hamza, harakat, tatweel, capitals")
    func markerSpellings() {
        #expect(Cleaner.foldForMarkers("قدْ يُعجبـك أيضاً") == "قد يعجبك ايضا")
        #expect(Cleaner.foldForMarkers("مقالات ذات صلة") == "مقالات ذات صله")
        #expect(Cleaner.foldForMarkers("Related ARTICLES — Élan") == "related articles — élan")
        let text = """
            هاجم تنظيم داعش سجن الشدادي اليوم.
            اقرأ أيضـاً:
            اشتباكات في القامشلي
            """
        #expect(!extract(text).mentions.contains { $0.place.name == "Qamishli" })
    }

    @Test("Seed scores: toponym F1 at least 0.95 and incident F1 at least 0.8 on the seeds' gold")
    func seedScores() throws {
        let gold = try Evaluation.readGold(path: Fixtures.gold.path)
        let (report, _) = try Evaluation.run(gold: gold, goldPath: Fixtures.gold.path, extractor: extractor)
        #expect(report.toponyms.f1 >= 0.95)
        #expect(report.toponyms.within_tolerance >= 0.95)
        #expect(report.incidents.f1 >= 0.8)
    }
}

@Suite("English news")
struct EnglishExtractionTests {
    let extractor = Fixtures.extractor

    func extract(_ text: String, published: String = "2022-01-21") -> Extraction {
        extractor.extract(Article(id: "en", source: "test", text: text, published: Day(iso: published), language: "en"))
    }

    @Test("Spellings the gazetteer lacks are found by sound: Ghweran prison is Ghuwayran prison")
    func soundAlike() throws {
        let result = extract("Islamic State fighters attacked Ghweran prison in the city of Hasakah on Thursday night.")
        let attack = try #require(result.incidents.first { $0.type == .attack })
        #expect(attack.place.kind == .prison)
        #expect(attack.place.name.hasPrefix("Ghuwayran"))
        #expect(attack.date?.start.description == "2022-01-20")
        #expect(attack.actors.first == .isis)
    }

    @Test("Names after a lower-case article are names; acronyms and sentence words are not places")
    func capitalisation() {
        let result = extract("A drone strike killed two ISIS commanders near al-Busayrah, SANA reported.")
        #expect(result.mentions.map(\.place.name) == ["al-Busayrah"])
        let strike = result.incidents.first { $0.type == .strike }
        #expect(strike?.fatalities == 2)
    }

    @Test("Datelines, sound-alike English words and Hijri months are not places")
    func notPlaces() {
        let english = extract(
            "ERBIL (Rudaw) - Human Rights Watch said on Monday that in July the SDF detained dozens in Ghweiran, Rudaw learned.")
        let names = english.mentions.map(\.place.name)
        #expect(!names.contains("Erbil"))
        #expect(names.count == 1)
        #expect(names.first?.hasPrefix("Ghuwayran") == true)
        let arabic = extract("اندلعت اشتباكات في العاشر من ذي الحجة قرب البصيرة، واعتقلت قسد قياديا في قرية الحجة.")
        #expect(arabic.mentions.map(\.place.name).sorted() == ["al-Busayrah", "al-Hajnah"])
    }

    @Test("A village on the banks of a river happened in the village, not at the river's label point")
    func riverBank() throws {
        let result = extract(
            "A civilian was wounded in Hiwayja Fhiman in the countryside of al-Basira on the banks of the Euphrates River, when ISIS gunmen opened fire on Monday.",
            published: "2021-06-22")
        let attack = try #require(result.incidents.first { $0.type == .attack })
        #expect(attack.place.kind != .river)
        let busayrah = try #require(result.mentions.first { $0.place.name == "al-Busayrah" }).place
        #expect(Geodesic.distanceMeters(from: attack.place.coordinate, to: busayrah.coordinate) < 15_000)
    }

    @Test("A river with no place on it is not where something happened")
    func riverIsNoPlace() {
        let result = extract(
            "Tribal fighters clashed with the SDF in Diban on Sunday. A tribal leader called on the people of the Euphrates to fight the SDF, and clashes erupted again.",
            published: "2023-09-25")
        #expect(!result.incidents.isEmpty)
        #expect(result.incidents.allSatisfy { $0.place.kind != .river }, "\(result.incidents.map { ($0.type, $0.place.name) })")
    }

    @Test("'The town' and 'the large village' point back to the last town named")
    func englishAnaphora() throws {
        let result = extract(
            "Kurdish-led forces seized the town of Hajin from the Islamic State group on Friday. The operation was completed at dawn, a day after SDF forces fanned out across the large village in the Euphrates valley.",
            published: "2018-12-14")
        let deployment = try #require(result.incidents.first { $0.type == .deployment })
        #expect(deployment.place.name == "Hajin")
        // "The village of X" names X; it does not point back.
        let named = extract("SDF forces entered Hajin on Friday. On Saturday they deployed in the village of Gerdahol.", published: "2018-12-14")
        #expect(!named.mentions.contains { $0.isAnaphor && $0.surface == "village" })
    }

    @Test("Recaptured escapees are an arrest with a count, not an escape")
    func recaptured() throws {
        let result = extract("The SDF said it had recaptured 89 escaped prisoners in Hasakah.")
        let arrest = try #require(result.incidents.first)
        #expect(arrest.type == .arrest)
        #expect(arrest.people == 89)
        #expect(!result.incidents.contains { $0.type == .escape })
    }

    @Test("Deaths counted a few words before the verb")
    func killed() throws {
        let result = extract("At least 28 fighters and 5 civilians were killed in clashes in Hasakah, the SDF said.")
        let clash = try #require(result.incidents.first { $0.type == .clash })
        #expect(clash.fatalities != nil)
        #expect(clash.claimedBy == "SDF")
    }
}

@Suite("Event cues, negation and where an incident happened")
struct IncidentRuleTests {
    let extractor = Fixtures.extractor

    func extract(_ text: String, published: String = "2022-01-24") -> Extraction {
        extractor.extract(Article(id: "t", source: "test", text: text, published: Day(iso: published)))
    }

    @Test(
        "Killings by gunfire, assassinations, executions, explosions and targeting verbs are attacks",
        arguments: [
            "قتل مدنيان إثر إطلاق النار عليهما من قبل مجهولين في بلدة الشحيل.",
            "اغتيال أحد وجهاء العشائر في بلدة الشحيل برصاص مجهولين.",
            "نفذ عناصر التنظيم عملية إعدام بحق شاب في بلدة الشحيل.",
            "استهدفت خلايا داعش حاجزاً لقوات سوريا الديمقراطية في بلدة ذيبان.",
            "Gunmen shot dead a civilian in al-Shuhayl.",
        ])
    func attackCues(_ text: String) {
        let incidents = extract(text).incidents
        #expect(incidents.contains { $0.type == .attack && ["al-Shuhayl", "Dhiban", "Diban"].contains($0.place.name) },
                "\(incidents.map { ($0.type, $0.place.name) })")
    }

    @Test("Seizing verbs are control changes; an exchange of fire is a clash")
    func controlAndClashVerbs() {
        let control = extract("وأعلنت وزارة الدفاع أن قسد سيطرت على عدة مواقع في منطقة معدان بريف الرقة.").incidents
        #expect(control.contains { $0.type == .controlChange })
        let clash = extract("ما أدى إلى تبادل متقطع لإطلاق النار في بلدة ذيبان بريف دير الزور الشرقي.").incidents
        #expect(clash.contains { $0.type == .clash })
    }

    @Test("What did not happen is no incident: \"دون تمكنها من إلقاء القبض\"")
    func negatedByWithout() {
        let incidents = extract("فرضت القوات طوقاً حول الحسكة دون تمكنها من إلقاء القبض على أي من الفارين.").incidents
        #expect(!incidents.contains { $0.type == .arrest })
    }

    @Test("A ceasefire is a halt to shooting, not shooting")
    func ceasefire() {
        let incidents = extract("أكدت قسد والحكومة التزامهما بوقف إطلاق النار في مدينة الحسكة.").incidents
        #expect(!incidents.contains { $0.type == .attack }, "\(incidents.map(\.type))")
    }

    @Test("\"هذا الهجوم\" points back at an attack already told: no second incident")
    func demonstrativeBackReference() {
        let text = """
            هاجم مسلحون حاجزاً لقوات سوريا الديمقراطية في بلدة ذيبان.
            وقال مسؤول في مدينة الحسكة إن التحقيق جار في ظروف هذا الهجوم.
            """
        let attacks = extract(text).incidents.filter { $0.type == .attack }
        #expect(attacks.count == 1, "\(attacks.map(\.place.name))")
        #expect(attacks.first?.place.name != "al-Hasakah")
    }

    @Test("Residents leaving is not a place leaving anyone's control; a prison out of control is")
    func leavingIsNotControl() {
        let leaving = extract("أمنت قوات الأمن الداخلي ممرات في الأحياء المجاورة لسجن غويران لخروج الأهالي منها.").incidents
        #expect(!leaving.contains { $0.type == .controlChange })
        let lost = extract("أعلنت قسد خروج سجن الشدادي عن سيطرتها.").incidents
        #expect(lost.contains { $0.type == .controlChange && $0.place.name == "al-Shaddadi prison" })
    }

    @Test("A region restating the place of the same incident is one incident, at the specific place")
    func regionRestatesPlace() {
        let text = """
            قصف طيران مجهول مراكز عسكرية في مدينة البوكمال شرقي سوريا أمس.
            وقتل 26 عنصراً إثر القصف على معسكراتهم شرقي سوريا.
            """
        let strikes = extract(text).incidents.filter { $0.type == .strike }
        #expect(strikes.count == 1, "\(strikes.map(\.place.name))")
        #expect(strikes.first?.place.name == "Abu Kamal")
        // Far outside the region, the same type on the same day stays a separate incident.
        let two = extract("قصف طيران مجهول مواقع في البوكمال أمس. وقصف الطيران مواقع في إدلب أمس.").incidents
        #expect(two.filter { $0.type == .strike }.count == 2)
    }

    @Test("A region named by its direction after a town only says where the town is")
    func directionNamedRegionLocates() {
        let arabic = extract("فتحت الأسواق في مدينة الحسكة شمال شرقي سوريا، بعد رفع حظر التجوال الذي فرض صباح اليوم.")
        #expect(arabic.incidents.first { $0.type == .curfew }?.place.name == "al-Hasakah")
        let english = extract("In Qamishli, northeastern Syria, a curfew was imposed on Monday.")
        #expect(english.incidents.first { $0.type == .curfew }?.place.name == "Qamishli")
    }

    @Test("The paragraph after the lead continues its story: an event it tells without a place is at the lead's place")
    func leadPlaceCarriesOver() throws {
        let text = """
            فرضت قوات سوريا الديمقراطية حظر التجوال في مدينة الحسكة شمال شرقي سوريا اليوم.

            وتمكنت القوات خلال الساعات الأولى من الحملة من اعتقال أكثر من 40 شخصاً.
            """
        let arrest = try #require(extract(text).incidents.first { $0.type == .arrest })
        #expect(arrest.place.name == "al-Hasakah")
        #expect(arrest.geoPrecision == 2)
        #expect(arrest.people == 40)
        // Not from a place that only locates another ("قاعدة التاجي شمال بغداد"), and not into
        // later paragraphs, which may tell other stories.
        let taji = extract("""
            قتل جنديان في هجوم على قاعدة التاجي العسكرية شمال بغداد اليوم.

            ونفذ مجهولون الهجوم بصواريخ كاتيوشا.

            وفي سياق آخر، اعتقلت القوات خمسة أشخاص.
            """).incidents
        #expect(!taji.contains { $0.place.name == "Baghdad" }, "\(taji.map { ($0.type, $0.place.name) })")
        #expect(!taji.contains { $0.type == .arrest })
    }

    @Test("The name of an administration or an authority is not a place, nor are its words")
    func administrationName() {
        for text in [
            "أعلنت الإدارة الذاتية لشمال وشرق سوريا حظر التجوال في الحسكة.",
            "قال مسؤول في هيئة الداخلية لشمال وشرقي سوريا إن حظر التجوال فرض في الحسكة.",
        ] {
            let names = extract(text).mentions.map(\.place.name)
            #expect(names == ["al-Hasakah"], "\(names)")
        }
    }

    @Test("A place that only says where the one before it is does not stand for it: \"طريفاوي – الحسكة\"")
    func locatingPlaceIsNotTheIncident() {
        let text = "عزز اللواء انتشاره على الحدود في منطقة طريفاوي – الحسكة، وأوضح أن الانتشار يأتي ضمن خطة أمنية شاملة."
        let places = Set(extract(text).incidents.filter { $0.type == .deployment }.map(\.place.name))
        #expect(places.contains("al-Tarifawi"), "\(places)")
        #expect(!places.contains("al-Hasakah"), "\(places)")
    }

    @Test("A region first and a town inside it later in the clause: the town is where it happened")
    func mostSpecificPlace() throws {
        let result = extract("تجددت الاشتباكات المسلحة بين مقاتلي القبائل في ريف دير الزور وقسد في مناطق متفرقة من محيط بلدة ذيبان.")
        let clash = try #require(result.incidents.first { $0.type == .clash })
        #expect(clash.place.kind.isArea == false, "\(clash.place.name)")
        #expect(clash.place.name.contains("ban"), "\(clash.place.name)")
    }

    @Test("\"العملية جرت في قرية X\" locates the operation reported just before")
    func operationLocatedLater() throws {
        let text = """
            زعمت قسد أنها ألقت أمس القبض على أحد متزعمي داعش بعملية أمنية في ريف دير الزور الشرقي.
            وبين مركزها الإعلامي أن العملية جرت في قرية الحجنة قرب بلدة البصيرة، واستهدفت «قيادياً» في التنظيم.
            """
        // What the operation targeted is not a second incident.
        #expect(!extract(text).incidents.contains { $0.type == .attack })
        let arrest = try #require(extract(text).incidents.first { $0.type == .arrest })
        #expect(arrest.place.name == "al-Hajnah")
        #expect(arrest.geoPrecision == 1)
        #expect(arrest.date?.start.description == "2022-01-23")
    }

    @Test("Without a publication date, a weekday beside a day and month fixes the year when only one fits")
    func yearFromWeekday() throws {
        var extractor = Fixtures.extractor
        extractor.latestYear = 2026
        let text = """
            هاجم تنظيم داعش مواقع قوات سوريا الديمقراطية قسد مساء اليوم الأربعاء 10 تشرين الأول/أكتوبر في بلدة هجين.

            وأضاف المصدر أن التنظيم استهدف مقراً لقسد في بلدة الطيانة.
            """
        let result = extractor.extract(Article(id: "t", source: "test", text: text, published: nil))
        // 10 October fell on a Wednesday in 2012, 2018 and 2029: the SDF did not exist in 2012,
        // and 2029 is after the latest year.
        let attacks = result.incidents.filter { $0.type == .attack }
        #expect(attacks.contains { $0.place.name == "Hajin" && $0.date?.start.description == "2018-10-10" })
        // The undated second paragraph takes the lead's day, marked as inferred.
        let later = try #require(attacks.first { $0.place.name.contains("Tayyan") })
        #expect(later.date?.start.description == "2018-10-10")
        #expect(later.dateInferred)
        #expect(result.warnings.contains { $0.contains("2018") })

        // Two years fit (2016 and 2022 for Tuesday 4 October, no actor to tell them apart): no year.
        let ambiguous = extractor.extract(
            Article(id: "u", source: "test", text: "قصف الجيش التركي يوم الثلاثاء 4 تشرين الأول قرية الدردارة قرب تل تمر.", published: nil))
        #expect(ambiguous.incidents.allSatisfy { $0.date == nil })
        // The region's name "شمال وشرق سوريا" dates from 2018: only 2022 remains.
        let named = extractor.extract(
            Article(
                id: "v", source: "test", text: "قصف الجيش التركي مناطق شمال وشرق سوريا يوم الثلاثاء 4 تشرين الأول، واستهدف قرية الدردارة قرب تل تمر.",
                published: nil))
        #expect(!named.incidents.isEmpty)
        #expect(named.incidents.allSatisfy { $0.date?.start.year == 2022 })
    }

    @Test("A place word is not a clitic: \"بادية\" keeps its ب")
    func badiyaKeepsItsLetter() {
        let result = extract("هجمات على جبهات الباغوز وهجين وبادية السوسة.")
        #expect(!result.mentions.contains { $0.surface == "ادية" })
        #expect(result.mentions.contains { $0.surface.contains("بادية") })
    }

    @Test("English names a facility by its kind after the name: prison, camps of a list, province")
    func latinKindAfterName() {
        let result = extract(
            "Fighters escaped from the Shadadi prison in Hasakeh province. Families live in the Al-Hol and Al-Roj camps.")
        let places = result.mentions.map(\.place.name)
        #expect(places == ["al-Shaddadi prison", "al-Hasakah Governorate", "al-Hol camp", "Roj camp"])
        let governorate = extract("Turkish warplanes struck the northeastern Syrian province of al-Hasakah.")
        #expect(governorate.mentions.map(\.place.kind) == [.governorate])
        let dual = extract("انسحبت قسد من محافظتي الرقة ودير الزور، ودخل الجيش مدينة الرقة.")
        #expect(dual.mentions.map(\.place.name) == ["Raqqa Governorate", "Deir ez-Zor Governorate", "Raqqa"])
    }

    @Test("A facility the gazetteer lacks is not a far place of the same name; a kind word or a name's head is no place alone")
    func unknownFacilities() {
        let result = extract(
            "Turkish warplanes hit the Al-Qahtaniyah area near Al-Qamishli. The strikes hit the Saida and Zarbah oil stations, "
                + "the Chel Agha Dam and Tel Habash village.")
        let places = Set(result.mentions.map(\.place.name))
        #expect(places.isSuperset(of: ["al-Qahtaniyah", "Qamishli"]))
        for far in ["Sidon", "Az Zarbah", "Damascus", "At Tall"] { #expect(!places.contains(far)) }
        // "تل" of "تل حبش" is not At Tall near Damascus: the village is kept by its name, at Qamishli.
        let arabic = extract("قصفت المسيرات قرية تل حبش قرب القامشلي.")
        #expect(arabic.mentions.map(\.place.name) == ["تل حبش", "Qamishli"])
        #expect(arabic.mentions.first?.place.isUnlocated == true)
    }

    @Test("A country in the possessive stands for its state; a region in the possessive is a place")
    func possessive() {
        let result = extract("Syria's army said five were killed in eastern Syria's Deir el-Zor on July 31.")
        #expect(result.mentions.map(\.place.name) == ["eastern Syria", "Deir ez-Zor"])
    }

    @Test("Once a camp is named, its bare name later in the text is the camp, not the town")
    func campSense() {
        let result = extract("The army entered the Al-Hol camp on Wednesday. At Al-Hol, soldiers opened the camp's gate.")
        #expect(result.mentions.filter { !$0.isAnaphor }.map(\.place.name) == ["al-Hol camp", "al-Hol camp"])
    }

    @Test("The day a statement was made is not the event's when the sentence names another; years alone date history")
    func statementDates() {
        let result = extract(
            "The Syrian Democratic Forces said on Sunday that five of its members had been killed during an attack by Islamic State "
                + "militants on a checkpoint in Deir ez-Zor on July 31. Deir ez-Zor city was captured by Islamic State in 2014, "
                + "but the Syrian army retook it in 2017.",
            published: "2025-08-03")
        let attack = result.incidents.first { $0.type == .attack }
        #expect(attack?.date?.start.description == "2025-07-31")
        let changes = result.incidents.filter { $0.type == .controlChange }.compactMap { $0.date?.start.year }.sorted()
        #expect(changes == [2014, 2017])
    }

    @Test("An attack from the air is a strike; a residence, an outlet's name and an unknown village are not where it happened")
    func whereAndHow() {
        let drone = extract("Suspected Turkish drone has targeted a vehicle in the al-Hilaliya neighborhood of Qamishlo city.")
        #expect(drone.incidents.map(\.type) == [.strike])
        let residence = extract("وقال الناشط (العامل في شبكة محلية ويقيم شمالي حلب) إن مسلحين هاجموا حواجز لقسد قرب مدينة جرابلس.")
        #expect(residence.incidents.map(\.place.name) == ["Jarābulus"])
        let outlet = extract("Deir Ezzor 24 said the airstrikes hit two militant posts near Abu Kamal.")
        #expect(!outlet.mentions.contains { $0.surface.hasPrefix("Deir") })
        // "وسط القرية" is the village just named, which the gazetteer lacks: not the town before it.
        let village = extract(
            "قتل مدنيان في بلدة الشحيل. ونفذ عناصر التنظيم عملية إعدام بحق شاب في قرية \"الطكيحي\"، حيث نفذوا الإعدام وسط القرية.")
        // (The killing in the first sentence is an incident of its own.)
        #expect(village.incidents.filter { $0.type == .attack }.map(\.place.name) == ["al-Shuhayl", "al-Tkihi"])
    }

    @Test("Cues: killed by someone's fire, a body found, a closed military zone, a deal reached")
    func moreCues() {
        #expect(extract("أعلن الجيش مقتل جنديين في بلدة دبسي عفنان بنيران قسد.").incidents.map(\.type) == [.attack])
        #expect(extract("An Iraqi woman was found dead in the al-Hol camp on Monday.").incidents.map(\.type) == [.attack])
        #expect(extract("أعلن الجيش مدينة مسكنة منطقة عسكرية مغلقة.").incidents.map(\.type) == [.curfew])
        let deal = extract("The observatory reported that the SDF reached a deal with ISIS in Baghouz.")
        #expect(deal.incidents.map(\.type) == [.agreement])
        #expect(deal.incidents.first?.place.name == "al-Baghuz")
    }

    @Test("A strike on a city and on its neighbourhood told in two sentences is one incident, at the neighbourhood")
    func neighbourhoodMerge() {
        let result = extract(
            "A Turkish drone strike rocked the city of Qamishli on Tuesday afternoon, killing three civilians. "
                + "Suspected Turkish drone has targeted a vehicle in the al-Hilaliya neighborhood of Qamishli city.",
            published: "2021-11-09")
        let strikes = result.incidents.filter { $0.type == .strike }
        #expect(strikes.count == 1)
        #expect(strikes.first?.place.kind == .neighborhood)
    }

    @Test(
        "A withdrawal from a named place is a control change",
        arguments: [
            "أعلنت قسد انسحاب قواتها من مدينة الطبقة بعد معارك مع الجيش السوري.",
            "The SDF withdrew from Tabqa on Monday after days of fighting.",
        ])
    func withdrawalFromPlace(_ text: String) {
        let incidents = extract(text).incidents
        #expect(incidents.contains { $0.type == .controlChange && $0.place.name == "al-Tabqa" }, "\(incidents.map { ($0.type, $0.place.name) })")
    }

    @Test("Fighters leaving their posts is no place changing hands")
    func withdrawalOfPeople() {
        let incidents = extract("بالتزامن مع انسحاب العديد من عناصر قسد تاركين مواقعهم قرب هجين.").incidents
        #expect(!incidents.contains { $0.type == .controlChange }, "\(incidents.map { ($0.type, $0.place.name) })")
        // Nor is an army leaving a country, told in a text about a town.
        let policy = extract("اشتباكات في بلدة هجين. وتحدث المسؤول عن انسحاب القوات الأمريكية من سوريا.").incidents
        #expect(!policy.contains { $0.type == .controlChange }, "\(policy.map { ($0.type, $0.place.name) })")
    }

    @Test(
        "\"المحافظة\" and \"the province\" point back to the governorate of the city named before",
        arguments: [
            ("دخل الجيش السوري مدينة الرقة صباح اليوم. وهاجمت مجموعات عشائرية مقرات قسد في المحافظة.", "Raqqa Governorate"),
            ("Fighting broke out in Deir ez-Zor city on Monday. Gunmen attacked a checkpoint elsewhere in the province.",
             "Deir ez-Zor Governorate"),
        ])
    func governorateAnaphor(_ text: String, _ governorate: String) {
        let incidents = extract(text).incidents
        #expect(incidents.contains { $0.type == .attack && $0.place.name == governorate }, "\(incidents.map { ($0.type, $0.place.name) })")
    }

    @Test("\"the province of X\" names its province; it does not point back")
    func provinceOf() {
        let incidents = extract("Fighting broke out in Raqqa city on Monday. Gunmen attacked a checkpoint in the province of Deir ez-Zor.").incidents
        #expect(incidents.contains { $0.type == .attack && $0.place.name == "Deir ez-Zor Governorate" }, "\(incidents.map { ($0.type, $0.place.name) })")
        #expect(!incidents.contains { $0.place.name == "Raqqa Governorate" })
    }

    @Test("The vanguard of a force reaching a place is a deployment")
    func vanguard() {
        let incidents = extract("وصلت طلائع القوات الحكومية إلى أطراف مدينة الشدادي جنوب الحسكة.").incidents
        #expect(incidents.contains { $0.type == .deployment && $0.place.name == "al-Shaddadi" }, "\(incidents.map { ($0.type, $0.place.name) })")
    }

    @Test("Strikes on a province, then on a town of it, are the town's; an aerial assault is a strike")
    func provinceThenTown() {
        let result = extract(
            "Turkish warplanes carried out airstrikes on oil facilities in the province of al-Hasakah on Saturday night. "
                + "A pumping station near the town of al-Qahtaniyah was hit in the aerial assault.",
            published: "2023-12-24")
        #expect(result.incidents.map(\.type) == [.strike], "\(result.incidents.map { ($0.type, $0.place.name) })")
        #expect(result.incidents.first?.place.name == "al-Qahtaniyah")
    }

    @Test(
        "An event a time is counted from is not what the sentence reports",
        arguments: [
            "سيطرت قسد يوم الأربعاء على نصف مدينة الرقة، بعد أقل من شهرين من دخول مقاتليها المدينة.",
            "The SDF seized half of Raqqa on Wednesday, less than two months after its fighters entered the city.",
        ])
    func timeReference(_ text: String) {
        let incidents = extract(text, published: "2017-07-27").incidents
        #expect(incidents.map(\.type) == [.controlChange], "\(incidents.map { ($0.type, $0.place.name) })")
        // The same entry, told as news, is one.
        let entry = extract("دخلت قوات الجيش مدينة الرقة بعد ظهر اليوم من عدة محاور.", published: "2017-07-27").incidents
        #expect(entry.contains { $0.type == .deployment })
    }

    @Test("Initials and month abbreviations do not end a sentence; a tally since a date is no incident")
    func abbreviationsAndTallies() {
        let result = extract(
            "Strikes hit Boukamal on Saturday, hours after militants claimed an attack on a U.S. military base in the city of Irbil. "
                + "The group has conducted over a hundred attacks on U.S. positions in Iraq and eastern Syria since Oct. 7.",
            published: "2023-12-30")
        #expect(result.incidents.contains { $0.type == .attack && $0.place.name == "Erbil" }, "\(result.incidents.map { ($0.type, $0.place.name) })")
        #expect(!result.incidents.contains { $0.type == .attack && $0.place.name != "Erbil" })
        let dated = extract("On Jan. 20, the ministry said 120 ISIS members escaped from the Shadadi prison.", published: "2026-01-21")
        #expect(dated.incidents.first { $0.type == .escape }?.date?.start == Day(iso: "2026-01-20"))
    }

    @Test("\"the attack\" after a reported strike tells the strike again, in English")
    func definiteRetelling() {
        let result = extract(
            "A Turkish drone strike rocked the city of Qamishli on Tuesday afternoon, killing three civilians. "
                + "Initial reporting indicates three people died in the attack.",
            published: "2021-11-09")
        #expect(result.incidents.map(\.type) == [.strike])
    }

    @Test("Villages the gazetteer lacks, named by kind, are placed at the place the text puts them in")
    func unlocatedVillages() throws {
        let result = extract("قصفت القوات التركية يوم الثلاثاء قريتي الدردارة وعبوش شمال تل تمر.", published: "2022-10-05")
        let abbush = try #require(result.mentions.first { $0.surface == "عبوش" }, "\(result.mentions.map(\.surface))")
        #expect(abbush.place.isUnlocated)
        #expect(abbush.place.parentID == "curated:town-tell-tamer", "anchored at \(abbush.place.parentID ?? "nothing")")
        #expect(abbush.place.uncertaintyKilometers >= 10)
        // One strike per village, the unknown one only near its anchor.
        let strikes = result.incidents.filter { $0.type == .strike }
        #expect(strikes.contains { $0.place.name == "al-Dardara" && $0.geoPrecision == 1 }, "\(strikes.map { ($0.place.name, $0.geoPrecision) })")
        #expect(strikes.contains { $0.place.name == "عبوش" && $0.geoPrecision == 2 })

        // A list of them, with where each part lies in between, after a plural kind word.
        let list = extract(
            "وتركز القصف الذي طال ناحية زركان على كل من قرى، الأسدية والمطمورة في الريف الشمالي، والمشيرفة وخربة الشعير في الجهة الجنوبية.",
            published: "2022-10-05")
        let names = Set(list.incidents.filter { $0.type == .strike }.map(\.place.name))
        #expect(names.isSuperset(of: ["الأسدية", "المطمورة", "المشيرفة", "خربة الشعير"]), "\(names)")

        // English: "the village(s) of X, Y and Z in W", names with a lower-case article too.
        let english = extract("Turkish drones also hit the villages of Tawila, al-Rakba and Misherfa al-Hima in Tel Tamr on Thursday.", published: "2023-10-06")
        for name in ["Tawila", "al-Rakba", "Misherfa al-Hima"] {
            let village = try #require(english.mentions.first { $0.surface == name }, "\(english.mentions.map(\.surface))")
            #expect(village.place.isUnlocated && village.place.parentID == "curated:town-tell-tamer")
        }

        // English puts the kind after the name too: "Al-Jaia'a Village in X", "the Saida and Zarbah oil stations".
        let after = extract(
            "The SDF arrested 15 people in Al-Zuwayyah Village near al-Busayrah. Strikes hit the Saida and Zarbah oil stations near al-Qahtaniyah.",
            published: "2023-09-11")
        for name in ["Al-Zuwayyah", "Saida", "Zarbah"] {
            #expect(after.mentions.contains { $0.surface == name && $0.place.isUnlocated }, "\(name): \(after.mentions.map(\.surface))")
        }
        #expect(after.incidents.contains { $0.type == .arrest && $0.place.name == "Al-Zuwayyah" })
        #expect(after.incidents.filter { $0.type == .strike }.count == 2, "\(after.incidents.map { ($0.type, $0.place.name) })")
        // "police station", "a Turkish village", "SDF town" name no place.
        let generic = extract("Gunmen attacked a police station and a Turkish village near al-Busayrah.", published: "2023-09-11")
        #expect(!generic.mentions.contains { $0.place.isUnlocated }, "\(generic.mentions.map(\.surface))")

        // A construct of two words is one name ("شعيب الذكر"; the second word may look like a
        // function word: "العلي" is no "على"); a front ("محور") names a place too.
        let front = extract("اندلعت اشتباكات عنيفة على محور شعيب الذكر قرب معدان.", published: "2025-11-20")
        #expect(front.mentions.contains { $0.surface == "شعيب الذكر" && $0.place.isUnlocated }, "\(front.mentions.map(\.surface))")
        #expect(front.incidents.contains { $0.type == .clash && $0.place.name == "شعيب الذكر" })
        let ali = extract("اندلعت اشتباكات على محور رجم العلي قرب معدان.", published: "2025-11-20")
        #expect(ali.mentions.contains { $0.surface == "رجم العلي" }, "\(ali.mentions.map(\.surface))")

        // A neighbourhood keeps its word and belongs to the town named before it in a list.
        let quarter = extract("قصفت قوات الحكومة بلدات ذيبان وحي اللطوة وغرانيج.", published: "2024-08-08")
        let latwa = try #require(quarter.mentions.first { $0.surface == "حي اللطوة" }, "\(quarter.mentions.map(\.surface))")
        #expect(latwa.place.kind == .neighborhood)
        #expect(latwa.place.parentID == quarter.mentions.first { $0.surface == "ذيبان" }?.place.id)
    }

    @Test("No unlocated place without a name, or without a known place to put it at")
    func unlocatedNeedsNameAndAnchor() {
        // An adjective after the kind word is no name.
        let small = extract("قصفت القوات قرية صغيرة قرب البصيرة.")
        #expect(!small.mentions.contains { $0.place.isUnlocated }, "\(small.mentions.map(\.surface))")
        // Nothing known in the text to put it at: nothing is guessed.
        let alone = extract("قتل مدني في قرية الطكيحي.")
        #expect(!alone.mentions.contains { $0.place.isUnlocated })
        // Common words after a kind word are no names: "قرى المنطقة", "محور الطريق الدولي", "قرية تابعة لـ".
        for text in ["قصفت القوات التركية قرى المنطقة الواقعة شمال تل تمر.", "اندلعت اشتباكات على محور الطريق الدولي قرب عين عيسى.",
                     "استهدفت مسيرة سيارة في قرية تابعة لناحية الهول.", "داهمت قسد منازل في حي سكني بمدينة الحسكة."] {
            #expect(!extract(text).mentions.contains { $0.place.isUnlocated }, "\(text)")
        }
        // A verb after "و" ends the list: "وأسفر" is no village.
        let verb = extract("استهدف القصف بلدات ذيبان وغرانيج وأسفر عن إصابة مدنيين.")
        #expect(!verb.mentions.contains { $0.place.isUnlocated }, "\(verb.mentions.map(\.surface))")
        #expect(Set(verb.incidents.map(\.place.name)).isSuperset(of: ["Gharanij"]))
    }

    @Test("The Turkish 'occupation army' and Turkish drones are Turkey, not the Syrian army", arguments: [
        "قصف جيش الاحتلال التركي قرية الدردارة شمال تل تمر.",
        "استهدفت طائرة مسيرة تركية سيارة في مدينة القامشلي.",
        "A Turkish drone struck a car in Qamishli.",
        "The Turkish strikes were extended to oil facilities in al-Qahtaniyah.",
        "طال القصف التركي قرية الدردارة شمال تل تمر.",
        "سقطت قذيفة تركية على قرية الدردارة شمال تل تمر.",
    ])
    func turkishForces(_ text: String) throws {
        let incident = try #require(extract(text, published: "2022-10-05").incidents.first)
        #expect(incident.actors.first == .turkey, "\(incident.actors)")
        #expect(!incident.actors.contains(.syrianGovernment))
    }

    @Test("'struck' is a strike, but 'struck a deal' is an agreement; 'strikes hit' is one strike")
    func struck() {
        #expect(extract("A drone struck a car near the town of al-Busayrah.").incidents.map(\.type) == [.strike])
        #expect(extract("Additional strikes hit various locations in the city of al-Malikiyah.").incidents.map(\.type) == [.strike])
        #expect(extract("Gunmen hit a checkpoint in al-Busayrah.").incidents.map(\.type) == [.attack])
        let deal = extract("The SDF struck a deal with Damascus in Tabqa.").incidents
        #expect(!deal.contains { $0.type == .strike }, "\(deal.map(\.type))")
    }

    @Test("A cue closing clauses that each place their part ('في A، و… قرب B، بنيران …') covers every place")
    func cueAfterPlacedClauses() {
        let incidents = extract(
            "أعلن الجيش، اليوم السبت، مقتل جنديين في بلدة دبسي عفنان بريف الرقة، وجنديين آخرين قرب مدينة مسكنة، بنيران قوات سوريا الديمقراطية.",
            published: "2026-01-17").incidents
        let places = Set(incidents.filter { $0.type == .attack }.map(\.place.name))
        #expect(places == ["Dibsi Afnan", "Maskanah"], "\(incidents.map { ($0.type, $0.place.name) })")
        // One place before the cue stays one.
        let one = extract("قتل جنديان في بلدة دبسي عفنان بريف الرقة بنيران قسد.", published: "2026-01-17").incidents
        #expect(one.map(\.place.name) == ["Dibsi Afnan"], "\(one.map { ($0.type, $0.place.name) })")
    }

    @Test("Places joined by و share the cue: before it each with what locates it, after it through 'ومدينة'")
    func conjoinedPlacesShareTheCue() {
        let before = extract(
            "وفي عين عيسى في ريف الرقة والقامشلي شمال الحسكة، تسبّب القصف التركي على محطة الكهرباء بقطعها عن أكثر من 60% من أحياء المدينة والريف الشرقي التابع لها.",
            published: "2024-01-15").incidents
        #expect(Set(before.map(\.place.name)) == ["Ain Issa", "Qamishli"], "\(before.map { ($0.type, $0.place.name) })")
        let after = extract("كما استهدف القصف محطتي تحويل الكهرباء، في مدينة عامودا ومدينة القحطانية شمالي الحسكة.", published: "2024-01-15").incidents
        #expect(Set(after.map(\.place.name)) == ["Amuda", "al-Qahtaniyah"], "\(after.map { ($0.type, $0.place.name) })")
        // A place that only locates the one before stays out.
        let located = extract("وفي عين عيسى في ريف الرقة، تسبّب القصف التركي بقطع الكهرباء.", published: "2024-01-15").incidents
        #expect(located.map(\.place.name) == ["Ain Issa"], "\(located.map { ($0.type, $0.place.name) })")
    }

    @Test("Shelling both ways is a clash at every town the sentence lists; the weapons are no strike; neighbours named apart stay apart")
    func exchangeOfShellingAcrossListedTowns() {
        let incidents = extract(
            "قال مصدر محلي إن المواجهات والقصف المتبادل بقذائف الهاون والرشاشات الثقيلة بين قسد وقوات النظام امتد على طول السرير النهري وخاصة في بلدات أبو حمام والشحيل، والبصيرة، والكشكية.",
            published: "2024-08-12").incidents
        #expect(incidents.allSatisfy { $0.type == .clash }, "\(incidents.map { ($0.type, $0.place.name) })")
        // Abu Hamam and al-Kishkiyah adjoin (within the 2 km merge radius) but are two places.
        #expect(Set(incidents.map(\.place.name)) == ["Abu Hamam", "al-Shuhayl", "al-Busayrah", "al-Kishkiyah"], "\(incidents.map(\.place.name))")
        #expect(extract("Government forces and the SDF exchanged shelling near al-Busayrah.").incidents.map(\.type) == [.clash])
    }

    @Test("A full stop with no space after it still ends an Arabic sentence, not after a one-letter title")
    func arabicFullStopWithoutSpace() {
        let vocabulary = Vocabulary()
        let sentences = TextSplitter.sentences(
            paragraphs: [("تجددت المواجهات على طرفي النهر.مصدر محلي قال إن القصف امتد. وقال د.محمد إن الوضع هادئ.", 0)], vocabulary: vocabulary)
        #expect(sentences.map(\.text) == ["تجددت المواجهات على طرفي النهر.", "مصدر محلي قال إن القصف امتد.", "وقال د.محمد إن الوضع هادئ."])
    }

    @Test("A list a locative opens goes on past names the gazetteer lacks ('في المالحة والبغيلية … وحقل التيم')")
    func locativeListPastUnknownNames() {
        let incidents = extract(
            "عنوان الخبر هنا اليوم\n\nوقد أغار الطيران الحربي على المناطق التي يتحصن فيها مقاتلو التنظيم في المالحة والبغيلية ومحيط جامعة الجزيرة وحقل التيم والشولا.",
            published: "2017-09-05").incidents
        #expect(incidents.map(\.type) == [.strike] && incidents.first?.place.name == "al-Tayyem oil field", "\(incidents.map { ($0.type, $0.place.name) })")
    }

    @Test("A nationality adjective before 'town' is no town; surrendering is being captured; 'تدك' pounds")
    func nationalitySurrenderPounding() {
        let strike = extract("The airstrike targeted structures in the eastern Syrian town of Abu Kamal.", published: "2021-02-26").incidents
        #expect(strike.map(\.place.name) == ["Abu Kamal"], "\(strike.map { ($0.type, $0.place.name) })")
        let surrender = extract("استسلم عشرات المقاتلين من تنظيم داعش إلى قوات سوريا الديمقراطية أمس في بلدة الباغوز.", published: "2019-03-15").incidents
        #expect(surrender.map(\.type) == [.arrest], "\(surrender.map { ($0.type, $0.place.name) })")
        // Refusing to surrender is no capture.
        let refusing = extract("قاتل عناصر التنظيم الرافضون للاستسلام في بلدة الباغوز.", published: "2019-03-15").incidents
        #expect(!refusing.contains { $0.type == .arrest })
        // Giving in to pressure is no capture: a surrender needs fighters or a force it goes to.
        let pressure = extract("استسلمت الحكومة للضغوط الشعبية في الحسكة أمس.", published: "2019-03-15").incidents
        #expect(!pressure.contains { $0.type == .arrest }, "\(pressure.map { ($0.type, $0.place.name) })")
        let toForce = extract("استسلموا لقوات سوريا الديمقراطية أمس في بلدة الباغوز.", published: "2019-03-15").incidents
        #expect(toForce.map(\.type) == [.arrest], "\(toForce.map { ($0.type, $0.place.name) })")
        // Taking a count of fighters captive is an arrest; the martyrs' families are no capture.
        let captive = extract("تمكنت الوحدات الكردية من أسر 35 عنصراً لقوات النظام في مدينة الحسكة أمس.", published: "2016-08-20").incidents
        #expect(captive.map(\.type) == [.arrest] && captive.first?.people == 35, "\(captive.map { ($0.type, $0.place.name, $0.people) })")
        let families = extract("زار المحافظ أسر الشهداء في مدينة الحسكة أمس.", published: "2016-08-20").incidents
        #expect(families.isEmpty, "\(families.map { ($0.type, $0.place.name) })")
        let pounding = extract("والطائرات تدك مواقع التنظيم في بلدة الباغوز.", published: "2019-03-15").incidents
        #expect(pounding.map(\.type) == [.strike], "\(pounding.map { ($0.type, $0.place.name) })")
    }

    @Test("'وفي' after a place starts another place of the list; it does not locate the one before")
    func andInStartsAnotherPlace() {
        let incidents = extract("اندلعت اشتباكات بين قسد ومسلحين في ذيبان وفي الرقة أمس.", published: "2023-01-03").incidents
        #expect(Set(incidents.map(\.place.name)) == ["Diban", "Raqqa"] && incidents.allSatisfy { $0.type == .clash },
                "\(incidents.map { ($0.type, $0.place.name) })")
        let english = extract("Clashes broke out between the SDF and gunmen in Diban and in Raqqa on Monday.", published: "2023-01-03").incidents
        #expect(Set(english.map(\.place.name)) == ["Diban", "Raqqa"], "\(english.map { ($0.type, $0.place.name) })")
        // "وأطراف X", "، محيط X": the outskirts of the next place of the list.
        let outskirts = extract("انسحبت قسد من (الباغوز، السوسة، اطراف هجين) أمس.", published: "2018-10-29").incidents
        #expect(Set(outskirts.map(\.place.name)) == ["al-Baghuz", "al-Susah", "Hajin"] && outskirts.allSatisfy { $0.type == .controlChange },
                "\(outskirts.map { ($0.type, $0.place.name) })")
        // Without و the larger place still locates the smaller one.
        let located = extract("اندلعت اشتباكات بين قسد ومسلحين في ذيبان في ريف دير الزور أمس.", published: "2023-01-03").incidents
        #expect(located.map(\.place.name) == ["Diban"], "\(located.map { ($0.type, $0.place.name) })")
    }

    @Test("English lists joined by 'and' share the cue; an Arabic dual names two facilities")
    func englishAndListsAndDuals() {
        let strikes = extract("Turkish drones struck Qamishli, Amuda and Derik on Monday.", published: "2026-01-18").incidents
        #expect(Set(strikes.map(\.place.name)) == ["Qamishli", "Amuda", "al-Malikiyah"] && strikes.allSatisfy { $0.type == .strike },
                "\(strikes.map { ($0.type, $0.place.name) })")
        let before = extract("Qamishli and Amuda were struck by Turkish drones on Monday.", published: "2026-01-18").incidents
        #expect(Set(before.map(\.place.name)) == ["Qamishli", "Amuda"], "\(before.map { ($0.type, $0.place.name) })")
        let dual = extract("قصفت المسيرات التركية حقلي العمر والتنك أمس.", published: "2026-01-18").incidents
        #expect(Set(dual.map(\.place.name)) == ["al-Omar oil field", "al-Tanak oil field"], "\(dual.map { ($0.type, $0.place.name) })")
    }

    @Test("A withdrawal 'from all areas under its control in' a region, 'including' fields, and 'retaken' fields change hands")
    func withdrawalFromAreasIncluding() {
        let withdrawal = extract(
            "At dawn on Sunday, the SDF withdrew \"from all areas under its control in the eastern Deir Ezzor countryside, including the al-Omar and Tanak oil fields\", the Syrian Observatory for Human Rights reported.",
            published: "2026-01-18").incidents
        #expect(Set(withdrawal.map(\.place.name)).isSuperset(of: ["al-Omar oil field", "al-Tanak oil field"])
                && withdrawal.allSatisfy { $0.type == .controlChange }, "\(withdrawal.map { ($0.type, $0.place.name) })")
        let retaken = extract("The government announced that it had retaken the Safyan oil field in Raqqa province.", published: "2026-01-18").incidents
        #expect(retaken.map(\.type) == [.controlChange], "\(retaken.map { ($0.type, $0.place.name) })")
        // Withdrawing from areas with no place after them is no control change.
        let vague = extract("The SDF withdrew from all areas under its control, the Syrian Observatory reported on Sunday.", published: "2026-01-18").incidents
        #expect(!vague.contains { $0.type == .controlChange })
    }

    @Test("What 'ensued' an incident told a paragraph before happened where it did")
    func ensuingClashes() {
        let incidents = extract(
            "QAMISHLI, Syria (AP) — An attack by Islamic State militants in the city of Raqqa on Monday killed six members of the SDF, officials said.\n\nSpokesman Siamand Ali said five attackers had targeted checkpoints.\n\nDuring the ensuing clashes, he said, one of the attackers was killed and another arrested.",
            published: "2022-12-26").incidents
        #expect(incidents.contains { $0.type == .clash && $0.place.name == "Raqqa" }, "\(incidents.map { ($0.type, $0.place.name) })")
        // Without a word of sequel, a sentence with no place in a later paragraph places nothing.
        let plain = extract(
            "QAMISHLI, Syria (AP) — An attack by Islamic State militants in the city of Raqqa on Monday killed six members of the SDF, officials said.\n\nSpokesman Siamand Ali said five attackers had targeted checkpoints.\n\nClashes were reported, he said.",
            published: "2022-12-26").incidents
        #expect(!plain.contains { $0.type == .clash }, "\(plain.map { ($0.type, $0.place.name) })")
    }

    @Test("English: 'X in the Y area' is X; the capture of people is an arrest; 'recent attacks' are background")
    func englishRaidReport() {
        let raid = extract(
            "In a statement, the SDF confirmed that it stormed the village of al-Bariha in the al-Busayrah area, arresting a militant accused of targeting SDF forces.",
            published: "2025-10-16").incidents
        #expect(raid.contains { $0.type == .arrest && $0.place.name == "al-Bariha" } && !raid.contains { $0.place.name == "al-Busayrah" },
                "\(raid.map { ($0.type, $0.place.name) })")
        let capture = extract(
            "A separate operation in the nearby village of al-Sabha led to the capture of two ISIS members connected to recent attacks on residents.",
            published: "2025-10-16").incidents
        #expect(capture.map(\.type) == [.arrest], "\(capture.map { ($0.type, $0.place.name) })")
        let commander = extract("SDF units detained a high-ranking ISIS commander captured in Deir ez-Zor on Monday.", published: "2025-10-16").incidents
        #expect(!commander.contains { $0.type == .controlChange }, "\(commander.map { ($0.type, $0.place.name) })")
    }

    /// That none of `texts` yields an incident of `type`.
    func expectNo(_ type: IncidentType, in texts: [String], published: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for text in texts {
            let incidents = extract(text, published: published).incidents
            #expect(!incidents.contains { $0.type == type }, "\(text): \(incidents.map { ($0.type, $0.place.name) })", sourceLocation: sourceLocation)
        }
    }

    @Test("An escape is one from detention: not people fleeing a town, clashes breaking out, a statement released")
    func escapeNeedsDetention() {
        expectNo(.escape, in: [
            "Thousands of Yezidis fled Sinjar to nearby mountains on Sunday.",
            "Clashes broke out between the SDF and tribal fighters in Diban on Sunday.",
            "فرّ الأهالي من بلدة ذيبان أمس هرباً من الاشتباكات.",
            "The SDF said in a statement released on Sunday that its fighters reached Sarrin.",
        ], published: "2023-09-11")
        let escaped = extract("Four ISIS prisoners escaped from a prison in Raqqa on Sunday.", published: "2023-09-11").incidents
        #expect(escaped.contains { $0.type == .escape && $0.place.name.contains("Raqqa") }, "\(escaped.map { ($0.type, $0.place.name) })")
        let camp = extract("أقرت وزارة الداخلية بحدوث حالات فرار جماعي من مخيم الهول أمس.", published: "2026-02-25").incidents
        #expect(camp.contains { $0.type == .escape && $0.place.kind == .camp }, "\(camp.map { ($0.type, $0.place.name) })")
    }

    @Test("Foiled attacks, an attack as a purpose, and attacks 'in the past' are no incidents")
    func foiledPurposePast() {
        for text in [
            "وأضافت أن قواتنا الأمنية أفشلت هجماتهم على سجن غويران أمس.",
            "أعلنت قسد أنها سيطرت على بلدة الكرامة، في طريقها لشن هجوم واسع على مدينة الرقة.",
            "The airstrike targeted militias that have launched rocket attacks in the past against US troops in Raqqa.",
        ] {
            let incidents = extract(text, published: "2017-03-26").incidents
            #expect(!incidents.contains { $0.type == .attack && ($0.place.name == "Raqqa" || $0.place.kind == .prison) },
                    "\(text): \(incidents.map { ($0.type, $0.place.name) })")
        }
    }

    @Test("A list goes on past the region locating its last place and through 'إضافة إلى'")
    func listPastLocatingRegions() {
        let incidents = extract(
            "ودخلت وحدات الجيش العربي السوري مدينة منبج بريف حلب الشمالي الشرقي وبلدة عين عيسى ومدينة الطبقة ومطارها العسكري بريف الرقة إضافة إلى بلدة تل تمر بريف الحسكة الشمالي.",
            published: "2019-10-15").incidents
        #expect(Set(incidents.map(\.place.name)) == ["Manbij", "Ain Issa", "al-Tabqa", "Tell Tamer"] && incidents.allSatisfy { $0.type == .deployment },
                "\(incidents.map { ($0.type, $0.place.name) })")
    }

    @Test("An English comma list of villages and towns goes on past unknown names; drones as the agent strike")
    func englishCommaListAndDroneAgent() {
        let curfew = extract("A curfew was also declared in the villages of Sabha al-Ibrahim, al-Busairiya, al-Shahil, Baghouz and Thebian.", published: "2023-09-25").incidents
        #expect(Set(curfew.map(\.place.name)).isSuperset(of: ["al-Shuhayl", "al-Baghuz"]) && curfew.allSatisfy { $0.type == .curfew },
                "\(curfew.map { ($0.type, $0.place.name) })")
        // A town within 10 km after a comma says where a village is.
        let dardara = extract("Turkish shelling hit the village of al-Dardara, Tal Tamr, on Sunday.", published: "2023-09-25").incidents
        #expect(dardara.map(\.place.name) == ["al-Dardara"], "\(dardara.map { ($0.type, $0.place.name) })")
        // A city after a comma still says where a village is.
        let located = extract("Turkish drones struck Tell Tawil, Qamishli, on Sunday.", published: "2023-09-25").incidents
        #expect(located.count == 1 && located.first?.place.name != "Qamishli", "\(located.map { ($0.type, $0.place.name) })")
        let disabled = extract("Power stations in Amuda were deliberately disabled by Turkish drones on Sunday.", published: "2024-01-15").incidents
        #expect(disabled.map(\.type) == [.strike] && disabled.first?.actors.contains(.turkey) == true, "\(disabled.map { ($0.type, $0.place.name) })")
        let backed = extract("The SDF, backed by coalition warplanes, entered Tabqa on Sunday.", published: "2024-01-15").incidents
        #expect(!backed.contains { $0.type == .strike }, "\(backed.map { ($0.type, $0.place.name) })")
    }

    @Test("Entering a place the other side holds is a deployment and a control change")
    func enteringHeldGround() {
        let held = extract("Syrian government forces entered the city of Raqqa on Sunday in their ongoing push in areas held by Kurdish-led forces.", published: "2026-01-18").incidents
        #expect(Set(held.map(\.type)) == [.deployment, .controlChange] && held.allSatisfy { $0.place.name == "Raqqa" },
                "\(held.map { ($0.type, $0.place.name) })")
        let arabic = extract("دخلت قوات الحكومة السورية مدينة الطبقة الخاضعة لسيطرة قسد أمس.", published: "2026-01-18").incidents
        #expect(arabic.contains { $0.type == .controlChange && $0.place.name == "al-Tabqa" }, "\(arabic.map { ($0.type, $0.place.name) })")
        // Entering with no word of who held it stays a deployment.
        let plain = extract("Syrian government forces entered the city of Raqqa on Sunday.", published: "2026-01-18").incidents
        #expect(plain.map(\.type) == [.deployment], "\(plain.map { ($0.type, $0.place.name) })")
    }

    @Test("A period's start ('منذ اندلاع النزاع منتصف مارس 2011') does not date the event; women who tried to flee did not escape")
    func sinceDatesAndTriedEscapes() {
        let bombing = extract(
            "وقال مدير المرصد إن التفجير الانتحاري في مدينة القامشلي هو الأضخم منذ اندلاع النزاع منتصف مارس 2011.", published: "2016-07-28").incidents
        #expect(!bombing.contains { $0.date?.start.year == 2011 }, "\(bombing.map { ($0.type, $0.place.name, $0.date as Any) })")
        let tried = extract("ووفقاً للمعلومات، فإن ما يقارب 12 إمرأة حاولن الهروب من مخيم الهول أمس.", published: "2022-11-26").incidents
        #expect(!tried.contains { $0.type == .escape }, "\(tried.map { ($0.type, $0.place.name) })")
    }

    @Test("'سيطرة X على Y' is taking control; 'تحت سيطرة' and 'الخاضعة لسيطرة' are who holds a place")
    func controlNoun() {
        let taken = extract("وأكد الناشط سيطرة التنظيم على أحياء النشوة في مدينة الحسكة أمس.", published: "2015-06-25").incidents
        #expect(taken.map(\.type) == [.controlChange], "\(taken.map { ($0.type, $0.place.name) })")
        let held = extract("نزح الأهالي إلى الأحياء التي تقع تحت سيطرة وحدات حماية الشعب في مدينة الحسكة أمس.", published: "2015-06-25").incidents
        #expect(!held.contains { $0.type == .controlChange }, "\(held.map { ($0.type, $0.place.name) })")
    }

    @Test("English counts of the dead after 'kills' and 'killing'")
    func englishKillCounts() {
        let headline = extract("Turkish drone strike kills two SDF fighters near Qamishli on Monday", published: "2026-01-20").incidents
        #expect(headline.first?.fatalities == 2, "\(headline.map { ($0.type, $0.place.name, $0.fatalities as Any) })")
        let killing = extract("ISIS gunmen attacked an SDF checkpoint in the town of al-Busayrah on Tuesday, killing three fighters.", published: "2026-01-20").incidents
        #expect(killing.first?.fatalities == 3, "\(killing.map { ($0.type, $0.place.name, $0.fatalities as Any) })")
    }

    @Test("An Arabic dual counts two: 'قتل مدنيان', 'مقتل جنديين', 'اعتقلت شابين'; not a sound plural ('مدنيين')")
    func arabicDualCounts() {
        let civilians = extract("قتل مدنيان، مساء أمس الأربعاء، إثر إطلاق النار عليهما في محيط بلدة الشحيل.", published: "2024-01-04").incidents
        #expect(civilians.first?.fatalities == 2, "\(civilians.map { ($0.type, $0.fatalities as Any) })")
        let soldiers = extract("أعلن الجيش السوري مقتل جنديين في بلدة دبسي عفنان أمس.", published: "2024-01-04").incidents
        #expect(soldiers.first?.fatalities == 2, "\(soldiers.map { ($0.type, $0.fatalities as Any) })")
        let arrested = extract("اعتقلت قسد شابين في بلدة الشحيل أمس.", published: "2024-01-04").incidents
        #expect(arrested.first?.people == 2, "\(arrested.map { ($0.type, $0.people as Any) })")
        let plural = extract("قتل مدنيين في قصف على بلدة الشحيل أمس.", published: "2024-01-04").incidents
        #expect(plural.allSatisfy { $0.fatalities == nil }, "\(plural.map { ($0.type, $0.fatalities as Any) })")
    }

    @Test("A curfew told beside a prison in the headline and in its town in the body is the town's")
    func curfewOnTheTown() {
        let incidents = extract(
            "الجيش السوري يقر بفرار دواعش من سجن الشدادي ويعلن حظر التجوال\n\nوقال الجيش السوري: نعلن عن حظر تجوال كامل في مدينة الشدادي وما حولها.",
            published: "2026-01-19").incidents
        let curfews = incidents.filter { $0.type == .curfew }
        #expect(curfews.count == 1 && curfews.first?.place.kind.isSettlement == true, "\(incidents.map { ($0.type, $0.place.name) })")
        #expect(incidents.contains { $0.type == .escape && $0.place.kind == .prison })
    }

    @Test("Review cases: a dual word ending a sentence, active 'captured', standing control, reporting windows, families, campaigns, support aircraft, one's own ground")
    func reviewFalsePositives() {
        // A possessive that looks like a dual facility word, last in its sentence, does not crash.
        #expect(extract("تعرضت للتعذيب طوال فترة سجني.", published: "2024-03-10").incidents.isEmpty)
        let captured = extract("SDF fighters captured the village of al-Baghuz on Sunday.", published: "2024-03-10").incidents
        #expect(captured.map(\.type) == [.controlChange], "\(captured.map { ($0.type, $0.place.name) })")
        expectNo(.controlChange, in: [
            "ويأتي ذلك مع استمرار سيطرة قوات النظام على مدينة البوكمال.",
            "وتفرض قسد سيطرتها على مدينة الرقة منذ عام 2017.",
            "SDF reinforcements arrived in Hajin on Sunday, in areas controlled by the SDF.",
            "The Kurdish National Council withdrew from the unity talks held in Qamishli on Sunday.",
        ], published: "2024-03-10")
        let window = extract("Turkish drones struck Amuda twice in the past 24 hours.", published: "2024-03-10").incidents
        #expect(window.map(\.type) == [.strike], "\(window.map { ($0.type, $0.place.name) })")
        let several = extract("Turkish drones carried out several strikes on villages near Qamishli on Sunday.", published: "2024-03-10").incidents
        #expect(several.contains { $0.type == .strike }, "\(several.map { ($0.type, $0.place.name) })")
        let families = extract("وزعت الهلال الأحمر سلالاً غذائية على أسر 150 شخصاً في مخيم الهول أمس.", published: "2024-03-10").incidents
        #expect(!families.contains { $0.type == .arrest }, "\(families.map { ($0.type, $0.place.name) })")
        let campaign = extract("Thousands of residents fled Hajin on Sunday during the SDF military campaign.", published: "2024-03-10").incidents
        #expect(!campaign.contains { $0.type == .escape }, "\(campaign.map { ($0.type, $0.place.name) })")
        let leaflets = extract("Leaflets dropped by coalition aircraft over Hajin on Sunday urged residents to leave.", published: "2024-03-10").incidents
        #expect(!leaflets.contains { $0.type == .strike }, "\(leaflets.map { ($0.type, $0.place.name) })")
        let emir = extract("An ISIS emir surrendered to the SDF in Baghouz on Sunday.", published: "2024-03-10").incidents
        #expect(emir.map(\.type) == [.arrest], "\(emir.map { ($0.type, $0.place.name) })")
        let arabicWithdrawal = extract("انسحبت قسد من جميع المناطق في ريف دير الزور الشرقي أمس.", published: "2024-03-10").incidents
        #expect(arabicWithdrawal.map(\.type) == [.controlChange], "\(arabicWithdrawal.map { ($0.type, $0.place.name) })")
    }

    @Test("A curfew imposed 'for movement' ('حظراً للتجوال') in a list of towns is one per town")
    func curfewForMovement() {
        let incidents = extract("أكد المرصد أن قوات سوريا الديمقراطية فرضت حظراً للتجوال في مناطق الشحيل وذيبان بريف دير الزور الشرقي.", published: "2020-08-05").incidents
        #expect(incidents.allSatisfy { $0.type == .curfew } && Set(incidents.map(\.place.name)).count == 2, "\(incidents.map { ($0.type, $0.place.name) })")
    }

    @Test("An article about a city is about it where a sentence names no place, though it names its quarters and a bridge")
    func cityWithLandmarks() throws {
        let incidents = extract(
            "\"الوحدات الكردية\" تسيطر على مواقع للنظام بالحسكة\n\nسيطرت الوحدات الكردية على مواقع للنظام جنوب وغرب مدينة الحسكة، فيما قضى مدني بقصف للنظام على مناطق من المدينة.\n\nوقال القيادي إنهم سيطروا على منطقة النشوة الشرقية، ومركز غويران، وجسر البيروتي.\n\nكذلك، تمكنت الوحدات الكردية من أسر 35 عنصراً لقوات النظام خلال الاشتباكات.\n\nوأكد القيادي أنهم يقبلون بالمفاوضات نزولاً عند رغبة أهالي الحسكة.",
            published: "2016-08-20").incidents
        let arrest = try #require(incidents.first { $0.type == .arrest }, "\(incidents.map { ($0.type, $0.place.name) })")
        #expect(arrest.place.name == "al-Hasakah")
        #expect(arrest.people == 35)
    }

    @Test("'The coalition base' is one of the coalition's, not a Syrian army regiment's barracks nearer the text's towns")
    func ownerNamedBase() throws {
        let mentions = extract("هبطت طائرات في قاعدة التحالف الدولي يوم الاثنين في الشدادي جنوب الحسكة.", published: "2022-01-24").mentions
        let base = try #require(mentions.first { $0.surface.hasPrefix("قاعدة") })
        #expect(!base.place.name.contains("Regiment"), "\(base.place.name)")
        #expect(base.place.kind == .base)
    }

    @Test("A date after another kind of event later in the sentence is that event's; 'وسط مدينة X' places the clashes")
    func datesOwnedByTheirEvent() throws {
        let incidents = extract(
            "اندلعت اشتباكات، ظهر أمس الثلاثاء، بين عناصر الأسايش وقوات الدفاع الوطني، وسط مدينة الحسكة.\n\nوبدأت الاشتباكات إثر محاولة الأسايش اقتحام حي النشوة الشرقية، رداً على قيام عناصر الدفاع الوطني باعتقال أربعة من عناصر الأسايش قبل أربعة أيام، رغم توصل الجانبين لاتفاق قبل ثلاثة أيام.\n\nكما وردت أنباء عن إصابة ضابط ونقله إلى دمشق عبر مطار القامشلي.",
            published: "2016-08-17").incidents
        let clashes = incidents.filter { $0.type == .clash }
        #expect(!clashes.isEmpty && clashes.allSatisfy { $0.date?.start.description == "2016-08-16" }, "\(clashes.map { ($0.place.name, $0.date?.start.description ?? "-") })")
        // In Hasakah (the city, or its quarter the next paragraph names), not at the airport the
        // article names later.
        #expect(clashes.allSatisfy { $0.place.name == "al-Hasakah" || $0.place.name.hasPrefix("al-Nashwa") }, "\(clashes.map(\.place.name))")
        let arrest = try #require(incidents.first { $0.type == .arrest })
        #expect(arrest.date?.start.description == "2016-08-13")
    }

    @Test("A state as patron ('loyal to Ankara') is no place; an Iraqi namesake far beyond the text's Syrian places is another place")
    func patronsAndFarNamesakes() {
        let loyal = extract("Clashes continue between the SDF and armed factions loyal to Ankara near the Tishrin Dam.", published: "2025-01-07")
        #expect(!loyal.mentions.contains { $0.place.name == "Ankara" }, "\(loyal.mentions.map(\.place.name))")
        #expect(loyal.incidents.map(\.place.name) == ["Tishrin dam"], "\(loyal.incidents.map(\.place.name))")
        let shamiya = extract(
            "تجددت المواجهات بين قوات النظام على الضفة الغربية لنهر الفرات “الشامية” وقسد في بلدات الشحيل والبصيرة بريف دير الزور.",
            published: "2024-08-12")
        #expect(!shamiya.mentions.contains { $0.place.country == "IQ" }, "\(shamiya.mentions.map { ($0.surface, $0.place.name, $0.place.country) })")
        // A large Iraqi city named by its own name stays.
        let fallujah = extract("أعاد العراق 600 عائلة من مخيم الهول بريف الحسكة إلى الفلوجة.", published: "2024-08-12")
        #expect(fallujah.mentions.contains { $0.place.country == "IQ" }, "\(fallujah.mentions.map { ($0.surface, $0.place.name) })")
    }

    @Test("A count of shells with a hamza ('110 قذائف') is one shelling, not a tally; suicide bombers blowing themselves up attack")
    func shellsCountedAndSuicideBombers() {
        let shells = extract("وأضاف أن متشددي داعش أطلقوا 110 قذائف على الأقل في كوباني.", published: "2014-11-29").incidents
        #expect(shells.map(\.type) == [.strike], "\(shells.map { ($0.type, $0.place.name) })")
        let suicide = extract("قال المرصد إن أربعة انتحاريين فجروا أنفسهم في مدينة كوباني.", published: "2014-11-29").incidents
        #expect(suicide.map(\.type) == [.attack], "\(suicide.map { ($0.type, $0.place.name) })")
        #expect(extract("A militant blew himself up at a checkpoint in Kobani.").incidents.map(\.type) == [.attack])
    }

    @Test("Forces fanning out deploy; Kurdish-led forces in Syria are the SDF")
    func fannedOutAndKurdishLed() {
        let deployed = extract("On Thursday SDF forces fanned out across the large village of Hajin.", published: "2018-12-14").incidents
        #expect(deployed.map(\.type) == [.deployment], "\(deployed.map { ($0.type, $0.place.name) })")
        let seized = extract("Kurdish-led forces seized the town of Hajin on Friday.", published: "2018-12-14").incidents
        #expect(seized.first?.actors == [.sdf], "\(seized.map(\.actors))")
    }

    @Test("'وذلك في الأحياء الغربية لمدينة X' places a long clause's clashes (the word list folded: الأحياء reads الاحيا)")
    func thatIsInPlacesTheClause() {
        let incidents = extract(
            "عنوان الخبر عن المعارك اليوم\n\nوقال مراسل تلفزيون سوريا: إن اشتباكات عنيفة تدور حالياً بين مقاتلي عملية نبع السلام مِن جهة وقوات سوريا الديمقراطية (قسد) مِن جهةٍ أخرى، وذلك في الأحياء الغربية لمدينة تل أبيض.",
            published: "2019-10-13").incidents
        #expect(incidents.map(\.type) == [.clash] && incidents.first?.place.name == "Tell Abyad", "\(incidents.map { ($0.type, $0.place.name) })")
    }

    @Test("A rating after a town ('عامودا 66/20') is no outlet's number; Assad, 'regime-allied' and black clouds are no places")
    func ratingsAndNonPlaces() {
        let amuda = extract("واستهدفت طائرات مسيرة تركية اليوم محطتي تحويل كهرباء بلدة عامودا 66/20 كيلو فولت.", published: "2023-10-05")
        #expect(amuda.mentions.map(\.place.name) == ["Amuda"], "\(amuda.mentions.map { ($0.surface, $0.place.name) })")
        let assad = extract("Assad regime-allied militias and قوات الأسد shelled the town of al-Busayrah under سحب سوداء.", published: "2023-09-12")
        #expect(assad.mentions.map(\.place.name) == ["al-Busayrah"], "\(assad.mentions.map { ($0.surface, $0.place.name) })")
    }

    @Test("A second target joined by و and placed by its settlement word shares the cue")
    func conjunctTargets() {
        let incidents = extract(
            "واستهدفت طائرات مسيرة تركية اليوم الخميس محطتي تحويل كهرباء بلدة عامودا 66/20 كيلو فولت ومحطة تحويل كهرباء مدينة القامشلي الشمالية.",
            published: "2023-10-05").incidents
        #expect(Set(incidents.map(\.place.name)) == ["Amuda", "Qamishli"] && incidents.allSatisfy { $0.type == .strike },
                "\(incidents.map { ($0.type, $0.place.name) })")
    }

    @Test("Before the cue, the list goes on past the facility named among the towns ('وعامودا', 'إضافة إلى مدينة X')")
    func listPastFacilityBeforeCue() {
        let incidents = extract(
            "وتحدث شهود عيان عن تصاعد أعمدة الدخان على مدن القامشلي ورميلان والسويدية وعامودا بريف محافظة الحسكة، إضافة إلى مدينة عين العرب (كوباني) إثر الغارات التركية المكثفة.",
            published: "2024-10-25").incidents
        #expect(Set(incidents.map(\.place.name)).isSuperset(of: ["Qamishli", "Rmeilan", "Amuda", "Kobani"]), "\(incidents.map { ($0.type, $0.place.name) })")
    }

    @Test("'in the notorious al-Hol camp': English adjectives after 'the' still introduce the place")
    func adjectivesAfterThe() {
        let incidents = extract(
            "At least ten suspected Islamic State members were arrested in an ongoing operation carried out by Kurdish forces in the notorious al-Hol camp in northeast Syria, the force said on Sunday.",
            published: "2024-11-11").incidents
        #expect(incidents.map(\.type) == [.arrest] && incidents.first?.place.kind == .camp, "\(incidents.map { ($0.type, $0.place.name) })")
    }

    @Test("Places right after one ending in a settlement word ('Ayyash village, al-Khan village') list without a crash; 'وذلك بعد' places nothing")
    func settlementWordListsAndThatAfter() {
        let raid = extract("SDF forces raided Ayyash village, al-Khan village and Saida village.", published: "2024-01-01").incidents
        #expect(raid.count >= 2 && raid.allSatisfy { $0.type == .arrest }, "\(raid.map { ($0.type, $0.place.name) })")
        let after = extract(
            "اندلعت اشتباكات عنيفة بين مقاتلي العشائر وقوات سوريا الديمقراطية في بلدة ذيبان وأسفرت عن سقوط جرحى من الطرفين، وذلك بعد يومين من عودة وفد العشائر من دمشق.",
            published: "2023-09-12").incidents
        #expect(!after.contains { $0.place.name == "Damascus" }, "\(after.map { ($0.type, $0.place.name) })")
    }

    @Test("More ways news tells an incident", arguments: [
        ("قتل مدنيان بانفجار لغم أرضي قرب بلدة البصيرة.", IncidentType.attack),
        ("سقطت قذائف هاون على بلدة البصيرة.", .strike),
        ("Gunmen opened fire on a checkpoint in al-Busayrah.", .attack),
        ("A roadside bomb hit an SDF vehicle near al-Busayrah.", .attack),
        ("Government artillery pounded the town of al-Busayrah.", .strike),
        ("The SDF apprehended two ISIS members in al-Busayrah.", .arrest),
        ("Government forces took over the town of al-Busayrah.", .controlChange),
        ("تسلمت القوات الحكومية سجن الشدادي من قسد.", .controlChange),
        ("استشهد مدني بسقوط قذائف على بلدة البصيرة.", .strike),
        ("استشهد شاب في بلدة البصيرة برصاص مجهولين.", .attack),
    ])
    func moreCues(_ text: String, _ type: IncidentType) {
        let incidents = extract(text, published: "2024-01-10").incidents
        #expect(incidents.map(\.type).contains(type), "\(incidents.map { ($0.type, $0.place.name) })")
    }

    @Test("Common words are no places: تجدر الإشارة، عنه، the adjectives القائم and تركية")
    func commonWordsAreNoPlaces() {
        let text = "تجدر الإشارة إلى أن المرصد تحدث عنه، وأن المنزل القائم في المنطقة استهدف بقذيفة تركية قرب مدينة القامشلي."
        let names = extract(text).mentions.map(\.place.name)
        #expect(names == ["Qamishli"], "\(names)")
        #expect(extract("وصلت التعزيزات العراقية إلى القائم.").mentions.map(\.place.name) == ["al-Qaim"])
    }

    @Test("Opening fire apart, a killing told alone, and not a tally or a toll of something else")
    func killingsAndTallies() {
        let fire = extract("فتح مسلحان من خلايا التنظيم النار على سيارة عسكرية في مدينة الشحيل.").incidents
        #expect(fire.map(\.type) == [.attack] && fire.first?.place.name == "al-Shuhayl", "\(fire.map { ($0.type, $0.place.name) })")
        let killed = extract("قتل، أمس الخميس، لاجئ عراقي في مخيم الهول.").incidents
        #expect(killed.map(\.type) == [.attack] && killed.first?.place.name == "al-Hol camp", "\(killed.map { ($0.type, $0.place.name) })")
        for tally in [
            "– 66 استهداف على الحسكة، أسفر عن مقتل 3 من قوات النظام.",
            "يرتفع إلى 92 تعداد الاستهدافات التي نفذتها طائرات مسيرة على الحسكة منذ مطلع العام، تسببت بمقتل 29 شخصاً.",
            "شهدت المخيمات تصفية أكثر من 50 شخصاً في عمليات اغتيال في مخيم الهول.",
        ] {
            #expect(extract(tally).incidents.isEmpty, "\(tally)")
        }
    }

    @Test("A strike told with a verb of targeting is one strike; the towns a road joins are not where it hit")
    func strikeWithTargetingAndRoads() {
        let strike = extract("استهدف قصف تركي قرية الدردارة شمال تل تمر.").incidents
        #expect(strike.map(\.type) == [.strike], "\(strike.map { ($0.type, $0.place.name) })")
        let road = extract("استهدفت طائرة مسيرة تركية سيارة على طريق القامشلي - عامودا، بالقرب من قرية غزاليك.").incidents
        #expect(road.map(\.place.name) == ["غزاليك"], "\(road.map { ($0.type, $0.place.name) })")
        // With no other place, the road's first town, as near where it happened.
        let onRoad = extract("سقطت قذيفة قرب حي سكني على طريق الدرباسية – عامودا.").incidents
        #expect(onRoad.first?.place.name == "al-Darbasiyah" && onRoad.first?.geoPrecision == 2, "\(onRoad.map { ($0.place.name, $0.geoPrecision) })")
        // The dual "ريفي" is a countryside too.
        let area = extract("قصفت المدفعية التركية ريفي القامشلي.").incidents
        #expect(area.first?.place.kind == .region, "\(area.map { ($0.type, $0.place.name) })")
    }

    @Test("'الريف الشمالي الغربي لمدينة X' is X's countryside on that side; a media centre is no place; artillery strikes")
    func countrysideOfCityAndMedia() throws {
        let area = extract("صعدت القوات التركية قصفها على الرّيف الشّمالي الغربي لمدينة منبج.", published: "2024-01-10")
        let strike = try #require(area.incidents.first)
        #expect(strike.type == .strike && strike.place.name == "north-western Manbij countryside", "\(area.incidents.map { ($0.type, $0.place.name) })")
        let media = extract("أشار مركز حلب الإعلامي إلى مقتل عشرة أشخاص بقصف مدفعي على مدينة منبج.", published: "2016-06-23")
        #expect(!media.mentions.contains { $0.place.name == "Aleppo" }, "\(media.mentions.map(\.place.name))")
        let artillery = extract("واستهدفت المدفعية التركية قرية الدردارة شمال تل تمر.", published: "2022-10-05")
        #expect(artillery.incidents.map(\.type) == [.strike])
    }

    @Test("A far foreign town named by an alternate name is not meant; allegiances are no names; a booby-trapped motorbike is an attack")
    func farAliasesAllegiancesAndBlasts() {
        // GeoNames spells Zahlé (Lebanon) "Sahla" too.
        let sahla = extract("ISIS cells attacked an Asayish checkpoint in the Sahla Al-Banat area east of Raqqa on Thursday.", published: "2022-04-22")
        #expect(!sahla.mentions.contains { $0.place.country == "LB" }, "\(sahla.mentions.map(\.place.name))")
        let held = extract("The SDF arrested 22 men in the SDF-controlled town of al-Mansoura.", published: "2019-01-25")
        #expect(!held.mentions.contains { $0.place.isUnlocated }, "\(held.mentions.map(\.surface))")
        for habitual in ["يذكر أن مناطق شرق دير الزور تشهد بين الحين والآخر هجمات يشنها عناصر داعش.",
                         "Villages near al-Busayrah are shelled from time to time."] {
            #expect(extract(habitual).incidents.isEmpty, "\(habitual)")
        }
        let blast = extract("A booby-trapped motorcycle went off in the city of Shaddadi on Tuesday.", published: "2019-08-27")
        #expect(blast.incidents.map(\.type) == [.attack] && blast.incidents.first?.place.name == "al-Shaddadi")
    }

    @Test("Actors as opposition media and the SDF's own name them", arguments: [
        ("قصفت قوات النظام قرية الدردارة شمال تل تمر.", Actor.syrianGovernment),
        ("هاجمت خلايا التنظيم حاجزاً قرب بلدة البصيرة.", .isis),
        ("اشتبكت وحدات حماية الشعب مع مسلحين قرب بلدة البصيرة.", .sdf),
        ("هاجمت الفصائل الموالية لتركيا قرية الدردارة شمال تل تمر.", .turkey),
    ])
    func moreActors(_ text: String, _ actor: Actor) {
        let incidents = extract(text, published: "2022-10-05").incidents
        #expect(incidents.contains { $0.actors.contains(actor) }, "\(incidents.map { ($0.type, $0.actors) })")
    }

    @Test("A village named twice in an article is one place")
    func unlocatedOncePerArticle() {
        let result = extract("قصفت المدفعية قرية عبوش شمال تل تمر. وبعد ساعة عاد القصف على قرية عبوش قرب الدردارة.", published: "2022-10-05")
        let places = Set(result.mentions.filter { $0.place.isUnlocated }.map(\.place.id))
        #expect(places.count == 1, "\(places)")
    }

    @Test("A place name after a given name is a family name; an event placed in countries takes no place from the paragraph before")
    func familyNamesAndCountryEvents() {
        let spokesman = extract("""
            Syrian Democratic Forces are fighting to retake the village of Baghouz in Deir ez-Zor.

            However some fighting continues. Adnan Afrin, a SDF spokesperson told AFP "there are sporadic clashes on some axes".
            """, published: "2019-02-20")
        #expect(!spokesman.mentions.contains { $0.surface == "Afrin" }, "\(spokesman.mentions.map(\.surface))")
        let arabic = extract("وقال المتحدث عدنان عفرين إن الاشتباكات مستمرة في الباغوز.", published: "2019-02-20")
        #expect(!arabic.mentions.contains { $0.surface == "عفرين" }, "\(arabic.mentions.map(\.surface))")
        // "والعمر والرصافة": an oil field after a field named al-Omar, not a family name.
        let fields = extract("سيطر الجيش على حقول الصفيان والعمر والرصافة.", published: "2026-01-18")
        #expect(fields.mentions.contains { $0.surface == "الرصافة" }, "\(fields.mentions.map(\.surface))")
        let background = extract("""
            Five SDF members were killed in an attack on a checkpoint in Deir ez-Zor on July 31.

            The SDF was the main force allied to the United States during fighting that defeated Islamic State in 2019 across swathes of Syria and Iraq.
            """, published: "2025-08-03")
        #expect(background.incidents.map(\.type) == [.attack], "\(background.incidents.map { ($0.type, $0.place.name) })")
    }

    @Test("Datelines and bylines are no places; a capital is not 'the city'; capital-like names after verbs of entering")
    func datelinesCapitalsAndEntering() {
        let dateline = extract("""
            تضييق الخناق على المتشددين

            أربيل (العراق)- قالت قيادة العمليات المشتركة إن القوات العراقية دخلت القائم صباح الجمعة.
            """, published: "2017-11-03")
        #expect(!dateline.mentions.contains { $0.place.name == "Erbil" }, "\(dateline.mentions.map(\.surface))")
        // "القائم" is an adjective too, but not after "دخلت".
        #expect(dateline.incidents.contains { $0.type == .deployment && $0.place.name == "al-Qaim" },
                "\(dateline.incidents.map { ($0.type, $0.place.name) })")
        let byline = extract("""
            آلان بكو ـ القامشلي

            شهدت مدينة الحسكة اليوم الخميس هدوءاً حذراً.
            """, published: "2015-05-07")
        #expect(!byline.mentions.contains { $0.place.name == "Qamishli" }, "\(byline.mentions.map(\.surface))")
        let english = extract("QAMISHLI, Syria (North Press) – Turkish drones struck a car in Amuda on Thursday.", published: "2023-10-05")
        #expect(!english.mentions.contains { $0.place.name == "Qamishli" })
        // "داخل المدينة" after "في دمشق": the city the article is about, not the capital.
        let city = extract("""
            توقفت الاشتباكات في مدينة الحسكة عقب تدخل مسؤولين من النظام السوري في دمشق. وقتل خمسة مدنيين إثر سقوط قذائف هاون داخل المدينة.
            """, published: "2016-08-18")
        #expect(city.incidents.contains { $0.type == .strike && $0.place.name == "al-Hasakah" },
                "\(city.incidents.map { ($0.type, $0.place.name) })")
        // "يمنع التجول" is a curfew; the Syrian National Army is Turkey's side.
        let curfew = extract("وأصدرت قوات الأسايش قراراً يمنع التجول في مدينة الحسكة.", published: "2015-05-07")
        #expect(curfew.incidents.map(\.type) == [.curfew], "\(curfew.incidents.map { ($0.type, $0.place.name) })")
        let sna = extract("بدأ مقاتلو الجيش الوطني باقتحام مدينة تل أبيض.", published: "2019-10-13")
        #expect(sna.incidents.first?.actors.first == .turkey, "\(sna.incidents.map(\.actors))")
    }

    @Test("A village the gazetteer lacks is anchored at the place, not at the town that only locates that place")
    func unlocatedAnchorSkipsReference() throws {
        let result = extract(
            "أما على محور مدينة رأس العين شمال غرب الحسكة، فإن المقاتلين تمكنوا من السيطرة على قريتي (حروبي، ورجعان).",
            published: "2019-10-13")
        let village = try #require(result.mentions.first { $0.surface == "حروبي" }, "\(result.mentions.map(\.surface))")
        #expect(village.place.parentID == result.mentions.first { $0.surface == "رأس العين" }?.place.id)
    }

    @Test("Word lists meet folded text: a warplane makes a strike, 'مئة' is a hundred; raids, deployments, shells; trends are no events")
    func foldedListsAndMoreCues() {
        let warplane = extract("استهدفت طائرة حربية تركية مركزاً للجيش السوري في قرية حدودية قرب كوباني.", published: "2022-08-16")
        #expect(warplane.incidents.map(\.type) == [.strike], "\(warplane.incidents.map { ($0.type, $0.place.name) })")
        let hundred = extract("قتل مئة مدني في قصف على مدينة الميادين.", published: "2017-06-01")
        #expect(hundred.incidents.first?.fatalities == 100, "\(hundred.incidents.map { ($0.type, $0.fatalities) })")
        let raid = extract("طوقت مجموعات مسلحة من قسد بلدة المنصورة وعددا من القرى التابعة لها بريف الرقة الغربي، وداهمت المنازل فيها.",
                           published: "2020-09-20")
        #expect(raid.incidents.contains { $0.type == .arrest && $0.place.name == "al-Mansoura" },
                "\(raid.incidents.map { ($0.type, $0.place.name) })")
        let deployed = extract("وانتشرت قوات التحالف الدولي في محيط مخيم الهول.", published: "2021-03-30")
        #expect(deployed.incidents.map(\.type) == [.deployment], "\(deployed.incidents.map { ($0.type, $0.place.name) })")
        let shells = extract("استهدفت القوات التركية بلدة عين عيسى شمال الرقة بأكثر من 30 قذيفة مدفعية.", published: "2022-08-16")
        #expect(shells.incidents.map(\.type) == [.strike], "\(shells.incidents.map { ($0.type, $0.place.name) })")
        // A trend of discrete events is background; fighting growing fiercer is fighting.
        let trend = extract("حملة أمنية في مخيم الهول بعد تصاعد الاغتيالات.", published: "2021-03-30")
        #expect(!trend.incidents.contains { $0.type == .attack }, "\(trend.incidents.map { ($0.type, $0.place.name) })")
        let fiercer = extract("وخفت وتيرة الاشتباكات في محيط سجن غويران.", published: "2022-01-23")
        #expect(fiercer.incidents.map(\.type) == [.clash])
    }

    @Test("Councils named by places are no places; the attackers are no attack; a ground attack under artillery cover; river banks; 'the capture of X'")
    func councilsAttackersGroundAndRivers() {
        let clash = extract("""
            وأضاف البيان أنه اندلعت اشتباكات عنيفة بين قوات مجلس دير الزور وهجين العسكريين من جهة، والمجموعات المهاجمة في محيط قرى ذيبان واللطوة وأبو حمام من جهة أخرى.
            """, published: "2024-08-08")
        #expect(!clash.mentions.contains { ["Deir ez-Zor", "Hajin"].contains($0.place.name) }, "\(clash.mentions.map(\.surface))")
        #expect(clash.incidents.allSatisfy { $0.type == .clash } && clash.incidents.contains { $0.place.name == "Abu Hamam" },
                "\(clash.incidents.map { ($0.type, $0.place.name) })")
        let council = extract("The Deir ez-Zor Military Council arrested 12 men in al-Busayrah on Monday.", published: "2023-09-11")
        #expect(council.mentions.map(\.place.name) == ["al-Busayrah"], "\(council.mentions.map(\.surface))")
        let ground = extract("""
            شنت قوات النظام هجوماً برياً بغطاء من المدفعية وقذائف الهاون على مناطق ضفاف نهر الفرات شرقي دير الزور.
            """, published: "2024-08-07")
        #expect(ground.incidents.contains { $0.type == .attack }, "\(ground.incidents.map { ($0.type, $0.place.name) })")
        #expect(!ground.incidents.contains { $0.place.kind == .river }, "\(ground.incidents.map { ($0.type, $0.place.name) })")
        let capture = extract("The capture of al-Shadadi in Hasaka province came three days after the offensive began.", published: "2016-02-19")
        #expect(capture.incidents.contains { $0.type == .controlChange && $0.place.name == "al-Shaddadi" },
                "\(capture.incidents.map { ($0.type, $0.place.name) })")
    }

    @Test("'الريف الشرقي' is the eastern countryside of the city the text is about; channels, CENTCOM and country adjectives are no places")
    func countrysideAnaphorAndOutlets() {
        let maadan = extract("""
            وقعت اشتباكات في ريف الرقة. وقتل عنصران بهجوم استهدف حاجزاً عند مدخل بلدة معدان في الريف الشرقي.
            """, published: "2017-06-11")
        #expect(maadan.mentions.contains { $0.surface == "الريف الشرقي" && $0.place.name == "eastern Raqqa countryside" },
                "\(maadan.mentions.map { ($0.surface, $0.place.name) })")
        let channel = extract("""
            خرجت محطات الكهرباء في شمال شرق سورية عن الخدمة جراء القصف التركي، وفقًا لقناة الميادين. وهي- بحسب "الميادين"- تغذي عشرات المحطات.
            """, published: "2023-10-06")
        #expect(!channel.mentions.contains { $0.place.name == "al-Mayadin" }, "\(channel.mentions.map(\.surface))")
        let centcom = extract("قالت القيادة الوسطى الأميركية إن هجوماً بصواريخ استهدف قاعدة القرية الخضراء.", published: "2022-11-17")
        #expect(!centcom.mentions.contains { $0.surface == "الوسطى" }, "\(centcom.mentions.map(\.surface))")
        #expect(centcom.incidents.first?.place.id == "curated:base-green-village")
        let ypg = extract("وقال المرصد إن وحدات حماة الشعب الكردي سيطرت على معبر اليعربية.", published: "2013-10-26")
        #expect(!ypg.mentions.contains { $0.place.name == "Ḩamāh" } && ypg.incidents.first?.actors.first == .sdf,
                "\(ypg.mentions.map(\.surface)) \(ypg.incidents.map(\.actors))")
        let adjective = extract("قصفت طائرات مجهولة مواقع على الحدود السورية قرب البوكمال.", published: "2020-03-12")
        #expect(!adjective.mentions.contains { $0.place.kind == .country }, "\(adjective.mentions.map(\.surface))")
    }

    @Test("Village lists as SOHR and local sites write them; their anchor in the paragraph before; places a few words on after 'في محيط مدينة'")
    func villageListsAndAnchors() throws {
        let result = extract("""
            شن تنظيم داعش أمس الثلاثاء هجوماً عنيفاً على مواقع تابعة لقوات سوريا الديمقراطية في محيط مدينة “الشدادي” جنوبي الحسكة، مستغلاً المعارك في أحياء مدينة الحسكة.

            وتمكن التنظيم من السيطرة على قرى وبلدات ”الشيخ عثمان، والشيخ هلال، والحمادات، وأجزاء من قرية العزاوي”.
            """, published: "2016-08-24")
        #expect(result.incidents.contains { $0.type == .attack && $0.place.name == "al-Shaddadi" },
                "\(result.incidents.map { ($0.type, $0.place.name) })")
        let villages = result.mentions.filter(\.place.isUnlocated)
        #expect(Set(villages.map(\.surface)) == ["الشيخ عثمان", "الشيخ هلال", "الحمادات", "العزاوي"], "\(villages.map(\.surface))")
        #expect(villages.allSatisfy { $0.place.parentID == "curated:town-shaddadi" || $0.place.parentID?.contains("shaddadi") == true },
                "\(villages.map { $0.place.parentID ?? "-" })")
        let abu = extract("سيطرت قوات الحماية الشعبية على قريتي ابو غدير و ابو كبرة بريف القامشلي الجنوبي.", published: "2015-02-23")
        #expect(Set(abu.mentions.filter(\.place.isUnlocated).map(\.surface)) == ["ابو غدير", "ابو كبرة"], "\(abu.mentions.map(\.surface))")
        #expect(abu.incidents.first?.actors.first == .sdf, "\(abu.incidents.map(\.actors))")
        // "ريف بلدة تل تمر بالحسكة": the countryside of Tell Tamer, which is in al-Hasakah.
        let countryside = extract("ذكر ناشطون اقتحام تنظيم داعش عدة قرى في ريف بلدة تل تمر بالحسكة.", published: "2015-02-23")
        #expect(countryside.incidents.first?.place.name == "Tell Tamer countryside", "\(countryside.incidents.map { ($0.type, $0.place.name) })")
    }

    @Test("A foiled or attempted escape is no escape; detentions, raids from the air, sieges broken")
    func foiledAttemptsAndSieges() {
        let foiled = extract("""
            أعلنت قوى الأمن الداخلي إحباط محاولة جديدة للهروب من مخيم الهول، بعد أن حاولت مجموعة من نساء عائلات تنظيم داعش الفرار من المخيم. وتمكنت قوات الأمن من توقيف 18 شخصاً في مخيم الهول.
            """, published: "2025-12-11")
        #expect(!foiled.incidents.contains { $0.type == .escape }, "\(foiled.incidents.map { ($0.type, $0.place.name) })")
        #expect(foiled.incidents.contains { $0.type == .arrest && $0.people == 18 }, "\(foiled.incidents.map { ($0.type, $0.people) })")
        let raid = extract("وقد أغار الطيران الحربي على مواقع التنظيم في محيط مدينة الميادين.", published: "2017-09-05")
        #expect(raid.incidents.map(\.type) == [.strike], "\(raid.incidents.map { ($0.type, $0.place.name) })")
        let siege = extract("أعلنت وكالة سانا أن الجيش السوري كسر حصار تنظيم الدولة على مدينة دير الزور يوم الثلاثاء.", published: "2017-09-05")
        #expect(siege.incidents.contains { $0.type == .controlChange && $0.place.name == "Deir ez-Zor" },
                "\(siege.incidents.map { ($0.type, $0.place.name) })")
        // "للوصول إلى" (in order to reach) tells a purpose, not an arrival.
        let purpose = extract("وكشفت أن قسد فتحت الطريق أمام الداعشيين للوصول إلى محور الرصافة.", published: "2022-06-19")
        #expect(!purpose.incidents.contains { $0.type == .deployment })
    }

    @Test("A place after its parts or sides ('في الأحياء الغربية لمدينة تل أبيض') is governed; Syria TV is no place")
    func placeApproachesAndBroadcasters() {
        let result = extract("""
            بدأ مقاتلو الجيش الوطني، اليوم الأحد، باقتحام مدينة تل أبيض.

            وقال مراسل تلفزيون سوريا: إن اشتباكات "عنيفة" تدور حالياً بين مقاتلي عملية "نبع السلام" مِن جهة و"قوات سوريا الديمقراطية" (قسد) مِن جهةٍ أخرى، وذلك في الأحياء الغربية لمدينة تل أبيض.
            """, published: "2019-10-13")
        #expect(!result.mentions.contains { $0.place.kind == .country }, "\(result.mentions.map(\.surface))")
        #expect(result.incidents.contains { $0.type == .clash && $0.place.name == "Tell Abyad" },
                "\(result.incidents.map { ($0.type, $0.place.name) })")
    }

    @Test("Kurdish forces are the SDF in Syria, not in Iraq (the Peshmerga)")
    func kurdishForcesBySide() {
        let iraq = extract("Peshmerga officials reported on Tuesday that Kurdish forces retook the border town of Rabia from Islamic State.",
                           published: "2014-09-30")
        #expect(iraq.incidents.contains { $0.place.name == "Rabia" } && !iraq.incidents.contains { $0.actors.contains(.sdf) },
                "\(iraq.incidents.map { ($0.place.name, $0.actors) })")
        let syria = extract("Kurdish fighters captured the town of Tal Hamis from Islamic State on Friday.", published: "2015-02-28")
        #expect(syria.incidents.first?.actors.first == .sdf, "\(syria.incidents.map { ($0.place.name, $0.actors) })")
    }

    @Test("Checkpoints set up, forces brought in, a cordon, forces entering; 'القوات الكردية' in Syria is the SDF")
    func deploymentsAndKurdishForces() {
        for text in ["وأضاف ناشطون أن قسد نشرت عدداً من الحواجز ونقاط التفتيش داخل بلدة المنصورة.",
                     "واستقدمت قسد قوات إضافية إلى بلدة المنصورة.",
                     "وفرضت القوى الأمنية طوقاً أمنياً على مداخل بلدة المنصورة.",
                     "وقال المرصد إن المقاتلين الأكراد دخلوا، أمس الجمعة، إلى بلدة اليعربية."] {
            let result = extract(text, published: "2019-05-12")
            #expect(result.incidents.map(\.type) == [.deployment], "\(text): \(result.incidents.map { ($0.type, $0.place.name) })")
        }
        let kurdish = extract("أفاد المرصد بأن القوات الكردية انتشرت في محيط السجن المركزي شمال مدينة الرقة.", published: "2022-06-19")
        #expect(kurdish.incidents.first?.actors == [.sdf], "\(kurdish.incidents.map(\.actors))")
    }

    @Test("An offensive launched is an attack; a preparatory bombardment by artillery is a strike")
    func offensivesAndBombardments() {
        let offensive = extract("The Iraqi army launched a military operation against YBS forces in the Sinune sub-district of Sinjar on Monday.",
                                published: "2022-05-02")
        #expect(offensive.incidents.map(\.type) == [.attack], "\(offensive.incidents.map { ($0.type, $0.place.name) })")
        let bombardment = extract("ودخلت القوات العراقية صباح الجمعة مركز مدينة القائم بعد تمهيد من سلاح المدفعية وطيران الجيش.",
                                  published: "2017-11-03")
        #expect(Set(bombardment.incidents.map(\.type)) == [.deployment, .strike], "\(bombardment.incidents.map { ($0.type, $0.place.name) })")
    }
}
