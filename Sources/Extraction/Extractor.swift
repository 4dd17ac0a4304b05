public import Gazetteer
import IncidentGeodesy

/// Turns an article into place mentions and incidents: cleaning → sentences → toponyms
/// (longest gazetteer match, clitics, facility phrases, context) → dates → event cues →
/// incidents with place, date, actors, counts, claim and dispute → merge of duplicates.
public struct Extractor: Sendable {
    public let gazetteer: Gazetteer

    /// An extractor over a loaded gazetteer.
    public init(gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
    }

    /// Extracts everything from one article.
    public func extract(_ input: Article) -> Extraction {
        var article = input
        let cleaned = Cleaner.clean(article.text)
        if article.published == nil { article.published = cleaned.dateline }
        var warnings = [String]()
        let sentences = TextSplitter.sentences(paragraphs: cleaned.paragraphs)
        let mentions = recognizePlaces(in: sentences)
        var dates = [[DateMention]]()
        var unresolved = 0
        for sentence in sentences {
            let found = DateParser.mentions(in: sentence.tokens, reference: article.published)
            unresolved += found.filter { $0.range == nil }.count
            dates.append(found)
        }
        if article.published == nil {
            warnings.append("\(article.id): publication date unknown; \(unresolved) relative date(s) left unresolved")
        }
        var incidents = findIncidents(article: article, sentences: sentences, mentions: mentions, dates: dates)
        incidents = Self.merge(incidents, maxKilometers: 2)
        return Extraction(article: article, mentions: mentions, incidents: incidents, warnings: warnings)
    }

    // MARK: - Places

    /// Words that name something else far more often than a place.
    static let notPlaces: Set<String> = [
        "دوله", "جيش", "امن", "وطن", "منطقه", "مدينه", "بلاد", "حكومه", "شعب", "قوات", "داخل", "ثوره", "يوم", "اليوم",
        "عمليات", "اخبار", "سجن", "حي", "قريه", "بلده", "ناحيه", "the", "state", "army", "news",
    ]

    /// Capitals whose name usually stands for a government: a place only after a locative word.
    static let capitals: Set<String> = ["دمشق", "واشنطن", "انقره", "موسكو", "طهران", "بغداد", "damascus", "washington", "ankara", "moscow", "tehran"]
    static let locatives: Set<String> = ["في", "الي", "نحو", "قرب", "من", "داخل", "in", "to", "near", "at", "from", "into"]

    func recognizePlaces(in sentences: [Sentence]) -> [Mention] {
        var mentions = [Mention]()
        for (s, sentence) in sentences.enumerated() {
            let tokens = sentence.tokens
            let actorSpans = Self.actorSpans(tokens)
            var listKind: PlaceKind?
            var i = 0
            while i < tokens.count {
                let token = tokens[i]
                if let kind = Gazetteer.facilityKind(ofWord: token.folded) {
                    listKind = kind
                } else if token.afterBreak, !token.folded.hasPrefix("و") {
                    listKind = nil
                }
                guard gazetteer.mayStartName(token.folded), !actorSpans.contains(i) else {
                    i += 1
                    continue
                }
                var matched = false
                for n in stride(from: min(7, tokens.count - i), through: 1, by: -1) {
                    // A name does not run across punctuation.
                    if n > 1, tokens[(i + 1)..<(i + n)].contains(where: \.afterBreak) { continue }
                    let words = tokens[i..<(i + n)].map(\.text)
                    let surface = words.joined(separator: " ")
                    var hints = ResolveHints()
                    if n == 1, let listKind, Gazetteer.facilityKind(ofWord: token.folded) == nil { hints.kind = listKind }
                    let candidates = gazetteer.resolve(surface, hints: hints, limit: 4, fuzzy: false)
                    guard let best = candidates.first else { continue }
                    if n == 1, !acceptSingleWord(token, best.place, tokens: tokens, at: i) { break }
                    if n == 1, best.match == .facilityNear { break }
                    mentions.append(
                        Mention(
                            surface: Self.strippingClitic(surface, place: best.place), start: token.start,
                            end: tokens[i + n - 1].end, sentence: s, firstToken: i, lastToken: i + n - 1,
                            place: best.place, score: best.score, alternatives: candidates, kindHint: hints.kind))
                    i += n
                    matched = true
                    break
                }
                if !matched {
                    // "قاعدة التحالف الدولي": a facility named by its owner, placed by context below.
                    if let kind = Gazetteer.facilityKind(ofWord: token.folded), i + 1 < tokens.count,
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
                                    kindHint: kind))
                        }
                        i = end + 1
                        continue
                    }
                    i += 1
                }
            }
        }
        return disambiguate(mentions, sentences: sentences)
    }

    /// Second pass: re-rank ambiguous names with the text's other places as context, and place
    /// owner-named facilities ("the coalition base") near them.
    func disambiguate(_ mentions: [Mention], sentences: [Sentence]) -> [Mention] {
        let anchors = mentions.filter { $0.score > 0 && !$0.place.kind.isArea }
        var result = [Mention]()
        for var mention in mentions {
            let others = anchors.filter { $0.start != mention.start }
            let near = others.sorted { abs($0.sentence - mention.sentence) < abs($1.sentence - mention.sentence) }
            let context = near.prefix(6).map(\.place.coordinate)
            if mention.score == 0 {
                let candidates = gazetteer.resolve(
                    mention.surface, hints: ResolveHints(kind: mention.kindHint, context: Array(context)), limit: 1)
                guard let best = candidates.first, best.place.kind == mention.kindHint else { continue }
                mention.place = best.place
                mention.score = best.score
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

    func acceptSingleWord(_ token: Token, _ place: Place, tokens: [Token], at i: Int) -> Bool {
        let forms = Lexicon.forms(token.folded)
        if forms.contains(where: { Self.notPlaces.contains($0) }) { return false }
        let previous = i > 0 ? Lexicon.forms(tokens[i - 1].folded) : []
        let locative = previous.contains { Self.locatives.contains($0) } || token.folded.hasPrefix("ب") && PlaceName.isArabic(token.folded)
        if forms.contains(where: { Self.capitals.contains($0) }), !locative { return false }
        // Distant countries stand for governments ("backed by Washington") unless located in.
        if place.kind == .country, !["SY", "IQ", "TR", "JO", "LB"].contains(place.country), !locative { return false }
        // "السورية" (Syrian) is an adjective; "سورية" (Syria) is the place.
        if PlaceName.isArabic(token.folded) {
            let surfaceHasArticle = PlaceName.lookupVariants(of: token.folded).contains { $0.hasPrefix("ال") }
            let namesHaveArticle = place.names.contains { PlaceName.fold($0).hasPrefix("ال") }
            if surfaceHasArticle, !namesHaveArticle, place.names.contains(where: PlaceName.isArabic) { return false }
        }
        // Latin single words must be capitalised to be names.
        if !PlaceName.isArabic(token.text), let first = token.text.first, !first.isUppercase { return false }
        // Small foreign places named by one common word are too risky.
        if place.country != "SY", place.country != "IQ", place.population < 50_000, place.kind != .country { return false }
        return true
    }

    /// The surface without a leading و ف ب ل ك when the place's own names do not start so.
    static func strippingClitic(_ surface: String, place: Place) -> String {
        guard let first = surface.unicodeScalars.first, PlaceName.isArabic(surface) else { return surface }
        let folded = PlaceName.fold(surface)
        if place.names.contains(where: { PlaceName.fold($0) == folded }) { return surface }
        if "وفبلك".unicodeScalars.contains(first) {
            var scalars = surface.unicodeScalars
            scalars.removeFirst()
            var rest = String(scalars)
            if rest.hasPrefix("ل"), !place.names.contains(where: { PlaceName.fold($0).hasPrefix("ل") }) {
                rest = "ا" + rest  // لل → ال
            }
            if rest.hasPrefix("ب") || rest.hasPrefix("ل"), PlaceName.fold(rest).count > 3,
                !place.names.contains(where: { PlaceName.fold($0) == PlaceName.fold(rest) })
            {
                return String(rest.unicodeScalars.dropFirst())
            }
            return rest
        }
        return surface
    }

    /// Token indices covered by actor names.
    static func actorSpans(_ tokens: [Token]) -> Set<Int> {
        var covered = Set<Int>()
        for i in tokens.indices {
            for (_, phrases) in Lexicon.actors {
                for phrase in phrases {
                    if let n = phrase.match(tokens, at: i), phrase.words.count > 1 || !["جيش", "تحالف", "حشد"].contains(phrase.words[0]) {
                        for k in i..<(i + n) { covered.insert(k) }
                    }
                }
            }
        }
        return covered
    }
}
