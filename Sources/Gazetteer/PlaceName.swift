import Foundation

/// How place names are folded before they are compared. Every rule is tested in
/// `PlaceNameTests`; `gazetteer/README.md` lists them for analysts.
///
/// Arabic: diacritics (harakat, shadda, sukun, dagger alef) and tatweel are removed; the alef
/// forms أ إ آ ٱ become ا; ؤ becomes و, ئ and ى become ي, ء is dropped; taa marbuta ة becomes ه;
/// Persian/Kurdish ی ک ھ become ي ك ه, Sorani ە is dropped inside a word and ه at its end, and the letters Arabic lacks its nearest letter (ۆ ۇ → و,
/// ێ → ي, ڕ → ر, ڵ → ل, چ → ج, پ → ب, ڤ → ف, گ → ك, ژ → ز); Arabic-Indic and Persian digits become ASCII digits; the
/// article ال is removed from the start of every word. Attached clitics (و ف ب ل ك and their
/// combinations: وال، بال، فال، وبال، لل…) are not removed from the key, since they are part of
/// some names (بغداد); ``lookupVariants(of:)`` proposes the stripped forms instead.
///
/// Latin: case and diacritics are folded (Kurdish ş and ç become sh and ch first); the
/// transliteration marks ʿ ʾ ' ’ ‘ ` are removed; hyphens become spaces; the article is dropped
/// in all its forms (al, el, il, ul, and the assimilated ash, as, ar, ad, adh, at, ath, az, an,
/// ez, es, er, ed, et, en) when it stands as its own word; tell/tall/tel become tal.
public enum PlaceName {
    /// The key names are matched on exactly: folded, article-free words joined by single spaces.
    ///
    /// Works on the folded text's bytes: the same result as `words(name).joined(separator: " ")`,
    /// without an array of words (this runs once per name looked up).
    public static func key(_ name: String) -> String {
        String(decoding: keyBytes(name), as: UTF8.self)
    }

    /// ``key(_:)`` as UTF-8 bytes.
    static func keyBytes(_ name: String) -> [UInt8] {
        let folded = foldBytes(name)
        var out = [UInt8]()
        folded.withUnsafeBufferPointer { bytes in
            out.reserveCapacity(bytes.count)
            var start = 0
            let count = bytes.count
            // Word boundaries first, so "is this the last word" is known for Latin articles.
            var words = [(Int, Int)]()
            for i in 0...count where i == count || bytes[i] == 0x20 {
                if i > start { words.append((start, i)) }
                start = i + 1
            }
            for (w, (a, b)) in words.enumerated() {
                var from = a
                let word = bytes[a..<b]
                if bytes[a] >= 0xD8, bytes[a] <= 0xDB {
                    // Arabic: drop the article ال (D8 A7 D9 84) when more than two letters follow.
                    let characters = word.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
                    if characters > 3, bytes[a] == 0xD8, bytes[a + 1] == 0xA7, bytes[a + 2] == 0xD9, bytes[a + 3] == 0x84 {
                        from = a + 4
                    }
                } else {
                    if w + 1 < words.count, latinArticleBytes.contains(where: { $0.elementsEqual(word) }) { continue }
                    if let synonym = latinSynonymBytes.first(where: { $0.0.elementsEqual(word) }) {
                        if !out.isEmpty { out.append(0x20) }
                        out.append(contentsOf: synonym.1)
                        continue
                    }
                }
                if !out.isEmpty { out.append(0x20) }
                out.append(contentsOf: bytes[from..<b])
            }
        }
        return out
    }

    static let latinArticleBytes: [[UInt8]] = latinArticles.map { Array($0.utf8) }
    static let latinSynonymBytes: [([UInt8], [UInt8])] = latinSynonyms.map { (Array($0.key.utf8), Array($0.value.utf8)) }

    /// The folded, article-free words of a name.
    public static func words(_ name: String) -> [String] {
        let folded = fold(name)
        var words = folded.split(separator: " ").map(String.init)
        var result = [String]()
        result.reserveCapacity(words.count)
        for (index, word) in words.enumerated() {
            if isArabic(word) {
                result.append(stripArabicArticle(word))
            } else if latinArticles.contains(word), index + 1 < words.count {
                continue
            } else if let canonical = latinSynonyms[word] {
                result.append(canonical)
            } else {
                result.append(word)
            }
        }
        words = result.filter { !$0.isEmpty }
        return words
    }

    /// A coarse sound key for Latin names that absorbs transliteration variation: q/k, gh/g,
    /// kh/k, dh/d, th/t, ch/sh (French), dj/j, doubled consonants, final -ah/-eh, and every run
    /// of vowels (including w and y) as one vowel. "Ghuwayran", "Ghweiran" and "Gweiran" share
    /// one key; so do "Shaddadi", "Ash Shaddadah" and "Chaddadi". `nil` for Arabic names.
    public static func soundKey(_ name: String) -> String? {
        let words = words(name)
        guard !words.isEmpty, !words.contains(where: isArabic) else { return nil }
        return soundKey(words: words)
    }

    static func soundKey(words: [String]) -> String {
        var out = [UInt8]()
        for word in words {
            let w = Array(word.utf8)
            var mapped = [UInt8]()
            mapped.reserveCapacity(w.count)
            var i = 0
            func at(_ k: Int) -> UInt8 { k < w.count ? w[k] : 0 }
            while i < w.count {
                let c = w[i]
                let n = at(i + 1)
                switch (c, n) {
                case (UInt8(ascii: "s"), UInt8(ascii: "c")) where at(i + 2) == UInt8(ascii: "h"):
                    mapped += [UInt8(ascii: "s"), UInt8(ascii: "h")]; i += 3; continue
                case (UInt8(ascii: "c"), UInt8(ascii: "h")):
                    mapped += [UInt8(ascii: "s"), UInt8(ascii: "h")]; i += 2; continue
                case (UInt8(ascii: "d"), UInt8(ascii: "j")):
                    mapped.append(UInt8(ascii: "j")); i += 2; continue
                case (UInt8(ascii: "g"), UInt8(ascii: "h")), (UInt8(ascii: "k"), UInt8(ascii: "h")),
                    (UInt8(ascii: "d"), UInt8(ascii: "h")), (UInt8(ascii: "t"), UInt8(ascii: "h")):
                    mapped.append(c); i += 2; continue
                case (UInt8(ascii: "c"), UInt8(ascii: "k")):
                    mapped.append(UInt8(ascii: "k")); i += 2; continue
                case (UInt8(ascii: "p"), UInt8(ascii: "h")):
                    mapped.append(UInt8(ascii: "f")); i += 2; continue
                default:
                    break
                }
                switch c {
                case UInt8(ascii: "q"), UInt8(ascii: "c"), UInt8(ascii: "x"): mapped.append(UInt8(ascii: "k"))
                default: mapped.append(c)
                }
                i += 1
            }
            // Final -ah/-eh: Hasakah, Hasakeh, Hasaka.
            if mapped.count > 3, mapped.last == UInt8(ascii: "h"),
                [UInt8(ascii: "a"), UInt8(ascii: "e")].contains(mapped[mapped.count - 2])
            {
                mapped.removeLast()
            }
            var previous: UInt8 = 0
            for c in mapped {
                let v = "aeiouwy".utf8.contains(c) ? UInt8(ascii: "a") : c
                if v == previous { continue }
                out.append(v)
                previous = v
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Forms of a word as it may stand in Arabic running text with clitics attached, most
    /// literal first: "وبالحسكة" → ["وبالحسكة", "بالحسكة", "الحسكة", "حسكة"…]; keys of these are
    /// looked up and the longest form that names a place wins.
    /// Two-letter words that open place names (folded): تل (tell), ام (umm).
    static let shortNameHeads: Set<Substring> = ["تل", "ام"]

    public static func lookupVariants(of word: String) -> [String] {
        guard isArabic(word) else { return [word] }
        var variants = [word]
        var stem = Substring(word)
        // A clitic leaves at least three letters, or a two-letter head of names ("وتل حجر",
        // "بتل تمر", "وأم مدفع").
        func strippable(_ stem: Substring) -> Bool { stem.count > 3 || (stem.count == 3 && shortNameHeads.contains(stem.dropFirst())) }
        // و or ف (conjunctions), then ب ل ك (prepositions), then the article.
        if let first = stem.first, first == "و" || first == "ف", strippable(stem) {
            stem = stem.dropFirst()
            variants.append(String(stem))
        }
        if let first = stem.first, first == "ب" || first == "ل" || first == "ك", strippable(stem) {
            let rest = stem.dropFirst()
            if first == "ل", rest.first == "ل" {
                // لل = ل + ال with the alef dropped: للحسكة → الحسكة
                variants.append("ا" + rest)
            }
            variants.append(String(rest))
        }
        return variants
    }

    /// Folds script-specific variation (see the type's documentation), keeping word boundaries.
    public static func fold(_ text: String) -> String {
        String(decoding: foldBytes(text), as: UTF8.self)
    }

    /// ``fold(_:)`` as UTF-8 bytes: appending scalars to a String is several times slower, and
    /// look-ups hash the bytes directly.
    /// A letter or digit outside ASCII and Arabic, folded: lower case, without combining marks;
    /// `nil` for anything else (a separator).
    static func latinFold(_ scalar: Unicode.Scalar) -> [UInt8]? {
        guard scalar.properties.isAlphabetic || scalar.properties.numericType != nil else { return nil }
        var out = [UInt8]()
        for s in String(scalar).lowercased().decomposedStringWithCanonicalMapping.unicodeScalars
        where !(0x0300...0x036F).contains(s.value) {
            out.append(contentsOf: String(s).utf8)
        }
        return out
    }

    /// ``latinFold(_:)`` of U+0080–U+024F (Latin-1 Supplement, Extended-A and -B) and of
    /// U+1E00–U+1EFF (Latin Extended Additional: ḥ ṣ ṭ ẓ of transliterations).
    static let latinFolds: [[UInt8]?] = (0x80..<0x250).map { latinFold(Unicode.Scalar($0)!) }
    static let latinExtendedFolds: [[UInt8]?] = (0x1E00..<0x1F00).map { latinFold(Unicode.Scalar($0)!) }

    static func foldBytes(_ text: String) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count)
        var lastWasSpace = true
        func space() {
            if !lastWasSpace {
                out.append(0x20)
                lastWasSpace = true
            }
        }
        func put(_ s: Unicode.Scalar) {
            let v = s.value
            switch v {
            case 0..<0x80:
                out.append(UInt8(v))
            case 0x80..<0x800:
                out.append(UInt8(0xC0 | (v >> 6)))
                out.append(UInt8(0x80 | (v & 0x3F)))
            case 0x800..<0x10000:
                out.append(UInt8(0xE0 | (v >> 12)))
                out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
                out.append(UInt8(0x80 | (v & 0x3F)))
            default:
                out.append(UInt8(0xF0 | (v >> 18)))
                out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
                out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
                out.append(UInt8(0x80 | (v & 0x3F)))
            }
            lastWasSpace = false
        }
        // Arabic presentation forms (from PDFs and old pages) fold to their base letters.
        // (Their UTF-8 starts with EF, a byte most text never has: test that first.)
        let composed: String = text.utf8.contains(0xEF) && text.unicodeScalars.contains { (0xFB50...0xFEFF).contains($0.value) }
            ? text.precomposedStringWithCompatibilityMapping : text
        // Sorani's vowel ە is not written in Arabic inside a word ("ڕەقە" is الرقة): dropped
        // before a letter, ه (as taa marbuta) at a word's end.
        let kurdishE: Unicode.Scalar = "\u{06D5}"
        let withoutE: String? = composed.utf8.contains(0x95) && composed.unicodeScalars.contains(kurdishE)
            ? {
                var kept = String.UnicodeScalarView()
                let scalars = Array(composed.unicodeScalars)
                for (k, c) in scalars.enumerated()
                where !(c == kurdishE && k + 1 < scalars.count && (0x0620...0x06FF).contains(scalars[k + 1].value)) {
                    kept.append(c)
                }
                return String(kept)
            }() : nil
        let text = withoutE ?? composed
        func handle(_ scalar: Unicode.Scalar) {
            let v = scalar.value
            switch v {
            case 0x064B...0x065F, 0x0670, 0x0640, 0x06D6...0x06ED:
                return  // harakat, shadda, sukun, dagger alef, tatweel, Quranic marks
            case 0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673:
                put("ا")
            case 0x0624:
                put("و")
            case 0x0626, 0x0649, 0x06CC, 0x064A, 0x06CE, 0x06CD, 0x06D0:
                put("ي")  // also Kurdish ێ and the final and Pashto yehs
            case 0x06C6, 0x06C7, 0x06C8, 0x06CB, 0x06C9:
                put("و")  // Kurdish ۆ and the other marked waws (زاخۆ is زاخو)
            case 0x0695:
                put("ر")  // Kurdish ڕ
            case 0x06B5:
                put("ل")  // Kurdish ڵ
            case 0x06BE:
                put("ه")  // Kurdish and Urdu ھ
            case 0x0686:
                put("ج")  // چ: Arabic writes Kocho كوجو
            case 0x067E:
                put("ب")  // پ
            case 0x06A4:
                put("ف")  // ڤ
            case 0x06AF:
                put("ك")  // گ
            case 0x0698:
                put("ز")  // ژ
            case 0x0621:
                return  // lone hamza
            case 0x0629, 0x06D5, 0x06C1:
                put("ه")
            case 0x06A9:
                put("ك")
            case 0x0660...0x0669:
                put(Unicode.Scalar(v - 0x0660 + 0x30)!)
            case 0x06F0...0x06F9:
                put(Unicode.Scalar(v - 0x06F0 + 0x30)!)
            case 0x0621...0x063A, 0x0641...0x064A, 0x066E...0x06D3:
                put(scalar)  // Arabic letters: the common case in Arabic text
            case 0x0600...0x06FF, 0x0750...0x077F, 0xFB50...0xFDFF, 0xFE70...0xFEFF:
                if scalar.properties.isAlphabetic {
                    put(scalar)
                } else {
                    space()  // Arabic comma, semicolon, question mark
                }
            case 0x02BB, 0x02BC, 0x02BE, 0x02BF, 0x0027, 0x2018, 0x2019, 0x0060, 0x00B4, 0x02B9:
                return  // ʿ ʾ ' ’ ‘ ` ´: transliteration marks of ayn and hamza
            case 0x015F, 0x015E:
                put("s"); put("h")  // ş Ş (Kurdish, Turkish)
            case 0x00E7, 0x00C7:
                put("c"); put("h")  // ç Ç
            case 0x0131:
                put("i")  // dotless ı
            case 0x61...0x7A, 0x30...0x39:
                put(scalar)  // ASCII letters and digits: the common case, kept fast
            case 0x41...0x5A:
                put(Unicode.Scalar(v + 0x20)!)
            case 0x00...0x7F:
                space()  // ASCII punctuation and spaces
            default:
                // Latin letters with diacritics (ā ḥ ṣ é ü …) from a table made once: through
                // Foundation's decomposition they were a third of an exact look-up's time.
                let folded = v < 0x0250 ? latinFolds[Int(v) - 0x80]
                    : (0x1E00..<0x1F00).contains(v) ? latinExtendedFolds[Int(v) - 0x1E00] : latinFold(scalar)
                if let folded {
                    if !folded.isEmpty {
                        out.append(contentsOf: folded)
                        lastWasSpace = false
                    }
                } else {
                    space()
                }
            }
        }
        // Walk the UTF-8 bytes: ASCII inline, other scalars decoded by hand (faster than the
        // stdlib's scalar view in this loop).
        var utf8 = text
        utf8.withUTF8 { bytes in
            var i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                if b < 0x80 {
                    switch b {
                    case 0x61...0x7A, 0x30...0x39:
                        out.append(b)
                        lastWasSpace = false
                    case 0x41...0x5A:
                        out.append(b + 0x20)
                        lastWasSpace = false
                    case 0x27, 0x60:
                        break  // ' `: transliteration marks
                    default:
                        space()
                    }
                    i += 1
                    continue
                }
                var v: UInt32
                var length: Int
                if b >> 5 == 0b110, i + 1 < n {
                    v = UInt32(b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                    length = 2
                } else if b >> 4 == 0b1110, i + 2 < n {
                    v = UInt32(b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                    length = 3
                } else if i + 3 < n {
                    v = UInt32(b & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                        | UInt32(bytes[i + 3] & 0x3F)
                    length = 4
                } else {
                    v = 0xFFFD
                    length = 1
                }
                if let scalar = Unicode.Scalar(v) { handle(scalar) }
                i += length
            }
        }
        if out.last == 0x20 { out.removeLast() }
        return out
    }

    /// Whether a word is in Arabic script.
    public static func isArabic(_ word: String) -> Bool {
        // (With the presentation forms some pages and PDFs still use: "ﺍﻟﺸﺪﺍﺩﻱ".)
        word.unicodeScalars.contains { s in
            (0x0600...0x06FF).contains(s.value) || (0xFB50...0xFDFF).contains(s.value) || (0xFE70...0xFEFF).contains(s.value)
        }
    }

    static func stripArabicArticle(_ word: String) -> String {
        if word.hasPrefix("ال"), word.count > 3 { return String(word.dropFirst(2)) }
        return word
    }

    /// The Arabic article as Latin transliterations write it (al-, ash-, ez-…).
    public static let latinArticles: Set<String> = [
        "al", "el", "il", "ul", "ash", "as", "ar", "ad", "adh", "at", "ath", "az", "an", "ez", "es", "er",
        "ed", "et", "en", "aş", "ech", "esh",
    ]

    static let latinSynonyms: [String: String] = ["tell": "tal", "tall": "tal", "tel": "tal", "mt": "mount"]

}
