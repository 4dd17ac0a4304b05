import Gazetteer

/// Finds the article inside a page's text: drops site furniture (breadcrumbs, share buttons,
/// "related articles" teasers, navigation words) and repeated headlines, and finds the dateline.
enum Cleaner {
    struct Result {
        /// Kept paragraphs with the scalar offset of each in the article text.
        var paragraphs: [(text: String, offset: Int)]
        /// The headline, when the first paragraph looks like one.
        var title: String?
        /// A date line near the top ("الاثنين، ٢٠ يونيو ٢٠٢٢").
        var dateline: Day?
    }

    /// Lines from here on are not the article.
    static let endMarkers = [
        "قد يعجبك ايضا", "مقالات ذات صله", "شارك المقال", "اقرا ايضا", "اقرأ أيضا", "اخبار ذات صله", "المزيد من الاخبار",
        "related articles", "read more", "you may also like", "share this article",
    ]

    /// Lines that are furniture wherever they stand.
    static let furnitureMarkers = ["الرئيسيه »", "الرئيسيه >", "home »", "home >", "جميع الحقوق محفوظه", "all rights reserved"]

    static let endPatterns = endMarkers.map(BytePattern.init)
    static let furniturePatterns = furnitureMarkers.map(BytePattern.init)
    static let guillemet = BytePattern("»")

    static func clean(_ text: String, vocabulary: Vocabulary = Vocabulary()) -> Result {
        var paragraphs = [(text: String, offset: Int)]()
        var seen = Set<FastKey>()
        var offset = 0
        var dateline: Day?
        var lineNumber = 0
        // Lines split on the newline byte: splitting by Character runs grapheme breaking over Arabic.
        // One pass over the bytes finds each line, counts its scalars (every byte but UTF-8
        // continuation bytes starts one) and notes a ">" (a breadcrumb arrow).
        var lines = [(text: String, scalars: Int, arrow: Bool)]()
        var source = text
        source.withUTF8 { bytes in
            var start = 0
            var scalars = 0
            var arrow = false
            for i in 0...bytes.count {
                if i == bytes.count || bytes[i] == 0x0A {
                    lines.append((String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self), scalars, arrow))
                    start = i + 1
                    scalars = 0
                    arrow = false
                } else {
                    let b = bytes[i]
                    if b & 0xC0 != 0x80 { scalars += 1 }
                    if b == 0x3E { arrow = true }
                }
            }
        }
        for (line, scalarCount, arrow) in lines {
            let lineOffset = offset
            offset += scalarCount + 1
            let trimmed = line.trimmingWhitespace()
            guard !trimmed.isEmpty else { continue }
            lineNumber += 1
            // Furniture lines are short or carry a breadcrumb arrow: only those are folded and checked.
            let short = trimmed.utf8.count < 160
            // (Searched as UTF-8 bytes: Character-wise search over Arabic took a tenth of extraction.)
            let folded = short || arrow || guillemet.occurs(in: trimmed) ? foldForMarkers(trimmed) : ""
            if short, endPatterns.contains(where: { $0.occurs(in: folded) }) { break }
            if !folded.isEmpty, furniturePatterns.contains(where: { $0.occurs(in: folded) }) { continue }
            let words = wordCount(trimmed, limit: 7)
            if lineNumber <= 8, dateline == nil, words <= 6 {
                let tokens = TextSplitter.tokenize(trimmed, vocabulary: vocabulary)
                if let day = DateParser.dateline(in: tokens) {
                    dateline = day
                    continue
                }
            }
            // Navigation words and section names: short lines with no sentence in them.
            if words <= 3, !trimmed.unicodeScalars.contains(where: { ".!?؟:".unicodeScalars.contains($0) }) { continue }
            // A headline repeated as the first line of the body.
            guard seen.insert(FastKey(folded.isEmpty ? trimmed : folded)).inserted else { continue }
            let leading = line.unicodeScalars.prefix { $0.properties.isWhitespace }.count
            paragraphs.append((trimmed, lineOffset + leading))
        }
        var title: String?
        if let first = paragraphs.first, first.text.count < 220, !first.text.hasSuffix(".") { title = first.text }
        return Result(paragraphs: paragraphs, title: title, dateline: dateline)
    }

    /// The number of whitespace-separated words in `line`, counted up to `limit`.
    static func wordCount(_ line: String, limit: Int) -> Int {
        var count = 0
        var inWord = false
        for scalar in line.unicodeScalars {
            let v = scalar.value
            // Arabic letters are never spaces: only other non-ASCII scalars need the property table.
            if v <= 0x20 || (v >= 0x80 && !(0x0600...0x06FF).contains(v) && scalar.properties.isWhitespace) {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
                if count >= limit { return count }
            }
        }
        return count
    }

    /// Lower case, no harakat or tatweel, one alef, ه for ة, ي for ى: enough to spot the markers.
    /// ASCII and Arabic are mapped byte by byte (Arabic letters are two bytes, D8 or D9 then one);
    /// only other scripts go through `lowercased()`.
    static func foldForMarkers(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var out = [UInt8]()
            out.reserveCapacity(bytes.count)
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b < 0x80 {
                    out.append(b >= 0x41 && b <= 0x5A ? b + 0x20 : b)
                    i += 1
                } else if (b == 0xD8 || b == 0xD9 || b == 0xDA || b == 0xDB), i + 1 < bytes.count {
                    let c = bytes[i + 1]
                    // Two appends, not `+= [b, c]`: an array literal is an allocation per letter.
                    switch (b, c) {
                    case (0xD9, 0x8B...0x9F), (0xD9, 0x80): break  // harakat (U+064B–065F), tatweel (U+0640)
                    case (0xD8, 0xA2), (0xD8, 0xA3), (0xD8, 0xA5):  // آ أ إ → ا
                        out.append(0xD8)
                        out.append(0xA7)
                    case (0xD8, 0xA9):  // ة → ه
                        out.append(0xD9)
                        out.append(0x87)
                    case (0xD9, 0x89):  // ى → ي
                        out.append(0xD9)
                        out.append(0x8A)
                    default:
                        out.append(b)
                        out.append(c)
                    }
                    i += 2
                } else {
                    // Another script: the whole scalar, lower-cased.
                    let width = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
                    let end = min(bytes.count, i + width)
                    out.append(contentsOf: String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<end]), as: UTF8.self).lowercased().utf8)
                    i = end
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}

/// A literal UTF-8 byte string to search for, without the Unicode equivalence (and its cost)
/// of `String.contains(_:)`. Boyer-Moore-Horspool: a first-byte scan would stop at every Arabic
/// letter (all begin with D8 or D9); this one mostly skips by the pattern's length.
struct BytePattern: Sendable {
    let bytes: [UInt8]
    private let skip: [Int]

    init(_ text: String) {
        bytes = Array(text.utf8)
        var skip = [Int](repeating: max(1, bytes.count), count: 256)
        for k in 0..<max(0, bytes.count - 1) { skip[Int(bytes[k])] = bytes.count - 1 - k }
        self.skip = skip
    }

    /// Whether the pattern occurs in `text`.
    func occurs(in text: String) -> Bool {
        let m = bytes.count
        guard m > 0 else { return true }
        var haystack = text
        return haystack.withUTF8 { h in
            guard h.count >= m else { return false }
            return bytes.withUnsafeBufferPointer { n in
                skip.withUnsafeBufferPointer { skip in
                    var i = 0
                    while i <= h.count - m {
                        var j = m - 1
                        while j >= 0, h[i + j] == n[j] { j -= 1 }
                        if j < 0 { return true }
                        i += skip[Int(h[i + m - 1])]
                    }
                    return false
                }
            }
        }
    }
}

extension String {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
