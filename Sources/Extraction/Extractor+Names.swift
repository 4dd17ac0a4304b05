import Gazetteer

// English news names a facility by putting its kind after the name ("Shadadi prison", "the
// Al-Omar oil field", "the Al-Hol and Al-Roj camps", "Hasakeh province"). The gazetteer knows
// many such facilities; where it does not, the bare name must not be read as a settlement
// elsewhere ("the Saida and Zarbah oil stations" are not Sidon and a town near Aleppo).
extension Extractor {
    /// What a word after a Latin name says about it: the kind of place (nil: a facility the
    /// gazetteer has no kind for, such as a station or a factory) and whether it is plural,
    /// so that it also applies to the names listed before ("X and Y camps").
    struct KindWord: Sendable {
        let kind: PlaceKind?
        let plural: Bool

        /// The word to look the place up with ("Al-Roj camps" → "Al-Roj camp"). (Not stored: the
        /// vocabulary reads this struct for every word, and a String in it costs a retain each time.)
        var singular: String {
            switch kind {
            case .prison?: "prison"
            case .camp?: "camp"
            case .base?: "base"
            case .airport?: "airport"
            case .oilfield?: "field"
            case .border?: "crossing"
            case .dam?: "dam"
            case .governorate?: "province"
            default: ""
            }
        }
    }

    /// Latin kind words, lower case: the gazetteer's facility words and plurals in Latin script,
    /// the governorate's, and facilities the gazetteer has no kind for.
    static let latinKindWords: [String: KindWord] = {
        var words = [String: KindWord]()
        for (word, kind) in Gazetteer.facilityWords where !PlaceName.isArabic(word) {
            words[word] = KindWord(kind: kind, plural: false)
        }
        for (word, kind) in Gazetteer.facilityPlurals where !PlaceName.isArabic(word) {
            words[word] = KindWord(kind: kind, plural: true)
        }
        let others: [(String, String, PlaceKind?)] = [
            ("province", "provinces", .governorate), ("governorate", "governorates", .governorate),
            ("station", "stations", nil), ("plant", "plants", nil), ("refinery", "refineries", nil),
            ("factory", "factories", nil), ("checkpoint", "checkpoints", nil), ("hospital", "hospitals", nil),
        ]
        for (singular, plural, kind) in others {
            words[singular] = KindWord(kind: kind, plural: false)
            words[plural] = KindWord(kind: kind, plural: true)
        }
        return words
    }()

    /// Words that may stand between a name and its kind word: "al-Omar oil field", "Ain al-Asad air base".
    static let latinQualifiers: Set<String> = [
        "oil", "gas", "military", "coalition", "us", "u.s", "american", "russian", "turkish", "iranian", "power", "water",
        "pumping", "border", "air", "central", "detention", "refugee", "displacement", "idp", "main",
    ]

    /// Generic words that open many names (تل أبيض، عين عيسى، Tel Habash, Ain Issa): followed by
    /// another word, they are part of a name the gazetteer may lack, not a place of their own.
    static let nameHeads: Set<String> = Lexicon.folded([
        "ابو", "ام", "شيخ", "الشيخ", "بني", "تل", "عين", "دير", "راس", "وادي", "جبل", "خربه", "بير", "بئر", "كفر", "بيت", "قصر", "tel", "tell", "tall", "tal",
        "ain", "ayn", "deir", "dayr", "ras", "wadi", "jabal", "jebel", "jabel", "khirbet", "khirbat", "bir", "kafr", "kfar",
        "beit", "qasr", "umm", "abu", "باديه",
    ])

    /// Whether a Latin word can be part of a proper name: capitalised ("Shadadi") or behind an
    /// article ("al-Omar", "ez-Zor"), and neither a kind word, a qualifier nor "The".
    static func isLatinNameWord(_ text: String, lowered: String, kindWord: KindWord?, roles: WordRoles) -> Bool {
        guard let first = text.unicodeScalars.first, first.value < 0x0600 || first.value > 0x06FF, kindWord == nil,
            !roles.contains(.latinQualifier), !roles.contains(.the), !roles.contains(.notPlace), !roles.contains(.month)
        else { return false }
        if first.properties.isUppercase { return true }
        // (Folding turns the hyphen into a space: read the word as written.)
        let written = text.lowercased()
        guard let hyphen = written.firstIndex(where: { $0 == "-" || $0 == " " }) else { return false }
        return PlaceName.latinArticles.contains(String(written[..<hyphen]))
    }

    /// A Latin name at `i` closed by a kind word, directly ("Shadadi prison", "al-Omar oil field")
    /// or through a list ("Al-Hol" in "the Al-Hol and Al-Roj camps"). Returns the name's length
    /// in words, the kind word, and the index after the span to consume (the kind word included
    /// when it follows the name directly).
    static func latinNameWithKind(_ tokens: [Token], at i: Int) -> (length: Int, kindWord: KindWord, end: Int)? {
        func nameRun(from start: Int) -> Int {
            var k = start
            while k < tokens.count, k - start < 4, tokens[k].entry.roles.contains(.latinName), k == start || !tokens[k].afterBreak {
                k += 1
            }
            return k
        }
        /// The kind word after qualifiers from `k`, and the index after it.
        func kindWord(from start: Int) -> (KindWord, Int)? {
            var k = start
            while k < tokens.count, k - start < 2, tokens[k].entry.roles.contains(.latinQualifier), !tokens[k].afterBreak {
                k += 1
            }
            guard k < tokens.count, !tokens[k].afterBreak, let word = tokens[k].entry.kindWord else { return nil }
            return (word, k + 1)
        }
        let end = nameRun(from: i)
        guard end > i else { return nil }
        if let (word, after) = kindWord(from: end) { return (end - i, word, after) }
        // A list: "X and Y camps", "X, Y and Z oil stations".
        var k = end
        while k < tokens.count, k - end < 12 {
            if tokens[k].entry.lowered == "and" || tokens[k].entry.lowered == "or" { k += 1 }
            let next = nameRun(from: k)
            guard next > k else { return nil }
            if let (word, _) = kindWord(from: next) { return word.plural ? (end - i, word, end) : nil }
            k = next
        }
        return nil
    }
}
