import Foundation
public import Gazetteer
import IncidentGeodesy

/// Turns an article into place mentions and incidents: cleaning → sentences → toponyms
/// (longest gazetteer match, clitics, facility phrases, context) → dates → event cues →
/// incidents with place, date, actors, counts, claim and dispute → merge of duplicates.
public struct Extractor: Sendable {
    public let gazetteer: Gazetteer
    /// Word types met so far, shared by copies of this extractor (see ``Vocabulary``).
    let vocabulary: Vocabulary

    /// The last year an article can be from, for dating articles whose publication date is
    /// unknown (see ``inferredYear(sentences:)``): the current year unless set.
    public var latestYear: Int

    /// An extractor over a loaded gazetteer.
    public init(gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
        vocabulary = Vocabulary()
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        latestYear = calendar.component(.year, from: Date())
    }

    /// The first year each actor can appear in news under these names: the SDF was founded in
    /// October 2015, the name ISIS dates from April 2013, the coalition against it and the PMF
    /// from 2014, the Asayish from 2012. The conflict this tool maps began in 2011.
    static let firstYear: [Actor: Int] = [.sdf: 2015, .isis: 2013, .coalition: 2014, .pmf: 2014, .asayish: 2012]
    static let conflictStart = 2011

    /// Whether the text names the region "شمال وشرق سوريا" / "north and east Syria": the name the
    /// Autonomous Administration took in September 2018, so the text is from 2018 or later.
    static func namesNorthAndEast(_ sentences: [Sentence]) -> Bool {
        sentences.contains { sentence in
            let words = sentence.tokens.map(\.entry.lowered)
            return words.indices.dropLast(2).contains { i in
                (words[i].hasSuffix("شمال") && ["وشرق", "وشرقي"].contains(words[i + 1]) && ["سوريا", "سوريه"].contains(words[i + 2]))
                    || (words[i] == "north" && words[i + 1] == "and" && i + 3 < words.count && words[i + 2] == "east"
                        && words[i + 3] == "syria")
            }
        }
    }

    /// The year of an article without a publication date, when its text pins it down: a weekday
    /// beside a day and month ("الأربعاء 10 تشرين الأول") falls on that weekday only in some
    /// years; of those between the first year its actors existed and ``latestYear``, exactly one
    /// must remain. Otherwise nil: the year is never guessed.
    func inferredYear(sentences: [Sentence]) -> Int? {
        let anchors = sentences.flatMap { DateParser.weekdayAnchors(in: $0.tokens) }
        guard let first = anchors.first else { return nil }
        let actors = Set(sentences.flatMap { $0.actors.map(\.actor) })
        let earliest = (actors.compactMap { Self.firstYear[$0] } + [Self.namesNorthAndEast(sentences) ? 2018 : Self.conflictStart]).max()
            ?? Self.conflictStart
        guard earliest <= latestYear else { return nil }
        let years = DateParser.years(matching: [first], in: earliest...latestYear)
        return years.count == 1 ? years[0] : nil
    }

    /// Extracts everything from one article.
    public func extract(_ input: Article) -> Extraction {
        var article = input
        let cleaned = Cleaner.clean(article.text, vocabulary: vocabulary)
        if article.published == nil { article.published = cleaned.dateline }
        var warnings = [String]()
        let sentences = TextSplitter.sentences(paragraphs: cleaned.paragraphs, vocabulary: vocabulary)
        let mentions = recognizePlaces(in: sentences)
        var dates = [[DateMention]]()
        var unresolved = 0
        let year = article.published == nil ? inferredYear(sentences: sentences) : nil
        for sentence in sentences {
            let found = DateParser.mentions(in: sentence.tokens, reference: article.published, year: year)
            unresolved += found.filter { $0.range == nil }.count
            dates.append(found)
        }
        if article.published == nil {
            let how = year.map { "; dates without a year read as \($0), the only year in which the text's weekday and date agree" } ?? ""
            warnings.append("\(article.id): publication date unknown; \(unresolved) relative date(s) left unresolved\(how)")
        }
        var incidents = findIncidents(article: article, sentences: sentences, mentions: mentions, dates: dates)
        incidents = Self.merge(incidents, maxKilometers: 2, slackDays: 0)
        return Extraction(article: article, mentions: mentions, incidents: incidents, warnings: warnings)
    }

    // MARK: - Places

    /// Words that name something else far more often than a place.
    static let notPlaces: Set<String> = [
        "دوله", "جيش", "امن", "وطن", "منطقه", "مدينه", "بلاد", "حكومه", "شعب", "قوات", "داخل", "ثوره", "يوم", "اليوم",
        "عمليات", "اخبار", "سجن", "حي", "قريه", "بلده", "ناحيه", "ان", "حول", "دور", "عمال", "جديده", "الي", "علي",
        "بين", "عند", "منذ", "وان", "فان", "بان", "لان", "كان", "وكان", "صفوان", "بعد", "قبل", "ثم", "كان", "كانت", "هذا", "هذه", "ذلك", "تلك", "التي", "الذي", "مع", "عن",
        "لكن", "اما", "او", "ام", "قد", "لقد", "كل", "بعض", "غير", "حتي", "اذا", "لان", "انه", "انها", "هو", "هي", "هم",
        "نحو", "حين", "وقت", "مكان", "اخر", "اول", "ثاني", "جانب", "اطار", "سياق", "نفس", "مصدر", "مصادر", "بيان",
        "the", "state", "army", "news", "center", "central", "north", "south", "east", "west", "said", "may",
        // "تجدر الإشارة" (a GeoNames spelling of al-Ashara), "عنه" (about it; Anah is "عنة"), the
        // adjective "تركية" (Turkish; Turkey is "تركيا").
        "اشاره", "عنه", "عنها", "تركيه",
        // "مفرق قرية دوكركا" (the junction of a village; the Jordanian city is "المفرق").
        "مفرق",
        // "قوات الأسد" (Assad's forces), "سحب سوداء" (black clouds).
        "اسد", "assad", "سودا",
        // Nationality adjectives ("the eastern Syrian town of Abu Kamal" is not a town "Syrian").
        "syrian", "iraqi", "turkish", "kurdish", "iranian", "american", "russian", "arab", "jordanian", "lebanese",
        "israeli", "british", "french", "islamic",
    ]

    /// Common given names (folded Arabic, lower-case Latin): a place name right after one is a
    /// person's family name ("Adnan Afrin, a SDF spokesperson", "عدنان عفرين"). Not names that are
    /// also common words once folded (علي is على), nor أبو/Abu, which opens place names too
    /// (أبو كمال، Abu Hamam).
    static let givenNames: Set<String> = [
        "محمد", "احمد", "حسن", "حسين", "عمر", "خالد", "محمود", "مصطفي", "ابراهيم", "عدنان", "فرهاد", "مظلوم",
        "سيامند", "صالح", "جميل", "يوسف", "رامي", "بشار", "حافظ", "رياض", "فواز", "نواف", "حامد", "وليد", "زياد",
        "سمير", "فادي", "هايس", "كمال", "جمال", "طارق", "ماجد", "عماد", "نوري", "شيار", "ريدور", "نوروز",
        "mohammed", "mohammad", "muhammad", "mohamed", "ahmed", "ahmad", "hassan", "hasan", "hussein", "husain", "omar",
        "khalid", "khaled", "mahmoud", "mustafa", "mostafa", "ibrahim", "adnan", "farhad", "mazloum", "mazlum",
        "siyamend", "saleh", "salih", "jamil", "youssef", "yousef", "yusuf", "rami", "bashar", "hafez", "riyad", "fawaz",
        "nawaf", "hamid", "walid", "ziad", "samir", "fadi", "kamal", "jamal", "tariq", "tarek", "majid", "imad",
        "nouri", "shiyar", "redur", "nowruz", "abdullah", "abdulrahman",
    ]

    /// Capitals whose name usually stands for a government: a place only after a locative word.
    /// (Also "القائم", which is as often the adjective "located" as the Iraqi border town.)
    static let capitals: Set<String> = [
        "دمشق", "واشنطن", "انقره", "موسكو", "طهران", "بغداد", "damascus", "washington", "ankara", "moscow", "tehran", "قايم",
        // "القيادة الوسطى الأميركية" (CENTCOM): al-Wusta is a place only after a locative.
        "وسطي",
    ]
    /// How far from the text's other places a name read without its facility may lie.
    static let nearbyPlaceMeters = 100_000.0
    /// Words of allegiance before "to"/"by"/"with" and a state: "loyal to Ankara", "backed by Turkey".
    static let patronWords: Set<String> = [
        "loyal", "backed", "allied", "affiliated", "linked", "aligned", "supported", "sponsored", "funded", "armed",
    ]
    /// Words after which a capital-like name is a place (``acceptAsPlace(_:tokens:at:)``).
    static let placeGoverningWords: Set<String> = [
        "دخلت", "دخل", "دخول", "استعاده", "استعاد", "استعادت", "اقتحام", "اقتحمت", "حصار", "مدينه", "مدينتي", "entered", "retook",
        "captured", "recaptured",
    ]
    static let locatives: Set<String> = ["في", "الي", "نحو", "قرب", "من", "داخل", "وسط", "in", "to", "near", "at", "from", "into"]

    func recognizePlaces(in sentences: [Sentence]) -> [Mention] {
        var mentions = [Mention]()
        let keyPrefixes = gazetteer.keyPrefixTable
        for (s, sentence) in sentences.enumerated() {
            let tokens = sentence.tokens
            let actorSpans = Self.actorSpans(tokens, actors: sentence.actors)
            // "حقول الصفيان والتنك", "محافظات الحسكة والرقة": the names right after a kind word,
            // joined by و or commas, are of that kind; anything else ends the list.
            var listKind: PlaceKind?
            var listFirst = -1
            var listNext = -1
            var i = 0
            while i < tokens.count {
                let token = tokens[i]
                if let kind = token.entry.listKind {
                    listKind = kind
                    listFirst = i + 1
                    listNext = i + 1
                } else if token.entry.kindWord?.kind == .governorate, i + 1 < tokens.count, tokens[i + 1].entry.lowered == "of" {
                    // "the province of al-Hasakah"
                    listKind = .governorate
                    listFirst = i + 2
                    listNext = i + 2
                } else if i == listFirst - 1, tokens[i].entry.lowered == "of" {
                    // the "of" just read
                } else if i != listNext || (i > listFirst && !token.folded.hasPrefix("و") && !token.afterBreak) {
                    listKind = nil
                }
                guard !actorSpans.contains(i) else {
                    i += 1
                    continue
                }
                if token.entry.roles.contains(.latinName), i == 0 || !tokens[i - 1].entry.roles.contains(.latinName) || token.afterBreak,
                    let named = Self.latinNameWithKind(tokens, at: i)
                {
                    let mention = latinMention(tokens, at: i, named: named, sentence: s)
                    if let mention { mentions.append(mention) }
                    // A governorate the gazetteer lacks under this name is read the usual way below.
                    if mention != nil || named.kindWord.kind != .governorate {
                        i = named.end
                        continue
                    }
                }
                // Lengths worth resolving: those whose words form a known name (following the
                // gazetteer's key prefixes), plus facility and countryside phrases, plus a bare
                // list item after "حقول …".
                // (A bit set: bit n for n words. A `Set` here was a heap allocation per token.)
                var lengths: UInt16 = 0
                for start in token.entry.keyStarts where !start.string.isEmpty {
                    var key = start
                    var n = 1
                    while let whole = keyPrefixes[key] {
                        if whole { lengths |= 1 << n }
                        guard i + n < tokens.count, n < 7, !tokens[i + n].afterBreak, let next = tokens[i + n].entry.keyStarts.first else { break }
                        if !next.string.isEmpty { key = FastKey(key.string + " " + next.string) }
                        n += 1
                    }
                }
                if token.entry.facilityKind != nil || token.entry.roles.contains(.area) {
                    // ("الرّيف الشّمالي الغربي لمدينة منبج": an area takes five words.)
                    for n in 2...(token.entry.roles.contains(.area) ? 5 : 4) where i + n <= tokens.count { lengths |= 1 << n }
                    // "حقلي العمر والتنك": a dual names its first facility only up to the و of the
                    // second, which the list reads on its own.
                    if i + 2 < tokens.count, token.forms.contains(where: { Gazetteer.facilityDuals[$0] != nil }), let and = tokens[(i + 2)..<min(tokens.count, i + 5)].firstIndex(where: { $0.folded.hasPrefix("و") }) {
                        for n in (and - i + 1)...5 { lengths &= ~(1 << n) }
                    }
                }
                if listKind != nil { lengths |= 1 << 1 }
                var matched = false
                var rejected = 0
                for n in stride(from: 7, through: 1, by: -1) where lengths & (1 << n) != 0 {
                    // A name does not run across punctuation.
                    if n > 1, tokens[(i + 1)..<(i + n)].contains(where: \.afterBreak) { continue }
                    let words = tokens[i..<(i + n)].map(\.text)
                    let surface = words.joined(separator: " ")
                    var hints = ResolveHints()
                    if let listKind, n == 1 || listKind == .governorate, token.entry.facilityKind == nil { hints.kind = listKind }
                    let candidates = vocabulary.resolve(surface, kind: hints.kind, limit: 4, fuzzy: false, in: gazetteer)
                    guard let best = candidates.first else { continue }
                    if !acceptAsPlace(best.place, tokens: tokens, at: i) {
                        // A name that is not a place here ("الإدارة الذاتية لشمال وشرق سوريا") is not
                        // read again word by word ("وشرق سوريا").
                        rejected = n
                        break
                    }
                    if n == 1, !acceptSingleWord(token, best.place, tokens: tokens, at: i) { break }
                    // "Deir Ezzor 24", "Kurdistan 24": a name with a number after it is an outlet's.
                    if Self.isOutletName(tokens, end: i + n) { break }
                    if n == 1, best.match == .facilityNear { break }
                    mentions.append(
                        Mention(
                            surface: strippingClitic(surface, place: best.place), start: token.start,
                            end: tokens[i + n - 1].end, sentence: s, firstToken: i, lastToken: i + n - 1,
                            place: best.place, score: best.score, alternatives: candidates, kindHint: hints.kind,
                            isAnaphor: false))
                    if listKind != nil { listNext = i + n }
                    i += n
                    matched = true
                    break
                }
                if rejected > 1 {
                    i += rejected
                    continue
                }
                // ("Village near al-Busayrah" is al-Busayrah, read when its own token comes.)
                if !matched, !PlaceName.isArabic(token.text), token.text.first?.isUppercase == true
                    || token.text.lowercased().hasPrefix("al-"), !token.entry.roles.contains(.settlement), !Self.isAllegiance(token),
                    !token.entry.roles.contains(.notPlace),
                    !token.entry.roles.contains(.locative), !Self.directionWords.contains(token.entry.lowered)
                {
                    // Latin names in a spelling the gazetteer lacks, e.g. "Ghweran prison": sound-alikes only.
                    for n in stride(from: min(3, tokens.count - i), through: 1, by: -1) {
                        if n > 1, tokens[(i + 1)..<(i + n)].contains(where: \.afterBreak) { continue }
                        let surface = tokens[i..<(i + n)].map(\.text).joined(separator: " ")
                        // Acronyms (SANA) and sentence words (A, The) are not names; sound-alikes only in Syria.
                        guard token.text.count > 3, token.text.uppercased() != token.text,
                            let best = vocabulary.resolve(surface, limit: 1, in: gazetteer).first,
                            best.match == .sound || best.match == .exact || (n > 1 && best.match == .facilityNear),
                            best.place.country == "SY", acceptAsPlace(best.place, tokens: tokens, at: i),
                            n > 1 || best.match == .exact || Self.soundAlikeAllowed(tokens, at: i),
                            n > 1 || acceptSingleWord(token, best.place, tokens: tokens, at: i),
                            !Self.isOutletName(tokens, end: i + n)
                        else { continue }
                        mentions.append(
                            Mention(
                                surface: surface, start: token.start, end: tokens[i + n - 1].end, sentence: s, firstToken: i,
                                lastToken: i + n - 1, place: best.place, score: best.score, alternatives: [best], kindHint: nil,
                                isAnaphor: false))
                        i += n
                        matched = true
                        break
                    }
                    if matched { continue }
                }
                if !matched, let kind = token.entry.facilityKind, i + 1 < tokens.count {
                    // A facility with a misspelt name: "حقل كونكو" for "حقل كونيكو".
                    for n in stride(from: min(3, tokens.count - i), through: 2, by: -1) {
                        if tokens[(i + 1)..<(i + n)].contains(where: \.afterBreak) { continue }
                        let surface = tokens[i..<(i + n)].map(\.text).joined(separator: " ")
                        if let best = vocabulary.resolve(surface, kind: kind, limit: 1, in: gazetteer).first,
                            best.place.kind == kind, best.match == .fuzzy || best.match == .sound
                        {
                            mentions.append(
                                Mention(
                                    surface: surface, start: token.start, end: tokens[i + n - 1].end, sentence: s,
                                    firstToken: i, lastToken: i + n - 1, place: best.place, score: best.score,
                                    alternatives: [best], kindHint: kind, isAnaphor: false))
                            if listKind != nil { listNext = i + n }
                            i += n
                            matched = true
                            break
                        }
                    }
                    if matched { continue }
                }
                if !matched {
                    // "قاعدة التحالف الدولي": a facility named by its owner, placed by context below.
                    if let kind = token.entry.facilityKind, i + 1 < tokens.count,
                        let owner = actorSpans.first(where: { $0 == i + 1 })
                    {
                        var end = owner
                        while end + 1 < tokens.count, actorSpans.contains(end + 1) { end += 1 }
                        let surface = tokens[i...end].map(\.text).joined(separator: " ")
                        if let placeholder = gazetteer.places.first(where: { $0.kind == kind }) {
                            mentions.append(
                                Mention(
                                    surface: surface, start: token.start, end: tokens[end].end, sentence: s,
                                    firstToken: i, lastToken: end, place: placeholder, score: 0, alternatives: [],
                                    kindHint: kind, isAnaphor: false))
                        }
                        i = end + 1
                        continue
                    }
                    // A list item the gazetteer does not know keeps the list going.
                    if listKind != nil, i == listNext { listNext = i + 1 }
                    i += 1
                }
            }
        }
        mentions.removeAll { Self.isDateline($0, sentences: sentences) }
        let resolved = resolveAnaphora(Self.keepingCampSense(disambiguate(mentions, sentences: sentences)), sentences: sentences)
        return unlocatedMentions(resolved, sentences: sentences)
    }

    /// Whether the name at `i` names a council: "مجلس دير الزور العسكري", "قوات مجلسي دير الزور
    /// وهجين العسكريين", "the Deir ez-Zor Military Council", "Manbij Civil Council".
    static func inCouncilName(_ tokens: [Token], at i: Int) -> Bool {
        guard tokens[max(0, i - 5)..<min(tokens.count, i + 5)].contains(where: { $0.entry.roles.contains(.council) }) else { return false }
        var k = i - 1
        while k >= 0, k >= i - 5, !tokens[k + 1].afterBreak || tokens[k + 1].folded.hasPrefix("و") {
            if tokens[k].entry.roles.contains(.council) { return true }
            if tokens[k].entry.roles.contains(.locative) { break }
            k -= 1
        }
        for j in (i + 1)..<min(tokens.count, i + 5) where !tokens[j].afterBreak {
            if tokens[j].entry.lowered == "council", ["military", "civil", "local"].contains(tokens[j - 1].entry.lowered) { return true }
        }
        return false
    }

    /// Where a report was filed from, not where anything happened: a place opening a paragraph
    /// and followed by a dash, maybe after its country in brackets or after a comma ("أربيل
    /// (العراق)- قالت …", "QAMISHLI, Syria (North Press) –"), or closing a short byline ("آلان
    /// بكو ـ القامشلي").
    static let datelineDashes: Set<Unicode.Scalar> = ["-", "\u{0640}", "–", "—"]

    static func isDateline(_ m: Mention, sentences: [Sentence]) -> Bool {
        let sentence = sentences[m.sentence]
        let tokens = sentence.tokens
        // Only a paragraph's first word, or the last of a short line, can be one.
        let lastOfShortLine = m.lastToken == tokens.count - 1 && tokens.count <= 5
        guard m.firstToken == 0 || lastOfShortLine else { return false }
        let opensParagraph = m.sentence == 0 || sentences[m.sentence - 1].paragraph != sentence.paragraph
        guard opensParagraph else { return false }
        // (Offsets count Unicode scalars.)
        let view = sentence.text.unicodeScalars
        let dashes = Self.datelineDashes
        if m.firstToken == 0 {
            var k = view.index(view.startIndex, offsetBy: m.end - sentence.start, limitedBy: view.endIndex) ?? view.endIndex
            var commaSeen = false
            var steps = 0
            while k < view.endIndex, steps < 60 {
                steps += 1
                let c = view[k]
                if c == " " { k = view.index(after: k); continue }
                if c == "(", let close = view[k...].prefix(40).firstIndex(of: ")") { k = view.index(after: close); continue }
                if c == ",", !commaSeen {
                    // ", Syria": one word after a comma.
                    commaSeen = true
                    k = view.index(after: k)
                    while k < view.endIndex, view[k] == " " { k = view.index(after: k) }
                    while k < view.endIndex, !" (,".unicodeScalars.contains(view[k]), !dashes.contains(view[k]) { k = view.index(after: k) }
                    continue
                }
                return dashes.contains(c)
            }
            return false
        }
        // "آلان بكو ـ القامشلي": a line of its own, a name, a dash and the place.
        let alone = m.sentence + 1 == sentences.count || sentences[m.sentence + 1].paragraph != sentence.paragraph
        guard alone, let start = view.index(view.startIndex, offsetBy: m.start - sentence.start, limitedBy: view.endIndex) else { return false }
        return view[..<start].reversed().first { $0 != " " }.map { dashes.contains($0) } ?? false
    }

    /// One sense per text: once a camp was named ("Al-Hol camp", "مخيم الهول"), its bare name
    /// later ("At Al-Hol", "في الهول") is the camp, not the town it is named after. (Not prisons
    /// or bases: "الشدادي" after "سجن الشدادي" is as often the town.)
    static func keepingCampSense(_ mentions: [Mention]) -> [Mention] {
        var camps = [(words: Set<Substring>, place: Place)]()
        var result = mentions
        for (index, mention) in mentions.enumerated() where !mention.isAnaphor && mention.score > 0 {
            guard mention.place.kind == .camp || (!camps.isEmpty && !mention.place.kind.isFacility && !mention.place.kind.isArea)
            else { continue }
            let words = Set(PlaceName.key(mention.surface).split(separator: " "))
            if mention.place.kind == .camp {
                camps.append((words, mention.place))
            } else if let camp = camps.last(where: { camp in
                    words.isSubset(of: camp.words)
                        && Geodesic.distanceMeters(from: camp.place.coordinate, to: mention.place.coordinate) < 15_000
                })
            {
                result[index].place = camp.place
            }
        }
        return result
    }

    /// Whether a number follows a name directly, not opening a date: "Deir Ezzor 24 said".
    static func isOutletName(_ tokens: [Token], end: Int) -> Bool {
        // "مركز حلب الإعلامي" (the Aleppo Media Center), "Raqqa Media": a name before "media".
        if end < tokens.count, !tokens[end].afterBreak, tokens[end].forms.contains(where: { Self.mediaWords.contains($0) }) { return true }
        guard end < tokens.count, !tokens[end].afterBreak, let n = tokens[end].entry.number, n < 100,
            tokens[end].bare.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
        else { return false }
        // ("محطتي تحويل كهرباء بلدة عامودا 66/20 كيلو فولت": a rating, not an outlet.)
        if end + 1 < tokens.count, tokens[end + 1].text.hasPrefix("/") || tokens[end + 1].entry.number != nil { return false }
        return end + 1 >= tokens.count || !tokens[end + 1].entry.roles.contains(.month)
    }

    static let mediaWords: Set<String> = ["اعلامي", "اعلاميه", "للاعلام", "media", "tv", "channel"]
    static let channelWords: Set<String> = ["قناه", "لقناه", "channel", "تلفزيون", "تلفزيوني", "اذاعه", "راديو", "tv", "radio"]

    /// The mention for a Latin name closed by a kind word (``latinNameWithKind(_:at:)``): the
    /// place of that kind when the gazetteer has it ("Shadadi prison"), else the bare name, kept
    /// only if it lies near the text's other places (``Mention/needsNearbyPlace``).
    func latinMention(_ tokens: [Token], at i: Int, named: (length: Int, kindWord: KindWord, end: Int), sentence s: Int) -> Mention? {
        let nameEnd = i + named.length
        let surface = tokens[i..<nameEnd].map(\.text).joined(separator: " ")
        let direct = named.end > nameEnd
        if let kind = named.kindWord.kind,
            let best = vocabulary.resolve(surface + " " + named.kindWord.singular, kind: kind, limit: 1, in: gazetteer).first,
            best.place.kind == kind, best.match != .fuzzy
        {
            let last = direct ? named.end - 1 : nameEnd - 1
            return Mention(
                surface: tokens[i...last].map(\.text).joined(separator: " "), start: tokens[i].start, end: tokens[last].end,
                sentence: s, firstToken: i, lastToken: last, place: best.place, score: best.score, alternatives: [best],
                kindHint: kind, isAnaphor: false)
        }
        // A governorate the gazetteer lacks under this name is read the usual way.
        guard named.kindWord.kind != .governorate,
            let best = vocabulary.resolve(surface, limit: 4, fuzzy: false, in: gazetteer).first,
            best.match == .exact, acceptAsPlace(best.place, tokens: tokens, at: i),
            named.length > 1 || acceptSingleWord(tokens[i], best.place, tokens: tokens, at: i)
        else { return nil }
        var mention = Mention(
            surface: surface, start: tokens[i].start, end: tokens[nameEnd - 1].end, sentence: s, firstToken: i,
            lastToken: nameEnd - 1, place: best.place, score: best.score, alternatives: [best], kindHint: nil, isAnaphor: false)
        mention.needsNearbyPlace = true
        return mention
    }

    /// A village, a town or (in English) a city: "قرية X", "village of X", "the city of X".
    static let settlementWords: Set<String> = ["قريه", "بلده", "village", "town", "city"]

    /// Generic nouns that point back to the last place of their kind: "السجن" (the prison),
    /// "المخيم", "القاعدة", "الحقل", "المدينة", "the prison".
    static let anaphors: [String: [PlaceKind]] = [
        "السجن": [.prison], "المعتقل": [.prison], "المخيم": [.camp], "القاعده": [.base], "الحقل": [.oilfield],
        "المعبر": [.border], "المدينه": [.city, .town], "البلده": [.town, .city, .village], "القريه": [.village, .town],
        "المحافظه": [.governorate],
        "the prison": [.prison], "the camp": [.camp], "the base": [.base], "the city": [.city, .town],
        "the province": [.governorate], "the town": [.town, .city, .village], "the village": [.village, .town],
    ]

    /// The governorate a mention stands for when "المحافظة" points back: a governorate itself, or
    /// the one named after a city (every Syrian governorate bears its capital's name: "مدينة
    /// الرقة" → "محافظة الرقة").
    func governorate(for mention: Mention) -> Place? {
        if mention.place.kind == .governorate { return mention.place }
        guard mention.place.kind == .city, let arabic = mention.place.arabicName else { return nil }
        let found = gazetteer.resolve("محافظة " + arabic, hints: ResolveHints(kind: .governorate), limit: 1, fuzzy: false)
        return found.first.map(\.place).flatMap { $0.kind == .governorate ? $0 : nil }
    }

    /// The kinds of place a word points back to ("والسجن" → prison), if it is an anaphor.
    static func anaphorKinds(variants: [String]) -> [PlaceKind]? {
        for variant in variants {
            if let kinds = anaphors[PlaceName.isArabic(variant) ? variant : variant.lowercased()] { return kinds }
        }
        return nil
    }

    /// Adds mentions for anaphoric nouns, pointing at the latest earlier place of their kind.
    /// They locate incidents but are not toponyms (``Mention/isAnaphor``).
    func resolveAnaphora(_ mentions: [Mention], sentences: [Sentence]) -> [Mention] {
        var result = mentions
        // "قرية "الطكيحي"" with a name the gazetteer lacks: "القرية" after it is that village, no other.
        var unknownSettlements = [(sentence: Int, token: Int)]()
        for (s, sentence) in sentences.enumerated() {
            let tokens = sentence.tokens
            for i in tokens.indices.dropLast() where tokens[i].entry.roles.contains(.settlement) && !tokens[i].entry.hasArticle {
                let name = tokens[i + 1].bare == "of" ? i + 2 : i + 1
                if name < tokens.count, !mentions.contains(where: { $0.sentence == s && $0.firstToken <= name && $0.lastToken >= name }) {
                    unknownSettlements.append((s, i))
                }
            }
        }
        for (s, sentence) in sentences.enumerated() {
            for (i, token) in sentence.tokens.enumerated() {
                // "عند مدخل بلدة معدان في الريف الشرقي": the eastern countryside of the city the
                // text is about (the latest city or governorate named, not a capital).
                if token.entry.roles.contains(.area), token.entry.hasArticle, token.forms.first == "ريف", i + 1 < sentence.tokens.count,
                    let direction = sentence.tokens[i + 1].forms.first(where: { Self.countrysideSides.contains($0) }),
                    !result.contains(where: { $0.sentence == s && $0.firstToken <= i && $0.lastToken >= i })
                {
                    // (A countryside named before stands for its city: "ريف الرقة".)
                    func cityName(_ m: Mention) -> String? {
                        guard let arabic = m.place.arabicName else { return nil }
                        if m.place.kind == .city || m.place.kind == .governorate {
                            return arabic.hasPrefix("محافظة ") ? String(arabic.dropFirst(7)) : arabic
                        }
                        guard m.place.kind == .region, arabic.hasPrefix("ريف ") else { return nil }
                        var words = arabic.dropFirst(4).split(separator: " ")
                        while words.count > 1, Self.countrysideSides.contains(Lexicon.bare(PlaceName.fold(String(words[words.count - 1])))) {
                            words.removeLast()
                        }
                        return words.joined(separator: " ")
                    }
                    let city = result.filter { m in
                        !m.isAnaphor && m.score > 0 && (m.sentence < s || (m.sentence == s && m.lastToken < i)) && s - m.sentence <= 8
                            && !sentences[m.sentence].tokens[m.firstToken].entry.roles.contains(.capital) && cityName(m) != nil
                    }.max { ($0.sentence, $0.lastToken) < ($1.sentence, $1.lastToken) }
                    if let city, let arabic = cityName(city),
                        let area = gazetteer.resolve("ريف " + arabic + " " + direction, limit: 1, fuzzy: false).first,
                        area.place.kind == .region
                    {
                        result.append(
                            Mention(
                                surface: token.text + " " + sentence.tokens[i + 1].text, start: token.start, end: sentence.tokens[i + 1].end,
                                sentence: s, firstToken: i, lastToken: i + 1, place: area.place, score: area.score, alternatives: [area],
                                kindHint: nil, isAnaphor: false))
                    }
                    continue
                }
                var kinds = token.entry.anaphorKinds
                // "the town", "the large village" (not "the village of X", which names it).
                if kinds == nil, i > 0, token.entry.roles.contains(.englishAnaphor),
                    sentence.tokens[i - 1].entry.roles.contains(.the) || (i > 1 && Self.isPlainAdjective(sentence.tokens[i - 1])
                        && sentence.tokens[i - 2].entry.roles.contains(.the)),
                    i + 1 == sentence.tokens.count || sentence.tokens[i + 1].entry.lowered != "of"
                {
                    kinds = Self.anaphors["the " + token.entry.lowered]
                }
                guard let kinds else { continue }
                // Not when a name follows ("سجن الشدادي" is a name, already matched).
                if result.contains(where: { $0.sentence == s && $0.firstToken <= i && $0.lastToken >= i }) { continue }
                let earlier = result.filter { m in
                    !m.isAnaphor && m.score > 0 && (m.sentence < s || (m.sentence == s && m.lastToken < i))
                }
                let antecedent: Mention?
                if kinds == [.governorate] {
                    // "دخلت … مدينة الرقة … واستبقت قوات عشائرية … بمهاجمة مواقع قسد في المحافظة": the
                    // governorate of the latest city that names one, unless a governorate was named since.
                    // ("the province of X" names its province.)
                    if i + 1 < sentence.tokens.count, sentence.tokens[i + 1].entry.lowered == "of" { continue }
                    antecedent = earlier.sorted { ($0.sentence, $0.lastToken) > ($1.sentence, $1.lastToken) }.lazy
                        .compactMap { m in self.governorate(for: m).map { g in (m, g) } }.first
                        .map { m, g in var copy = m; copy.place = g; return copy }
                } else {
                    // A capital ("من دمشق") stands for its government more often than it is "the
                    // city" an article goes on about: another city first.
                    let ofKind = earlier.filter { kinds.contains($0.place.kind) }
                    let notCapitals = ofKind.filter { !sentences[$0.sentence].tokens[$0.firstToken].entry.roles.contains(.capital) }
                    antecedent = (notCapitals.isEmpty ? ofKind : notCapitals).max { ($0.sentence, $0.lastToken) < ($1.sentence, $1.lastToken) }
                }
                guard let antecedent, s - antecedent.sentence <= 8 else { continue }
                if kinds.contains(.village), unknownSettlements.contains(where: { u in
                    (u.sentence, u.token) > (antecedent.sentence, antecedent.lastToken) && (u.sentence, u.token) < (s, i)
                }) {
                    continue
                }
                var mention = antecedent
                mention = Mention(
                    surface: token.text, start: token.start, end: token.end, sentence: s, firstToken: i, lastToken: i,
                    place: antecedent.place, score: antecedent.score, alternatives: [], kindHint: nil, isAnaphor: true)
                result.append(mention)
            }
        }
        return result.sorted { ($0.sentence, $0.firstToken) < ($1.sentence, $1.firstToken) }
    }

    /// A lower-case English word that is neither a cue, an actor nor a function word: "large" in
    /// "the large village".
    static func isPlainAdjective(_ token: Token) -> Bool {
        guard let c = token.text.first, c.isLowercase, c.isASCII else { return false }
        return token.entry.function == nil && token.entry.cueCandidates.isEmpty && token.entry.actorCandidates.isEmpty && token.entry.roles.isEmpty
    }

    /// Directions a countryside has ("الريف الشرقي"), folded, without the article.
    static let countrysideSides: Set<String> = ["شرقي", "غربي", "شمالي", "جنوبي"]

    /// The keys of a place's own names: its canonical and Arabic name.
    static func primaryNameKeys(of place: Place) -> Set<String> {
        Set(([place.name] + (place.arabicName.map { [$0] } ?? [])).map(PlaceName.key))
    }

    /// Second pass: re-rank ambiguous names with the text's other places as context, and place
    /// owner-named facilities ("the coalition base") near them.
    func disambiguate(_ mentions: [Mention], sentences: [Sentence]) -> [Mention] {
        let anchors = mentions.filter { $0.score > 0 && !$0.place.kind.isArea && !$0.needsNearbyPlace }
        var result = [Mention]()
        for var mention in mentions {
            if mention.needsNearbyPlace {
                // A facility's name the gazetteer lacks, read as a place of that name: only where
                // that place lies near the others ("Saida oil station" in Hasakah is not Sidon).
                let d = anchors.map { Geodesic.distanceMeters(from: $0.place.coordinate, to: mention.place.coordinate) }.min()
                if let d, d > Self.nearbyPlaceMeters { continue }
                if d == nil, mention.place.country != "SY" { continue }
            }
            // "the Sahla Al-Banat area east of Raqqa" is not Zahlé, which GeoNames also spells
            // "Sahla": a town of a farther country, named by one of its alternate names, far from
            // every other place of the text, is not what the text means.
            if mention.score > 0, mention.place.kind.isSettlement, !["SY", "IQ"].contains(mention.place.country),
                !Self.primaryNameKeys(of: mention.place).contains(PlaceName.key(mention.surface)),
                let d = anchors.filter({ $0.start != mention.start && $0.place.country == "SY" })
                    .map({ Geodesic.distanceMeters(from: $0.place.coordinate, to: mention.place.coordinate) }).min(),
                d > 150_000
            {
                continue
            }
            // "الشامية" (the Euphrates' west bank) in a report from Deir ez-Zor is not al-Shamiyah
            // near Diwaniyah: an Iraqi town far beyond the Syrian places of the text is another
            // place of that name.
            if mention.score > 0, mention.place.kind.isSettlement, mention.place.country == "IQ", mention.place.population < 300_000,
                // (A city of 100,000 and more named by its own name stays: "إلى الفلوجة".)
                mention.place.population < 100_000 || !Self.primaryNameKeys(of: mention.place).contains(PlaceName.key(mention.surface))
            {
                let syrian = anchors.filter { $0.start != mention.start && $0.place.country == "SY" }
                if syrian.count >= 2,
                    let d = syrian.map({ Geodesic.distanceMeters(from: $0.place.coordinate, to: mention.place.coordinate) }).min(),
                    d > 300_000
                {
                    continue
                }
            }
            // Only placeholders and ambiguous names need the context (most mentions are neither).
            guard mention.score == 0 || mention.alternatives.count > 1 else {
                result.append(mention)
                continue
            }
            let others = anchors.filter { $0.start != mention.start }
            let near = others.sorted { abs($0.sentence - mention.sentence) < abs($1.sentence - mention.sentence) }
            let context = near.prefix(6).map(\.place.coordinate)
            if mention.score == 0 {
                // "قاعدة التحالف الدولي", "the Russian base": an owner's base is not a Syrian army
                // unit's barracks ("Regiment 121"), however near.
                let candidates = gazetteer.resolve(
                    mention.surface, hints: ResolveHints(kind: mention.kindHint, context: Array(context)), limit: 4)
                guard let best = candidates.first(where: { !Self.isUnitBase($0.place) }), best.place.kind == mention.kindHint else { continue }
                mention.place = best.place
                mention.score = best.score
            } else if mention.alternatives.count > 1,
                mention.alternatives[0].score - mention.alternatives[1].score > Gazetteer.contextWeight
            {
                // The context adds at most `contextWeight`: it cannot overturn this lead, only
                // raise the best candidate's score as the gazetteer's ranking would.
                let d = context.map { Geodesic.distanceMeters(from: $0, to: mention.place.coordinate) }.min() ?? .infinity
                if !context.isEmpty { mention.score = min(1, mention.score + Gazetteer.contextBonus(meters: d)) }
            } else if mention.alternatives.count > 1 {
                let reranked = gazetteer.resolve(
                    mention.surface, hints: ResolveHints(kind: mention.kindHint, context: Array(context)), limit: 1,
                    fuzzy: false)
                if let best = reranked.first {
                    mention.place = best.place
                    mention.score = best.score
                }
            }
            result.append(mention)
        }
        return result
    }

    /// A base named after the army unit that holds it: "Regiment 121 (al-Milbiyah)", "Division 17
    /// base (Raqqa)", "Kawkab regiment".
    static func isUnitBase(_ place: Place) -> Bool {
        place.kind == .base && ["Regiment", "regiment", "Brigade", "Division"].contains { place.name.contains($0) }
    }

    /// Whether the name at `i` stands for the place here, not for a government: capitals and
    /// distant countries are places only after a locative word ("في دمشق", not "دمشق تتهم").
    func acceptAsPlace(_ place: Place, tokens: [Token], at i: Int) -> Bool {
        let token = tokens[i]
        let locative = i > 0 && tokens[i - 1].entry.roles.contains(.locative)
            || token.folded.hasPrefix("ب") && PlaceName.isArabic(token.folded)
        // "دخلت القائم", "لاستعادة القائم", "مدينتي القائم والبوكمال": a place after a verb of
        // entering or taking, or after a settlement word.
        if token.entry.roles.contains(.capital), !locative,
            !(i > 0 && (tokens[i - 1].entry.roles.contains(.settlement) || tokens[i - 1].forms.contains { Self.placeGoverningWords.contains($0) }))
        {
            return false
        }
        // "factions loyal to Ankara", "backed by Turkey": a state as patron, not a place.
        if i > 1, ["to", "by", "with"].contains(tokens[i - 1].entry.lowered), Self.patronWords.contains(tokens[i - 2].entry.lowered),
            place.kind == .country || token.entry.roles.contains(.capital)
        {
            return false
        }
        // "Adnan Afrin, a SDF spokesperson": a family name, not a place.
        if i > 0, !token.afterBreak, tokens[i - 1].entry.roles.contains(.givenName), !tokens[i - 1].entry.hasArticle,
            PlaceName.isArabic(tokens[i - 1].text) == PlaceName.isArabic(token.text),
            PlaceName.isArabic(token.text) || tokens[i - 1].text.first?.isUppercase == true
        {
            return false
        }
        // "الإدارة الذاتية لشمال وشرق سوريا" names an administration, not a place.
        if i > 0, tokens[i - 1].entry.roles.contains(.administration) { return false }
        if Self.inCouncilName(tokens, at: i) { return false }
        // "قناة الميادين", "بحسب "الميادين"", "Al-Mayadeen TV": a channel named after a place.
        if i > 0, tokens[i - 1].entry.roles.contains(.channel) { return false }
        if i > 0, token.afterBreak, tokens[i - 1].entry.roles.contains(.accordingTo) { return false }
        if place.kind == .country, !["SY", "IQ", "TR", "JO", "LB"].contains(place.country), !locative { return false }
        // "Syria's army", "Lebanon's Hezbollah": a country in the possessive stands for its state.
        if place.kind == .country, tokens[i].possessive { return false }
        return true
    }

    func acceptSingleWord(_ token: Token, _ place: Place, tokens: [Token], at i: Int) -> Bool {
        if token.entry.roles.contains(.notPlace) { return false }
        // A kind word alone ("Dam" of "Chel Agha Dam") names no place.
        if token.entry.facilityKind != nil || token.entry.kindWord != nil { return false }
        // "Tel" of "Tel Habash", "عين" of "عين الخضرة": the head of a longer name the gazetteer lacks.
        if token.entry.roles.contains(.nameHead), i + 1 < tokens.count, !tokens[i + 1].afterBreak,
            PlaceName.isArabic(token.text) || tokens[i + 1].entry.roles.contains(.latinName)
        {
            return false
        }
        // "ذي الحجة", "ذو القعدة": after ذو/ذي/ذا the word names a Hijri month or a person.
        if i > 0, tokens[i - 1].entry.roles.contains(.dhu) { return false }
        // "السورية" (Syrian) is an adjective; "سورية" (Syria) is the place.
        if PlaceName.isArabic(token.folded) {
            let facts = vocabulary.facts(of: place)
            if token.entry.hasArticle, !facts.hasArticleName, facts.hasArabicName { return false }
            // "الحدود السورية", "الأراضي العراقية": a country's adjective (GeoNames lists "السورية"
            // among Syria's names), not the country.
            if place.kind == .country, token.entry.hasArticle, token.folded.hasSuffix("يه") { return false }
        }
        // Latin single words must be capitalised to be names ("al-Busayrah": after the article).
        if !PlaceName.isArabic(token.text) {
            // An all-capitals word opening a sentence is a dateline ("ERBIL (Kurdistan 24) –"):
            // where the report was filed, not where anything happened.
            if i == 0, token.text.count >= 3, token.text == token.text.uppercased() { return false }
            let articles = ["al-", "el-", "ash-", "ar-", "as-", "ad-", "at-", "az-", "an-", "ad-", "ez-", "es-", "al ", "el "]
            var name = Substring(token.text)
            if let article = articles.first(where: { token.text.lowercased().hasPrefix($0) }) { name = name.dropFirst(article.count) }
            guard let first = name.first, first.isUppercase else { return false }
        }
        // Small places outside Syria named by one word are too often a common word or a person.
        if place.country != "SY", place.population < 50_000, place.kind != .country, !place.id.hasPrefix("curated:") {
            return false
        }
        return true
    }

    /// A single Latin word that only sounds like a place ("Human", "Rudaw", "July") counts only
    /// where a place is expected: after a locative ("in Ghweiran"), and never a month's name.
    static func soundAlikeAllowed(_ tokens: [Token], at i: Int) -> Bool {
        guard DateParser.months[tokens[i].text.lowercased()] == nil, i > 0 else { return false }
        return locatives.contains(tokens[i - 1].text.lowercased())
    }

    /// The surface without a leading و ف ب ل ك when the place's own names do not start so.
    func strippingClitic(_ surface: String, place: Place) -> String {
        guard let first = surface.unicodeScalars.first, PlaceName.isArabic(surface) else { return surface }
        let facts = vocabulary.facts(of: place)
        if facts.foldedNames.contains(FastKey(PlaceName.fold(surface))) || facts.keys.contains(FastKey(PlaceName.key(surface))) {
            return surface
        }
        if "وفبلك".unicodeScalars.contains(first) {
            var scalars = surface.unicodeScalars
            scalars.removeFirst()
            var rest = String(scalars)
            if rest.hasPrefix("ل"), !facts.hasNameStartingWithLam {
                rest = "ا" + rest  // لل → ال
            }
            // "وبالحسكة" → "الحسكة", but "وبادية السوسة" → "بادية السوسة": ب and ل are clitics only
            // when the article or one of the place's own names follows them.
            if rest.hasPrefix("ب") || rest.hasPrefix("ل") {
                let folded = PlaceName.fold(rest)
                let stripped = String(rest.unicodeScalars.dropFirst())
                if folded.count > 3, !facts.foldedNames.contains(FastKey(folded)),
                    stripped.hasPrefix("ال") || facts.keys.contains(FastKey(PlaceName.key(stripped)))
                {
                    return stripped
                }
            }
            return rest
        }
        return surface
    }

    /// Token indices covered by actor names (a bare "الجيش" or "التحالف" may still be a place word).
    static func actorSpans(_ tokens: [Token], actors: [ActorMention]) -> Set<Int> {
        var covered = Set<Int>()
        for m in actors where m.last > m.first || !["جيش", "تحالف"].contains(tokens[m.first].bare) {
            for k in m.first...m.last { covered.insert(k) }
        }
        return covered
    }
}
