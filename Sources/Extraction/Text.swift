import Gazetteer

/// A word of an article with its position: offsets count Unicode scalars (code points) from
/// the start of the article's text, as Python's `str` indexing does.
public struct Token: Hashable, Sendable {
    /// The word as written.
    public let text: String
    /// The word folded (``PlaceName/fold(_:)``): diacritics, alef forms, digits normalised.
    public var folded: String { entry.folded }
    public let start: Int
    public let end: Int
    /// Whether punctuation (a comma, a dash, a quote) separates this token from the previous.
    public let afterBreak: Bool
    /// What every matcher reads about the word, computed once per spelling (``Vocabulary``).
    let entry: Vocabulary.Entry
    /// Whether a possessive followed the word ("Syria's"): not part of ``text``.
    let possessive: Bool

    /// The folded word without attached clitics and article, most literal first (``Lexicon/forms(_:)``).
    var forms: [String] { entry.forms }

    init(text: String, entry: Vocabulary.Entry, start: Int, end: Int, afterBreak: Bool, possessive: Bool = false) {
        self.text = text
        self.entry = entry
        self.start = start
        self.end = end
        self.afterBreak = afterBreak
        self.possessive = possessive
    }

    public static func == (a: Token, b: Token) -> Bool {
        a.start == b.start && a.end == b.end && a.afterBreak == b.afterBreak && a.text.sameBytes(as: b.text)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(start)
        hasher.combine(end)
    }

    /// The folded word without the article.
    var bare: String { forms[0] }
}

/// A sentence of an article and its tokens.
public struct Sentence: Hashable, Sendable {
    public let text: String
    public let start: Int
    public let end: Int
    public let tokens: [Token]
    /// The index of the paragraph (source line) the sentence is in.
    public let paragraph: Int
    /// The actors named in the sentence, found once for every stage that asks.
    let actors: [Extractor.ActorMention]
}

enum TextSplitter {
    /// A paragraph's scalars, and the UTF-8 offset where each begins (one more for the end), so
    /// that a word or a sentence is copied out of the bytes whole rather than scalar by scalar.
    struct Scalars {
        let scalars: [Unicode.Scalar]
        let bytes: [UInt8]
        let byteOffsets: [Int]

        init(_ text: String) {
            var scalars = [Unicode.Scalar]()
            var offsets = [Int]()
            scalars.reserveCapacity(text.utf8.count)
            offsets.reserveCapacity(text.utf8.count + 1)
            var offset = 0
            for scalar in text.unicodeScalars {
                scalars.append(scalar)
                offsets.append(offset)
                offset += UTF8.width(scalar)
            }
            offsets.append(offset)
            self.scalars = scalars
            bytes = Array(text.utf8)
            byteOffsets = offsets
        }

        var count: Int { scalars.count }
        subscript(i: Int) -> Unicode.Scalar { scalars[i] }

        /// The text of scalars `from..<to`.
        func text(_ from: Int, _ to: Int) -> String {
            String(decoding: bytes[byteOffsets[from]..<byteOffsets[to]], as: UTF8.self)
        }

        /// The vocabulary's entry for the word of scalars `from..<to`, looked up by its bytes.
        func entry(_ from: Int, _ to: Int, vocabulary: Vocabulary) -> Vocabulary.Entry {
            bytes.withUnsafeBufferPointer { all in
                vocabulary.entry(bytes: UnsafeBufferPointer(rebasing: all[byteOffsets[from]..<byteOffsets[to]]))
            }
        }
    }

    /// Splits cleaned paragraphs (each with its scalar offset in the article) into sentences.
    static func sentences(paragraphs: [(text: String, offset: Int)], vocabulary: Vocabulary) -> [Sentence] {
        var result = [Sentence]()
        for (pIndex, paragraph) in paragraphs.enumerated() {
            let scalars = Scalars(paragraph.text)
            var begin = 0
            var i = 0
            func flush(_ endExclusive: Int) {
                var s = begin
                var e = endExclusive
                while s < e, isSpace(scalars[s]) { s += 1 }
                while e > s, isSpace(scalars[e - 1]) { e -= 1 }
                if e > s {
                    let tokens = tokenize(scalars, from: s, to: e, base: paragraph.offset, vocabulary: vocabulary)
                    if !tokens.isEmpty {
                        result.append(
                            Sentence(
                                text: scalars.text(s, e), start: paragraph.offset + s, end: paragraph.offset + e,
                                tokens: tokens, paragraph: pIndex, actors: Extractor.actors(in: tokens)))
                    }
                }
                begin = endExclusive
            }
            while i < scalars.count {
                let c = scalars[i]
                if c == "." || c == "!" || c == "?" || c == "؟" || c == "…" {
                    // Not a sentence end inside numbers (3.5) or after a one-letter abbreviation.
                    let next = i + 1 < scalars.count ? scalars[i + 1] : " "
                    let previous = i > 0 ? scalars[i - 1] : " "
                    if c == ".", (0x30...0x39).contains(previous.value), (0x30...0x39).contains(next.value) {
                        i += 1
                        continue
                    }
                    if c == ".", isAbbreviation(scalars, dot: i) {
                        i += 1
                        continue
                    }
                    // ("… على طرفي النهر.مصدر محلي قال": Arabic text pasted without the space.)
                    // (Not "د.محمد": a one-letter title.)
                    let arabic = (0x0621...0x064A) ~= next.value && (0x0621...0x064A) ~= previous.value
                        && i > 1 && (0x0621...0x064A) ~= scalars[i - 2].value
                    if isSpace(next) || next == "\"" || next == "»" || next == "”" || i + 1 == scalars.count || (c == "." && arabic) {
                        flush(i + 1)
                    }
                }
                i += 1
            }
            flush(scalars.count)
        }
        return result
    }

    /// Abbreviations a full stop follows inside a sentence: titles and ranks, month names ("Jan.
    /// 21"), and initials ("U.S.", "U.N.").
    static let abbreviations: Set<String> = [
        "Mr", "Mrs", "Ms", "Dr", "Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Brig", "Adm", "Rep", "Sen", "Gov", "Prof", "St",
        "No", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "approx", "vs",
    ]

    /// Words that begin a new sentence even after initials ("… on the U.S. The group said").
    static let sentenceStarters: Set<String> = [
        "The", "A", "An", "It", "He", "She", "They", "We", "I", "In", "On", "At", "But", "And", "This", "That", "These",
        "Those", "Meanwhile", "However", "According",
    ]

    /// Whether the full stop at `dot` closes an abbreviation rather than a sentence.
    static func isAbbreviation(_ scalars: Scalars, dot: Int) -> Bool {
        func isLatinLetter(_ c: Unicode.Scalar) -> Bool { (0x41...0x5A).contains(c.value) || (0x61...0x7A).contains(c.value) }
        var start = dot
        while start > 0, isLatinLetter(scalars[start - 1]) { start -= 1 }
        guard start < dot, start == 0 || !isWordScalar(scalars[start - 1]) || scalars[start - 1] == "." else { return false }
        let word = scalars.text(start, dot)
        let initial = dot - start == 1 && (0x41...0x5A).contains(scalars[start].value)
        if !initial, !abbreviations.contains(word) { return false }
        // The next word: initials end a sentence before "The", "It"…; titles and months never do.
        var next = dot + 1
        while next < scalars.count, isSpace(scalars[next]) { next += 1 }
        var end = next
        while end < scalars.count, isLatinLetter(scalars[end]) { end += 1 }
        return !(initial && sentenceStarters.contains(scalars.text(next, end)))
    }

    /// Tokens of a whole text (one sentence, a dateline).
    static func tokenize(_ text: String, vocabulary: Vocabulary) -> [Token] {
        let scalars = Scalars(text)
        return tokenize(scalars, from: 0, to: scalars.count, base: 0, vocabulary: vocabulary)
    }

    /// Words: runs of letters, digits, combining marks, tatweel and apostrophes inside words.
    static func tokenize(_ scalars: Scalars, from: Int, to: Int, base: Int, vocabulary: Vocabulary) -> [Token] {
        var tokens = [Token]()
        var i = from
        var sawBreak = false
        while i < to {
            let c = scalars[i]
            if isWordScalar(c) {
                var j = i + 1
                while j < to, isWordScalar(scalars[j]) || (isJoiner(scalars[j]) && j + 1 < to && isWordScalar(scalars[j + 1]) && !isArabicScalar(scalars[j + 1])) {
                    j += 1
                }
                // "Syria's": the possessive is not part of the name.
                let end = j
                if j - i > 4, scalars[j - 1] == "s" || scalars[j - 1] == "S", scalars[j - 2] == "'" || scalars[j - 2] == "’" {
                    j -= 2
                }
                let entry = scalars.entry(i, j, vocabulary: vocabulary)
                if !entry.folded.isEmpty {
                    tokens.append(
                        Token(text: entry.text, entry: entry, start: base + i, end: base + j, afterBreak: sawBreak, possessive: j < end))
                }
                sawBreak = false
                i = end
            } else {
                if !isSpace(c) { sawBreak = true }
                i += 1
            }
        }
        return tokens
    }

    static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        case 0x00...0x7F: return false
        // Arabic letters, harakat, tatweel, digits and extended letters; not its punctuation.
        case 0x0621...0x065F, 0x0660...0x0669, 0x066E...0x06D3, 0x06D5...0x06ED, 0x06F0...0x06FC: return true
        case 0x0600...0x06FF: return false
        default:
            return c.properties.isAlphabetic || c.properties.numericType != nil
                || c.properties.generalCategory == .nonspacingMark
        }
    }

    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x20, 0x09...0x0D, 0xA0: return true
        case 0x00...0x7F, 0x0600...0x06FF: return false
        default: return c.properties.isWhitespace
        }
    }

    static func isJoiner(_ c: Unicode.Scalar) -> Bool {
        c == "'" || c == "’" || c == "-" || c == "ʿ" || c == "ʾ"
    }

    static func isArabicScalar(_ c: Unicode.Scalar) -> Bool {
        (0x0600...0x06FF).contains(c.value) || (0xFB50...0xFDFF).contains(c.value) || (0xFE70...0xFEFF).contains(c.value)
    }
}
