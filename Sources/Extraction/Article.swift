public import Foundation

/// A news article as read from a file: the text every span refers to, and what is known of it.
public struct Article: Sendable, Hashable {
    /// Stable id of the document: its file name without extension, or given.
    public var id: String
    /// Where it came from: a path or a URL.
    public var source: String
    /// The text after markup was stripped; spans count Unicode scalars from its start.
    public var text: String
    /// The publication date, from metadata or the text's own dateline.
    public var published: Day?
    /// `ar` or `en`, from metadata or the script the text is written in.
    public var language: String
    public var url: String?
    /// The outlet, from metadata.
    public var outlet: String?

    /// An article from text already in memory.
    public init(id: String, source: String, text: String, published: Day? = nil, language: String? = nil, url: String? = nil, outlet: String? = nil) {
        self.id = id
        self.source = source
        self.text = text
        self.published = published
        self.language = language ?? Article.detectLanguage(text)
        self.url = url
        self.outlet = outlet
    }

    /// A 64-bit FNV-1a hash of the text and metadata, hex: unchanged articles are skipped on re-ingest.
    public var contentHash: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in (text + "\u{1F}" + (published?.description ?? "") + "\u{1F}" + language).utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return String(format: "%016llx", hash)
    }

    static func detectLanguage(_ text: String) -> String {
        var arabic = 0
        var latin = 0
        for scalar in text.unicodeScalars.prefix(5_000) {
            if (0x0600...0x06FF).contains(scalar.value) || (0xFB50...0xFEFF).contains(scalar.value) { arabic += 1 } else if scalar.properties.isAlphabetic, scalar.isASCII { latin += 1 }
        }
        return arabic >= latin ? "ar" : "en"
    }
}

/// Why an input file could not become an article; each names the file.
public enum ArticleError: Error, Hashable, Sendable {
    case unreadable(path: String, reason: String)
    case empty(path: String)
    case binary(path: String)
    case invalidUTF8(path: String, byteOffset: Int)
    case tooLarge(path: String, bytes: Int, limit: Int)
    case badMetadata(path: String, reason: String)
}

extension ArticleError: CustomStringConvertible {
    /// One line naming the file and the reason.
    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "\(path): cannot read: \(reason)"
        case .empty(let path): "\(path): empty (no text)"
        case .binary(let path): "\(path): binary data, not an article"
        case .invalidUTF8(let path, let offset): "\(path): not valid UTF-8 (first bad byte at offset \(offset))"
        case .tooLarge(let path, let bytes, let limit):
            "\(path): too large for an article (\(bytes / 1_048_576) MB; the limit is \(limit / 1_048_576) MB)"
        case .badMetadata(let path, let reason): "\(path): bad metadata: \(reason)"
        }
    }
}

/// Reads article files: plain text, Markdown or HTML, with an optional `NAME.meta.json` sidecar
/// giving `published`, `source`, `url` and `lang`.
public enum ArticleReader {
    /// Files larger than this are refused: a news article is tens of kilobytes.
    public static let defaultSizeLimit = 5 * 1_048_576

    /// The article files under `paths` (files as given; folders walked recursively, sorted),
    /// skipping sidecars and hidden files.
    public static func files(in paths: [String]) -> [String] {
        var result = [String]()
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                result.append(path)  // reported as unreadable when read
                continue
            }
            if !isDirectory.boolValue {
                result.append(path)
                continue
            }
            guard let walker = fm.enumerator(atPath: path) else { continue }
            var found = [String]()
            while let relative = walker.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix(".") || name.hasSuffix(".meta.json") { continue }
                let ext = (name as NSString).pathExtension.lowercased()
                guard ["txt", "md", "markdown", "html", "htm", ""].contains(ext) else { continue }
                let full = (path as NSString).appendingPathComponent(relative)
                var dir: ObjCBool = false
                if fm.fileExists(atPath: full, isDirectory: &dir), !dir.boolValue { found.append(full) }
            }
            result += found.sorted()
        }
        return result
    }

    /// Reads one file into an article, or throws an ``ArticleError`` naming it.
    public static func read(path: String, sizeLimit: Int = defaultSizeLimit) throws(ArticleError) -> Article {
        let fm = FileManager.default
        guard let attributes = try? fm.attributesOfItem(atPath: path) else {
            throw .unreadable(path: path, reason: "no such file")
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        guard size <= sizeLimit else { throw .tooLarge(path: path, bytes: size, limit: sizeLimit) }
        guard let data = fm.contents(atPath: path) else { throw .unreadable(path: path, reason: "permission denied") }
        let text = try decode(data, path: path)
        let name = (path as NSString).lastPathComponent
        let ext = (name as NSString).pathExtension.lowercased()
        var body = text
        if ext == "html" || ext == "htm" || Markup.looksLikeHTML(text) {
            body = Markup.stripHTML(text)
        } else if ext == "md" || ext == "markdown" {
            body = Markup.stripMarkdown(text)
        }
        guard body.contains(where: { $0.isLetter }) else { throw .empty(path: path) }
        var article = Article(id: (name as NSString).deletingPathExtension, source: path, text: body)
        try applySidecar(to: &article, path: path)
        return article
    }

    /// UTF-8 text, or the reason it is not text.
    static func decode(_ data: Data, path: String) throws(ArticleError) -> String {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard bytes.contains(where: { $0 > 0x20 }) else { throw .empty(path: path) }
        let controls = bytes.prefix(4096).filter { $0 < 0x09 || ($0 > 0x0D && $0 < 0x20) }.count
        if bytes.contains(0) || controls > 8 { throw .binary(path: path) }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        throw .invalidUTF8(path: path, byteOffset: firstInvalidUTF8(bytes))
    }

    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length = b < 0x80 ? 1 : b >> 5 == 0b110 ? 2 : b >> 4 == 0b1110 ? 3 : b >> 3 == 0b11110 ? 4 : 0
            if length == 0 || i + length > bytes.count { return i }
            if String(validating: bytes[i..<(i + length)], as: UTF8.self) == nil { return i }
            i += length
        }
        return i
    }

    static func applySidecar(to article: inout Article, path: String) throws(ArticleError) {
        let sidecar = ((path as NSString).deletingPathExtension) + ".meta.json"
        guard let data = FileManager.default.contents(atPath: sidecar) else { return }
        struct Meta: Decodable {
            var published: String?
            var source: String?
            var url: String?
            var lang: String?
        }
        let meta: Meta
        do {
            meta = try JSONDecoder().decode(Meta.self, from: data)
        } catch {
            throw .badMetadata(path: sidecar, reason: "not a JSON object with published, source, url, lang")
        }
        if let published = meta.published {
            guard let day = Day(iso: String(published.prefix(10))) else {
                throw .badMetadata(path: sidecar, reason: "published \"\(published.prefix(40))\" is not YYYY-MM-DD")
            }
            article.published = day
        }
        if let lang = meta.lang { article.language = lang }
        article.url = meta.url
        article.outlet = meta.source
    }
}
