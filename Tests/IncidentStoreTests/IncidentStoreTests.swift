import Extraction
import Foundation
import Gazetteer
import IncidentGeodesy
import IncidentPostGIS
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

/// The backends every store test runs against: SQLite always, PostGIS when `make test`
/// (scripts/with-postgis.sh) has started a throwaway cluster and named it in
/// `INCIDENTS_TEST_POSTGRES`.
enum Backend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgis

    var testDescription: String { rawValue }

    /// The server URL of the test cluster (its `incidents_template` database has PostGIS).
    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["INCIDENTS_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    }

    static var available: [Backend] { postgresURL == nil ? [.sqlite] : [.sqlite, .postgis] }

    /// Runs `body` with a new, empty store of this backend.
    func withEmptyStore<R: Sendable>(_ body: (any IncidentStoring) async throws -> R) async throws -> R {
        switch self {
        case .sqlite:
            let path = Seeds.temporaryDatabase()
            defer {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            }
            return try await body(try IncidentStore(path: path))
        case .postgis:
            let url = try #require(Self.postgresURL)
            let database = try PostGISFixture.createDatabase()
            defer { PostGISFixture.dropDatabase(database) }
            return try await PostGISStore.withStore(PostGISFixture.url(database: database, base: url)) { try await body($0) }
        }
    }
}

/// A fresh database per test, copied from the cluster's template (which already has PostGIS),
/// so tests run in parallel without seeing each other's rows.
enum PostGISFixture {
    static func url(database: String, base: String) -> String {
        var parts = URLComponents(string: base)!
        parts.path = "/" + database
        return parts.string!
    }

    static func psql(_ sql: String) throws {
        let base = try #require(Backend.postgresURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", url(database: "postgres", base: base), "-c", sql]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "psql failed: \(sql)")
    }

    static func createDatabase() throws -> String {
        let name = "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try psql("CREATE DATABASE \(name) TEMPLATE incidents_template")
        return name
    }

    static func dropDatabase(_ name: String) {
        try? psql("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }
}

@Suite("Store (SQLite and PostGIS)")
struct IncidentStoreTests {
    @Test("Ingest is idempotent: the same articles twice change nothing", arguments: Backend.available)
    func idempotent(_ backend: Backend) async throws {
        try await backend.withEmptyStore { store in
            for e in Seeds.extractions { #expect(try await store.ingest(e).status == .added) }
            let before = try await store.counts()
            for e in Seeds.extractions { #expect(try await store.ingest(e).status == .unchanged) }
            #expect(try await store.counts() == before)
            #expect(before.documents == 5)
            #expect(before.incidents > 20)
        }
    }

    @Test("A changed article replaces its own incidents and keeps the others", arguments: Backend.available)
    func replace(_ backend: Backend) async throws {
        try await backend.withEmptyStore { store in
            for e in Seeds.extractions { _ = try await store.ingest(e) }
            let before = try await store.counts()
            var changed = try #require(Seeds.extractions.first)
            changed.article.text += "\nتحديث."
            let kept = changed.incidents.count
            changed.incidents = Array(changed.incidents.prefix(1))
            #expect(try await store.ingest(changed).status == .replaced)
            let after = try await store.counts()
            #expect(after.documents == before.documents)
            #expect(after.incidents <= before.incidents)
            #expect(kept > 1)
            let own = try await store.list(IncidentFilter(limit: 10_000)).filter { $0.sources.contains { $0.document == changed.article.id } }
            #expect(own.count == 1)
        }
    }

    @Test("Reports of one incident in two articles share one stored incident", arguments: Backend.available)
    func mergesAcrossDocuments(_ backend: Backend) async throws {
        try await backend.withEmptyStore { store in
            for e in Seeds.extractions { _ = try await store.ingest(e) }
            let all = try await store.list(IncidentFilter(limit: 10_000))
            #expect(all.contains { Set($0.sources.map(\.document)).count >= 2 })
        }
    }

    @Test("near equals a brute-force geodesic scan, nearest first then newest", arguments: Backend.available)
    func nearMatchesScan(_ backend: Backend) async throws {
        try await backend.withEmptyStore { store in
            for e in Seeds.extractions { _ = try await store.ingest(e) }
            let all = try await store.list(IncidentFilter(limit: 10_000))
            let hasakah = try GeoCoordinate(latitude: 36.50448, longitude: 40.74354)
            for radius in [1_000.0, 5_000, 50_000, 300_000] {
                let near = try await store.near(hasakah, radiusMeters: radius, filter: IncidentFilter(limit: 10_000))
                let scan = all.filter { Geodesic.distanceMeters(from: hasakah, to: $0.coordinate) <= radius }
                #expect(Set(near.map(\.incident.id)) == Set(scan.map(\.id)))
                #expect(zip(near, near.dropFirst()).allSatisfy { $0.distanceMeters <= $1.distanceMeters })
                for n in near {
                    #expect(abs(n.distanceMeters - Geodesic.distanceMeters(from: hasakah, to: n.incident.coordinate)) < 0.01)
                }
            }
            let january = try await store.near(
                hasakah, radiusMeters: 50_000,
                filter: IncidentFilter(from: Day(iso: "2022-01-20"), to: Day(iso: "2022-01-31"), types: [.attack], limit: 100))
            #expect(!january.isEmpty)
            #expect(january.allSatisfy { $0.incident.type == .attack })
            #expect(january.allSatisfy { $0.incident.date.map { $0.last >= Day(iso: "2022-01-20")! && $0.start <= Day(iso: "2022-01-31")! } ?? false })
            #expect(january.allSatisfy { !$0.incident.sources.isEmpty })
            let sdf = try await store.list(IncidentFilter(actor: .sdf, limit: 10_000))
            #expect(!sdf.isEmpty)
            #expect(sdf.allSatisfy { $0.actors.contains(.sdf) })
        }
    }

    @Test("Ids are stable across runs: a fresh database gets the same ids", arguments: Backend.available)
    func stableIDs(_ backend: Backend) async throws {
        let reference = try IncidentStore()
        for e in Seeds.extractions { _ = try reference.ingest(e) }
        let expected = Set(try reference.list(IncidentFilter(limit: 10_000)).map(\.id))
        try await backend.withEmptyStore { store in
            for e in Seeds.extractions { _ = try await store.ingest(e) }
            #expect(Set(try await store.list(IncidentFilter(limit: 10_000)).map(\.id)) == expected)
        }
    }

    @Test("Both backends give the same answers to the same queries")
    func backendsAgree() async throws {
        try #require(Backend.available.contains(.postgis), "PostGIS comparison needs INCIDENTS_TEST_POSTGRES (make test sets it)")
        let sqlite = try IncidentStore()
        for e in Seeds.extractions { _ = try sqlite.ingest(e) }
        try await Backend.postgis.withEmptyStore { postgis in
            for e in Seeds.extractions { _ = try await postgis.ingest(e) }
            #expect(try await postgis.counts() == (try sqlite.counts()))
            #expect(try await postgis.list(IncidentFilter(limit: 10_000)) == (try sqlite.list(IncidentFilter(limit: 10_000))))
            let prison = Seeds.gazetteer.place(id: "curated:prison-ghuwayran")
            let ghuwayran = try #require(prison?.coordinate)
            let filter = IncidentFilter(from: Day(iso: "2022-01-19"), to: Day(iso: "2022-02-01"), limit: 100)
            let a = try await postgis.near(ghuwayran, radiusMeters: 3_000, filter: filter)
            let b = try sqlite.near(ghuwayran, radiusMeters: 3_000, filter: filter)
            #expect(!a.isEmpty)
            #expect(a.map(\.incident) == b.map(\.incident))
            #expect(zip(a, b).allSatisfy { abs($0.distanceMeters - $1.distanceMeters) < 0.01 })
        }
    }

    @Test("Bad queries are refused with a clear error", arguments: Backend.available)
    func badQueries(_ backend: Backend) async throws {
        try await backend.withEmptyStore { store in
            let c = try GeoCoordinate(latitude: 36, longitude: 40)
            await #expect(throws: StoreError.self) {
                try await store.near(c, radiusMeters: 1000, filter: IncidentFilter(from: Day(iso: "2022-02-01"), to: Day(iso: "2022-01-01")))
            }
            await #expect(throws: StoreError.self) { try await store.near(c, radiusMeters: -5, filter: IncidentFilter()) }
            await #expect(throws: StoreError.notFound(id: "nope")) { try await store.incident(id: "nope") }
        }
    }

    @Test("An unreachable database is one clear error naming it")
    func unreachable() async throws {
        #expect(throws: StoreError.self) { try IncidentStore(path: "/nonexistent-dir/x/y.sqlite") }
        // Port 1 on loopback: nothing listens there.
        let error = await #expect(throws: StoreError.self) {
            try await PostGISStore.withStore("postgres://someone:secret@127.0.0.1:1/incidents", connectSeconds: 5) { _ in 0 }
        }
        let text = error.map { "\($0)" } ?? ""
        #expect(text.contains("postgres://someone@127.0.0.1:1/incidents"))
        #expect(!text.contains("secret"))
        #expect(throws: StoreError.self) { try PostGISLocation(url: "postgres://x@host:99999/db") }
        #expect(throws: StoreError.self) { try PostGISLocation(url: "postgres://x@host/db?sslmode=sometimes") }
    }

    @Test("show returns every source sentence of an incident", arguments: Backend.available)
    func show(_ backend: Backend) async throws {
        try await backend.withEmptyStore { store in
            for e in Seeds.extractions { _ = try await store.ingest(e) }
            let first = try #require(try await store.list(IncidentFilter(limit: 1)).first)
            let shown = try await store.incident(id: first.id)
            #expect(!shown.sources.isEmpty)
            #expect(shown.sources.allSatisfy { !$0.sentence.isEmpty })
            #expect(shown == first)
        }
    }

    @Test("A village the gazetteer lacks is stored under its own name, at its anchor, marked as near it", arguments: Backend.available)
    func unlocatedPlaces(_ backend: Backend) async throws {
        let extractor = Extractor(gazetteer: Seeds.gazetteer)
        let article = Article(
            id: "unlocated-test", source: "unlocated-test.txt", text: "قصفت القوات التركية يوم الثلاثاء 4 تشرين الأول 2022 قريتي الدردارة وعبوش شمال تل تمر.",
            published: Day(iso: "2022-10-05"))
        let extraction = extractor.extract(article)
        try await backend.withEmptyStore { store in
            _ = try await store.ingest(extraction)
            let tellTamer = try #require(Seeds.gazetteer.place(id: "curated:town-tell-tamer"))
            let near = try await store.near(tellTamer.coordinate, radiusMeters: 1_000, filter: IncidentFilter(limit: 100))
            let abbush = try #require(near.first { $0.incident.placeName == "عبوش" }, "\(near.map(\.incident.placeName))")
            #expect(abbush.incident.placeID.hasPrefix("unlocated:"))
            #expect(abbush.incident.geoPrecision == 2)
            #expect(abbush.incident.placeUncertaintyKilometers >= 10)
            // Its neighbour, which the gazetteer has, is a separate incident at precision 1.
            #expect(near.contains { $0.incident.placeName == "al-Dardara" && $0.incident.geoPrecision == 1 })
        }
    }
}
