import Gazetteer
import IncidentGeodesy

extension Extractor {
    /// A cue word found in a sentence.
    struct Cue {
        let type: IncidentType
        let first: Int
        let last: Int
        /// A withdrawal (``Lexicon/withdrawals``): an incident only from a named place.
        var isWithdrawal = false
    }

    func findIncidents(article: Article, sentences: [Sentence], mentions: [Mention], dates: [[DateMention]]) -> [Incident] {
        var incidents = [Incident]()
        let mentionsBySentence = Dictionary(grouping: mentions, by: \.sentence)
        let focus = focusPlace(mentions: mentions)
        // An article about one place (named at least four times, half of all place names) is
        // about it in every sentence that names no other. Its quarters, bridges and barracks are
        // the place too ("النشوة الشرقية … وجسر البيروتي" in an article on al-Hasakah).
        let named = mentions.filter { !$0.place.kind.isArea && $0.score > 0 }
        let strongFocus = focus.map { f in
            let n = named.filter { m in
                m.place.id == f.place.id || (Self.sizeRank(m.place.kind) == 0 && f.place.kind.isSettlement
                    && Geodesic.distanceMeters(from: m.place.coordinate, to: f.place.coordinate) <= 10_000)
            }.count
            return n >= 4 && n * 2 >= named.count
        } ?? false
        let articleActors = Set(sentences.flatMap { $0.actors.map(\.actor) })
        // Without a publication date, the day the lead reports stands in for it: what the
        // article tells without a date of its own happened then (as it would on the publication day).
        let leadDay = article.published == nil
            ? sentences.indices.lazy.filter { sentences[$0].paragraph <= 1 }.flatMap { dates[$0] }
                .first(where: { $0.range?.precision == .day })?.range?.start
            : nil
        var lastDate: (paragraph: Int, range: DateRange)?
        var lastPlace: (paragraph: Int, mention: Mention)?
        // The incidents of the last sentence that had any, to be located by a later "العملية جرت في …".
        var lastReported: (sentence: Int, incidents: Range<Int>)?
        for (s, sentence) in sentences.enumerated() {
            let tokens = sentence.tokens
            // Where a source lives ("ويقيم شمالي حلب") is not where anything happened.
            let here = (mentionsBySentence[s] ?? []).sorted { $0.firstToken < $1.firstToken }
                .filter { !Self.isResidence($0, tokens: tokens) }
            // "الأضخم منذ اندلاع النزاع منتصف مارس 2011", "since 2011": a period's start months or
            // years back is not when the sentence's event happened.
            let sentenceDates = dates[s].filter { d in
                guard let range = d.range else { return false }
                if !d.relative, range.precision != .day, range.precision != .week, let published = article.published,
                    range.start.ordinal < published.ordinal - 60,
                    tokens[max(0, d.firstToken - 4)..<d.firstToken].contains(where: { $0.forms.contains { $0 == "منذ" || $0 == "since" } })
                {
                    return false
                }
                return true
            }
            let firstNew = incidents.count
            defer {
                if let d = sentenceDates.last?.range { lastDate = (sentence.paragraph, d) }
                // The last place that is not just where the one before it is ("قاعدة التاجي شمال بغداد").
                let located = here.indices.filter { k in
                    k > 0 && here[k].firstToken - here[k - 1].lastToken <= 4 && Self.locates(here[k], here[k - 1], tokens: tokens)
                }
                if let k = here.indices.last(where: { !here[$0].place.kind.isArea && !located.contains($0) }) {
                    lastPlace = (sentence.paragraph, here[k])
                }
                if incidents.count > firstNew { lastReported = (s, firstNew..<incidents.count) }
            }
            // "وبيّن … أن العملية جرت في قرية الحجة قرب البصيرة": the sentence says where the
            // operation just reported took place.
            var relocated = false
            if let last = lastReported, s - last.sentence <= 2, let located = Self.operationLocation(tokens: tokens, mentions: here) {
                for k in last.incidents where incidents[k].geoPrecision > 1 || incidents[k].place.kind.isArea {
                    incidents[k].place = located.place
                    incidents[k].geoPrecision = 1
                }
                relocated = true
            }
            var cues = Self.cues(in: tokens)
            // "… أن العملية جرت في قرية الحجة، واستهدفت «متزعماً محلياً»": what the operation
            // targeted, not a second incident.
            if relocated {
                cues.removeAll { $0.type == .attack && tokens[$0.first].forms.contains { $0.hasPrefix("استهدف") } }
            }
            // "انسحاب العديد من عناصر قسد" tells no place changing hands: a withdrawal is one only
            // from a named place ("من محافظتي الرقة"، "خارج المحافظة"، "withdrew from Tabqa",
            // "pulled out of Manbij"); leaving a country ("من سوريا") is policy, not a place changing hands.
            cues.removeAll { cue in
                // ("withdrew from all areas under its control in the eastern Deir Ezzor countryside",
                // "انسحبت من جميع المناطق الخاضعة لسيطرتها في ريف دير الزور": "from" right after the
                // verb or after its subject, then a word for areas, then the place they are in.)
                let from = tokens[min(tokens.count, cue.last + 1)..<min(tokens.count, cue.last + 5)].firstIndex { t in
                    t.forms.contains { Self.withdrawalFrom.contains($0) }
                }
                let fromAreas = from.map { f in f == cue.last + 1 || !Self.actors(in: Array(tokens[(cue.last + 1)..<f])).isEmpty } ?? false
                return cue.isWithdrawal && !here.contains { m in
                    guard m.firstToken > cue.last, m.place.kind != .country else { return false }
                    if fromAreas, m.firstToken - cue.last <= 14, Self.introducedByLocative(m, tokens: tokens),
                        tokens[(cue.last + 1)..<m.firstToken].contains(where: { t in t.forms.contains { Self.areaNouns.contains($0) } })
                    {
                        return true
                    }
                    guard m.firstToken - cue.last <= 6 else { return false }
                    if tokens[cue.last].bare == "out" { return m.firstToken - cue.last <= 3 && tokens[cue.last + 1].bare == "of" }
                    return tokens[max(cue.last + 1, m.firstToken - 2)..<m.firstToken].contains { t in
                        t.forms.contains { Self.withdrawalFrom.contains($0) }
                    }
                }
            }
            // "Additional strikes hit various locations": a generic verb of hitting beside a strike
            // tells the strike, not a second attack.
            if cues.contains(where: { $0.type == .strike }) {
                cues.removeAll { cue in
                    cue.type == .attack && tokens[cue.first].forms.contains { form in
                        Self.genericHits.contains(form) || Self.genericHitPrefixes.contains { form.hasPrefix($0) }
                    }
                }
            }
            // "المواجهات والقصف المتبادل بقذائف الهاون": the weapons of a fight, not a strike of their own.
            if let clash = cues.first(where: { $0.type == .clash }) {
                cues.removeAll { cue in
                    cue.type == .strike && cue.first > clash.last && cue.first - clash.last <= 4 && tokens[cue.first].folded.hasPrefix("ب")
                }
            }
            guard !cues.isEmpty else { continue }
            let actors = sentence.actors
            let claim = Self.claim(in: tokens, actors: actors)
            let disputed = Self.hasDispute(tokens)
            var seenTypes = Set<String>()
            for cue in cues {
                // "three people died in the attack" after "a drone strike killed three": the English
                // definite noun tells again what the article reported as another kind of violence.
                if cue.first > 0, tokens[cue.first - 1].entry.roles.contains(.the), Self.violent.contains(cue.type),
                    incidents.contains(where: { Self.violent.contains($0.type) && $0.type != cue.type })
                {
                    continue
                }
                // Places: the list the cue governs, else the nearest place, else the paragraph's or article's.
                let nextCue = cues.first(where: { $0.first > cue.last })?.first ?? tokens.count
                let previousCue = cues.last(where: { $0.last < cue.first })?.last ?? -1
                var places = Self.governedPlaces(cue: cue, mentions: here, tokens: tokens, nextCue: nextCue, previousCue: previousCue)
                var precision = 1
                var namesCountry = false
                if cue.type == .agreement {
                    // Agreements are signed somewhere, usually unnamed: the place only when "in X".
                    places = places.filter { m in
                        m.firstToken > 0 && tokens[m.firstToken - 1].forms.contains { $0 == "في" || $0 == "in" }
                    }
                    if places.isEmpty, let syria = syriaMention(sentence: s, token: cue.first, start: sentence.start) {
                        places = [syria]
                    }
                } else {
                    // A country is not where an attack happened; "in Syria" adds nothing.
                    namesCountry = places.contains { $0.place.kind == .country }
                    places = places.filter { $0.place.kind != .country }
                }
                // "على مناطق ضفاف نهر الفرات شرقي دير الزور": the river's banks where the place after
                // it says.
                places = places.map { m in
                    guard m.place.kind == .river,
                        let next = here.first(where: { $0.firstToken > m.lastToken && $0.firstToken - m.lastToken <= 3 && $0.place.kind != .river && $0.place.kind != .country })
                    else { return m }
                    return next
                }
                // ("support from the people of the Euphrates to fight": a river with no place on it
                // says nothing of where; the paragraph's place does.)
                .filter { $0.place.kind != .river }
                if places.isEmpty {
                    // No place in the sentence: the paragraph's last place, or for the headline the
                    // article's main place.
                    // ("… the fighting that defeated Islamic State in 2019 across swathes of Syria and
                    // Iraq": a sentence that places its event in countries does not take the place
                    // of the paragraph before.)
                    if let last = lastPlace,
                        last.paragraph == sentence.paragraph
                            || (sentence.paragraph <= 1 && last.paragraph == sentence.paragraph - 1 && !namesCountry)
                    {
                        places = [last.mention]
                    } else if let last = lastReported, s - last.sentence <= 3,
                        tokens[max(0, cue.first - 3)..<min(tokens.count, cue.last + 3)].contains(where: { t in t.forms.contains { Self.sequelWords.contains($0) } }),
                        !cues.contains(where: { $0.last < cue.first }),
                        !tokens.contains(where: { t in t.forms.contains { Self.separateWords.contains($0) } }),
                        let m = mentions.last(where: { $0.sentence < s && $0.place.id == incidents[last.incidents.lowerBound].place.id })
                    {
                        // "During the ensuing clashes, one of the attackers was killed and another
                        // arrested", "اندلعت على إثرها اشتباكات": what followed the incident just told
                        // happened where it did, a paragraph on.
                        places = [m]
                    } else if let focus, sentence.paragraph == 0 || strongFocus {
                        places = [focus]
                    }
                    precision = 2
                }
                // "said on Sunday that … were killed … on July 31": the day a statement was made is
                // not the event's when the sentence names another.
                let eventDates = sentenceDates.count > 1
                    ? sentenceDates.filter { !Self.isStatementDate($0, tokens: tokens) } : sentenceDates
                // With several dates, one after another kind of event told later in the sentence is
                // that event's: "بدأت الاشتباكات … رداً على اعتقال أربعة … قبل أربعة أيام، … لاتفاق … قبل
                // ثلاثة أيام" dates the arrest and the agreement, not the clashes (which take the
                // paragraph's day or the report's).
                let pool = eventDates.isEmpty ? sentenceDates : eventDates
                let owned = pool.count < 2 ? pool : pool.filter { d in
                    !(d.firstToken > cue.last && cues.contains { o in o.type != cue.type && o.first > cue.last && o.first < d.firstToken })
                }
                let cueDate = owned.min { abs($0.firstToken - cue.first) < abs($1.firstToken - cue.first) }?.range
                // "thousands of Yezidis fled to nearby mountains", "clashes broke out", "a statement
                // released": an escape is one from detention, at a prison or camp or told with a word of it.
                let detained = cue.type != .escape || Self.mentionsDetention(tokens)
                for mention in places {
                    if !detained, mention.place.kind != .prison, mention.place.kind != .camp { continue }
                    // One incident per type, place and date ("captured in 2014, retaken in 2017" is two).
                    let key = "\(cue.type.rawValue)|\(mention.place.id)|\(cueDate?.start.ordinal ?? 0)"
                    guard seenTypes.insert(key).inserted else { continue }
                    var date = cueDate
                    if date == nil, let last = lastDate, last.paragraph == sentence.paragraph { date = last.range }
                    // A lead that tells what happened before saying when: the first day named in the
                    // next few sentences, when it falls in the week before publication.
                    if date == nil, sentence.paragraph <= 1, let published = article.published {
                        let next = (s + 1)..<min(dates.count, s + 5)
                        date = next.lazy.filter { sentences[$0].paragraph <= sentence.paragraph + 1 }
                            .flatMap { dates[$0] }.compactMap(\.range).first {
                                $0.precision == .day && $0.start <= published && $0.start.ordinal >= published.ordinal - 7
                            }
                    }
                    var inferred = false
                    // Reported without a date: on the day of publication or, as news usually
                    // runs a day behind, the day before; never after.
                    if date == nil, let published = article.published {
                        date = DateRange(start: published.adding(days: -1), end: published, precision: .day)
                        inferred = true
                    }
                    if date == nil, let day = leadDay {
                        date = DateRange(start: day, precision: .day)
                        inferred = true
                    }
                    // (Kurdish forces in Iraq are the Peshmerga, not the SDF.)
                    var incidentActors = actors.filter { !$0.generic || mention.place.country == "SY" }
                        .sorted { Self.initiatorOrder($0, $1, cue: cue) }.map(\.actor)
                    if [.escape, .hostage].contains(cue.type), mention.place.kind == .prison, articleActors.contains(.isis),
                        !incidentActors.contains(.isis)
                    {
                        incidentActors.append(.isis)
                    }
                    // "قواتنا" (our forces) in a statement: the speaker's forces.
                    if let speaker = claim.flatMap(Actor.init(rawValue:)), !incidentActors.contains(speaker),
                        tokens.contains(where: { ["قواتنا", "قواتها", "قواته", "عناصرها", "our"].contains($0.folded) })
                    {
                        incidentActors.insert(speaker, at: 0)
                    }
                    var unique = [Actor]()
                    for a in incidentActors where !unique.contains(a) { unique.append(a) }
                    let counts = Self.counts(in: tokens, type: cue.type)
                    // A place a road is named by ("على طريق الدرباسية – عامودا") is only near where it happened.
                    let onRoad = mention.firstToken > 0 && mention.sentence == s
                        && tokens[mention.firstToken - 1].forms.contains(where: { Self.roadWords.contains($0) })
                    let geo = mention.place.kind.isArea ? 3 : mention.place.isUnlocated || onRoad ? max(2, precision) : precision
                    incidents.append(
                        Incident(
                            type: cue.type, date: date, dateInferred: inferred, place: mention.place, geoPrecision: geo, actors: unique,
                            fatalities: counts.fatalities, people: counts.people, claimedBy: claim, disputed: disputed,
                            sources: [
                                IncidentSource(document: article.id, start: sentence.start, end: sentence.end, sentence: sentence.text)
                            ]))
                }
            }
        }
        return incidents
    }

    /// English verbs of hitting that name no kind of violence of their own.
    static let genericHits: Set<String> = ["hit", "hits", "targeted", "targeting", "struck", "explosion", "explosions", "استهداف"]
    /// Arabic verbs of targeting and the explosion a strike causes ("استهدف قصف تركي", "انفجار ناجم عن استهداف مسيّرة").
    static let genericHitPrefixes = ["استهدف", "يستهدف", "تستهدف", "انفجار", "عدوان", "اعتداء"]

    /// Nouns pointing back at an event just reported, and verbs saying where it "took place".
    static let operationNouns: Set<String> = ["عمليه", "هجوم", "حادثه", "غاره", "مداهمه", "operation", "attack", "raid", "incident"]
    static let tookPlaceVerbs: Set<String> = ["جرت", "وقعت", "تمت", "نفذت", "حصلت", "took", "happened", "occurred", "carried"]

    /// The place of a clause "العملية جرت في X" / "وقعت الحادثة في X" / "the raid took place in X":
    /// a definite back-reference, a verb of taking place, then a place within a few words.
    static func operationLocation(tokens: [Token], mentions: [Mention]) -> Mention? {
        for i in tokens.indices where tokens[i].entry.roles.contains(.operationNoun) {
            let definite = tokens[i].entry.hasArticle || (i > 0 && tokens[i - 1].entry.roles.contains(.the))
            guard definite else { continue }
            let window = max(0, i - 2)...min(tokens.count - 1, i + 2)
            guard let verb = window.first(where: { $0 != i && tokens[$0].entry.roles.contains(.tookPlace) }) else {
                continue
            }
            let after = max(i, verb)
            if let place = mentions.first(where: { $0.firstToken > after && $0.firstToken - after <= 5 && $0.place.kind != .country }) {
                return place
            }
        }
        return nil
    }

    /// Syria as a place mention, for incidents only the country can locate.
    func syriaMention(sentence: Int, token: Int, start: Int) -> Mention? {
        guard let syria = gazetteer.place(id: "ne:SY") else { return nil }
        return Mention(
            surface: "سوريا", start: start, end: start, sentence: sentence, firstToken: token, lastToken: token,
            place: syria, score: 0, alternatives: [], kindHint: nil, isAnaphor: false)
    }

    /// The article's main place: the most named facility, else the most named settlement.
    func focusPlace(mentions: [Mention]) -> Mention? {
        let usable = mentions.filter { !$0.place.kind.isArea && $0.score > 0 }
        let counts = Dictionary(grouping: usable, by: \.place.id)
        let ranked = counts.values.sorted { a, b in
            // (A prison or a base an article names is what it is about; a bridge or a stadium is
            // only a landmark of its town.)
            let fa = a[0].place.kind.isFacility && a[0].place.kind != .facility ? 1 : 0
            let fb = b[0].place.kind.isFacility && b[0].place.kind != .facility ? 1 : 0
            return (fa, a.count, -a[0].start) > (fb, b.count, -b[0].start)
        }
        return ranked.first?.first
    }

    /// Cues of the sentence, without those a blocker word makes hypothetical.
    static func cues(in tokens: [Token]) -> [Cue] {
        // "تشهد مناطق شرق دير الزور بين الحين والآخر هجمات", "from time to time": what happens
        // now and then is background, not an event.
        if tokens.indices.contains(where: { i in
            tokens[i].entry.roles.contains(.now)
                && tokens[(i + 1)..<min(tokens.count, i + 3)].contains { $0.forms.contains { $0 == "اخر" || $0 == "لاخر" || $0 == "والاخر" } }
        }) || tokens.indices.dropLast(2).contains(where: { i in
            tokens[i].entry.lowered == "from" && tokens[i + 1].entry.lowered == "time" && tokens[i + 2].entry.lowered == "to"
        }) {
            return []
        }
        var found = [Cue]()
        var used = Set<Int>()
        var rejected = false
        let order = Lexicon.cueOrder
        for i in tokens.indices where !used.contains(i) {
            // The longest phrase wins when several cues start here ("القصف المتبادل", shelling
            // both ways, is a clash), then the first type in lexicon order.
            let candidates = tokens[i].entry.cueCandidates
            guard !candidates.isEmpty,
                let match = Lexicon.cueIndex.matches(tokens, at: i, candidates: candidates)
                    .min(by: { ($1.length, order[$0.value]!) < ($0.length, order[$1.value]!) }) else {
                continue
            }
            if tokens[max(0, i - 4)..<i].contains(where: { $0.entry.roles.contains(.blocker) }) {
                rejected = true
                continue
            }
            // "66 استهداف على الحسكة", "تصفية أكثر من 50 شخصاً في عمليات اغتيال": a count of events
            // (thirty and more, within two words), or "operations" of a kind after a count of ten
            // and more, is a tally.
            // (Not munitions: "بأكثر من 30 قذيفة مدفعية" is one shelling.)
            if tokens[max(0, i - 2)..<i].contains(where: { ($0.entry.number ?? 0) >= 30 }),
                !tokens[i].forms.contains(where: { w in Self.munitionStems.contains { w.hasPrefix($0) } })
            {
                rejected = true
                continue
            }
            if i > 1, tokens[i - 1].entry.roles.contains(.eventPlural),
                tokens[max(0, i - 7)..<(i - 1)].contains(where: { ($0.entry.number ?? 0) >= 10 })
            {
                rejected = true
                continue
            }
            // "بعد تصاعد الاغتيالات", "a rise in attacks": a trend of discrete events, not an event
            // ("تصاعد الاشتباكات", clashes growing fiercer, is still fighting).
            if tokens[i].entry.roles.contains(.discretePlural),
                i > 0 && tokens[i - 1].forms.contains(where: { Self.trendWords.contains($0) })
                    || (i > 1 && tokens[i - 1].entry.lowered == "in" && ["rise", "increase", "surge", "uptick"].contains(tokens[i - 2].entry.lowered))
            {
                continue
            }
            // "militias that have launched rocket attacks in the past", "هجمات شنها سابقاً": what
            // happened before, told as background.
            // (Only a plural of events, "سابقاً" within two words; not "in the past 24 hours", the
            // usual reporting window.)
            if tokens[i].bare.hasSuffix("s") || tokens[i].forms.contains(where: { $0.hasSuffix("ات") }),
                tokens[(i + 1)..<min(tokens.count, i + 3)].contains(where: { $0.entry.formKeys.contains { Self.previouslyKeys.contains($0) } })
                    || (0..<4).contains(where: { k in
                        i + k + 3 < tokens.count && tokens[i + k + 1].entry.function == .in && tokens[i + k + 2].entry.function == .the
                            && tokens[i + k + 3].entry.function == .past
                            && !(i + k + 4 < tokens.count && (tokens[i + k + 4].entry.number != nil || tokens[i + k + 4].entry.function == .few))
                    })
            {
                rejected = true
                continue
            }
            // "members connected to recent attacks": earlier events of a kind, not one reported.
            if i > 0, let before = tokens[i - 1].entry.function, [.recent, .previous, .past, .earlier].contains(before),
                tokens[i].bare.hasSuffix("s")
            {
                rejected = true
                continue
            }
            // "قبل دخول" (before entering): what has not happened yet.
            if i > 0, tokens[i - 1].forms.contains("قبل") { continue }
            // "بعد أقل من شهرين من دخول مقاتليه المدينة", "two months after it entered": the event
            // a time is counted from happened before; the sentence reports something else.
            if Self.isTimeReference(tokens, cue: i) { continue }
            // "has conducted over a hundred attacks … since Oct. 7": a tally over a period.
            if tokens[max(0, i - 3)..<i].contains(where: { $0.forms.contains { Self.tallyWords.contains($0) } }),
                tokens[(i + 1)...].contains(where: { $0.forms.contains { $0 == "since" || $0 == "منذ" } })
            {
                continue
            }
            // "هذا الهجوم", "this attack": an event the text has already told.
            // (An Arabic demonstrative points only at a definite noun: "بعد ذلك هاجم" is a new event.)
            if i > 0, tokens[i - 1].entry.roles.contains(.demonstrative), tokens[i].entry.hasArticle || !PlaceName.isArabic(tokens[i].folded) {
                continue
            }
            var type = match.value
            // "وتفرض قسد سيطرتها على مدينة الرقة", "في ظل سيطرة", "استمرار سيطرة": who holds a place.
            if type == .controlChange, tokens[max(0, i - 3)..<i].contains(where: { t in t.forms.contains { Self.standingControlWords.contains($0) } }) {
                continue
            }
            // "والمجموعات المهاجمة", "العناصر المهاجمين": the attackers, not an attack.
            if type == .attack, tokens[i].entry.hasArticle,
                tokens[i].forms.contains(where: { $0 == "مهاجمه" || $0 == "مهاجمين" || $0 == "مهاجمون" })
            {
                continue
            }
            // "حاولت مجموعة من نساء عائلات التنظيم الفرار": an escape tried or foiled, further back
            // than a blocker reaches for other cues.
            if type == .escape, tokens[max(0, i - 9)..<i].contains(where: { $0.entry.roles.contains(.blocker) }) {
                continue
            }
            // "escaped prisoners": a participle describing people, not an escape.
            if type == .escape, tokens[i].bare == "escaped", i + 1 < tokens.count,
                Lexicon.peopleNouns.contains(where: { tokens[i + 1].bare.hasPrefix($0) })
            {
                continue
            }
            // "استسلمت الحكومة للضغوط": giving in is no capture. A surrender is one when fighters
            // surrender ("استسلم 40 عنصراً", "ISIS fighters surrendered") or surrender to a force
            // ("استسلموا إلى قوات سوريا الديمقراطية", "لقسد", "to the SDF").
            if type == .arrest, Self.isSurrender(tokens[i]), !Self.surrendersToForce(tokens, cue: i) { continue }
            // "recaptured 89 escaped prisoners", "captured three fighters": people taken are arrests.
            // ("the capture of two ISIS members"; "a high-ranking commander captured in Deir ez-Zor".)
            if type == .controlChange, i + 1 < tokens.count, ["captured", "recaptured", "seized", "capture"].contains(tokens[i].bare) {
                let next = tokens[(i + 1)..<min(tokens.count, i + 5)].flatMap(\.forms)
                let previous = tokens[max(0, i - 2)..<i].flatMap(\.forms)
                if next.contains(where: { w in Lexicon.peopleNouns.contains { w.hasPrefix($0) } })
                    // (Passive only: "a commander captured in Deir ez-Zor", not "SDF fighters captured the village".)
                    || (tokens[i].bare == "captured" && previous.contains(where: { w in Lexicon.peopleNouns.contains { w.hasPrefix($0) } || w == "commander" || w == "leader" })
                        && (tokens[i + 1].afterBreak || [.in, .by].contains(tokens[i + 1].entry.function) || ["near", "during", "on", "last"].contains(tokens[i + 1].bare)))
                {
                    type = .arrest
                }
            }
            // "طائرات مسيّرة … استهدفت مواقع", "a drone targeted a vehicle": an attack from the air is a strike.
            // (Not "شنت هجوماً برياً بغطاء من المدفعية": a ground attack under artillery cover.)
            if type == .attack,
                tokens[max(0, i - 10)..<min(tokens.count, i + match.length + 4)].contains(where: { $0.entry.roles.contains(.airborne) }),
                !tokens[(i + match.length)..<min(tokens.count, i + match.length + 2)].contains(where: { t in
                    t.forms.contains { $0 == "بري" || $0 == "بريا" || $0 == "بريه" || $0 == "ground" }
                })
            {
                type = .strike
            }
            found.append(Cue(type: type, first: i, last: i + match.length - 1, isWithdrawal: Lexicon.withdrawalIDs.contains(match.order)))
            for k in i..<(i + match.length) { used.insert(k) }
            // "government forces entered the city of Raqqa … in areas held by Kurdish-led forces",
            // "دخلت … المناطق الخاضعة لسيطرة قسد": entering what the other side holds takes it.
            if type == .deployment, Self.entersHeldGround(tokens, cue: i, length: match.length) {
                found.append(Cue(type: .controlChange, first: i, last: i + match.length - 1))
            }
        }
        // "فتح مسلحان من خلايا التنظيم النار على سيارة": opening fire, its words apart.
        for i in tokens.indices where tokens[i].entry.roles.contains(.opened) && !used.contains(i) {
            if let fire = tokens[(i + 1)..<min(tokens.count, i + 9)].firstIndex(where: { $0.forms.contains("نار") }),
                !tokens[max(0, i - 4)..<i].contains(where: { $0.entry.roles.contains(.blocker) })
            {
                found.append(Cue(type: .attack, first: i, last: fire))
            }
        }
        // "stations … were deliberately disabled by Turkish drones", "killed by a drone": a drone as
        // the agent is a strike, when no word of the sentence already says so.
        if !found.contains(where: { $0.type == .strike }) {
            // (Only after a word of damage: not "backed by coalition warplanes", "monitored by drones",
            // "filmed by a drone".)
            for i in tokens.indices.dropFirst() where tokens[i].entry.function == .by && !used.contains(i)
                && tokens[max(0, i - 2)..<i].contains(where: { Self.damageParticiples.contains($0.bare) })
            {
                if let j = tokens[(i + 1)..<min(tokens.count, i + 4)].firstIndex(where: { $0.entry.roles.contains(.airborne) }),
                    !tokens[max(0, i - 4)..<i].contains(where: { $0.entry.roles.contains(.blocker) })
                {
                    found.append(Cue(type: .strike, first: i, last: j))
                    break
                }
            }
        }
        // "مؤكداً سيطرة التنظيم على أحياء النشوة": the noun of taking control, its taker between it
        // and "على" (some word must be). (Not "تحت سيطرة", "مناطق سيطرة", "الخاضعة لسيطرة": who holds a place.)
        // (Nor standing control: "في ظل سيطرة قسد على"، "استمرار سيطرة"، "تتقاسم … السيطرة"، "سيطرة قسد
        // على منبج تعود إلى عام 2016"، "منذ".)
        // (A key compare: this looks at every word of every sentence.)
        for i in tokens.indices where !used.contains(i) && tokens[i].entry.formKeys.contains(Self.controlNounKey) && !tokens[i].folded.hasPrefix("ل") {
            if i > 0, tokens[i - 1].forms.contains(where: { Self.standingControlWords.contains($0) || $0 == "تحت" || $0 == "مناطق" || $0.hasSuffix("خاضعه") }) {
                continue
            }
            guard let on = tokens[(i + 1)..<min(tokens.count, i + 4)].firstIndex(where: { $0.forms.contains("علي") }),
                on > i + 1,
                !tokens[on..<min(tokens.count, on + 8)].contains(where: { t in t.forms.contains { $0 == "منذ" || $0 == "تعود" } }),
                !found.contains(where: { $0.type == .controlChange && abs($0.first - i) <= 3 }),
                !tokens[max(0, i - 4)..<i].contains(where: { $0.entry.roles.contains(.blocker) })
            else { continue }
            found.append(Cue(type: .controlChange, first: i, last: on))
        }
        // "تمكنت من أسر 35 عنصراً لقوات النظام": taking a counted number of fighters captive is an
        // arrest. (Only before a count of people: "أسر الشهداء" are the martyrs' families.)
        for i in tokens.indices.dropFirst(2) where tokens[i].entry.roles.contains(.people) && !used.contains(i) {
            // (Not "على أسر 150 شخصاً", "لأسر 20 مقاتلاً", "بأسر": families.)
            guard let n = tokens[max(0, i - 3)..<i].lastIndex(where: { $0.entry.number != nil }), n > 0,
                tokens[n - 1].forms.contains(where: { Self.captiveWords.contains($0) }),
                !tokens[n - 1].folded.hasPrefix("ل"), !tokens[n - 1].folded.hasPrefix("ب"),
                !(n > 1 && tokens[n - 2].forms.contains("علي")),
                !tokens[max(0, n - 5)..<(n - 1)].contains(where: { $0.entry.roles.contains(.blocker) })
            else { continue }
            found.append(Cue(type: .arrest, first: n - 1, last: i))
        }
        // "قُتل، أمس الخميس، لاجئ عراقي في مخيم الهول": a killing told without any other word of
        // violence is an attack (unless the sentence's cues were set aside as hypothetical or a tally).
        if found.isEmpty, !rejected,
            let i = tokens.indices.first(where: { tokens[$0].entry.roles.contains(.killing) }),
            !tokens[max(0, i - 4)..<i].contains(where: { $0.entry.roles.contains(.blocker) }), !Self.isTimeReference(tokens, cue: i),
            // Not a toll of what something else caused ("أسفر عن مقتل", "تسببت بمقتل"), nor a count
            // over a period ("منذ مطلع العام").
            !tokens[max(0, i - 3)..<i].contains(where: { $0.forms.contains { w in Self.resultWords.contains { w.hasPrefix($0) } } }),
            !tokens.contains(where: { $0.forms.contains { $0 == "منذ" || $0 == "since" } })
        {
            found.append(Cue(type: .attack, first: i, last: i))
        }
        return found.sorted { $0.first < $1.first }
    }

    /// Words of opening ("فتح … النار"), of killing, and plurals that make a cue a class of events.
    static let openedWords: Set<String> = ["فتح", "فتحت", "فتحوا", "فتحا"]
    static let killingWords: Set<String> = ["قتل", "قتلت", "قتلوا", "مقتل", "بمقتل", "استشهد", "استشهدت", "استشهاد", "killed"]
    static let resultWords = ["اسفر", "تسبب", "ادي", "ادت", "resulted", "leaving", "causing"]
    static let eventPlurals: Set<String> = ["عمليات", "محاولات", "حوادث", "حالات", "operations", "attempts", "incidents", "cases"]

    /// The places a cue is about: those listed right after it (joined by و or commas), else
    /// the nearest one in the sentence, facilities first.
    static func governedPlaces(cue: Cue, mentions allMentions: [Mention], tokens: [Token], nextCue: Int, previousCue: Int = -1) -> [Mention] {
        guard !allMentions.isEmpty else { return [] }
        // "على طريق القامشلي - عامودا، بالقرب من قرية غزاليك": the towns a road joins say where the
        // road runs, not where it happened, when another place is named.
        var roadEnds = Set<Int>()
        for (k, m) in allMentions.enumerated() where m.firstToken > 0 {
            let before = tokens[m.firstToken - 1]
            if before.forms.contains(where: { Self.roadWords.contains($0) }) {
                roadEnds.insert(k)
            } else if k > 0, roadEnds.contains(k - 1), m.firstToken - allMentions[k - 1].lastToken == 1, tokens[m.firstToken].afterBreak {
                roadEnds.insert(k)
            }
        }
        let mentions = roadEnds.count < allMentions.count
            ? allMentions.enumerated().filter { !roadEnds.contains($0.offset) }.map(\.element) : allMentions
        // Places within ten words after the cue; further ("ألقت القبض على أحد متزعمي داعش بعملية
        // أمنية … في ريف دير الزور") when "في" introduces them and no other event intervenes.
        let after = mentions.filter { m in
            guard m.firstToken > cue.last else { return false }
            let gap = m.firstToken - cue.last
            if gap <= 10 { return true }
            // (Not a word pointing back: "… بقطعها عن أكثر من 60% من أحياء المدينة" is the city
            // named before the cue.)
            if m.isAnaphor { return false }
            // "اشتباكات عنيفة تدور … بين … من جهة و… من جهة أخرى، وذلك في الأحياء الغربية لمدينة
            // تل أبيض": "وذلك في" (and that, in) places what the clause told, however long.
            if m.firstToken < nextCue, gap <= 45, Self.introducedByLocative(m, tokens: tokens),
                let that = tokens[max(cue.last + 1, m.firstToken - 6)..<m.firstToken].firstIndex(where: { $0.folded == "وذلك" }),
                that + 1 < m.firstToken, tokens[that + 1].folded == "في"
            {
                return true
            }
            guard gap <= 22, m.firstToken < nextCue, m.firstToken > 1 else { return false }
            // "in X", "بX", and "the city of X" ("مدينة X" is read with the name).
            return tokens[m.firstToken - 1].entry.roles.contains(.locative) || tokens[m.firstToken].entry.lowered.hasPrefix("ب")
                // "في محيط مدينة “الشدادي”".
                || Self.introducedByLocative(m, tokens: tokens)
                || (tokens[m.firstToken - 1].entry.lowered == "of" && tokens[m.firstToken - 2].entry.roles.contains(.settlement))
                // "قصفت المدفعية … قرية الإبراهيمية": a place introduced by its kind.
                || tokens[m.firstToken - 1].entry.unlocatedTrigger != nil
                // "أغار الطيران … في المالحة والبغيلية ومحيط جامعة الجزيرة وحقل التيم": a list the
                // locative opens, whose first names the gazetteer lacks.
                || (Self.joinedByAnd(m, tokens: tokens)
                    && tokens[max(cue.last + 1, m.firstToken - 8)..<m.firstToken].contains { $0.entry.roles.contains(.locative) })
        }
        // "an attack on a U.S. base in northern Iraq's city of Irbil": a country on the way says
        // where the place is, not what the cue is about.
        if let first = after.first(where: { $0.place.kind != .country }) ?? after.first {
            var list = [first]
            // The last word of the list so far, with what locates its last place: "مدينة منبج بريف
            // حلب الشمالي الشرقي وبلدة عين عيسى" goes on after the countryside.
            var reach = first.lastToken
            for m in mentions where m.firstToken > first.lastToken {
                guard let previous = list.last else { break }
                // "الشدادي جنوب الحسكة", "طريفاوي – الحسكة": the second place only says where the first is.
                if Self.locates(m, previous, tokens: tokens) {
                    reach = max(reach, m.lastToken)
                    continue
                }
                let before = m.firstToken > 0 ? tokens[m.firstToken - 1].forms : []
                // "حقل كونكو للغاز في دير الزور، إلى جانب حقول …": a settlement "in" after a facility
                // says where the facility is; the list goes on past it.
                if previous.place.kind.isFacility, m.place.kind.isSettlement || m.place.kind.isArea, before.contains("في"),
                    m.firstToken - previous.lastToken <= 4
                {
                    reach = max(reach, m.lastToken)
                    continue
                }
                guard m.firstToken > reach else { continue }
                let gap = m.firstToken - reach
                        // Joined by و, by punctuation, or by a plural of the facility's kind ("… إلى جانب حقول الصفيان").
                // ("في مدينة عامودا ومدينة القحطانية": the conjunction on the settlement word.)
                let joined = Self.joinedByAnd(m, tokens: tokens) || tokens[m.firstToken].afterBreak
                    || (gap == 2 && tokens[m.firstToken - 1].folded.hasPrefix("و") && Self.isSettlementWord(tokens[m.firstToken - 1]))
                    // ("انسحابه من (الباغوز، السوسة، اطراف هجين)", "في الباغوز ومحيط السوسة": on the word
                    // for a place's outskirts.)
                    || (gap == 2 && (tokens[m.firstToken - 1].afterBreak || tokens[m.firstToken - 1].folded.hasPrefix("و"))
                        && tokens[m.firstToken - 1].forms.contains { Self.placeApproaches.contains($0) })
                    // ("في ذيبان وفي الرقة", "in Diban and in Raqqa": on the locative.)
                    || (gap == 2 && tokens[m.firstToken - 1].folded == "وفي")
                    || (gap == 3 && tokens[m.firstToken - 2].entry.function == .and && tokens[m.firstToken - 1].entry.function == .in)
                    || (m.place.kind.isFacility && tokens[m.firstToken].entry.facilityKind == m.place.kind
                        && tokens[m.firstToken].forms.contains { Gazetteer.isFacilityPlural($0) })
                // "حقل العمر … وحقل كونكو … وحقول الصفيان والتنك": facilities of one kind in a row.
                let sameKindFacility = first.place.kind.isFacility && m.place.kind == first.place.kind && gap <= 12
                // "طال ناحية زركان على كل من قرى، الأسدية والمطمورة …": villages the text lists by
                // kind, which the gazetteer lacks, go on the list a few words on.
                let listedByKind = m.place.isUnlocated && gap <= 8
                // "محطتي تحويل كهرباء بلدة عامودا 66/20 كيلو فولت ومحطة تحويل كهرباء مدينة القامشلي":
                // a second target joined by و, its place named by its settlement word.
                let conjunctTarget = gap >= 3 && gap <= 10 && m.firstToken < nextCue
                    && Self.isSettlementWord(tokens[m.firstToken - 1])
                    && tokens[(reach + 1)..<(m.firstToken - 1)].contains { $0.folded.hasPrefix("و") && $0.entry.facilityKind != nil || Self.targetNouns.contains($0.folded) }
                // "… countryside, including the al-Omar and Tanak oil fields", "بما فيها حقل العمر", "…
                // بريف الرقة إضافة إلى بلدة تل تمر", "as well as", "in addition to".
                // (Not "arrested 12 people in Hajin, including three from al-Shuhayl": where people come from.)
                let added = gap <= 5 && tokens[(reach + 1)..<m.firstToken].contains { t in
                    t.entry.function == .including || t.entry.function == .addition || t.entry.function == .well
                        || t.forms.contains { $0 == "بما" || $0 == "اضافه" }
                } && !tokens[(reach + 1)..<m.firstToken].contains { t in t.bare == "from" || t.bare == "of" || t.forms.contains("من") }
                // "in the villages of Sabha al-Ibrahim, al-Busairiya, al-Shahil, Baghouz and Thebian":
                // an English list goes on past names the gazetteer lacks.
                let pastUnknown = gap <= 9 && joined && tokens[(reach + 1)..<m.firstToken].allSatisfy { t in
                    t.entry.roles.contains(.latinName) || t.entry.function == .and
                }
                    // "في المالحة والبغيلية ومحيط جامعة الجزيرة وحقل التيم": and an Arabic one past an
                    // item joined by و that names no known place.
                    || (gap <= 5 && Self.joinedByAnd(m, tokens: tokens) && tokens[reach + 1].folded.hasPrefix("و")
                        && tokens[(reach + 1)..<m.firstToken].allSatisfy { t in
                            PlaceName.isArabic(t.text) && t.entry.cueCandidates.isEmpty && t.entry.actorCandidates.isEmpty && !t.afterBreak
                        })
                if (gap <= 3 && (joined || gap == 1)) || added || pastUnknown || (sameKindFacility && joined) || listedByKind || conjunctTarget {
                    list.append(m)
                    reach = m.lastToken
                } else if !m.place.kind.isArea {
                    break
                } else if m.firstToken - reach <= 4 {
                    // "ومدينة الطبقة ومطارها العسكري بريف الرقة": a region just after the list says where it is.
                    reach = m.lastToken
                }
            }
            // "اشتباكات … في ريف دير الزور … في محيط بلدة ذيبان": a region first, then a town or
            // facility inside it later in the clause; the most specific place is where it happened.
            if list.allSatisfy(\.place.kind.isArea), let area = list.first,
                let inside = mentions.first(where: { m in
                    m.firstToken > area.lastToken && m.firstToken - area.lastToken <= 15 && !m.place.kind.isArea
                        && m.place.kind != .country && !Self.locates(m, area, tokens: tokens)
                        && Self.liesWithin(m.place, area.place)
                        && !(tokens[m.firstToken].afterBreak && !tokens[m.firstToken].folded.hasPrefix("و")
                            && tokens[(area.lastToken + 1)..<m.firstToken].contains(where: { $0.entry.cueCandidates.isEmpty == false }))
                })
            {
                list = [inside]
            }
            // "سجن الصناعة بالحسكة": a facility beats the town it is in, named beside it.
            let facilities = list.filter(\.place.kind.isFacility)
            return list.filter { m in
                if m.place.kind.isArea, list.count > 1, !list.allSatisfy(\.place.kind.isArea) { return false }
                if m.place.kind.isSettlement, facilities.contains(where: { f in
                    f.place.parentID == m.place.id
                        || Geodesic.distanceMeters(from: f.place.coordinate, to: m.place.coordinate) <= 12_000
                }) {
                    return false
                }
                return true
            }
        }
        let before = mentions.filter { $0.lastToken < cue.first }
        // "مقتل جنديين في بلدة دبسي عفنان بريف الرقة، وجنديين آخرين قرب مدينة مسكنة، بنيران قسد":
        // clauses joined by "، و", each placing its part with a locative, share the cue closing them.
        let placed = before.filter { m in
            m.firstToken > previousCue && !m.place.kind.isArea && m.place.kind != .country && Self.introducedByLocative(m, tokens: tokens)
        }
        if placed.count >= 2, zip(placed, placed.dropFirst()).allSatisfy({ a, b in
            tokens[(a.lastToken + 1)..<b.firstToken].contains { $0.afterBreak && $0.folded.hasPrefix("و") }
        }) {
            return placed
        }
        guard var nearest = before.max(by: { ($0.place.kind.isFacility ? 1 : 0, $0.lastToken) < ($1.place.kind.isFacility ? 1 : 0, $1.lastToken) }) else {
            return []
        }
        // "في منطقة طريفاوي – الحسكة … الانتشار": the place that only says where the one before
        // it is does not stand for it.
        while let k = before.lastIndex(where: { $0.lastToken < nearest.firstToken }),
            nearest.firstToken - before[k].lastToken <= 3, Self.locates(nearest, before[k], tokens: tokens)
        {
            nearest = before[k]
        }
        // "طوقت بلدة المنصورة وعددا من القرى التابعة لها بريف الرقة الغربي، وداهمت المنازل": the
        // town the region holds, named just before it, is the more specific place.
        if nearest.place.kind.isArea, let inside = before.last(where: { m in
            !m.place.kind.isArea && m.place.kind != .country && m.lastToken < nearest.firstToken
                && nearest.firstToken - m.lastToken <= 12
                && Self.liesWithin(m.place, nearest.place)
        }) {
            nearest = inside
        }
        // Places joined by و (or "إضافة إلى", in addition to) after the one chosen, up to the cue:
        // "على مدن القامشلي ورميلان والسويدية وعامودا بريف محافظة الحسكة، إضافة إلى مدينة عين
        // العرب إثر الغارات" (the facility named among them was chosen first).
        var following = [Mention]()
        if !nearest.place.kind.isArea {
            var last = nearest
            var reach = nearest.lastToken
            for m in before where m.firstToken > last.lastToken && following.count < 6 {
                if Self.locates(m, last, tokens: tokens) || (m.place.kind.isArea && m.firstToken - reach <= 2) {
                    reach = m.lastToken
                    continue
                }
                let between = tokens[(reach + 1)..<m.firstToken]
                let joined = (m.firstToken - reach <= 2 && Self.joinedByAnd(m, tokens: tokens))
                    || (m.firstToken - reach <= 4 && between.contains { $0.forms.contains("اضافه") })
                guard joined, !m.place.kind.isArea, m.place.kind != .country else { break }
                following.append(m)
                last = m
                reach = m.lastToken
            }
        }
        // "وفي عين عيسى في ريف الرقة والقامشلي شمال الحسكة، تسبّب القصف": places joined by و before
        // the one chosen, each with what locates it, share the cue too.
        var list = [nearest]
        while list.count < 6, !nearest.place.kind.isArea, let current = list.last, Self.joinedByAnd(current, tokens: tokens),
            var k = before.lastIndex(where: { $0.lastToken < current.firstToken })
        {
            var gapEnd = before[k]
            if k > 0, Self.locates(before[k], before[k - 1], tokens: tokens), before[k].firstToken - before[k - 1].lastToken <= 2 {
                k -= 1
            }
            let previous = before[k]
            guard current.firstToken - gapEnd.lastToken <= 2, previous.firstToken > previousCue, !previous.place.kind.isArea,
                previous.place.kind != .country, !list.contains(where: { $0.place.id == previous.place.id })
            else { break }
            gapEnd = previous
            list.append(previous)
        }
        return list.reversed() + following
    }

    /// Whether "and" joins the mention to what comes before it: "والقامشلي", "and Amuda".
    static func joinedByAnd(_ m: Mention, tokens: [Token]) -> Bool {
        tokens[m.firstToken].folded.hasPrefix("و") || (m.firstToken > 0 && tokens[m.firstToken - 1].entry.function == .and)
    }

    /// Whether a locative opens the mention, directly or through a settlement word: "في X",
    /// "قرب مدينة X", "in the town of X".
    static func introducedByLocative(_ m: Mention, tokens: [Token]) -> Bool {
        let j = m.firstToken
        var k = j - 1
        // ("في الأحياء الغربية لمدينة تل أبيض", "عند مدخل بلدة معدان".)
        while k >= 0, k >= j - 4, Self.isSettlementWord(tokens[k])
            || tokens[k].forms.contains(where: { Self.placeApproaches.contains($0) })
            || tokens[k].entry.lowered == "of" || tokens[k].entry.roles.contains(.the)
        {
            k -= 1
        }
        // "in the notorious al-Hol camp", "in the besieged town of": one or two English adjectives
        // after "the".
        var adjectives = k
        while adjectives >= 0, k - adjectives < 2, isLowercaseLatinWord(tokens[adjectives]) { adjectives -= 1 }
        if adjectives < k, adjectives > 0, tokens[adjectives].entry.roles.contains(.the) {
            k = adjectives - 1
        }
        guard k >= 0 else { return false }
        return tokens[k].entry.roles.contains(.locative) || tokens[m.firstToken].folded.hasPrefix("ب")
    }

    /// A village, town or city word ("قرية", "بلدة", "village"), or "مدينة" (kept out of the
    /// settlement role, where it would also mean "the city" pointing back).
    static func isSettlementWord(_ token: Token) -> Bool {
        token.entry.roles.contains(.settlement) || token.forms.contains("مدينه")
    }

    /// An English word in lower case that is no cue, locative or article: an adjective before a name.
    static func isLowercaseLatinWord(_ token: Token) -> Bool {
        guard let first = token.text.unicodeScalars.first, (0x61...0x7A).contains(first.value) else { return false }
        return token.entry.cueCandidates.isEmpty && !token.entry.roles.contains(.locative) && !token.entry.roles.contains(.the)
    }

    /// Targets a second strike in a list names with و: "ومحطة تحويل كهرباء مدينة القامشلي".
    static let targetNouns: Set<String> = Lexicon.folded(["ومحطة", "ومحطتي", "ومقر", "ومقرات", "ومعمل", "ومنشأة", "ومستودع", "ونقطة", "ونقاط", "وحاجز"])

    /// Words between a locative and the place they approach: its parts, sides and edges.
    /// (Folded: "الأحياء" reads "الاحيا", its hamza dropped.)
    static let placeApproaches: Set<String> = Lexicon.folded([
        "محيط", "اطراف", "احياء", "حي", "مدخل", "وسط", "شرقي", "غربي", "شمالي", "جنوبي", "شرقيه", "غربيه", "شماليه",
        "جنوبيه", "الشرقيه", "الغربيه",
    ])

    /// Roads named by the towns they join.
    static let roadWords: Set<String> = ["طريق", "road", "highway", "مفرق", "junction"]

    /// Munitions counted by the number before them, not events: shells, rockets, mortar rounds.
    /// (Folded, as the tokens' forms are: "قذائف" reads "قذايف".)
    static let munitionStems = ["قذيف", "قذائف", "صاروخ", "صواريخ", "shell", "rocket", "mortar"].map {
        PlaceName.isArabic($0) ? PlaceName.fold($0) : $0
    }
    /// Nouns of a trend before an event word: "تصاعد الاغتيالات", "ازدياد الهجمات".
    static let trendWords: Set<String> = ["تصاعد", "ازدياد", "تزايد", "ارتفاع"]
    /// Plurals of events that happen one at a time (not fighting, which goes on).
    static let discretePlurals: Set<String> = [
        "اغتيالات", "هجمات", "تفجيرات", "عمليات", "attacks", "assassinations", "killings", "bombings",
    ]
    /// Large counts of events: "over a hundred attacks", "عشرات الهجمات".
    static let tallyWords: Set<String> = Lexicon.folded(["hundred", "hundreds", "dozens", "scores", "thousands", "مئات", "عشرات", "مئه", "مائه", "الاف"])

    /// Units of time: "شهرين"، "أيام"، "months".
    static let durationWords: Set<String> = [
        "ساعه", "ساعات", "يوم", "يومين", "ايام", "اسبوع", "اسبوعين", "اسابيع", "شهر", "شهرين", "اشهر", "شهور", "سنه",
        "سنتين", "سنوات", "عام", "عامين", "اعوام", "hours", "days", "week", "weeks", "month", "months", "year", "years",
    ]

    /// Whether the cue at `i` is the point a time is counted from: "بعد (أقل من) شهرين من دخول",
    /// "منذ أيام من اعتقال", "two months after (its fighters) entered".
    static func isTimeReference(_ tokens: [Token], cue i: Int) -> Bool {
        let window = tokens[max(0, i - 6)..<i]
        guard let unit = window.lastIndex(where: { $0.forms.contains { durationWords.contains($0) } }) else { return false }
        if tokens[i - 1].forms.contains("من"), i - unit <= 2,
            tokens[max(0, unit - 4)..<unit].contains(where: { $0.forms.contains { $0 == "بعد" || $0 == "منذ" } })
        {
            return true
        }
        return unit + 1 < i && tokens[unit + 1].bare == "after" && i - unit <= 4
    }

    static func isSurrender(_ token: Token) -> Bool {
        token.bare == "surrendered" || token.bare == "surrendering" || token.forms.contains { $0.hasPrefix("استسلم") }
    }

    /// Whether people are counted or named around a surrender at `i`, or a force follows it after
    /// "إلى", "ل…" or "to".
    static func surrendersToForce(_ tokens: [Token], cue i: Int) -> Bool {
        // (The people just before the verb, or counted right after it: "ISIS fighters surrendered",
        // "استسلم 40 عنصراً".)
        if tokens[max(0, i - 3)..<i].contains(where: { $0.entry.roles.contains(.people) })
            || tokens[(i + 1)..<min(tokens.count, i + 4)].contains(where: { $0.entry.roles.contains(.people) })
        {
            return true
        }
        let after = Array(tokens[(i + 1)..<min(tokens.count, i + 8)])
        return actors(in: after).contains { m in
            let j = m.first
            let before = j > 0 && after[j - 1].entry.function == .the ? j - 2 : j - 1
            return after[j].folded.hasPrefix("ل") || (before >= 0 && (after[before].forms.contains("الي") || after[before].entry.function == .to))
        }
    }

    /// Words of detention (folded stems): a prison, a camp, prisoners, custody.
    static let detentionStems = ["سجن", "سجون", "سجين", "سجناء", "معتقل", "محتجز", "مخيم", "موقوف", "زنزان", "prison", "jail",
                                 "detain", "detention", "inmate", "custody"]

    static let detentionStemKeys = Set(detentionStems.map { FastKey(String($0.prefix(3))) })
    static let previouslyKeys: [FastKey] = [FastKey("سابقا"), FastKey("previously")]
    static let controlNounKey = FastKey("سيطره")

    static func mentionsDetention(_ tokens: [Token]) -> Bool {
        // (The three-letter stem keys first: a hash look-up, not a string prefix, for most words.)
        tokens.contains { t in
            (t.entry.stemKeys.contains { detentionStemKeys.contains($0) } && t.forms.contains { w in detentionStems.contains { w.hasPrefix($0) } })
                || t.bare == "camp" || t.bare == "camps"
        }
    }

    /// Whether the 15 words after a deployment cue say the place is held by a side other than the
    /// one deploying: "held by", "controlled by", "الخاضعة لسيطرة", "تحت سيطرة", then the holder.
    /// (Not "في المناطق الخاضعة لسيطرتها", its own; not "in areas controlled by the SDF" when the
    /// SDF deploys.)
    static func entersHeldGround(_ tokens: [Token], cue i: Int, length: Int) -> Bool {
        let start = i + length
        let end = min(tokens.count, start + 15)
        guard start + 1 < end else { return false }
        let all = actors(in: tokens)
        let deployer = all.last(where: { $0.last < i }) ?? all.first(where: { $0.first >= start && $0.first - start <= 3 })
        for k in start..<(end - 1) {
            let w = tokens[k].entry.function
            let english = (w == .held || w == .controlled) && tokens[k + 1].entry.function == .by
            let arabic = (tokens[k].forms.contains { $0.hasSuffix("خاضعه") } || tokens[k].forms.contains("تحت"))
                && tokens[k + 1].forms.contains { $0 == "سيطره" || $0 == "لسيطره" }
            guard english || arabic, let holder = all.first(where: { $0.first > k + 1 && $0.first <= k + 4 }) else { continue }
            if deployer?.actor != holder.actor { return true }
        }
        return false
    }

    /// Words of damage before "by" and an aircraft: "disabled by Turkish drones".
    static let damageParticiples: Set<String> = [
        "disabled", "destroyed", "damaged", "hit", "struck", "targeted", "killed", "wounded", "injured", "bombed", "shelled", "attacked",
    ]
    /// What a side withdraws from besides a named place: "from all areas", "من جميع المناطق".
    static let areaNouns: Set<String> = Lexicon.folded(["areas", "positions", "all", "مناطق", "المناطق", "مواقع", "المواقع", "جميع", "كامل", "نقاط"])

    /// Words before a word of control that make it standing control, not taking it: "في ظل سيطرة",
    /// "استمرار سيطرة", "تتقاسم … السيطرة", "وتفرض قسد سيطرتها".
    static let standingControlWords: Set<String> = Lexicon.folded(["ظل", "استمرار", "تتقاسم", "تفرض"])

    /// Taking captive, before a count of people: "أسر 35 عنصراً".
    static let captiveWords: Set<String> = ["اسر", "اسرت", "اسروا", "اسرها", "اسره"]

    /// Words saying an event followed the one just told: "the ensuing clashes", "على إثرها".
    static let sequelWords: Set<String> = Lexicon.folded(["ensuing", "subsequent", "ensued", "اثرها", "اثره", "اعقبها", "اعقبه"])
    /// "In a separate incident", "وفي سياق منفصل": what follows is another event.
    static let separateWords: Set<String> = Lexicon.folded(["separate", "منفصل", "منفصله"])

    /// What a withdrawal leaves: "من X", "خارج X", "from X".
    static let withdrawalFrom: Set<String> = ["من", "خارج", "from"]

    /// Whether `m`, right after `previous`, only says where `previous` is: "الشدادي جنوب الحسكة"
    /// (a direction word), "طريفاوي – الحسكة" (a larger place after punctuation).
    static func locates(_ m: Mention, _ previous: Mention, tokens: [Token]) -> Bool {
        let before = m.firstToken > 0 ? tokens[m.firstToken - 1].forms : []
        // "في ريف بلدة تل تمر بالحسكة": a city or governorate right after a countryside, by ب.
        if previous.place.id.hasPrefix("countryside:"), m.firstToken == previous.lastToken + 1,
            m.place.kind == .city || m.place.kind == .governorate, tokens[m.firstToken].folded.hasPrefix("ب")
        {
            return true
        }
        // (Not "… في الريف الشمالي، والمشيرفة": a name joined by و goes on a list.)
        if before.contains(where: { Self.directionWords.contains($0) }), !tokens[m.firstToken].folded.hasPrefix("و") { return true }
        guard Self.sizeRank(m.place.kind) > Self.sizeRank(previous.place.kind) else { return false }
        // "عين عيسى في ريف الرقة", "بلدة الهول بريف الحسكة": a larger place in which the one before lies.
        // Not "في ذيبان وفي الرقة": "وفي" starts another place of the list. ("al-Bariha in the
        // al-Busayrah area": English "in", with its article.)
        let gap = m.firstToken - previous.lastToken
        guard m.firstToken > 0 else { return false }
        let inWord = (gap <= 2 && ((before.contains("في") && !tokens[m.firstToken - 1].folded.hasPrefix("و"))
                || (tokens[m.firstToken - 1].entry.function == .in && !tokens[m.firstToken - 1].afterBreak)))
            || (gap == 3 && tokens[m.firstToken - 1].entry.function == .the && tokens[m.firstToken - 2].entry.function == .in)
        if inWord || (gap == 1 && tokens[m.firstToken].folded.hasPrefix("ب")) {
            return true
        }
        // A larger place named by its direction ("في مدينة الحسكة شمال شرقي سوريا", "Qamishli,
        // northeastern Syria"), or after punctuation.
        // (After a comma, a city or larger, a place two sizes up, or a larger place within 10 km:
        // "Sabha, al-Shahil, Baghouz" lists villages and towns 20 km apart.)
        let first = tokens[m.firstToken]
        return first.forms.contains(where: { Self.directionWords.contains($0) })
            || (first.afterBreak && !first.folded.hasPrefix("و")
                && (Self.sizeRank(m.place.kind) >= 3 || Self.sizeRank(m.place.kind) - Self.sizeRank(previous.place.kind) >= 2
                    // ("the village of al-Dardara, Tal Tamr": a town within 10 km of the village.)
                    || Geodesic.distanceMeters(from: m.place.coordinate, to: previous.place.coordinate) <= 10_000))
    }

    /// Whether a date follows a verb of saying within a few words ("said on Sunday", "أعلن
    /// الجيش السوري، اليوم السبت"): the day of the statement.
    static func isStatementDate(_ date: DateMention, tokens: [Token]) -> Bool {
        let first = date.firstToken
        return tokens[max(0, first - 4)..<first].contains { $0.entry.roles.contains(.attribution) }
    }

    /// Whether a residence verb comes right before the mention, or before a locative or direction
    /// word that comes right before it: "يقيم في", "ويقيم شمالي حلب", "lives in".
    static func isResidence(_ m: Mention, tokens: [Token]) -> Bool {
        let i = m.firstToken
        guard i > 0 else { return false }
        if tokens[i - 1].entry.roles.contains(.residence) { return true }
        guard i > 1, tokens[i - 2].entry.roles.contains(.residence) else { return false }
        let between = tokens[i - 1]
        return between.entry.roles.contains(.locative) || between.forms.contains(where: { Self.directionWords.contains($0) })
    }

    /// Kinds of violence one event may be told as in turn: "a drone strike" and then "the attack".
    static let violent: Set<IncidentType> = [.attack, .strike, .clash]

    /// What flies: a drone, a warplane, a helicopter.
    static let airborneWords: Set<String> = [
        "مسيره", "مسيرات", "طائره", "طائرات", "طيران", "مروحيه", "مروحيات", "drone", "drones", "warplane", "warplanes",
        "aircraft", "jets", "helicopter", "helicopters", "aerial", "جوي", "جويه",
        // Artillery strikes too: "واستهدفت المدفعية القرية".
        "مدفعيه", "مدفعي", "هاون", "artillery", "mortar", "mortars",
    ]

    /// Verbs and nouns of living somewhere.
    static let residenceWords: Set<String> = [
        "يقيم", "تقيم", "مقيم", "مقيمه", "مقيمين", "مقيمون", "يسكن", "تسكن", "يعيش", "تعيش", "lives", "living", "resides",
        "residing", "resident",
    ]

    static let directionWords: Set<String> = [
        "جنوب", "شمال", "شرق", "غرب", "جنوبي", "شمالي", "شرقي", "غربي", "قرب", "بالقرب", "محيط", "ريف", "south", "north",
        "east", "west", "near", "outside", "northern", "southern", "eastern", "western", "northeast", "northeastern",
        "northwest", "northwestern", "southeast", "southeastern", "southwest", "southwestern",
    ]

    /// Whether `place` may lie inside `area`: within 80 km of its point, or within the area's own
    /// extent when that is larger, up to 150 km (a river's point is only a label: "Hiwayja Fhiman
    /// in the countryside of al-Basira on the banks of the Euphrates" lies 95 km from it; al-Tanf
    /// is on the Iraqi border, but 290 km from where the north-east's news puts that border).
    static func liesWithin(_ place: Place, _ area: Place) -> Bool {
        Geodesic.distanceMeters(from: place.coordinate, to: area.coordinate) <= min(max(80, area.uncertaintyKilometers), 150) * 1_000
    }

    /// Larger kinds of place rank higher: a village < a town < a city < a region.
    static func sizeRank(_ kind: PlaceKind) -> Int {
        switch kind {
        case .prison, .camp, .base, .oilfield, .border, .dam, .airport, .facility, .neighborhood: 0
        case .village: 1
        case .town: 2
        case .city: 3
        case .district, .governorate, .road, .river: 4
        case .region: 5
        case .country: 6
        }
    }

    struct ActorMention: Hashable, Sendable {
        let actor: Actor
        let first: Int
        let last: Int
        /// Named only generically ("Kurdish forces", ``Lexicon/genericKurdish``).
        var generic = false
    }

    static func actors(in tokens: [Token]) -> [ActorMention] {
        var found = [ActorMention]()
        var i = 0
        let order = Lexicon.actorOrder
        while i < tokens.count {
            // The longest name wins; between equals, lexicon order.
            let candidates = tokens[i].entry.actorCandidates
            if !candidates.isEmpty, let best = Lexicon.actorIndex.matches(tokens, at: i, candidates: candidates).max(by: {
                ($0.length, -order[$0.value]!) < ($1.length, -order[$1.value]!)
            }) {
                found.append(ActorMention(actor: best.value, first: i, last: i + best.length - 1, generic: Lexicon.genericKurdishIDs.contains(best.order)))
                i += best.length
            } else {
                i += 1
            }
        }
        return found
    }

    /// Initiator first: an actor before the cue (the subject) before one after it, unless the
    /// one after is introduced as the doer ("نفذتها فصائل دمشق", "by").
    static func initiatorOrder(_ a: ActorMention, _ b: ActorMention, cue: Cue) -> Bool {
        func rank(_ m: ActorMention) -> Int {
            m.first < cue.first ? cue.first - m.first : 100 + m.first - cue.last
        }
        return rank(a) < rank(b)
    }

    static func claim(in tokens: [Token], actors: [ActorMention]) -> String? {
        for (i, token) in tokens.enumerated() where token.entry.roles.contains(.attribution) {
            for j in (i + 1)..<min(tokens.count, i + 8) {
                if let outlet = Lexicon.outletIndex.matches(tokens, at: j).first { return outlet.value }
                if let actor = actors.first(where: { $0.first == j }) { return actor.actor.rawValue }
            }
            // Verb after its subject: "قسد تعلن".
            if let actor = actors.last(where: { $0.last < i && i - $0.last <= 2 }) { return actor.actor.rawValue }
        }
        return nil
    }

    static func hasDispute(_ tokens: [Token]) -> Bool {
        tokens.contains { $0.entry.roles.contains(.dispute) }
    }

    /// Deaths and people counted in the sentence.
    static func counts(in tokens: [Token], type: IncidentType) -> (fatalities: Int?, people: Int?) {
        var fatalities: Int?
        var people: Int?
        for (i, token) in tokens.enumerated() {
            // ("قتل مدنيان", "مقتل جنديين": an Arabic dual counts two; not "أحد العنصرين", one of two.)
            guard let n = token.entry.number ?? (token.entry.isDualOfPeople && !(i > 0 && tokens[i - 1].forms.contains { $0 == "احد" || $0 == "احدي" }) ? 2 : nil), n > 0,
                n < 100_000
            else { continue }
            // Years and days of the month are not counts.
            if n >= 1900, n <= 2100 { continue }
            let window = tokens[max(0, i - 2)..<min(tokens.count, i + 5)]
            // A month among the window's first five word forms: a date.
            var formsLeft = 5
            var nearMonth = false
            for t in window where formsLeft > 0 {
                let forms = t.forms
                if forms.count <= formsLeft ? t.entry.roles.contains(.month) : forms.prefix(formsLeft).contains(where: { DateParser.months[$0] != nil }) {
                    nearMonth = true
                    break
                }
                formsLeft -= forms.count
            }
            if nearMonth { continue }
            if window.contains(where: { $0.entry.roles.contains(.killed) }) {
                fatalities = fatalities ?? n
                continue
            }
            if [.arrest, .escape, .hostage].contains(type),
                token.entry.isDualOfPeople || tokens[(i + 1)..<min(tokens.count, i + 3)].contains(where: { $0.entry.roles.contains(.people) })
            {
                people = people ?? n
            }
        }
        return (fatalities, people)
    }

    /// Incidents of one type at places within `maxKilometers` with overlapping dates (±1 day)
    /// become one incident with every source.
    ///
    /// Places match when they are the same place, or two precisely known places of one kind
    /// within `maxKilometers`, or a settlement and a facility beside it (the headline's "Hasakah"
    /// and the body's "Ghuwayran prison"); the more specific place is kept. Two reports of one
    /// incident with different counts are different incidents.
    public static func merge(_ incidents: [Incident], maxKilometers: Double, slackDays: Int = 1) -> [Incident] {
        var merged = [Incident]()
        for incident in incidents {
            if let k = merged.firstIndex(where: { other in
                other.type == incident.type
                    && samePlace(other.place, incident.place, maxKilometers: maxKilometers)
                    && datesCompatible(other, incident, slackDays: slackDays)
                    && (other.people == nil || incident.people == nil || other.people == incident.people)
                    // "في بلدات أبو حمام … والكشكية": neighbours one sentence names apart are two places.
                    && !(other.place.id != incident.place.id && other.place.kind == incident.place.kind
                        && other.sources.contains { a in incident.sources.contains { $0.document == a.document && $0.start == a.start } })
            }) {
                var target = merged[k]
                for source in incident.sources where !target.sources.contains(source) { target.sources.append(source) }
                for actor in incident.actors where !target.actors.contains(actor) { target.actors.append(actor) }
                target.fatalities = target.fatalities ?? incident.fatalities
                target.people = target.people ?? incident.people
                target.disputed = target.disputed || incident.disputed
                target.claimedBy = target.claimedBy ?? incident.claimedBy
                if let a = target.date, let b = incident.date,
                    (target.dateInferred && !incident.dateInferred) || (target.dateInferred == incident.dateInferred && b.precision < a.precision)
                {
                    target.date = b
                    target.dateInferred = incident.dateInferred
                }
                // (A curfew is imposed on a town: "حظر تجوال كامل في مدينة الشدادي" beats the prison a
                // headline named beside it.)
                // (Not a camp: people live there, and a curfew in it is the camp's.)
                let curfew = incident.type == .curfew && target.place.kind != .camp && incident.place.kind != .camp
                if (incident.geoPrecision < target.geoPrecision && !(curfew && target.place.kind.isSettlement && incident.place.kind.isFacility))
                    || (incident.place.kind.isFacility && !target.place.kind.isFacility && !curfew)
                    || (curfew && incident.place.kind.isSettlement && target.place.kind.isFacility)
                    || (incident.place.kind == .neighborhood && target.place.kind != .neighborhood
                        && !target.place.kind.isFacility && incident.geoPrecision <= target.geoPrecision)
                {
                    target.place = incident.place
                    target.geoPrecision = incident.geoPrecision
                }
                merged[k] = target
            } else {
                merged.append(incident)
            }
        }
        return merged
    }

    static func samePlace(_ a: Place, _ b: Place, maxKilometers: Double) -> Bool {
        if a.id == b.id { return true }
        let d = Geodesic.distanceMeters(from: a.coordinate, to: b.coordinate)
        // A place the gazetteer lacks sits on its anchor's point: that says nothing of whether it
        // is the anchor or its neighbour, only a broad region can restate it.
        let regional: Set<PlaceKind> = [.region, .governorate, .district]
        if a.isUnlocated || b.isUnlocated {
            guard let region = [a, b].first(where: { regional.contains($0.kind) }) else { return false }
            return d <= region.uncertaintyKilometers * 1000
        }
        // Places only estimated (tens of km of uncertainty) are not the same by distance.
        let precise = a.uncertaintyKilometers <= 5 && b.uncertaintyKilometers <= 5
        if precise, a.kind == b.kind, d <= maxKilometers * 1000 { return true }
        let pair = [a, b]
        // A broad region and a place inside it: "strikes on eastern Syria" restates "strikes on
        // Albu Kamal", "airstrikes in the province of al-Hasakah" the strike on al-Qahtaniyah
        // (the region's uncertainty is its extent).
        if let region = pair.first(where: { regional.contains($0.kind) }),
            pair.contains(where: { !regional.contains($0.kind) && $0.kind != .country }),
            d <= region.uncertaintyKilometers * 1000
        {
            return true
        }
        if pair.contains(where: \.kind.isFacility), pair.contains(where: { $0.kind == .city || $0.kind == .town }),
            d <= 12_000
        {
            return true
        }
        // A neighbourhood and its city: "a strike on Qamishli" restates "a strike on al-Hilaliyah".
        if let quarter = pair.first(where: { $0.kind == .neighborhood }),
            let city = pair.first(where: { $0.kind == .city || $0.kind == .town }),
            quarter.parentID == city.id || d <= 8_000
        {
            return true
        }
        return false
    }

    static func datesCompatible(_ x: Incident, _ y: Incident, slackDays: Int) -> Bool {
        guard let a = x.date, let b = y.date else { return x.date == nil && y.date == nil }
        // An undated report (publication date) may tell of an event of the week before it.
        if x.dateInferred != y.dateInferred {
            let (inferred, dated) = x.dateInferred ? (a, b) : (b, a)
            return dated.last.ordinal >= inferred.start.ordinal - 7 && dated.start.ordinal <= inferred.last.ordinal + slackDays
        }
        // Two days named exactly are the same day; vaguer dates may differ by the slack.
        if a.precision == .day, b.precision == .day, a.end == nil, b.end == nil { return abs(a.start.ordinal - b.start.ordinal) <= slackDays }
        return a.overlaps(b, slackDays: slackDays)
    }
}
