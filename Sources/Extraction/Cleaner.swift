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

    static func clean(_ text: String) -> Result {
        var paragraphs = [(text: String, offset: Int)]()
        var seen = Set<String>()
        var offset = 0
        var dateline: Day?
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(rawLine)
            let lineOffset = offset
            offset += line.unicodeScalars.count + 1
            let trimmed = line.trimmingWhitespace()
            guard !trimmed.isEmpty else { continue }
            lineNumber += 1
            // Furniture lines are short or carry a breadcrumb arrow: only those are folded and checked.
            let short = trimmed.utf8.count < 160
            let folded = short || trimmed.contains("»") || trimmed.contains(">") ? foldForMarkers(trimmed) : ""
            if short, endMarkers.contains(where: { folded.hasPrefix($0) || folded.contains($0) }) { break }
            if !folded.isEmpty, furnitureMarkers.contains(where: { folded.contains($0) }) { continue }
            let words = trimmed.split(whereSeparator: { $0.isWhitespace })
            if lineNumber <= 8, dateline == nil, words.count <= 6 {
                let tokens = TextSplitter.tokenize(Array(trimmed.unicodeScalars), from: 0, to: trimmed.unicodeScalars.count, base: 0)
                if let day = DateParser.dateline(in: tokens) {
                    dateline = day
                    continue
                }
            }
            // Navigation words and section names: short lines with no sentence in them.
            if words.count <= 3, !trimmed.contains(where: { ".!?؟:".contains($0) }) { continue }
            // A headline repeated as the first line of the body.
            guard seen.insert(folded.isEmpty ? trimmed : folded).inserted else { continue }
            let leading = line.unicodeScalars.prefix { $0.properties.isWhitespace }.count
            paragraphs.append((trimmed, lineOffset + leading))
        }
        var title: String?
        if let first = paragraphs.first, first.text.count < 220, !first.text.hasSuffix(".") { title = first.text }
        return Result(paragraphs: paragraphs, title: title, dateline: dateline)
    }

    static func foldForMarkers(_ text: String) -> String {
        var out = ""
        for scalar in text.lowercased().unicodeScalars {
            switch scalar.value {
            case 0x064B...0x065F, 0x0640: continue
            case 0x0622, 0x0623, 0x0625: out.unicodeScalars.append("ا")
            case 0x0629: out.unicodeScalars.append("ه")
            case 0x0649: out.unicodeScalars.append("ي")
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
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
