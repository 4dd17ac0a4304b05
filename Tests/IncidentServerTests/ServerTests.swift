import Extraction
import Foundation
import Gazetteer
import Hummingbird
import HummingbirdTesting
import IncidentControl
import IncidentServer
import IncidentStore
import Testing

enum ServerFixtures {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let data: ServerData = {
        do {
            let folder = repository.appendingPathComponent("gazetteer")
            let cache = FileManager.default.temporaryDirectory.appendingPathComponent("incidentmap-tests-\(getpid())")
            let gazetteer = try Gazetteer.load(from: folder, cacheDirectory: cache)
            let store = try IncidentStore()
            let extractor = Extractor(gazetteer: gazetteer)
            for path in ArticleReader.files(in: [repository.appendingPathComponent("seeds").path]) {
                var article = try ArticleReader.read(path: path)
                // Seeds without a dateline: date them so every incident has a day (test data only).
                if article.published == nil { article.published = Day(iso: "2022-01-24") }
                _ = try store.ingest(extractor.extract(article))
            }
            let borders = folder.appendingPathComponent("borders.geojson").path
            let baseline = try ControlPeriod.loadBaseline(path: folder.appendingPathComponent("control_baseline.tsv").path, gazetteer: gazetteer)
            return ServerData(
                store: store, gazetteer: gazetteer, control: ControlTimeline(baseline),
                border: try ControlZones.border(iso: "SY", from: borders), outlines: [("SY", try ControlZones.border(iso: "SY", from: borders))])
        } catch {
            fatalError("server fixture: \(error)")
        }
    }()

    /// Runs a program and returns its standard output, waiting on a Dispatch thread: blocking a
    /// Swift concurrency thread would starve the in-process server the program talks to.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) async throws -> (status: Int32, output: String) {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: executable)
                process.arguments = arguments
                if let environment { process.environment = environment }
                let pipe = Pipe()
                process.standardOutput = pipe
                process.standardError = Pipe()
                do {
                    try process.run()
                    let data = pipe.fileHandleForReading.readDataToEndOfFile()
                    process.waitUntilExit()
                    continuation.resume(returning: (process.terminationStatus, String(decoding: data, as: UTF8.self)))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    static func json(_ buffer: ByteBuffer) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer.readableBytesView)) as? [String: Any])
    }
}

@Suite("OGC API - Features server", .serialized)
struct ServerTests {
    let app = Application(router: IncidentServer.router(data: ServerFixtures.data))

    @Test("Landing page, conformance, collections and the OpenAPI document")
    func discovery() async throws {
        try await app.test(.router) { client in
            let landing = try await client.execute(uri: "/", method: .get)
            let links = try #require(try ServerFixtures.json(landing.body)["links"] as? [[String: Any]])
            #expect(Set(links.compactMap { $0["rel"] as? String }).isSuperset(of: ["self", "service-desc", "conformance", "data"]))
            let conformance = try await client.execute(uri: "/conformance", method: .get)
            #expect((try ServerFixtures.json(conformance.body)["conformsTo"] as? [String])?.count == 3)
            let collections = try await client.execute(uri: "/collections", method: .get)
            let list = try #require(try ServerFixtures.json(collections.body)["collections"] as? [[String: Any]])
            #expect(list.compactMap { $0["id"] as? String } == ["incidents", "places", "control"])
            let openapi = try await client.execute(uri: "/openapi", method: .get)
            #expect(try ServerFixtures.json(openapi.body)["openapi"] as? String == "3.0.3")
            let html = try await client.execute(uri: "/", method: .get, headers: [.accept: "text/html"])
            #expect(String(buffer: html.body).contains("<svg"))
        }
    }

    @Test("Items: exact numberMatched/numberReturned, next links that page through everything, bbox and datetime")
    func items() async throws {
        let total = try ServerFixtures.data.store.counts().incidents
        try await app.test(.router) { client in
            var seen = Set<String>()
            var uri: String? = "/collections/incidents/items?limit=7"
            while let next = uri {
                let page = try await client.execute(uri: next, method: .get)
                #expect(page.headers[.contentType] == "application/geo+json")
                let object = try ServerFixtures.json(page.body)
                #expect(object["numberMatched"] as? Int == total)
                let features = try #require(object["features"] as? [[String: Any]])
                #expect(object["numberReturned"] as? Int == features.count)
                for f in features { seen.insert(try #require(f["id"] as? String)) }
                let links = (object["links"] as? [[String: Any]]) ?? []
                uri = links.first { $0["rel"] as? String == "next" }.flatMap { $0["href"] as? String }.map {
                    String($0.drop(while: { $0 != "/" }).dropFirst(2).drop(while: { $0 != "/" }))
                }
            }
            #expect(seen.count == total)
            let box = try await client.execute(uri: "/collections/incidents/items?bbox=40.5,36.3,41.0,36.7&limit=1000", method: .get)
            let inBox = try #require(try ServerFixtures.json(box.body)["features"] as? [[String: Any]])
            #expect(!inBox.isEmpty && inBox.count < total)
            for f in inBox {
                let c = try #require((f["geometry"] as? [String: Any])?["coordinates"] as? [Double])
                #expect((40.5...41.0).contains(c[0]) && (36.3...36.7).contains(c[1]))
            }
            let january = try await client.execute(uri: "/collections/incidents/items?datetime=2022-01-20/2022-01-31", method: .get)
            let inJanuary = try #require(try ServerFixtures.json(january.body)["features"] as? [[String: Any]])
            #expect(!inJanuary.isEmpty)
            let open = try await client.execute(uri: "/collections/incidents/items?datetime=../2022-01-31", method: .get)
            #expect(open.status == .ok)
            let first = try #require(inJanuary.first?["id"] as? String)
            let one = try await client.execute(uri: "/collections/incidents/items/\(first)", method: .get)
            #expect(try ServerFixtures.json(one.body)["id"] as? String == first)
        }
    }

    @Test(
        "Bad requests get the right 4xx with a JSON body naming the parameter, and the server keeps serving",
        arguments: [
            ("/collections/incidents/items?bbox=abc", 400, "bbox"), ("/collections/incidents/items?datetime=2022-13-01", 400, "datetime"),
            ("/collections/incidents/items?limit=-1", 400, "limit"), ("/collections/incidents/items?limit=10000000", 400, "limit"),
            ("/collections/incidents/items?colour=red", 400, "colour"), ("/collections/roads", 404, ""),
            ("/collections/incidents/items/nope", 404, ""), ("/near?place=Xyzzyqwv", 404, "place"), ("/near?place=91,0", 400, "place"),
            ("/resolve", 400, "name"),
        ])
    func badRequests(_ case_: (String, Int, String)) async throws {
        try await app.test(.router) { client in
            let response = try await client.execute(uri: case_.0, method: .get)
            #expect(Int(response.status.code) == case_.1)
            let body = try ServerFixtures.json(response.body)
            if !case_.2.isEmpty { #expect(body["parameter"] as? String == case_.2) }
            #expect(body["description"] is String)
            let after = try await client.execute(uri: "/conformance", method: .get)
            #expect(after.status == .ok)
        }
    }

    @Test("A 10 MB query string is refused without harm")
    func hugeQuery() async throws {
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/collections/incidents/items?bbox=" + String(repeating: "1", count: 10_000_000), method: .get)
            #expect((400..<500).contains(Int(response.status.code)))
        }
    }

    @Test("/near and /resolve answer with the library's results")
    func nearAndResolve() async throws {
        try await app.test(.router) { client in
            let near = try await client.execute(uri: "/near?place=Ghuwayran%20prison&within=5km", method: .get)
            let features = try #require(try ServerFixtures.json(near.body)["features"] as? [[String: Any]])
            #expect(!features.isEmpty)
            #expect(features.allSatisfy { ($0["distance_m"] as? Int ?? 99_999) <= 5_000 })
            let resolve = try await client.execute(uri: "/resolve?name=%D8%A7%D9%84%D8%B4%D8%AF%D8%A7%D8%AF%D9%8A", method: .get)
            let candidates = try #require(try JSONSerialization.jsonObject(with: Data(resolve.body.readableBytesView)) as? [[String: Any]])
            #expect(candidates.first?["name"] as? String == "al-Shaddadi")
        }
    }

    @Test("GDAL's OAPIF driver lists the collections and reads every incident from a live server")
    func gdal() async throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/ogrinfo") else {
            Issue.record("ogrinfo is not installed: run `make test`, which installs gdal-bin")
            return
        }
        let total = try ServerFixtures.data.store.counts().incidents
        let live = Application(router: IncidentServer.router(data: ServerFixtures.data), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await live.test(.live) { client in
            let port = try #require(client.port)
            func ogrinfo(_ arguments: [String]) async throws -> String {
                try await ServerFixtures.run("/usr/bin/ogrinfo", ["-ro"] + arguments).output
            }
            let list = try await ogrinfo(["OAPIF:http://127.0.0.1:\(port)"])
            #expect(list.contains("incidents") && list.contains("places") && list.contains("control"))
            let all = try await ogrinfo(["-al", "-q", "OAPIF:http://127.0.0.1:\(port)", "incidents"])
            #expect(all.components(separatedBy: "OGRFeature(").count - 1 == total)
            let boxed = try await ogrinfo(["-al", "-q", "-spat", "40.5", "36.3", "41.0", "36.7", "OAPIF:http://127.0.0.1:\(port)", "incidents"])
            let n = boxed.components(separatedBy: "OGRFeature(").count - 1
            #expect(n > 0 && n < total)
        }
    }

    @Test("QGIS's OAPIF provider (python3-qgis) reads the incidents layer, whole and with a bbox filter")
    func qgis() async throws {
        let python = "/usr/bin/python3"
        let script = ServerFixtures.repository.appendingPathComponent("Tests/Fixtures/qgis_oapif.py").path
        let total = try ServerFixtures.data.store.counts().incidents
        let live = Application(router: IncidentServer.router(data: ServerFixtures.data), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await live.test(.live) { client in
            let port = try #require(client.port)
            var environment = ProcessInfo.processInfo.environment
            environment["QT_QPA_PLATFORM"] = "offscreen"
            let (status, output) = try await ServerFixtures.run(python, [script, "http://127.0.0.1:\(port)"], environment: environment)
            guard status == 0 || output.contains("total") else {
                Issue.record("QGIS could not run (\(output.prefix(200))); `make test` installs python3-qgis")
                return
            }
            let numbers = output.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
            #expect(numbers.count == 2)
            #expect(numbers.first == total)
            #expect((numbers.last ?? 0) > 0 && (numbers.last ?? total) < total)
        }
    }
}

@Suite("Posting articles")
struct PostTests {
    static func data(token: String?) throws -> ServerData {
        let base = ServerFixtures.data
        return ServerData(
            store: try IncidentStore(), gazetteer: base.gazetteer, control: base.control, border: base.border,
            outlines: base.outlines, token: token)
    }

    @Test("Without --token the server is read-only; with it, only the token may post")
    func tokens() async throws {
        let article = ByteBuffer(string: "هاجم تنظيم داعش سجن الشدادي فجر اليوم.")
        let readOnly = Application(router: IncidentServer.router(data: try Self.data(token: nil)))
        try await readOnly.test(.router) { client in
            let response = try await client.execute(uri: "/articles?id=a1", method: .post, body: article)
            #expect(response.status == .forbidden)
        }
        let data = try Self.data(token: "s3cret")
        let writable = Application(router: IncidentServer.router(data: data))
        try await writable.test(.router) { client in
            let anonymous = try await client.execute(uri: "/articles?id=a1", method: .post, body: article)
            #expect(anonymous.status == .unauthorized)
            let wrong = try await client.execute(uri: "/articles?id=a1", method: .post, headers: [.authorization: "Bearer nope"], body: article)
            #expect(wrong.status == .unauthorized)
            let posted = try await client.execute(
                uri: "/articles?id=a1&published=2026-01-19", method: .post, headers: [.authorization: "Bearer s3cret"], body: article)
            #expect(posted.status == .created)
            let again = try await client.execute(
                uri: "/articles?id=a1&published=2026-01-19", method: .post, headers: [.authorization: "Bearer s3cret"], body: article)
            #expect(again.status == .ok)
            let binary = try await client.execute(
                uri: "/articles?id=a2", method: .post, headers: [.authorization: "Bearer s3cret"], body: ByteBuffer(bytes: [0xFF, 0xFE, 0x00]))
            #expect(binary.status == .badRequest)
        }
        #expect(try data.store.counts().documents == 1)
        #expect(try data.store.list().first?.placeName == "al-Shaddadi prison")
    }
}
