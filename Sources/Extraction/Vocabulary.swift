import Gazetteer
import Synchronization

/// The word types an extractor has met, each with the analyses every matcher reads (its folded
/// form, its clitic-free forms, its gazetteer key words). A word is analysed once per spelling,
/// not once per occurrence: news repeats its words within an article and across a corpus, so
/// after a few articles nearly every token is a look-up (spaCy's vocabulary works the same way).
///
/// Shared by the copies of an ``Extractor`` and safe across threads (a mutex guards the table).
/// The table is bounded: when it reaches ``capacity`` distinct words it starts again empty, so
/// memory stays flat however many articles are ingested.
final class Vocabulary: Sendable {
    /// What a word type is, once analysed (a class: tokens share it rather than copy its fields).
    final class Entry: Sendable {
        /// The word as written (tokens share this string rather than each copying the bytes out).
        let text: String
        /// The word folded (``PlaceName/fold(_:)``).
        let folded: String
        /// `folded` in lower case (English words).
        let lowered: String
        /// The folded word without clitics and article, most literal first (``Lexicon/forms(_:)``).
        let forms: [String]
        /// `forms` as hash keys, and their first three letters (inflected lexicon words).
        let formKeys: [FastKey]
        let stemKeys: [FastKey]
        /// The gazetteer key words of the word as written and of each clitic-stripped variant,
        /// joined: the hash keys a place name's key can start with (empty when no key words).
        let keyStarts: [FastKey]
        /// The number the word writes (digits or a number word), if any.
        let number: Int?
        /// Whether a date expression can begin with this word (a digit, a month, a weekday,
        /// an ordinal, أمس…): the date parser looks no further at the others.
        let mayStartDate: Bool
        /// The weekday the word names (0 = Monday), alone or after "يوم"; whether it is "يوم".
        let weekday: Int?
        let weekdayAfterYawm: Int?
        let isYawm: Bool
        /// The facility kind the word names (سجن → prison), and the kind of list it opens (حقول).
        let facilityKind: PlaceKind?
        let listKind: PlaceKind?
        /// The kinds of place the word points back to ("السجن" → prison), if it is an anaphor.
        let anaphorKinds: [PlaceKind]?
        /// The event cues and actor names that can start with this word.
        let cueCandidates: [PhraseIndex<IncidentType>.Candidate]
        let actorCandidates: [PhraseIndex<Actor>.Candidate]
        /// What the word is in the lexicon's word lists (one of its forms is in the list).
        let roles: WordRoles
        /// Whether the word, or a clitic-stripped variant, carries the article (والسورية).
        let hasArticle: Bool
        /// The kind a Latin word gives the name before it ("prison", "camps", "province"), if any.
        let kindWord: Extractor.KindWord?
        /// The kind of place the names after this word are (قرية، قريتي، the village of), and
        /// whether a list follows (``Extractor/unlocatedTriggers``); likewise for the English
        /// word after a name ("village", "stations": ``Extractor/kindsAfter``).
        let unlocatedTrigger: Extractor.PlaceKindWord?
        let kindAfter: Extractor.PlaceKindWord?
        /// The English function word this is, if any: compared once here, as an enum in the loops.
        let function: FunctionWord?
        /// Whether the word is an Arabic dual of a noun for people or the dead ("مدنيان",
        /// "جنديين", "قتيلين"): a count of two without a number.
        let isDualOfPeople: Bool

        init(text: String) {
            self.text = text
            folded = PlaceName.fold(text)
            lowered = folded.lowercased()
            forms = Lexicon.forms(folded)
            formKeys = forms.map(FastKey.init)
            stemKeys = forms.map { FastKey(String($0.prefix(3))) }
            let variants = PlaceName.lookupVariants(of: folded)
            keyStarts = variants.map { FastKey(PlaceName.words($0).joined(separator: " ")) }
            number = Numbers.value(forms: forms, folded: folded)
            mayStartDate = DateParser.mayStart(bare: forms[0], lowered: lowered) || number != nil
            weekday = DateParser.weekday(lowered: lowered)
            weekdayAfterYawm = DateParser.weekday(afterYawm: forms[0])
            isYawm = forms[0] == "يوم"
            facilityKind = Gazetteer.facilityKind(forms: forms)
            listKind = Gazetteer.listKind(forms: forms)
            anaphorKinds = Extractor.anaphorKinds(variants: variants)
            cueCandidates = Lexicon.cueIndex.candidates(formKeys: formKeys, stemKeys: stemKeys)
            actorCandidates = Lexicon.actorIndex.candidates(formKeys: formKeys, stemKeys: stemKeys)
            var roles = WordRoles(forms: forms, lowered: lowered)
            hasArticle = PlaceName.isArabic(folded) && variants.contains { $0.hasPrefix("ال") }
            kindWord = Extractor.latinKindWords[lowered]
            unlocatedTrigger = Extractor.unlocatedTrigger(folded: folded, lowered: lowered, forms: forms)
            kindAfter = PlaceName.isArabic(folded) ? nil : Extractor.kindsAfter[lowered]
            function = PlaceName.isArabic(folded) ? nil : FunctionWord(rawValue: lowered)
            isDualOfPeople = PlaceName.isArabic(folded) && forms.contains { Lexicon.isDualOfPeople($0) }
            if Extractor.isLatinNameWord(text, lowered: lowered, kindWord: kindWord, roles: roles) {
                roles.insert(.latinName)
            }
            self.roles = roles
        }
    }

    /// English words the extractor's rules look for around cues and places.
    enum FunctionWord: String, Sendable {
        case `in`, the, and, by, to, past, few, held, controlled, including, addition, well
        case recent, previous, earlier
    }

    /// What the extractor asks of a place's own names, folded once per place.
    struct PlaceFacts: Sendable {
        /// Every name of the place folded (``PlaceName/fold(_:)``).
        let foldedNames: Set<FastKey>
        /// Every name's gazetteer key (``PlaceName/key(_:)``: article-free words).
        let keys: Set<FastKey>
        /// Whether some name begins with ل (so لل is not the article after a clitic).
        let hasNameStartingWithLam: Bool
        /// Whether some name has a word with the article ال.
        let hasArticleName: Bool
        /// Whether the place has an Arabic name at all.
        let hasArabicName: Bool

        init(_ place: Place) {
            let folded = place.names.map(PlaceName.fold)
            foldedNames = Set(folded.map(FastKey.init))
            keys = Set(place.names.map { FastKey(PlaceName.key($0)) })
            hasNameStartingWithLam = folded.contains { $0.hasPrefix("ل") }
            hasArticleName = folded.contains { $0.split(separator: " ").contains { $0.hasPrefix("ال") } }
            hasArabicName = place.names.contains(where: PlaceName.isArabic)
        }
    }

    /// What a resolution depends on when the extractor gives no context.
    private struct Query: Hashable {
        let surface: FastKey
        let kind: PlaceKind?
        let limit: Int
        let fuzzy: Bool
    }

    let capacity: Int
    private let table: Mutex<WordTable>
    private let resolutions: Mutex<[Query: [PlaceCandidate]]>
    private let places: Mutex<[String: PlaceFacts]>

    /// An empty vocabulary holding at most `capacity` word types (and as many resolved names).
    init(capacity: Int = 50_000) {
        self.capacity = capacity
        table = Mutex(WordTable(capacity: capacity))
        resolutions = Mutex([:])
        places = Mutex([:])
    }

    /// The facts of a place's names, computed on first use.
    func facts(of place: Place) -> PlaceFacts {
        if let known = places.withLock({ $0[place.id] }) { return known }
        let facts = PlaceFacts(place)
        places.withLock { table in
            if table.count >= capacity { table.removeAll(keepingCapacity: true) }
            table[place.id] = facts
        }
        return facts
    }

    /// `gazetteer.resolve(surface, kind, limit, fuzzy)` without other hints, remembered: the
    /// same names recur through a corpus, and a resolution without context depends on nothing else.
    func resolve(
        _ surface: String, kind: PlaceKind? = nil, limit: Int, fuzzy: Bool = true, in gazetteer: Gazetteer
    ) -> [PlaceCandidate] {
        let query = Query(surface: FastKey(surface), kind: kind, limit: limit, fuzzy: fuzzy)
        if let known = resolutions.withLock({ $0[query] }) { return known }
        let found = gazetteer.resolve(surface, hints: ResolveHints(kind: kind), limit: limit, fuzzy: fuzzy)
        resolutions.withLock { table in
            if table.count >= capacity { table.removeAll(keepingCapacity: true) }
            table[query] = found
        }
        return found
    }

    /// The analysis of a word as written, computed on first sight.
    func entry(for text: String) -> Entry {
        var text = text
        return text.withUTF8 { entry(bytes: $0) }
    }

    /// The analysis of the word whose UTF-8 bytes are `bytes` (a slice of a paragraph's bytes):
    /// a word met before is found without first copying it out into a `String`.
    func entry(bytes: UnsafeBufferPointer<UInt8>) -> Entry {
        let hash = FNV1a.hash(bytes)
        if let known = table.withLock({ $0.find(bytes, hash: hash) }) { return known }
        let entry = Entry(text: String(decoding: bytes, as: UTF8.self))
        table.withLock { words in
            if words.count >= capacity { words.removeAll() }
            words.insert(entry, hash: hash)
        }
        return entry
    }
}

/// Word types by the bytes of their spelling, in open addressing: FNV-1a over the bytes (SipHash
/// through `Hasher`, and making a `String` of every token before the look-up, were a tenth of
/// extraction), then one `memcmp` against the entry's own text.
struct WordTable: Sendable {
    private var slots: [Vocabulary.Entry?]
    private var hashes: [UInt64]
    private(set) var count = 0

    /// A table that holds `capacity` words at most half full.
    init(capacity: Int) {
        var size = 16
        while size < 2 * capacity { size <<= 1 }
        slots = Array(repeating: nil, count: size)
        hashes = Array(repeating: 0, count: size)
    }

    func find(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Vocabulary.Entry? {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while let entry = slots[i] {
            if hashes[i] == hash, entry.text.hasBytes(bytes) { return entry }
            i = (i + 1) & mask
        }
        return nil
    }

    /// Adds `entry` (not already present) under `hash`; the caller keeps the table under capacity.
    mutating func insert(_ entry: Vocabulary.Entry, hash: UInt64) {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while slots[i] != nil { i = (i + 1) & mask }
        slots[i] = entry
        hashes[i] = hash
        count += 1
    }

    mutating func removeAll() {
        for i in slots.indices { slots[i] = nil }
        count = 0
    }
}

/// The word lists of the extractor a word belongs to, through any of its clitic-free forms.
struct WordRoles: OptionSet, Sendable {
    let rawValue: UInt32

    /// A word that names something else far more often than a place (``Extractor/notPlaces``).
    static let notPlace = WordRoles(rawValue: 1)
    /// A capital standing for its government (``Extractor/capitals``).
    static let capital = WordRoles(rawValue: 1 << 1)
    /// A preposition before a place (في، قرب، in, near).
    static let locative = WordRoles(rawValue: 1 << 2)
    /// A word making an event cue hypothetical or negated (``Lexicon/blockers``).
    static let blocker = WordRoles(rawValue: 1 << 3)
    /// A verb of saying that introduces a source (``Lexicon/attributionVerbs``).
    static let attribution = WordRoles(rawValue: 1 << 4)
    /// A denial or contrary claim (``Lexicon/disputeWords``).
    static let dispute = WordRoles(rawValue: 1 << 5)
    /// A month's name (``DateParser/months``).
    static let month = WordRoles(rawValue: 1 << 6)
    /// A word of killing or death (``Lexicon/killedWords``, as a prefix).
    static let killed = WordRoles(rawValue: 1 << 7)
    /// A noun for people counted (``Lexicon/peopleNouns``, as a prefix).
    static let people = WordRoles(rawValue: 1 << 8)
    /// "العملية", "the raid" (``Extractor/operationNouns``) and "جرت", "took place" (``Extractor/tookPlaceVerbs``).
    static let operationNoun = WordRoles(rawValue: 1 << 9)
    static let tookPlace = WordRoles(rawValue: 1 << 10)
    /// A word for the land around a place: ريف، بادية، countryside.
    static let area = WordRoles(rawValue: 1 << 11)
    /// ذو، ذي، ذا: a Hijri month or a person's name follows.
    static let dhu = WordRoles(rawValue: 1 << 12)
    /// "الإدارة الذاتية", "هيئة الداخلية", "administration": what follows names an administration.
    static let administration = WordRoles(rawValue: 1 << 13)
    /// "the", and the English nouns that point back after it ("the prison", "the camp").
    static let the = WordRoles(rawValue: 1 << 14)
    static let englishAnaphor = WordRoles(rawValue: 1 << 15)
    /// هذا، هذه، ذلك، تلك، this, that: what follows was told before.
    static let demonstrative = WordRoles(rawValue: 1 << 16)
    /// A Latin word between a name and its kind word: "oil" in "al-Omar oil field" (``Extractor/latinQualifiers``).
    static let latinQualifier = WordRoles(rawValue: 1 << 17)
    /// A generic word that opens many names (تل، عين، Tel, Ain): alone before another word it is not the place.
    static let nameHead = WordRoles(rawValue: 1 << 18)
    /// A Latin word that can be part of a proper name: capitalised or with an article ("al-Omar").
    static let latinName = WordRoles(rawValue: 1 << 19)
    /// A word of living somewhere (``Extractor/residenceWords``): "ويقيم شمالي حلب".
    static let residence = WordRoles(rawValue: 1 << 20)
    /// A drone, a warplane (``Extractor/airborneWords``): an attack near it is a strike.
    static let airborne = WordRoles(rawValue: 1 << 21)
    /// قرية، بلدة، village, town (``Extractor/settlementWords``).
    static let settlement = WordRoles(rawValue: 1 << 22)
    /// "فتح" of "فتح … النار" (``Extractor/openedWords``); a word of killing (``Extractor/killingWords``);
    /// "حين" of "بين الحين والآخر"; a plural of events ("عمليات", ``Extractor/eventPlurals``).
    static let opened = WordRoles(rawValue: 1 << 23)
    static let killing = WordRoles(rawValue: 1 << 24)
    static let now = WordRoles(rawValue: 1 << 25)
    static let eventPlural = WordRoles(rawValue: 1 << 26)
    /// A common given name (``Extractor/givenNames``).
    static let givenName = WordRoles(rawValue: 1 << 27)
    /// A council (مجلس، council), a channel (قناة، channel), "according to" (بحسب، وفق).
    static let council = WordRoles(rawValue: 1 << 28)
    static let channel = WordRoles(rawValue: 1 << 29)
    static let accordingTo = WordRoles(rawValue: 1 << 30)
    /// A plural of events that happen one at a time (``Extractor/discretePlurals``).
    static let discretePlural = WordRoles(rawValue: 1 << 31)

    init(rawValue: UInt32) { self.rawValue = rawValue }

    /// The word lists behind the roles, built once.
    static let lists: [(Set<String>, WordRoles)] = rawLists.map { (Lexicon.folded($0.0), $0.1) }
    static let rawLists: [(Set<String>, WordRoles)] = [
        (Extractor.notPlaces, .notPlace), (Extractor.capitals, .capital), (Extractor.locatives, .locative),
        (Lexicon.blockers, .blocker), (Lexicon.attributionVerbs, .attribution), (Lexicon.disputeWords, .dispute),
        (Set(DateParser.months.keys), .month), (Extractor.operationNouns, .operationNoun),
        (Extractor.tookPlaceVerbs, .tookPlace), (["ريف", "ريفي", "باديه"], .area), (["ذي", "ذو", "ذا"], .dhu),
        (["ذاتيه", "داخليه", "administration"], .administration),
        (["هذا", "هذه", "ذلك", "تلك", "هذين", "هاتين", "this", "these"], .demonstrative),
        (Extractor.latinQualifiers, .latinQualifier), (Extractor.nameHeads, .nameHead), (Extractor.residenceWords, .residence),
        (Extractor.airborneWords, .airborne), (Extractor.settlementWords, .settlement), (Extractor.openedWords, .opened),
        (Extractor.killingWords, .killing), (["حين"], .now), (Extractor.eventPlurals, .eventPlural),
        (Extractor.givenNames, .givenName), (["مجلس", "مجلسي", "مجالس", "council"], .council),
        (Extractor.channelWords, .channel), (["بحسب", "حسب", "وفق"], .accordingTo),
        (Extractor.discretePlurals, .discretePlural),
    ]

    init(forms: [String], lowered: String) {
        var roles: WordRoles = []
        for (list, role) in Self.lists where forms.contains(where: list.contains) { roles.insert(role) }
        if forms.contains(where: { w in Lexicon.killedWords.contains { w.hasPrefix($0) } }) { roles.insert(.killed) }
        if forms.contains(where: { w in Lexicon.peopleNouns.contains { w.hasPrefix($0) } }) { roles.insert(.people) }
        if forms[0] == "countryside" { roles.insert(.area) }
        if lowered == "the" { roles.insert(.the) }
        if Extractor.anaphors["the " + lowered] != nil { roles.insert(.englishAnaphor) }
        self = roles
    }
}
