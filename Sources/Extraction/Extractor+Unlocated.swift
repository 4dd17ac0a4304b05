import Gazetteer

extension Extractor {
    /// A kind of place, and whether the word names several.
    struct PlaceKindWord: Sendable {
        let kind: PlaceKind
        let plural: Bool

        init(_ kind: PlaceKind, _ plural: Bool) {
            self.kind = kind
            self.plural = plural
        }
    }

    /// The kind a word opens a name with: an Arabic word without the article ("قرية", "وحي"),
    /// or an English one before "of". Computed once per spelling (``Vocabulary``).
    static func unlocatedTrigger(folded: String, lowered: String, forms: [String]) -> PlaceKindWord? {
        guard PlaceName.isArabic(folded) else { return unlocatedTriggers[lowered] }
        // (Short words keep their clitic in `forms`: "وحي" is "و" + "حي".)
        var forms = forms
        if let c = folded.first, "وبف".contains(c) { forms.append(String(folded.dropFirst())) }
        return forms.lazy.compactMap { unlocatedTriggers[$0] }.first
    }

    /// Words that introduce places by their kind, folded and without article or clitic: the
    /// names follow ("قرية عبوش", "قريتي الدردارة وعبوش", "قرى، الأسدية والمطمورة", "محور X", "the
    /// village of Gerdahol", "the villages of X and Y"). Plural and dual forms open a list.
    static let unlocatedTriggers: [String: PlaceKindWord] = {
        let singular: [(String, PlaceKind)] = [
            ("قريه", .village), ("بلده", .town), ("مزرعه", .village), ("حي", .neighborhood), ("محور", .village),
            ("village", .village), ("town", .town), ("neighborhood", .neighborhood), ("neighbourhood", .neighborhood),
        ]
        let plural: [(String, PlaceKind)] = [
            ("قريتي", .village), ("قريتا", .village), ("قري", .village), ("بلدتي", .town), ("بلدتا", .town), ("بلدات", .town),
            ("مزارع", .village), ("حيي", .neighborhood), ("احياء", .neighborhood), ("محاور", .village), ("villages", .village),
            ("towns", .town),
        ]
        var words = [String: PlaceKindWord]()
        for (word, kind) in singular { words[word] = PlaceKindWord(kind, false) }
        for (word, kind) in plural { words[word] = PlaceKindWord(kind, true) }
        return words
    }()

    /// Words that follow a kind word without being a name: "قرية صغيرة", "حي سكني", "the village
    /// itself".
    static let notNames: Set<String> = Lexicon.folded([
        "اجزاء", "جزء",
        "صغيره", "كبيره", "سكني", "سكنيه", "حدوديه", "سوريه", "عراقيه", "نائيه", "مجاوره", "قريبه", "واقعه", "واقعتين",
        "تابعه", "تابعتين", "اخري", "اخر", "محيطه", "مذكوره", "نفسها", "نفسه", "واحده", "عسكريه", "صناعيه", "شعبي",
        "شعبيه", "عربيه", "كرديه", "مسيحيه", "اشوريه", "جديده", "قديمه", "غربي", "شرقي", "شمالي", "جنوبي", "اوسط",
        "امنيه", "تفتيش", "مراقبه", "رئيسي", "رئيسيه", "قتال", "اشتباك", "مواجهات", "طريق", "طرق", "عده", "كثيره",
        "عديده", "مختلفه", "متفرقه", "باكملها", "بكاملها", "محاذيه", "مقابله", "اماميه", "خلفيه", "جبهه", "اكثر",
        "باكثر", "اقل", "قريبتين", "قريبين", "مجاورتين", "مجاورين",
        "itself", "where", "which", "that", "and", "of", "in", "near", "on",
    ])

    /// Places the text names by kind ("قرية عبوش") that the gazetteer lacks, located at the place
    /// the text puts them in or beside: ACLED's geo-precision 2, "near a known place". Each
    /// becomes a mention of a place marked ``Place/isUnlocated``, with the anchor's coordinates
    /// and at least 10 km of uncertainty; without a known place nearby in the text, nothing.
    func unlocatedMentions(_ mentions: [Mention], sentences: [Sentence]) -> [Mention] {
        var result = mentions
        let known = mentions.filter { m in m.score > 0 && !m.place.isUnlocated && m.place.kind != .country }
        // One place per name in an article: "عبوش" named twice is one village, at its first anchor.
        var placed = [String: Place]()
        func mention(_ surface: String, kind: PlaceKind, tokens: [Token], span: ClosedRange<Int>, sentence s: Int, anchor: Place) -> Mention {
            var m = Self.unlocatedMention(surface, kind: kind, tokens: tokens, span: span, sentence: s, anchor: anchor)
            if let earlier = placed[PlaceName.key(surface)] { m.place = earlier } else { placed[PlaceName.key(surface)] = m.place }
            return m
        }
        // Most sentences have no kind word at all: look no further at them.
        let bySentence = Dictionary(grouping: mentions, by: \.sentence)
        for (s, sentence) in sentences.enumerated()
        where sentence.tokens.contains(where: { $0.entry.unlocatedTrigger != nil || $0.entry.kindAfter != nil }) {
            let tokens = sentence.tokens
            let here = bySentence[s] ?? []
            func covered(_ k: Int) -> Mention? { here.first { $0.firstToken <= k && $0.lastToken >= k } }
            var i = 0
            while i < tokens.count - 1 {
                defer { i += 1 }
                guard tokens[i].entry.unlocatedTrigger != nil || tokens[i].entry.kindAfter != nil else { continue }
                if covered(i) == nil, let (kind, names) = Self.namesBefore(tokens, kindAt: i, covered: { covered($0) != nil }) {
                    // "Al-Jaia'a Village", "the Saida and Zarbah oil stations": English puts the kind after.
                    let locator = locatorAfter(i, sentence: s, sentences: sentences, known: known)
                    for item in names {
                        guard let anchor = locator ?? anchor(near: item.first...item.last, sentence: s, sentences: sentences, known: known)
                        else { continue }
                        let surface = tokens[item.first...item.last].map(\.text).joined(separator: " ")
                        result.append(mention(surface, kind: kind, tokens: tokens, span: item.first...item.last, sentence: s, anchor: anchor.place))
                    }
                    continue
                }
                guard covered(i) == nil, let trigger = Self.trigger(tokens, at: i) else { continue }
                var items = [(first: Int, last: Int)]()
                var k = trigger.nameStart
                var end = i
                while k < tokens.count {
                    let continuation = !items.isEmpty || k > trigger.nameStart
                    if let m = covered(k) {
                        // A known place in the list ("قريتي الدردارة وعبوش") keeps it going.
                        guard !continuation || tokens[k].folded.hasPrefix("و") || tokens[k].afterBreak else { break }
                        k = m.lastToken + 1
                    } else if let last = Self.nameEnd(tokens, at: k, continuation: continuation, latin: trigger.latin) {
                        items.append((k, last))
                        k = last + 1
                    } else {
                        break
                    }
                    end = k - 1
                    guard trigger.plural, k < tokens.count else { break }
                    if tokens[k].entry.lowered == "and" {
                        k += 1
                        continue
                    }
                    // "ابو غدير و ابو كبرة": a conjunction written apart.
                    if tokens[k].folded == "و", k + 1 < tokens.count {
                        k += 1
                        continue
                    }
                    if tokens[k].folded.hasPrefix("و") || tokens[k].afterBreak { continue }
                    // "قرى الأسدية والمطمورة في الريف الشمالي، والمشيرفة …": a list that says where
                    // each part lies goes on after the comma.
                    if let resume = (k + 1..<min(tokens.count, k + 5)).first(where: { tokens[$0].afterBreak }),
                        tokens[k].entry.roles.contains(.locative), tokens[resume].folded.hasPrefix("و")
                    {
                        k = resume
                        continue
                    }
                    break
                }
                guard !items.isEmpty else { continue }
                // Where the text puts the whole list, else for each name the known place nearest to
                // it (a list runs along the map: "بلدات ذيبان وحي اللطوة وغرانيج").
                let locator = locatorAfter(end, sentence: s, sentences: sentences, known: known)
                for item in items {
                    // A neighbourhood's word counts as its name's: "ذيبان وحي اللطوة" is Dhiban's quarter.
                    let first = item.first == trigger.nameStart && trigger.kind == .neighborhood && !trigger.latin && !trigger.plural
                        ? i : item.first
                    guard let anchor = locator ?? anchor(near: first...item.last, sentence: s, sentences: sentences, known: known)
                    else { continue }
                    let words = tokens[item.first...item.last].map(\.text)
                    var surface = words.joined(separator: " ")
                    // "وعبوش" in a list is "عبوش"; "والمطمورة" is "المطمورة".
                    if item.first > trigger.nameStart, PlaceName.isArabic(surface), surface.hasPrefix("و") {
                        surface.removeFirst()
                    }
                    // A neighbourhood is named with its word: "حي اللطوة" (as "حي غويران").
                    if first != item.first { surface = "حي " + surface }
                    result.append(mention(surface, kind: trigger.kind, tokens: tokens, span: first...item.last, sentence: s, anchor: anchor.place))
                }
                i = max(i, end)
            }
        }
        guard result.count > mentions.count else { return mentions }
        return result.sorted { ($0.sentence, $0.firstToken) < ($1.sentence, $1.firstToken) }
    }

    /// A mention of a place the gazetteer lacks, at its anchor's point.
    static func unlocatedMention(
        _ surface: String, kind: PlaceKind, tokens: [Token], span: ClosedRange<Int>, sentence s: Int, anchor a: Place
    ) -> Mention {
        let place = Place(
            id: "unlocated:" + PlaceName.key(surface) + "@" + a.id, name: surface,
            arabicName: PlaceName.isArabic(surface) ? surface : nil, names: [surface], kind: kind,
            coordinate: a.coordinate, country: a.country, parentID: a.id, population: 0,
            uncertaintyKilometers: max(10, a.uncertaintyKilometers),
            source: "unlocated: not in the gazetteer; at \(a.name) (\(a.id)), the place the text puts it in or beside")
        return Mention(
            surface: surface, start: tokens[span.lowerBound].start, end: tokens[span.upperBound].end, sentence: s,
            firstToken: span.lowerBound, lastToken: span.upperBound, place: place, score: 0.5, alternatives: [],
            kindHint: nil, isAnaphor: false)
    }

    /// English kind words that close a name, and the kind they give: "Al-Jaia'a Village", "the
    /// Saida and Zarbah oil stations", "the Al-Ouda oil field".
    static let kindsAfter: [String: PlaceKindWord] = [
        "village": PlaceKindWord(.village, false), "villages": PlaceKindWord(.village, true),
        "town": PlaceKindWord(.town, false), "towns": PlaceKindWord(.town, true),
        "station": PlaceKindWord(.facility, false), "stations": PlaceKindWord(.facility, true),
        "field": PlaceKindWord(.oilfield, false), "fields": PlaceKindWord(.oilfield, true),
        "oilfield": PlaceKindWord(.oilfield, false), "oilfields": PlaceKindWord(.oilfield, true),
    ]

    /// The names a closing English kind word at `i` gives (one, or a list for a plural), read
    /// backwards over qualifiers ("oil"), "and" and commas; names already known are skipped.
    static func namesBefore(_ tokens: [Token], kindAt i: Int, covered: (Int) -> Bool) -> (PlaceKind, [(first: Int, last: Int)])? {
        guard i > 0, let t = tokens[i].entry.kindAfter else { return nil }
        var k = i - 1
        while k >= 0, k >= i - 2, tokens[k].entry.roles.contains(.latinQualifier), !tokens[k + 1].afterBreak { k -= 1 }
        // "station" and "field" only with what they hold: "oil station", not "police station".
        if t.kind != .village, t.kind != .town, k == i - 1 { return nil }
        var names = [(first: Int, last: Int)]()
        while k >= 0 {
            var first = k
            while first >= 0, k - first < 3, Self.latinNameLike(tokens[first]), first == k || !tokens[first + 1].afterBreak {
                first -= 1
            }
            first += 1
            guard first <= k else { break }
            if !(first...k).contains(where: covered) { names.insert((first, k), at: 0) }
            guard t.plural, first > 0 else { break }
            if tokens[first - 1].entry.lowered == "and" || tokens[first - 1].entry.lowered == "or" {
                k = first - 2
            } else if tokens[first].afterBreak {
                k = first - 1
            } else {
                break
            }
        }
        return names.isEmpty ? nil : (t.kind, names)
    }

    /// A Latin word that can be part of a name the gazetteer lacks: capitalised or behind an
    /// article, and no acronym, actor, cue, weekday or sentence word ("SDF", "Turkish", "Sunday").
    static func latinNameLike(_ token: Token) -> Bool {
        let entry = token.entry
        guard entry.roles.contains(.latinName), entry.actorCandidates.isEmpty, entry.cueCandidates.isEmpty, entry.weekday == nil,
            !notNames.contains(entry.lowered), !nationalities.contains(entry.lowered)
        else { return false }
        return !isAllegiance(token) && (token.text.count > 5 || token.text.uppercased() != token.text)
    }

    /// "SDF-controlled", "Turkish-backed": who holds or runs something, not a name ("Syria-based" names Syria).
    static func isAllegiance(_ token: Token) -> Bool {
        let written = token.text.lowercased()
        return ["-controlled", "-held", "-led", "-backed", "-affiliated", "-run", "-dominated", "-allied", "-aligned", "-linked", "-loyal", "-supported", "-sponsored"].contains { written.hasSuffix($0) }
    }

    /// Adjectives of nationality and allegiance: "Turkish village", "Kurdish town" name no place.
    static let nationalities: Set<String> = [
        "turkish", "syrian", "iraqi", "kurdish", "arab", "american", "russian", "iranian", "assyrian", "christian",
        "yazidi", "armenian", "sdf-held", "isis-held", "government-held", "regime-held", "nearby", "neighbouring",
        "neighboring", "border", "frontline", "front-line", "small", "local", "remote",
    ]

    /// Whether a place can locate another: a settlement or facility, or the countryside of one.
    static func canAnchor(_ place: Place) -> Bool {
        if place.isUnlocated { return false }
        if place.kind.isSettlement || place.kind.isFacility { return true }
        return place.id.hasPrefix("countryside:") && place.uncertaintyKilometers <= 30
    }

    /// A kind word at `i` and where the names after it begin.
    static func trigger(_ tokens: [Token], at i: Int) -> (kind: PlaceKind, plural: Bool, nameStart: Int, latin: Bool)? {
        let token = tokens[i]
        guard let t = token.entry.unlocatedTrigger else { return nil }
        if PlaceName.isArabic(token.folded) {
            // "القرية" points back; "قرية X" names.
            guard !token.entry.hasArticle else { return nil }
            return (t.kind, t.plural, i + 1, false)
        }
        // "the village of X", "the villages of X, Y and Z".
        guard i + 2 < tokens.count, tokens[i + 1].entry.lowered == "of" else { return nil }
        return (t.kind, t.plural, i + 2, true)
    }

    /// The last token of a name starting at `k`, or nil when no name starts there. Two words when
    /// the first opens many names (خربة الشعير، تل حبش, Tel Habash). A name further down a list
    /// ("وعبوش") must end where the list goes on or stops: "وتعرضت لقصف" is a verb, not a village.
    static func nameEnd(_ tokens: [Token], at k: Int, continuation: Bool, latin: Bool) -> Int? {
        if latin {
            var last: Int?
            var j = k
            while j < tokens.count, j - k < 3, Self.latinNameLike(tokens[j]), j == k || !tokens[j].afterBreak
            {
                last = j
                j += 1
            }
            return last
        }
        // "تل جرنك": a name head is short, and is a name only with the word after it.
        let folded = tokens[k].folded
        let isHead = tokens[k].entry.roles.contains(.nameHead)
            || (continuation && folded.hasPrefix("و") && Self.nameHeads.contains(String(folded.dropFirst())))
        let head = isHead && k + 1 < tokens.count && !tokens[k + 1].afterBreak
            && Self.nameLike(tokens[k + 1], stripWaw: false, constructTail: true)
        guard head || Self.nameLike(tokens[k], stripWaw: continuation) else { return nil }
        var last = k
        // "خربة الشعير", "غانم العلي": a name head, or a word without the article before one with
        // it (a construct), is one name of two words.
        let construct = !tokens[k].entry.hasArticle && k + 1 < tokens.count && tokens[k + 1].entry.hasArticle
            && !tokens[k + 1].folded.hasPrefix("و")
        if isHead || construct, k + 1 < tokens.count, !tokens[k + 1].afterBreak,
            Self.nameLike(tokens[k + 1], stripWaw: false, constructTail: construct)
        {
            last = k + 1
        }
        if continuation {
            let next = last + 1
            guard next >= tokens.count || tokens[next].afterBreak || tokens[next].folded.hasPrefix("و")
                || tokens[next].entry.roles.contains(.locative)
                || tokens[next].forms.contains(where: { Self.directionWords.contains($0) })
            else { return nil }
        }
        return last
    }

    /// Whether an Arabic word can be (part of) a place name: no word the lexicons know for
    /// something else, no number, date, cue or actor.
    static func nameLike(_ token: Token, stripWaw: Bool, constructTail: Bool = false) -> Bool {
        let entry = token.entry
        guard PlaceName.isArabic(token.folded), entry.number == nil, entry.weekday == nil, entry.facilityKind == nil,
            entry.anaphorKinds == nil, entry.cueCandidates.isEmpty, entry.actorCandidates.isEmpty
        else { return false }
        var excluded: WordRoles = [
            .notPlace, .capital, .locative, .blocker, .attribution, .dispute, .month, .killed, .people, .operationNoun,
            .tookPlace, .area, .dhu, .administration, .demonstrative, .residence, .airborne, .settlement,
        ]
        // The second word of a construct carries the article, so it is a noun: "العلي" of "غانم
        // العلي" is no preposition "على", "الذكر" no verb "ذكر", though they fold alike.
        if constructTail, entry.hasArticle, !Extractor.notPlaces.contains(token.folded) {
            excluded = [.month, .area, .dhu, .administration, .demonstrative, .settlement]
        }
        guard entry.roles.isDisjoint(with: excluded) else { return false }
        var forms = token.forms
        if stripWaw, token.folded.hasPrefix("و") { forms.append(Lexicon.bare(String(token.folded.dropFirst()))) }
        if forms.contains(where: { Self.notNames.contains($0) || Self.directionWords.contains($0) || Self.unlocatedTriggers[$0] != nil }) {
            return false
        }
        if !stripWaw { forms = [forms[0]] }
        guard let form = forms.first(where: { !$0.hasPrefix("و") || !stripWaw }) ?? forms.last else { return false }
        return form.count >= 3
    }

    /// The known place the text puts names ending at token `end` in or by ("في ريف القامشلي",
    /// "north of Tal Tamr", "بريف دير الزور الشرقي"), within a few words after them; it may be a
    /// region.
    func locatorAfter(_ end: Int, sentence s: Int, sentences: [Sentence], known: [Mention]) -> Mention? {
        let tokens = sentences[s].tokens
        return known.first { m in
            guard m.sentence == s, m.firstToken > end, m.firstToken - end <= 8 else { return false }
            // "بريف دير الزور", "بالحسكة": the preposition is the name's clitic.
            if m.firstToken == end + 1, tokens[m.firstToken].folded.hasPrefix("ب") { return true }
            return tokens[(end + 1)...m.firstToken].contains { t in
                t.entry.roles.contains(.locative) || t.entry.roles.contains(.area) || t.entry.lowered == "of"
                    || t.forms.contains(where: { Self.directionWords.contains($0) })
            }
        }
    }

    /// The settlement or facility nearest to a name in its sentence (not one that only locates the
    /// place before it), else the first named in the later of the two sentences before it, within
    /// the paragraph (or in the sentence just before, when the name's sentence opens a paragraph).
    func anchor(near span: ClosedRange<Int>, sentence s: Int, sentences: [Sentence], known: [Mention]) -> Mention? {
        // Not a place that only says where the one before it lies ("محور مدينة رأس العين شمال غرب
        // الحسكة": رأس العين is the anchor, الحسكة its reference).
        let tokens = sentences[s].tokens
        let inSentence = known.filter { $0.sentence == s }.sorted { $0.firstToken < $1.firstToken }
        let references = Set(inSentence.indices.dropFirst().filter { k in
            inSentence[k].firstToken - inSentence[k - 1].lastToken <= 4 && Self.locates(inSentence[k], inSentence[k - 1], tokens: tokens)
        }.map { inSentence[$0].firstToken })
        let local = inSentence.filter { Self.canAnchor($0.place) && !references.contains($0.firstToken) }
        if let nearest = local.min(by: { distance($0, span) < distance($1, span) }) { return nearest }
        // (A paragraph's first sentence may lean on the one before it: "هجوم … في محيط مدينة
        // الشدادي." then "وتمكن التنظيم من السيطرة على قرى …".)
        let opensParagraph = s > 0 && sentences[s - 1].paragraph != sentences[s].paragraph
        let earlier = known.filter { m in
            Self.canAnchor(m.place) && m.sentence < s && m.sentence >= s - 2
                && (sentences[m.sentence].paragraph == sentences[s].paragraph || (opensParagraph && m.sentence == s - 1))
        }
        // The latest sentence's first place: news puts where it happened before what it adds
        // ("في محيط مدينة الشدادي …، مستغلاً المعارك … في أحياء مدينة الحسكة").
        guard let latest = earlier.map(\.sentence).max() else { return nil }
        return earlier.filter { $0.sentence == latest }.min { $0.firstToken < $1.firstToken }
    }

    private func distance(_ m: Mention, _ span: ClosedRange<Int>) -> Int {
        m.firstToken > span.upperBound ? m.firstToken - span.upperBound : span.lowerBound - m.lastToken
    }
}
