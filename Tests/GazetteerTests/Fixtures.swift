import Foundation
import Gazetteer

/// Paths and shared data for the gazetteer tests: the real gazetteer, loaded once.
enum Fixtures {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let gazetteerDirectory = repository.appendingPathComponent("gazetteer")
    static let gold = repository.appendingPathComponent("Tests/Fixtures/gold/seeds.jsonl")

    /// A cache folder of the test run's own, so tests never read a stale user cache.
    static let cacheDirectory: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("incidentmap-tests-\(getpid())")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    static let gazetteer: Gazetteer = {
        do {
            return try Gazetteer.load(from: gazetteerDirectory, cacheDirectory: cacheDirectory)
        } catch {
            fatalError("the gazetteer in \(gazetteerDirectory.path) does not load: \(error)")
        }
    }()
}
