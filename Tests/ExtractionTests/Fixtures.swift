@testable import Extraction
import Foundation
import Gazetteer

/// The real gazetteer and the seed articles, loaded once for the extraction tests.
enum Fixtures {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let seeds = repository.appendingPathComponent("seeds")
    static let gold = repository.appendingPathComponent("Tests/Fixtures/gold/seeds.jsonl")

    static let extractor: Extractor = {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("incidentmap-tests-\(getpid())")
        do {
            return Extractor(gazetteer: try Gazetteer.load(from: repository.appendingPathComponent("gazetteer"), cacheDirectory: cache))
        } catch {
            fatalError("gazetteer does not load: \(error)")
        }
    }()

    /// Tokens of one sentence of text.
    static func tokens(_ text: String) -> [Token] {
        TextSplitter.tokenize(text, vocabulary: Vocabulary())
    }

    static func day(_ text: String) -> Day { Day(iso: text)! }

    /// A scratch folder removed by the caller.
    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("incidentmap-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
