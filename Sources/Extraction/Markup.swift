import Foundation

/// Turns HTML and Markdown into plain text, keeping paragraph breaks.
enum Markup {
    static func looksLikeHTML(_ text: String) -> Bool {
        let head = text.prefix(512).lowercased()
        return head.contains("<!doctype html") || head.contains("<html") || head.contains("<body")
            || (head.contains("<p>") && head.contains("</p>"))
    }

    static func stripHTML(_ html: String) -> String {
        var text = html
        for block in ["script", "style", "noscript", "nav", "footer", "header", "aside", "form"] {
            text = text.replacingOccurrences(
                of: "<\(block)\\b[^>]*>.*?</\(block)>", with: "\n", options: [.regularExpression, .caseInsensitive])
        }
        text = text.replacingOccurrences(of: "<!--.*?-->", with: "", options: .regularExpression)
        text = text.replacingOccurrences(
            of: "<(br|/p|/div|/h[1-6]|/li|/tr|/article|/section)\\b[^>]*>", with: "\n",
            options: [.regularExpression, .caseInsensitive])
        text = text.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
        return decodeEntities(text)
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = text
        let named = ["&nbsp;": " ", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'", "&apos;": "'", "&laquo;": "«", "&raquo;": "»", "&hellip;": "…", "&ndash;": "–", "&mdash;": "—"]
        for (entity, value) in named { out = out.replacingOccurrences(of: entity, with: value) }
        if let regex = try? NSRegularExpression(pattern: "&#(x?)([0-9a-fA-F]+);") {
            let ns = out as NSString
            var result = ""
            var last = 0
            for match in regex.matches(in: out, range: NSRange(location: 0, length: ns.length)) {
                result += ns.substring(with: NSRange(location: last, length: match.range.location - last))
                let hex = ns.substring(with: match.range(at: 1)) == "x"
                let digits = ns.substring(with: match.range(at: 2))
                if let value = UInt32(digits, radix: hex ? 16 : 10), let scalar = Unicode.Scalar(value) {
                    result.unicodeScalars.append(scalar)
                }
                last = match.range.location + match.range.length
            }
            result += ns.substring(from: last)
            out = result
        }
        return out.replacingOccurrences(of: "&amp;", with: "&")
    }

    static func stripMarkdown(_ text: String) -> String {
        var out = text
        out = out.replacingOccurrences(of: "!\\[[^\\]]*\\]\\([^)]*\\)", with: "", options: .regularExpression)
        out = out.replacingOccurrences(of: "\\[([^\\]]*)\\]\\([^)]*\\)", with: "$1", options: .regularExpression)
        out = out.replacingOccurrences(of: "(?m)^\\s{0,3}#{1,6}\\s*", with: "", options: .regularExpression)
        out = out.replacingOccurrences(of: "(?m)^\\s{0,3}>\\s?", with: "", options: .regularExpression)
        out = out.replacingOccurrences(of: "(\\*\\*|__|\\*|`)", with: "", options: .regularExpression)
        return out
    }
}
