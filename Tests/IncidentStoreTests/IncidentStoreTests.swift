import Extraction
import Foundation
import Gazetteer
import IncidentGeodesy
import IncidentStore
import Testing

/// Extractions of the five seed articles, computed once.
enum Seeds {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let gazetteer: Gazetteer = {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("incidentmap-tests-\(getpid())")
        do {
            return try Gazetteer.load(from: repository.appendingPathComponent("gazetteer"), cacheDirectory: cache)
        } catch {
            fatalError("gazetteer does not load: \(error)")
        }
    }()

    static let extractions: [Extraction] = {
        let extractor = Extractor(gazetteer: gazetteer)
        let files = ArticleReader.files(in: [repository.appendingPathComponent("seeds").path])
        return files.compactMap { try? ArticleReader.read(path: $0) }.map {
            var article = $0
            // Seeds without a dateline: date them so relative dates resolve (test data only).
            if article.published == nil { article.published = Day(iso: "2022-01-24") }
            return extractor.extract(article)
        }
    }()

    static func temporaryDatabase() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("incidents-\(UUID().uuidString).sqlite").path
    }
}

@Suite("SQLite store")
struct IncidentStoreTests {
    @Test("Ingest is idempotent: the same articles twice change nothing")
    func idempotent() throws {
        let path = Seeds.temporaryDatabase()
        let store = try IncidentStore(path: path)
        for e in Seeds.extractions { #expect(try store.ingest(e).status == .added) }
        let before = try store.counts()
        for e in Seeds.extractions { #expect(try store.ingest(e).status == .unchanged) }
        #expect(try store.counts() == before)
        #expect(before.documents == 5)
        #expect(before.incidents > 20)
    }

    @Test("A changed article replaces its own incidents and keeps the others")
    func replace() throws {
        let store = try IncidentStore()
        for e in Seeds.extractions { _ = try store.ingest(e) }
        let before = try store.counts()
        var changed = try #require(Seeds.extractions.first)
        changed.article.text += "\nتحديث."
        let kept = changed.incidents.count
        changed.incidents = Array(changed.incidents.prefix(1))
        #expect(try store.ingest(changed).status == .replaced)
        let after = try store.counts()
        #expect(after.documents == before.documents)
        #expect(after.incidents <= before.incidents)
        #expect(kept > 1)
        let own = try store.list(IncidentFilter(limit: 10_000)).filter { $0.sources.contains { $0.document == changed.article.id } }
        #expect(own.count == 1)
    }

    @Test("Reports of one incident in two articles share one stored incident")
    func mergesAcrossDocuments() throws {
        let store = try IncidentStore()
        for e in Seeds.extractions { _ = try store.ingest(e) }
        let all = try store.list(IncidentFilter(limit: 10_000))
        #expect(all.contains { Set($0.sources.map(\.document)).count >= 2 })
    }

    @Test("near equals a brute-force geodesic scan, nearest first then newest")
    func nearMatchesScan() throws {
        let store = try IncidentStore()
        for e in Seeds.extractions { _ = try store.ingest(e) }
        let all = try store.list(IncidentFilter(limit: 10_000))
        let hasakah = try GeoCoordinate(latitude: 36.50448, longitude: 40.74354)
        for radius in [1_000.0, 5_000, 50_000, 300_000] {
            let near = try store.near(hasakah, radiusMeters: radius, filter: IncidentFilter(limit: 10_000))
            let scan = all.filter { Geodesic.distanceMeters(from: hasakah, to: $0.coordinate) <= radius }
            #expect(Set(near.map(\.incident.id)) == Set(scan.map(\.id)))
            #expect(zip(near, near.dropFirst()).allSatisfy { $0.distanceMeters <= $1.distanceMeters })
        }
        let january = try store.near(
            hasakah, radiusMeters: 50_000,
            filter: IncidentFilter(from: Day(iso: "2022-01-20"), to: Day(iso: "2022-01-31"), types: [.attack], limit: 100))
        #expect(!january.isEmpty)
        #expect(january.allSatisfy { $0.incident.type == .attack })
        #expect(january.allSatisfy { $0.incident.date.map { $0.last >= Day(iso: "2022-01-20")! && $0.start <= Day(iso: "2022-01-31")! } ?? false })
        #expect(january.allSatisfy { !$0.incident.sources.isEmpty })
    }

    @Test("Ids are stable across runs: a fresh database gets the same ids")
    func stableIDs() throws {
        let a = try IncidentStore()
        let b = try IncidentStore(path: Seeds.temporaryDatabase())
        for e in Seeds.extractions {
            _ = try a.ingest(e)
            _ = try b.ingest(e)
        }
        #expect(Set(try a.list(IncidentFilter(limit: 10_000)).map(\.id)) == Set(try b.list(IncidentFilter(limit: 10_000)).map(\.id)))
    }

    @Test("Bad queries are refused with a clear error")
    func badQueries() throws {
        let store = try IncidentStore()
        let c = try GeoCoordinate(latitude: 36, longitude: 40)
        #expect(throws: StoreError.self) {
            try store.near(c, radiusMeters: 1000, filter: IncidentFilter(from: Day(iso: "2022-02-01"), to: Day(iso: "2022-01-01")))
        }
        #expect(throws: StoreError.self) { try store.near(c, radiusMeters: -5) }
        #expect(throws: StoreError.notFound(id: "nope")) { try store.incident(id: "nope") }
        #expect(throws: StoreError.self) { try IncidentStore(path: "/nonexistent-dir/x/y.sqlite") }
    }

    @Test("show returns every source sentence of an incident")
    func show() throws {
        let store = try IncidentStore()
        for e in Seeds.extractions { _ = try store.ingest(e) }
        let first = try #require(try store.list(IncidentFilter(limit: 1)).first)
        let shown = try store.incident(id: first.id)
        #expect(!shown.sources.isEmpty)
        #expect(shown.sources.allSatisfy { !$0.sentence.isEmpty })
    }
}
