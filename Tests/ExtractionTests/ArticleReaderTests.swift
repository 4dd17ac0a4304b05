import Foundation
import Testing

@testable import Extraction

@Suite("Reading article files and bad input")
struct ArticleReaderTests {
    @Test("Empty, binary, invalid UTF-8 and oversized files each give an error naming the file")
    func badFiles() throws {
        let dir = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let empty = dir.appendingPathComponent("empty.txt")
        let blank = dir.appendingPathComponent("blank.txt")
        let binary = dir.appendingPathComponent("binary.txt")
        let latin1 = dir.appendingPathComponent("latin1.txt")
        let huge = dir.appendingPathComponent("huge.txt")
        try Data().write(to: empty)
        try Data("   \n\n  ".utf8).write(to: blank)
        try Data([0x7F, 0x45, 0x4C, 0x46, 0, 0, 1, 2, 3]).write(to: binary)
        try Data([0x48, 0x61, 0xE9, 0x6B]).write(to: latin1)
        try Data(repeating: 0x61, count: 6 * 1_048_576).write(to: huge)
        #expect(throws: ArticleError.empty(path: empty.path)) { try ArticleReader.read(path: empty.path) }
        #expect(throws: ArticleError.empty(path: blank.path)) { try ArticleReader.read(path: blank.path) }
        #expect(throws: ArticleError.binary(path: binary.path)) { try ArticleReader.read(path: binary.path) }
        #expect(throws: ArticleError.invalidUTF8(path: latin1.path, byteOffset: 2)) { try ArticleReader.read(path: latin1.path) }
        #expect {
            try ArticleReader.read(path: huge.path)
        } throws: { error in
            guard case .tooLarge(let path, _, _) = error as? ArticleError else { return false }
            return path == huge.path && "\(error)".contains("huge.txt")
        }
        #expect(throws: ArticleError.self) { try ArticleReader.read(path: dir.appendingPathComponent("missing.txt").path) }
    }

    @Test("HTML is stripped to text, entities decoded, scripts dropped")
    func html() throws {
        let dir = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let page = dir.appendingPathComponent("page.html")
        try """
            <!DOCTYPE html><html><head><script>var x = "الرقة";</script><style>p{}</style></head>
            <body><nav>الرئيسية</nav><p>هاجم تنظيم داعش سجن الشدادي &amp; محيطه.</p><p>اشتباكات في الحسكة&nbsp;اليوم.</p></body></html>
            """.write(to: page, atomically: true, encoding: .utf8)
        let article = try ArticleReader.read(path: page.path)
        #expect(article.text.contains("سجن الشدادي & محيطه"))
        #expect(!article.text.contains("<p>"))
        #expect(!article.text.contains("var x"))
    }

    @Test("A sidecar gives the publication date, source and language; a bad one is reported")
    func sidecar() throws {
        let dir = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = dir.appendingPathComponent("a.txt")
        try "هاجم تنظيم داعش سجن الشدادي أمس.".write(to: text, atomically: true, encoding: .utf8)
        try #"{"published": "2026-01-19", "source": "Enab Baladi", "url": "https://example.org/a", "lang": "ar"}"#
            .write(to: dir.appendingPathComponent("a.meta.json"), atomically: true, encoding: .utf8)
        let article = try ArticleReader.read(path: text.path)
        #expect(article.published?.description == "2026-01-19")
        #expect(article.outlet == "Enab Baladi")
        let bad = dir.appendingPathComponent("b.txt")
        try "نص".write(to: bad, atomically: true, encoding: .utf8)
        try #"{"published": "yesterday"}"#.write(to: dir.appendingPathComponent("b.meta.json"), atomically: true, encoding: .utf8)
        #expect(throws: ArticleError.self) { try ArticleReader.read(path: bad.path) }
    }

    @Test("Folders are walked for article files; sidecars and hidden files are skipped")
    func folders() throws {
        let dir = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
        for name in ["a.txt", "sub/b.md", "c.html", ".hidden.txt", "a.meta.json", "image.png"] {
            try "x".write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let files = ArticleReader.files(in: [dir.path]).map { ($0 as NSString).lastPathComponent }
        #expect(files.sorted() == ["a.txt", "b.md", "c.html"])
    }
}
