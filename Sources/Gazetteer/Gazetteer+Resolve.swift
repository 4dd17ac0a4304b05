import Foundation
public import IncidentGeodesy

/// Hints that steer a look-up between places of the same name.
public struct ResolveHints: Sendable {
    /// The kind the text implies ("سجن الشدادي" → prison).
    public var kind: PlaceKind?
    /// A point the answer is probably near (a place the user named, or the article's focus).
    public var near: GeoCoordinate?
    /// Other places of the same text: candidates near them are preferred.
    public var context: [GeoCoordinate]
    /// ISO country code to prefer; by default Syria, then its neighbours, as the domain expects.
    public var country: String?

    /// Hints; all optional.
    public init(kind: PlaceKind? = nil, near: GeoCoordinate? = nil, context: [GeoCoordinate] = [], country: String? = nil) {
        self.kind = kind
        self.near = near
        self.context = context
        self.country = country
    }
}

extension Gazetteer {
    /// Candidates for `name`, best first; empty when nothing is close enough ("no match" is an
    /// answer, not a guess).
    ///
    /// Matching goes exact folded name → Latin sound key → fuzzy spelling (trigram retrieval,
    /// then Damerau–Levenshtein similarity ≥ 0.78). Arabic words with attached clitics
    /// (وبالحسكة) are tried stripped too. A facility word (سجن، مخيم، قاعدة، حقل، معبر… or
    /// prison, camp, base, field, crossing) followed by a settlement also finds the facility of
    /// that kind beside the settlement, and a Syrian town named exactly stands in for a facility
    /// the gazetteer does not know there. A village abroad found only by sound or spelling is no
    /// answer. Ranking adds importance (kind, population), the kind hint, closeness to `near` and
    /// to the context, and the country.
    public func resolve(
        _ name: String, hints: ResolveHints = ResolveHints(), limit: Int = 5, fuzzy allowFuzzy: Bool = true
    ) -> [PlaceCandidate] {
        // Ten kilobytes of text is not a name: look at its first 200 characters only.
        let name = String(name.prefix(200))
        // "Rasulayn'da", "Akçakale'nin": Turkish writes a case ending after an apostrophe. (Not
        // one letter: "Jaza'a", "Sina'a" are Arabic names with an ʿayn.) The stem named exactly
        // comes first, then the whole name as written, and only then spellings near either.
        if Self.hasApostrophe(name), let stem = Self.turkishCaseStem(name) {
            let exact = resolve(stem, hints: hints, limit: limit, fuzzy: false)
            if !exact.isEmpty { return exact }
            let whole = resolveWhole(name, hints: hints, limit: limit, fuzzy: false)
            if !whole.isEmpty || !allowFuzzy { return whole }
            let near = resolve(stem, hints: hints, limit: limit, fuzzy: true)
            if !near.isEmpty { return near }
        }
        return resolveWhole(name, hints: hints, limit: limit, fuzzy: allowFuzzy)
    }

    /// `resolve` for a name taken as written (no Turkish case ending removed).
    private func resolveWhole(
        _ name: String, hints: ResolveHints, limit: Int, fuzzy allowFuzzy: Bool
    ) -> [PlaceCandidate] {
        // "Hasakah, Syria", "الهول، الحسكة": the first part is the place, the rest its context.
        // (Scanned as bytes: Character iteration over Arabic costs more than the look-up.)
        if Self.hasComma(name), let comma = name.firstIndex(where: { $0 == "," || $0 == "،" }) {
            let head = String(name[..<comma])
            var headHints = hints
            for c in resolve(String(name[name.index(after: comma)...]), limit: 1, fuzzy: false) {
                if c.place.kind == .country { headHints.country = c.place.country } else { headHints.context.append(c.place.coordinate) }
            }
            let answer = resolve(head, hints: headHints, limit: limit, fuzzy: allowFuzzy)
            if !answer.isEmpty || !PlaceName.words(head).isEmpty { return answer }
        }
        // "سجن الصناعة بحي غويران", "مخيم الهول بريف الحسكة": what follows "بـ" and a word of
        // place is where the first part lies — its context, as after a comma.
        if let split = Self.locatedPart(name) {
            var headHints = hints
            for c in resolve(split.context, limit: 1, fuzzy: false) { headHints.context.append(c.place.coordinate) }
            let answer = resolve(split.head, hints: headHints, limit: limit, fuzzy: allowFuzzy)
            if !answer.isEmpty { return answer }
        }
        // Alternatives in one string: "Semalka/Pesh Khabour", "al-Qaim–al-Bukamal crossing",
        // سجن الصناعة "غويران". The whole first, then each part.
        if let parts = Self.alternativeParts(name) {
            let whole = resolve(parts.joined(separator: " "), hints: hints, limit: limit, fuzzy: false)
            if !whole.isEmpty { return whole }
            var partHints = hints
            // A facility word in one part gives the others its kind: the prison is "غويران", the
            // dam "Rojava (Tishrin) Dam".
            if partHints.kind == nil {
                partHints.kind = parts.lazy.compactMap { part -> PlaceKind? in
                    let words = PlaceName.words(part)
                    return words.count == 1 ? Self.facilityWords[words[0]] : Self.splitFacilityWord(words)?.0
                }.first
            }
            var best = [String: PlaceCandidate]()
            for part in parts {
                for c in resolve(part, hints: partHints, limit: limit, fuzzy: allowFuzzy) where (best[c.place.id]?.score ?? -1) < c.score {
                    best[c.place.id] = c
                }
            }
            return Array(best.values.sorted { ($0.score, $1.place.id) > ($1.score, $0.place.id) }.prefix(max(0, limit)))
        }
        var hints = hints
        var found = [Int: (base: Double, match: PlaceCandidate.Match)]()
        func add(_ indices: [Int32]?, _ base: Double, _ match: PlaceCandidate.Match) {
            for i in indices ?? [] where (found[Int(i)]?.base ?? -1) < base {
                found[Int(i)] = (base, match)
            }
        }

        let words = PlaceName.words(name)
        guard !words.isEmpty else { return [] }
        // Clitic-stripped forms of the first Arabic word: the longest form that matches wins.
        for (rank, first) in PlaceName.lookupVariants(of: words[0]).enumerated() {
            let variantWords = [PlaceName.stripArabicArticle(PlaceName.fold(first))] + words.dropFirst()
            let key = variantWords.joined(separator: " ")
            if let hits = exact[key] {
                add(hits, rank == 0 ? 1.0 : 0.97, .exact)
                break
            }
        }
        let key = words.joined(separator: " ")
        // With a facility kind hint, a bare name may be the facility's: "التنك" in a list of
        // oil fields is "حقل التنك".
        // Likewise "الحسكة" in "محافظات الحسكة والرقة" is "محافظة الحسكة".
        if let kind = hints.kind, kind.isFacility || kind == .governorate,
            !found.keys.contains(where: { places[$0].kind == kind })
        {
            // (An airport's name may be a base's: "مطار خراب الجير" is the base at its airstrip.)
            let kindWords = kind == .governorate
                ? ["محافظه", "governorate", "province"]
                : Self.facilityWords.filter({ $0.value == kind || (kind == .airport && $0.value == .base) }).map(\.key)
            if kind == .governorate { found = found.filter { places[$0.key].kind == .governorate } }
            // Every clitic-stripped form of the name: "والتنك" is "التنك".
            let keys = PlaceName.lookupVariants(of: words[0]).map { first in
                ([PlaceName.stripArabicArticle(PlaceName.fold(first))] + words.dropFirst()).joined(separator: " ")
            }
            for word in kindWords {
                let arabicWord = PlaceName.isArabic(word)
                for k in keys where arabicWord == PlaceName.isArabic(k) {
                    add(exact[arabicWord ? word + " " + k : k + " " + word], 0.97, .exact)
                }
            }
        }
        if allowFuzzy, found.isEmpty, let s = PlaceName.soundKey(name), s.count >= 3 {
            // Sound-alikes are many ("Gürün" sounds like "Ghwerian"): rank them by spelling too.
            let query = Array(key)
            let alike = (sound[s] ?? []).map { i in
                (i, places[Int(i)].names.map { name -> Double in
                    let other = Array(PlaceName.key(name))
                    return 1 - Double(Self.editDistance(query, other)) / Double(max(query.count, other.count, 1))
                }.max() ?? 0)
            }
            // A sound-alike spelt nearly the same beats one that only sounds so, however large:
            // "Qayyara" is Qayyarah (one letter off), not Kayseri.
            let closest = alike.map(\.1).max() ?? 0
            // (And a quarter spelt nearly half differently is a coincidence: "Tawila" is not al-Tala'i.)
            for (i, similarity) in alike where similarity >= closest - 0.2 && (similarity >= 0.6 || places[Int(i)].kind != .neighborhood) {
                add([i], 0.8 + 0.15 * similarity, .sound)
            }
        }
        // A facility word with a settlement: look for the facility of that kind beside it.
        if let (kind, rest) = Self.splitFacilityWord(words) {
            if hints.kind == nil { hints.kind = kind }
            if rest.isEmpty, found.isEmpty {
                // "قاعدة التحالف الدولي", "the coalition base": which one only the text's other
                // places can tell: the facility of that kind nearest to them, within 30 km.
                for anchor in hints.context + (hints.near.map { [$0] } ?? []) {
                    if let (i, d) = facilities(of: kind, near: anchor, withinMeters: 30_000).first {
                        let base = 0.8 * (1 - d / 60_000)
                        if (found[i]?.base ?? -1) < base { found[i] = (base, .facilityNear) }
                    }
                }
            } else if !rest.isEmpty, !found.keys.contains(where: { places[$0].kind == kind }) {
                // "حقول الصفيان", "fields of Tanak": the facility's own bare name after a plural
                // or a word the names do not use.
                for c in resolve(rest.joined(separator: " "), hints: ResolveHints(kind: kind, country: hints.country), limit: 3, fuzzy: false)
                where (c.place.kind == kind || (kind == .airport && c.place.kind == .base)) && c.match == .exact {
                    add(indexByID[c.place.id].map { [Int32($0)] }, 0.96 * c.score, .exact)
                }
                // A misspelt name with its facility word: "Semelka border crossing".
                if allowFuzzy, !found.keys.contains(where: { places[$0].kind == kind }) {
                    for c in resolve(rest.joined(separator: " "), hints: ResolveHints(kind: kind, country: hints.country), limit: 3)
                    where c.place.kind == kind && (c.match == .sound || c.match == .fuzzy) {
                        add(indexByID[c.place.id].map { [Int32($0)] }, 0.9 * c.score, c.match)
                    }
                }
                // Otherwise the facility of that kind beside the settlement the rest names (an
                // air base is a military airport).
                if !found.keys.contains(where: { places[$0].kind == kind }) {
                    let settlement = resolve(
                        rest.joined(separator: " "), hints: ResolveHints(country: hints.country), limit: 3, fuzzy: allowFuzzy)
                    let kinds: [PlaceKind] = kind == .airport ? [.airport, .base] : [kind]
                    for candidate in settlement where candidate.place.kind.isSettlement {
                        for k in kinds {
                            for (i, d) in facilities(of: k, near: candidate.place.coordinate, withinMeters: 15_000) {
                                let base = candidate.score * 0.9 * (1 - d / 20_000)
                                if (found[i]?.base ?? -1) < base { found[i] = (base, .facilityNear) }
                            }
                        }
                    }
                    // No such facility known there: the settlement itself, where the facility is
                    // ("al-Yarubiyah border post", "مطار X العسكري"), below any facility's score.
                    // (Only a Syrian town its name matches exactly: "Al-Ouda oil field" is not Adana,
                    // "معبر المحمودية" not al-Mahmudiyah south of Baghdad.)
                    if found.isEmpty {
                        for candidate in settlement where candidate.place.kind.isSettlement && candidate.match == .exact && candidate.place.country == "SY" {
                            if let i = indexByID[candidate.place.id] { add([Int32(i)], candidate.score * 0.8, .facilityNear) }
                        }
                    }
                }
            }
        }
        // "ريف دير الزور", "بريف حلب الشرقي", "Raqqa countryside", "بادية السوسة": the area
        // around a place, as a region at the place's point.
        if found.isEmpty, let area = Self.strippingArea(words) {
            return resolve(area.rest.joined(separator: " "), hints: hints, limit: limit, fuzzy: allowFuzzy)
                .filter { !$0.place.kind.isFacility }
                .map { c in
                    let p = c.place
                    // "ريف حلب الشرقي" lies east of Aleppo, not on it: the area's point moves its
                    // reach's length that way, and the uncertainty stays the reach.
                    var point = p.coordinate
                    var label = ""
                    if let side = area.side, let moved = try? Geodesic.destination(
                        from: p.coordinate, azimuthDegrees: side.azimuth, distanceMeters: area.radius * 1_000)
                    {
                        point = moved
                        label = side.adjective + " "
                    }
                    // "بادية X" is X's desert, "ريف X" its countryside.
                    let (arabicWord, englishWord) = area.isDesert ? ("بادية", "desert") : ("ريف", "countryside")
                    let region = Place(
                        id: "countryside:" + label.replacingOccurrences(of: " ", with: "") + (label.isEmpty ? "" : ":") + p.id,
                        name: label + p.name + " " + englishWord,
                        arabicName: p.arabicName.map { arabicWord + " " + $0 },
                        names: [arabicWord + " " + (p.arabicName ?? p.name), p.name + " " + englishWord],
                        kind: .region, coordinate: point, country: p.country, parentID: p.id, population: 0,
                        uncertaintyKilometers: max(area.radius, p.uncertaintyKilometers), source: p.source)
                    return PlaceCandidate(place: region, score: c.score * 0.95, match: c.match, distanceMeters: c.distanceMeters)
                }
        }
        // A direction or an administrative word around the name: "شرقي البصيرة", "بناحية زركان",
        // "eastern Deir ez-Zor", "Hajin town": the place itself (the extractor keeps the
        // direction as geo-precision 2).
        if found.isEmpty, let rest = Self.strippingQualifiers(words) {
            return resolve(rest.joined(separator: " "), hints: hints, limit: limit, fuzzy: allowFuzzy).map {
                PlaceCandidate(place: $0.place, score: $0.score * 0.95, match: $0.match, distanceMeters: $0.distanceMeters)
            }
        }
        if allowFuzzy, found.isEmpty {
            let index = fuzzy.index(exact)
            // "Qaim border crossing" is not "Walid border crossing": with a facility word on both
            // sides, the words that name which facility must be alike on their own.
            let distinctive = Self.splitFacilityWord(words)?.1.joined(separator: " ")
            for (k, similarity) in fuzzyKeys(key, limit: 8) {
                if let distinctive, !distinctive.isEmpty,
                    let other = Self.splitFacilityWord(index.keys[k].split(separator: " ").map(String.init))?.1.joined(separator: " "),
                    !Self.similarEnough(Array(distinctive), Array(other))
                {
                    continue
                }
                add(index.keyPlaces[k], 0.85 * similarity, .fuzzy)
            }
        }
        // A village abroad that only sounds or looks like the name ("Tel Habash" → Yavuzlu in
        // Turkey) is a wild guess, not an answer. (A region, mountain or facility abroad is one
        // of few: "طور عابدين" is Tur Abdin.)
        // (Most look-ups are exact: no copy then.)
        let answers = found.values.allSatisfy({ $0.match == .exact || $0.match == .facilityNear }) ? found : found.filter { index, hit in
            let p = places[index]
            return hit.match == .exact || hit.match == .facilityNear || p.country == "SY" || p.country == "IQ" || p.population >= 10_000
                || !p.kind.isSettlement
        }
        var candidates = answers.map { index, hit in
            rank(places[index], base: hit.base, match: hit.match, hints: hints)
        }
        // The article is part of a name: "الصور" (al-Suwar) is not "صور" (Tyre), though folding
        // makes their keys equal. Between candidates, prefer those named with the article when the
        // query has one.
        if candidates.count > 1, let arabic = Self.articleScript(words: PlaceName.fold(name).split(separator: " ").map(String.init)) {
            candidates = candidates.map { c in
                let named = c.place.names.contains { Self.articleScript(words: PlaceName.fold($0).split(separator: " ").map(String.init)) == arabic }
                return PlaceCandidate(place: c.place, score: min(1, max(0, c.score + (named ? 0.03 : -0.03))), match: c.match, distanceMeters: c.distanceMeters)
            }
        }
        candidates.sort {
            ($0.score, $0.place.population, $1.place.id) > ($1.score, $1.place.population, $0.place.id)
        }
        return Array(candidates.prefix(max(0, limit)))
    }

    /// The places whose folded name equals `name`'s: the normalised exact look-up, without
    /// ranking. The hot path of bulk matching.
    public func exactPlaces(_ name: String) -> [Place] {
        let key = PlaceName.keyBytes(name)
        let found = key.withUnsafeBufferPointer { fuzzy.exactByBytes(exact).find($0) } ?? []
        return found.map { places[Int($0)] }
    }

    /// The best candidate, or ``GazetteerError/unknownPlace(name:suggestions:)`` with the
    /// closest names we know.
    public func resolveBest(_ name: String, hints: ResolveHints = ResolveHints()) throws(GazetteerError) -> PlaceCandidate {
        if let best = resolve(name, hints: hints, limit: 1).first { return best }
        throw .unknownPlace(name: name, suggestions: suggestions(for: name))
    }

    /// Up to five known names that look like `name`, for error messages.
    public func suggestions(for name: String) -> [String] {
        let key = PlaceName.key(String(name.prefix(200)))
        guard !key.isEmpty else { return [] }
        let index = fuzzy.index(exact)
        var seen = Set<String>()
        return fuzzyKeys(key, limit: 20, threshold: 0.5).compactMap { k, _ in
            guard let first = index.keyPlaces[k].first else { return nil }
            let label = places[Int(first)].name
            return seen.insert(label).inserted ? label : nil
        }.prefix(5).map { $0 }
    }

    /// The most a context of other places adds to a candidate's score.
    public static let contextWeight = 0.1

    /// What a context place `meters` away adds to a candidate's score.
    public static func contextBonus(meters: Double) -> Double { contextWeight * exp(-meters / 50_000) }

    func rank(_ place: Place, base: Double, match: PlaceCandidate.Match, hints: ResolveHints) -> PlaceCandidate {
        var score = base * 0.75 + 0.25 * importance(place)
        if let kind = hints.kind {
            score += place.kind == kind ? 0.15 : (kind.isFacility != place.kind.isFacility ? -0.25 : -0.05)
        }
        var distance: Double?
        if let near = hints.near {
            let d = Geodesic.distanceMeters(from: near, to: place.coordinate)
            distance = d
            score += 0.15 * exp(-d / 30_000)
        }
        if !hints.context.isEmpty {
            let d = hints.context.map { Geodesic.distanceMeters(from: $0, to: place.coordinate) }.min() ?? .infinity
            score += Self.contextBonus(meters: d)
        }
        if let country = hints.country {
            score += place.country == country ? 0.05 : -0.1
        }
        return PlaceCandidate(place: place, score: min(1, max(0, score)), match: match, distanceMeters: distance)
    }

    /// How likely a place is to be meant when nothing else decides: larger and more
    /// administrative places first, and the domain's own country (Syria) before its neighbours.
    func importance(_ place: Place) -> Double {
        var value: Double
        switch place.kind {
        case .country: value = 0.95
        case .governorate: value = 0.75
        case .region: value = 0.55
        case .prison, .camp, .base, .oilfield, .border, .dam, .airport: value = 0.6
        case .neighborhood: value = 0.35
        case .village: value = 0.3
        default: value = 0.45
        }
        if place.population > 0 {
            value = max(value, min(0.9, log10(Double(place.population)) / 6.5))
        }
        if place.id.hasPrefix("curated:"), place.kind.isSettlement { value += 0.1 }
        switch place.country {
        case "SY": value += 0.1
        case "IQ": value += 0.04
        default: break
        }
        // The corpus this tool reads is about north-east and eastern Syria: a name there is far
        // likelier to be meant than a better-known namesake elsewhere (الصور is al-Suwar on the
        // Khabur before it is Tyre).
        let c = place.coordinate
        if (Self.focus.west...Self.focus.east).contains(c.longitude), (Self.focus.south...Self.focus.north).contains(c.latitude) {
            value += 0.3
        } else if (37.0..<Self.focus.west).contains(c.longitude), (35.8...Self.focus.north).contains(c.latitude), place.country == "SY" {
            // Aleppo governorate north of 35.8° and east of 37° (al-Bab, Manbij, Dayr Hafir, Qabasin;
            // Aleppo city and Azaz fall in it too), fought over with the north-east, a little less.
            value += 0.2
        }
        return min(1, value)
    }

    /// North-east and eastern Syria with the Iraqi border strip: al-Hasakah, Raqqa and Deir ez-Zor
    /// governorates and Kobani, as a west/south/east/north box.
    static let focus = (west: 38.0, south: 34.3, east: 42.4, north: 37.4)

    /// Facilities of `kind` within `withinMeters` of a point, nearest first (index, metres).
    func facilities(of kind: PlaceKind, near point: GeoCoordinate, withinMeters: Double) -> [(Int, Double)] {
        places.indices.compactMap { i -> (Int, Double)? in
            guard places[i].kind == kind else { return nil }
            let d = Geodesic.distanceMeters(from: point, to: places[i].coordinate)
            return d <= withinMeters ? (i, d) : nil
        }.sorted { $0.1 < $1.1 }
    }

    /// Keys similar to `key`: trigram retrieval, then Damerau–Levenshtein similarity.
    func fuzzyKeys(_ key: String, limit: Int, threshold: Double = 0.78) -> [(Int, Double)] {
        let grams = Set(Self.trigrams(of: key))
        guard !grams.isEmpty else { return [] }
        let trigrams = fuzzy.index(exact)
        let keys = trigrams.keys
        var shared = [Int32: Int]()
        for gram in grams {
            for k in trigrams.postings[gram] ?? [] { shared[k, default: 0] += 1 }
        }
        let minimumShared = max(1, grams.count / 3)
        let query = Array(key)
        var scored = [(Int, Double)]()
        for (k, count) in shared where count >= minimumShared {
            let candidate = Array(keys[Int(k)])
            guard abs(candidate.count - query.count) <= max(2, query.count / 3) else { continue }
            let d = Self.editDistance(query, candidate)
            let similarity = 1 - Double(d) / Double(max(query.count, candidate.count))
            // Short names need to be nearly exact: "Hol" is not "Homs", الرصافة is not الرصيفة.
            let needed = query.count <= 4 ? max(threshold, 0.9) : query.count <= 5 ? max(threshold, 0.84) : threshold
            if similarity >= needed {
                scored.append((Int(k), similarity))
            } else if d == 1, query.count >= 5, candidate.count == query.count, candidate.sorted() == query.sorted() {
                // Two letters swapped is a slip of the keyboard ("ذبيان" for "ذيبان"), not another
                // name as one changed letter is ("الرصيفة" for "الرصافة").
                scored.append((Int(k), threshold))
            } else if d == 1, query.count >= 5, abs(candidate.count - query.count) == 1,
                Self.differsByLongVowel(query, candidate)
            {
                // An Arabic long vowel written or left out ("نصيبن" for "نصيبين"): spelling, not
                // another name.
                scored.append((Int(k), threshold))
            }
        }
        return Array(scored.sorted { ($0.1, keys[$1.0]) > ($1.1, keys[$0.0]) }.prefix(limit))
    }

    /// Whether the longer of two words is the shorter with one long vowel (ا و ي) added.
    static func differsByLongVowel(_ a: [Character], _ b: [Character]) -> Bool {
        let (short, long) = a.count < b.count ? (a, b) : (b, a)
        let k = short.indices.first { short[$0] != long[$0] } ?? short.count
        return "اوي".contains(long[k]) && Array(long[..<k] + long[(k + 1)...]) == short
    }

    /// Whether the distinctive parts of two facility names are alike: looser than whole names
    /// ("ghweran" and "ghuwayran" are three edits apart), but "qaim" is not "walid".
    static func similarEnough(_ a: [Character], _ b: [Character]) -> Bool {
        let similarity = 1 - Double(editDistance(a, b)) / Double(max(a.count, b.count, 1))
        return similarity >= (min(a.count, b.count) <= 4 ? 0.75 : 0.6)
    }

    /// Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions).
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }

    /// Every whole-word prefix of every name key, mapped to whether it is a whole key: one
    /// look-up answers "can a name start so?" and "is this a name?". Fetch it once for many
    /// look-ups (it is built on first use and shared).
    public var keyPrefixTable: [FastKey: Bool] { fuzzy.keyPrefixes(exact) }

    /// The facility kind of a word given as its clitic- and article-free forms.
    public static func facilityKind(forms: [String]) -> PlaceKind? {
        for form in forms {
            if let kind = facilityByKey[FastKey(form)] { return kind }
        }
        return nil
    }

    /// ``facilityWords`` and ``facilityPlurals`` hashed by bytes: this runs for every word of
    /// every article, and String hashing normalises Arabic first.
    static let facilityByKey: [FastKey: PlaceKind] = Dictionary(
        (facilityWords.merging(facilityPlurals) { a, _ in a }).map { (FastKey($0.key), $0.value) }, uniquingKeysWith: { a, _ in a })

    /// The kind a list-opening word gives the names after it: facilities, and governorates
    /// ("محافظات الحسكة والرقة", "the provinces of").
    public static func listKind(forms: [String]) -> PlaceKind? {
        if let kind = facilityKind(forms: forms) { return kind }
        // With the dual too: "محافظتي الرقة ودير الزور".
        return forms.contains { ["محافظه", "محافظات", "محافظتي", "محافظتا", "provinces", "governorates"].contains($0) } ? .governorate : nil
    }

    /// Whether `name` holds a Latin comma or the Arabic one (U+060C, D8 8C), from its bytes.
    /// "X بحي Y" → (X, "حي Y"): a name, then "بـ" joined to a word of place and what it names.
    static func locatedPart(_ name: String) -> (head: String, context: String)? {
        // A space then ب (D8 A8), scanned as bytes: most names have none.
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        var found = false
        for b in name.utf8 {
            if beforePrevious == 0x20 && previous == 0xD8 && b == 0xA8 { found = true; break }
            beforePrevious = previous
            previous = b
        }
        guard found, name.utf8.count > 8, PlaceName.isArabic(name) else { return nil }
        let words = name.split(separator: " ").map(String.init)
        guard words.count >= 3 else { return nil }
        for k in 1..<(words.count - 1) where words[k].hasPrefix("ب") {
            let bare = PlaceName.fold(String(words[k].dropFirst()))
            if ["حي", "مدينه", "بلده", "قريه", "ريف", "محافظه", "منطقه", "ناحيه"].contains(bare) {
                return (words[..<k].joined(separator: " "), ([String(words[k].dropFirst())] + words[(k + 1)...]).joined(separator: " "))
            }
        }
        return nil
    }

    static func hasApostrophe(_ name: String) -> Bool {
        name.utf8.contains(0x27) || name.utf8.contains(0x99)  // ' or the last byte of ’
    }

    /// Turkish case endings written after an apostrophe: locative, ablative, genitive, dative,
    /// accusative, instrumental, and "which is in".
    static let turkishEndings: Set<String> = [
        "da", "de", "ta", "te", "dan", "den", "tan", "ten", "nin", "nın", "nun", "nün", "in", "ın", "un", "ün",
        "ya", "ye", "yı", "yi", "yu", "yü", "na", "ne", "la", "le", "yla", "yle", "daki", "deki",
        "taki", "teki", "ndan", "nden", "nda", "nde",
    ]

    /// The name without a Turkish case ending after its last word's apostrophe.
    static func turkishCaseStem(_ name: String) -> String? {
        guard let mark = name.lastIndex(where: { $0 == "'" || $0 == "’" }) else { return nil }
        let suffix = String(name[name.index(after: mark)...])
        let stem = name[..<mark]
        guard turkishEndings.contains(suffix), stem.count >= 3, stem.last?.isLetter == true,
            !(stem.split(separator: " ").last.map { $0.count < 3 } ?? true)
        else { return nil }
        return String(stem)
    }

    static func hasComma(_ name: String) -> Bool {
        var previous: UInt8 = 0
        for b in name.utf8 {
            if b == 0x2C || (previous == 0xD8 && b == 0x8C) { return true }
            previous = b
        }
        return false
    }

    /// Whether folded words open with an article: true for Arabic (ال after any clitic), false
    /// for Latin (al-, ash-…), nil when there is none.
    static func articleScript(words: [String]) -> Bool? {
        guard let first = words.first else { return nil }
        if PlaceName.isArabic(first) {
            return PlaceName.lookupVariants(of: first).contains { $0.hasPrefix("ال") && $0.count > 3 } ? true : nil
        }
        return words.count > 1 && PlaceName.latinArticles.contains(first) ? false : nil
    }

    /// Latin words that open names and are no name alone.
    static let latinNameHeads: Set<String> = [
        "tel", "tell", "tall", "tal", "ain", "ayn", "ein", "ras", "deir", "dayr", "jabal", "jebel", "jabel", "bir", "umm",
        "abu", "khirbet", "khirbat", "kafr", "kfar", "beit", "qasr", "wadi", "sheikh", "shaykh",
    ]

    /// The parts of a string that names alternatives ("Semalka/Pesh Khabour", "X (Y)", X "Y",
    /// "al-Qaim–al-Bukamal", "Semalka-Bishabour"), or nil when it names one thing. A Latin
    /// hyphen separates parts unless it follows an article (al-, ez-…) or a word that opens
    /// names (Tell-, Ain-…).
    static func alternativeParts(_ name: String) -> [String]? {
        // Most names have none of the separators: say so from the bytes (/ ( ) " [ ] | -, and the
        // lead bytes of « » “ ” – —).
        guard name.utf8.contains(where: { b in
            b == 0x2F || b == 0x28 || b == 0x29 || b == 0x22 || b == 0x5B || b == 0x5D || b == 0x7C || b == 0x2D || b == 0xC2 || b == 0xE2
        }) || name.contains(" \u{0640} ") else { return nil }
        let separators: Set<Character> = ["/", "(", ")", "\"", "«", "»", "“", "”", "[", "]", "|", "–", "—"]
        // A tatweel standing alone between spaces is a dash: "معبر البوكمال ـ القائم".
        let name = name.replacingOccurrences(of: " \u{0640} ", with: " – ")
        var parts = name.split(whereSeparator: { separators.contains($0) }).map(String.init)
        // Latin hyphens: "Semalka-Bishabour" is two names, "Deir ez-Zor" and "al-Qaim" are one.
        parts = parts.flatMap { part -> [String] in
            guard part.contains("-") else { return [part] }
            // Arabic writes no article with a hyphen: "القائم-البوكمال" is two names.
            if PlaceName.isArabic(part) { return part.split(separator: "-").map(String.init) }
            var merged = [String]()
            var joinNext = false
            for token in part.split(separator: "-", omittingEmptySubsequences: false).map(String.init) {
                // An article joins the word after it, and the word before it when the hyphen
                // runs on ("Deir-ez-Zur", "Ras-al-Ain").
                let isArticle = PlaceName.latinArticles.contains(token.lowercased())
                var opens = false
                if let last = merged.indices.last, joinNext || (isArticle && !merged[last].hasSuffix(" ")) {
                    merged[last] += "-" + token
                } else {
                    merged.append(token)
                    opens = true
                }
                // So does a generic word that opens a name ("Tell-Ermen", "Ain-Issa": "Tell" alone
                // is a town near Damascus), but not one that ends it ("Ras al-Ayn-Ceylanpınar").
                joinNext = token.split(separator: " ").last.map {
                    PlaceName.latinArticles.contains($0.lowercased()) || (opens && !token.contains(" ") && Self.latinNameHeads.contains($0.lowercased()))
                } ?? false
            }
            return merged
        }
        parts = parts.map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.count >= 2 }
        return parts.count > 1 ? parts : nil
    }

    /// "ريف X", "بريف X الشرقي", "eastern X countryside", "بادية X", "X desert": X, how far the area
    /// reaches (km), and the side of X it lies on when a direction says so.
    static func strippingArea(_ words: [String]) -> (rest: [String], radius: Double, side: Side?, isDesert: Bool)? {
        guard words.count >= 2 else { return nil }
        var words = words
        var sides = [Side]()
        while words.count > 2, directionWords.contains(words[words.count - 1]) {
            sides.insert(contentsOf: Side.named(words.removeLast()).map { [$0] } ?? [], at: 0)
        }
        while words.count > 2, let side = Side.named(words[0]), PlaceName.isArabic(words[0]) == false {
            sides.append(side)
            words.removeFirst()
        }
        let side = Side.combining(sides)
        let first = PlaceName.lookupVariants(of: words[0])
        // (The dual too: "ريفي القامشلي والحسكة".)
        if first.contains("ريف") || first.contains("ريفي") {
            // "الريف الشمالي الغربي لمدينة منبج": directions after the word, then "لـ" and the place.
            var rest = Array(words.dropFirst())
            var sides = sides
            var directionAfter = false
            while rest.count > 1, let s = Side.named(rest[0]) {
                sides.append(s)
                rest.removeFirst()
                directionAfter = true
            }
            // (Only in that construction is a leading ل the preposition: "ريف لطيفية" keeps it.)
            if directionAfter, rest[0].hasPrefix("ل"),
                let stripped = PlaceName.lookupVariants(of: rest[0]).first(where: { !$0.hasPrefix("ل") })
            {
                rest[0] = stripped
            }
            // A place must follow: "الريف الغربي لمدينة" names none.
            if rest.count == 1, leadingQualifiers.contains(rest[0]) { return nil }
            return (rest, 30, Side.combining(sides), false)
        }
        if first.contains("باديه") { return (Array(words.dropFirst()), 50, side, true) }
        switch words[words.count - 1] {
        case "countryside": return (Array(words.dropLast()), 30, side, false)
        case "desert", "badia", "badiya", "badiyah": return (Array(words.dropLast()), 50, side, true)
        default: return nil
        }
    }

    /// A side of a place, from a direction adjective: الشرقي، eastern.
    struct Side: Equatable {
        /// Degrees clockwise from north.
        var azimuth: Double
        /// The English adjective, for the area's name.
        var adjective: String

        static func named(_ word: String) -> Side? {
            switch word {
            case "شرقي", "شرقيه", "eastern": Side(azimuth: 90, adjective: "eastern")
            case "غربي", "غربيه", "western": Side(azimuth: 270, adjective: "western")
            case "شمالي", "شماليه", "northern": Side(azimuth: 0, adjective: "northern")
            case "جنوبي", "جنوبيه", "southern": Side(azimuth: 180, adjective: "southern")
            default: nil
            }
        }

        /// "الشمالي الشرقي" is north-east; one direction is itself; two opposite ones, or more, say nothing.
        static func combining(_ sides: [Side]) -> Side? {
            if sides.count == 1 { return sides[0] }
            guard sides.count == 2 else { return nil }
            let (a, b) = (sides[0].azimuth, sides[1].azimuth)
            let gap = abs(a - b)
            guard gap == 90 || gap == 270 else { return nil }
            // The bisector of the two directions, north-east being 45 and north-west 315.
            let azimuth = gap == 90 ? (a + b) / 2 : ((a + b + 360) / 2).truncatingRemainder(dividingBy: 360)
            let northSouth = a == 0 || a == 180 ? sides[0] : sides[1]
            let eastWest = a == 0 || a == 180 ? sides[1] : sides[0]
            return Side(azimuth: azimuth, adjective: northSouth.adjective.dropLast(3) + "-" + eastWest.adjective)
        }
    }

    /// The name without a direction or administrative word before or after it, or nil.
    static func strippingQualifiers(_ words: [String]) -> [String]? {
        var words = words
        var stripped = false
        while words.count >= 2 {
            if PlaceName.lookupVariants(of: words[0]).contains(where: { leadingQualifiers.contains($0) }) {
                words.removeFirst()
            } else if trailingQualifiers.contains(words[words.count - 1]) || directionWords.contains(words[words.count - 1]) {
                words.removeLast()
                // "Albu Kamal border town".
                if words.count >= 2, words[words.count - 1] == "border" { words.removeLast() }
            } else {
                break
            }
            stripped = true
        }
        return stripped ? words : nil
    }

    /// Directions as adjectives after a name (folded, article dropped): الشرقي, eastern.
    static let directionWords: Set<String> = ["شرقي", "غربي", "شمالي", "جنوبي", "شرقيه", "غربيه", "شماليه", "جنوبيه"]

    /// Words that open a phrase about a place without being part of its name (folded).
    static let leadingQualifiers: Set<String> = [
        "في", "ناحيه", "منطقه", "بلده", "مدينه", "قريه", "حي", "قضا", "شرق", "غرب", "شمال", "جنوب", "شرقي", "غربي", "شمالي",
        "جنوبي", "محيط", "اطراف", "مركز", "قرب", "جوار", "مشارف", "east", "west", "north", "south", "eastern",
        "western", "northern", "southern", "central", "outskirts", "near", "town", "village", "city", "district",
        "subdistrict", "neighborhood", "neighbourhood", "rural", "of", "the",
        // Kurmanji "mountain of": "Çiyayê Kezwan" is Mount Abdulaziz, named Kezwan.
        "chiyaye", "ciyaye",
    ]

    /// Words that close a Latin phrase about a place: "Hajin town", "Busayrah area".
    static let trailingQualifiers: Set<String> = [
        "town", "village", "city", "district", "subdistrict", "neighborhood", "neighbourhood", "area", "outskirts",
        "suburbs", "region", "township", "east", "west", "north", "south",
        // "Sinjar mountain range" is "Sinjar mountain".
        "range",
    ]

    /// Whether a folded word is a facility plural (حقول، سجون، prisons…): a list of facilities follows.
    public static func isFacilityPlural(_ word: String) -> Bool { facilityPlurals[word] != nil }

    /// Facility plurals (and Arabic duals), folded: a list of facilities of that kind follows (Arabic)
    /// or precedes (English).
    public static let facilityPlurals: [String: PlaceKind] = [
        "سجون": .prison, "مخيمات": .camp, "قواعد": .base, "حقول": .oilfield, "معابر": .border, "prisons": .prison,
        "jails": .prison, "camps": .camp, "bases": .base, "fields": .oilfield, "oilfields": .oilfield,
        "crossings": .border, "airports": .airport, "airbases": .airport, "dams": .dam,
    ].merging(facilityDuals) { a, _ in a }

    /// Facility words as they open an Arabic name (سجن الشدادي) or open or close a Latin one
    /// (al-Shaddadi prison, prison of Shaddadi); returns the kind and the remaining words.
    static func splitFacilityWord(_ words: [String]) -> (PlaceKind, [String])? {
        guard words.count >= 2 else { return nil }
        let qualifiers: Set<String> = [
            "coalition", "us", "american", "international", "russian", "turkish", "central", "military", "oil", "gas",
            "تحالف", "دولي", "امريكيه", "امريكي", "مركزي", "نفطي", "عسكري", "زراعي", "of", "border", "frontier", "حدودي",
            "air",
            // "مخيم الركبان للاجئين", "Rukban refugee camp"; other languages' "of" and "military".
            "لاجيين", "للاجيين", "نازحين", "للنازحين", "refugee", "refugees", "displaced", "idp", "de", "di", "du", "del",
            "la", "le", "von", "militaire", "militare", "militar",
        ]
        // "مركز البوكمال الحدودي": a border post.
        if words[0] == "مركز", words.count > 2, words[words.count - 1] == "حدودي" {
            return (.border, Array(words.dropFirst().dropLast()))
        }
        // "حقلي العمر والتنك": a dual names two; the first is the one asked for.
        if let kind = facilityDuals[words[0]] {
            let rest = Array(words.dropFirst()).filter { !qualifiers.contains($0) }
            let end = rest.dropFirst().firstIndex { $0.hasPrefix("و") } ?? rest.count
            return (kind, Array(rest[..<end]))
        }
        if let kind = facilityWords[words[0]] {
            var rest = Array(words.dropFirst()).filter { !qualifiers.contains($0) }
            // Kurmanji joins the name with the ezafe: "Bendava Tişrînê" is Tishrin's dam.
            if kurdishEzafeWords.contains(words[0]), let last = rest.last, last.count > 4, last.hasSuffix("e") {
                rest[rest.count - 1] = String(last.dropLast())
            }
            return (kind, rest)
        }
        // "crossing point", "border post", "border terminal": the facility word before a generic one.
        var words = words
        var tail = false
        while words.count > 2, facilityTails.contains(words[words.count - 1]) {
            words.removeLast()
            tail = true
        }
        if tail, words[words.count - 1] == "border" {
            return (.border, Array(words.dropLast()).filter { !qualifiers.contains($0) })
        }
        if var kind = facilityWords[words[words.count - 1]] {
            // "Deir ez-Zor air base": a military airport.
            if kind == .base, words.count > 2, words[words.count - 2] == "air" { kind = .airport }
            return (kind, Array(words.dropLast()).filter { !qualifiers.contains($0) })
        }
        return nil
    }

    /// Duals of facility words (folded): "حقلي العمر والتنك".
    public static let facilityDuals: [String: PlaceKind] = [
        "حقلي": .oilfield, "سجني": .prison, "مخيمي": .camp, "قاعدتي": .base, "معبري": .border, "مطاري": .airport,
    ]
    /// Kurmanji facility words in the ezafe form, followed by a name ending in -ê.
    static let kurdishEzafeWords: Set<String> = ["bendava", "girtigeha", "kampa", "bingeha", "balafirgeha"]

    /// Generic words after a Latin facility word: "crossing point", "border post", "border terminal".
    /// (And Turkish "kapısı", gate: "Akçakale Sınır Kapısı", "Gümrük Kapısı".)
    static let facilityTails: Set<String> = ["point", "post", "terminal", "station", "gate", "complex", "kapisi"]

    /// Facility words, folded, and the kind of place they name.
    public static let facilityWords: [String: PlaceKind] = [
        "سجن": .prison, "مخيم": .camp, "قاعده": .base, "حقل": .oilfield, "حقول": .oilfield, "معبر": .border,
        "مطار": .airport, "سد": .dam, "prison": .prison, "jail": .prison, "camp": .camp, "base": .base,
        "field": .oilfield, "oilfield": .oilfield, "crossing": .border, "airport": .airport, "airbase": .airport,
        "dam": .dam,
        // As other languages' news write them (folded): German, French, Italian, Spanish, Polish,
        // Turkish and Kurmanji ("Grenzübergang Sêmalka", "prigione di Ghwayran", "Bendava Tişrînê").
        "gefangnis": .prison, "prigione": .prison, "carcere": .prison, "prision": .prison, "carcel": .prison,
        "wiezienie": .prison, "cezaevi": .prison, "girtigeh": .prison, "girtigeha": .prison,
        "lager": .camp, "campo": .camp, "campamento": .camp, "oboz": .camp, "kampi": .camp, "kamp": .camp, "kampa": .camp,
        "stutzpunkt": .base, "militarbasis": .base, "baza": .base, "ussu": .base, "bingeh": .base, "bingeha": .base,
        "grenzubergang": .border, "poste-frontiere": .border, "valico": .border, "przejscie": .border, "sinir": .border, "gumruk": .border,
        "flugplatz": .airport, "militarflugplatz": .airport, "flughafen": .airport, "aeroport": .airport,
        "laeroport": .airport, "aeroporto": .airport, "aeropuerto": .airport, "lotnisko": .airport,
        "havalimani": .airport, "balafirgeh": .airport, "balafirgeha": .airport,
        "staudamm": .dam, "damm": .dam, "barrage": .dam, "diga": .dam, "presa": .dam, "zapora": .dam, "baraji": .dam,
        "bendav": .dam, "bendava": .dam,
    ]
}

extension Gazetteer {
    /// Places within `radiusMeters` of `center`, nearest first, optionally of one kind.
    ///
    /// Builds a ``GeoPointIndex`` (GEOS STRtree) for the query; keep one with
    /// ``makeSpatialIndex()`` for many queries.
    public func places(
        near center: GeoCoordinate, radiusMeters: Double, kind: PlaceKind? = nil
    ) throws -> [(place: Place, distanceMeters: Double)] {
        try places(near: center, radiusMeters: radiusMeters, kind: kind, index: makeSpatialIndex())
    }

    /// The same query on an index the caller keeps.
    public func places(
        near center: GeoCoordinate, radiusMeters: Double, kind: PlaceKind? = nil, index: GeoPointIndex
    ) throws -> [(place: Place, distanceMeters: Double)] {
        try index.within(radiusMeters: radiusMeters, of: center)
            .map { (places[$0.index], $0.distanceMeters) }
            .filter { kind == nil || $0.0.kind == kind }
            .map { (place: $0.0, distanceMeters: $0.1) }
    }

    /// The `count` nearest places of `kind` to `center` (the place itself excluded when given).
    public func nearest(
        to center: GeoCoordinate, kind: PlaceKind?, count: Int, excluding id: String? = nil
    ) throws -> [(place: Place, distanceMeters: Double)] {
        try makeSpatialIndex().nearest(to: center, count: count) { i in
            (kind == nil || places[i].kind == kind) && places[i].id != id
        }.map { (place: places[$0.index], distanceMeters: $0.distanceMeters) }
    }

    /// A spatial index over every place, in ``places`` order.
    public func makeSpatialIndex() throws -> GeoPointIndex {
        try GeoPointIndex(places.map(\.coordinate))
    }
}
