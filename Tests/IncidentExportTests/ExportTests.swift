import Extraction
import Foundation
import Gazetteer
import IncidentExport
import IncidentStore
import Testing

/// A store holding the five seeds, built once for the export tests.
enum SeedStore {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let store: IncidentStore = {
        do {
            let cache = FileManager.default.temporaryDirectory.appendingPathComponent("incidentmap-tests-\(getpid())")
            let gazetteer = try Gazetteer.load(from: repository.appendingPathComponent("gazetteer"), cacheDirectory: cache)
            let extractor = Extractor(gazetteer: gazetteer)
            let store = try IncidentStore()
            for path in ArticleReader.files(in: [repository.appendingPathComponent("seeds").path]) {
                var article = try ArticleReader.read(path: path)
                // Seeds without a dateline: date them so every incident has a day (test data only).
                if article.published == nil { article.published = Day(iso: "2022-01-24") }
                _ = try store.ingest(extractor.extract(article))
            }
            return store
        } catch {
            fatalError("seed store: \(error)")
        }
    }()

    static func export(_ configure: (inout Exporter) -> Void = { _ in }) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString)")
        var exporter = Exporter(store: store)
        configure(&exporter)
        try exporter.export(to: dir)
        return dir
    }

    static func json(_ url: URL) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }
}

@Suite("GeoJSON export")
struct ExportTests {
    @Test("Incidents follow RFC 7946: lon,lat order, no crs, at most 6 decimals, bbox west,south,east,north")
    func rfc7946() throws {
        let dir = try SeedStore.export()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("incidents.geojson")
        let text = try String(contentsOf: url, encoding: .utf8)
        let collection = try SeedStore.json(url)
        #expect(collection["type"] as? String == "FeatureCollection")
        #expect(collection["crs"] == nil)
        let features = try #require(collection["features"] as? [[String: Any]])
        #expect(features.count == (try SeedStore.store.counts().incidents))
        for feature in features {
            let geometry = try #require(feature["geometry"] as? [String: Any])
            let c = try #require(geometry["coordinates"] as? [Double])
            #expect((35...43).contains(c[0]) && (32...38).contains(c[1]), "lon,lat order: \(c)")
            #expect(feature["id"] is String)
            let p = try #require(feature["properties"] as? [String: Any])
            for key in ["start", "end"] {
                if let value = p[key] as? String { #expect(Day(iso: value) != nil, "\(key) = \(value)") } else { #expect(p[key] is NSNull) }
            }
            #expect(p["event_type"] is String)
            #expect((p["sources"] as? [[String: Any]])?.isEmpty == false)
            #expect(feature["time"] is [String: Any])
        }
        // No coordinate is written with more than 6 decimals.
        let regex = try NSRegularExpression(pattern: #""coordinates":\[-?\d+\.?\d{0,6},-?\d+\.?\d{0,6}\]"#)
        let points = text.components(separatedBy: #""coordinates":"#).count - 1
        #expect(regex.numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text)) == points)
        let bbox = try #require(collection["bbox"] as? [Double])
        #expect(bbox.count == 4 && bbox[0] <= bbox[2] && bbox[1] <= bbox[3])
    }

    @Test("GeoJSONSeq (RFC 8142): a record separator before each feature, a line feed after, same count")
    func geojsonseq() throws {
        let dir = try SeedStore.export { $0.format = .geojsonseq }
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = try Data(contentsOf: dir.appendingPathComponent("incidents.geojsons"))
        let records = data.split(separator: 0x1E, omittingEmptySubsequences: true)
        #expect(data.first == 0x1E)
        #expect(records.count == (try SeedStore.store.counts().incidents))
        for record in records {
            #expect(record.last == 0x0A)
            let object = try JSONSerialization.jsonObject(with: Data(record)) as? [String: Any]
            #expect(object?["type"] as? String == "Feature")
        }
    }

    @Test("Every exported incident carries exactly the store's fields and sources, whole and in a filtered period")
    func exportedEqualsStored() throws {
        let store = SeedStore.store
        for filter in [IncidentFilter(), IncidentFilter(from: Day(iso: "2022-01-20"), to: Day(iso: "2022-01-22"))] {
            let dir = try SeedStore.export {
                $0.filter = filter
                $0.layers = [.incidents]
            }
            defer { try? FileManager.default.removeItem(at: dir) }
            let features = try #require(try SeedStore.json(dir.appendingPathComponent("incidents.geojson"))["features"] as? [[String: Any]])
            let stored = try store.list(filter)
            #expect(features.count == stored.count)
            #expect(!features.isEmpty)
            for feature in features {
                let id = try #require(feature["id"] as? String)
                let incident = try store.incident(id: id)
                let p = try #require(feature["properties"] as? [String: Any])
                #expect(p["type"] as? String == incident.type.rawValue)
                #expect(p["place"] as? String == incident.placeName)
                #expect(p["place_ar"] as? String == incident.placeNameArabic)
                #expect(p["actors"] as? [String] == incident.actors.map(\.rawValue))
                #expect(p["start"] as? String == incident.date?.start.description)
                let sources = try #require(p["sources"] as? [[String: Any]])
                #expect(sources.map { $0["document"] as? String } == incident.sources.map(\.document), "\(id)")
                #expect(sources.map { $0["sentence"] as? String } == incident.sources.map(\.sentence), "\(id)")
                #expect(sources.map { $0["start"] as? Int } == incident.sources.map(\.start), "\(id)")
            }
        }
    }

    @Test("Text that JSON must escape (quotes, backslashes, control characters, U+2028) survives the export")
    func escaping() throws {
        var incident = try #require(try SeedStore.store.list().first)
        let sentence = "قال \"مصدر\" C:\\path\ttab\nline\u{1}\u{2028}end \u{2029}"
        incident.sources = [IncidentSource(document: "doc \"1\"", start: 0, end: 10, sentence: sentence)]
        incident.claimedBy = "a\u{7F}b"
        let text = Exporter.incidentFeatureJSON(incident)
        // Raw line and paragraph separators never reach the file; nor do raw control characters.
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x2028 || $0.value == 0x2029 })
        #expect(text.contains(#"\u2028"#) && text.contains(#"\u0001"#) && text.contains(#"\t"#))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let p = try #require(object["properties"] as? [String: Any])
        let source = try #require((p["sources"] as? [[String: Any]])?.first)
        #expect(source["sentence"] as? String == sentence)
        #expect(source["document"] as? String == "doc \"1\"")
        #expect(p["claimed_by"] as? String == "a\u{7F}b")
    }

    @Test("Monthly folders and index.json list every layer with counts, extents and bboxes")
    func periods() throws {
        let dir = try SeedStore.export { $0.period = .month }
        defer { try? FileManager.default.removeItem(at: dir) }
        let index = try SeedStore.json(dir.appendingPathComponent("index.json"))
        let layers = try #require(index["layers"] as? [[String: Any]])
        let january = try #require(layers.first { $0["period"] as? String == "2022-01" && $0["name"] as? String == "incidents" })
        #expect(january["path"] as? String == "2022-01/incidents.geojson")
        let features = try #require(try SeedStore.json(dir.appendingPathComponent("2022-01/incidents.geojson"))["features"] as? [[String: Any]])
        #expect(features.count == january["features"] as? Int)
        #expect(!features.isEmpty)
        for layer in layers {
            let path = try #require(layer["path"] as? String)
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(path).path), "\(path)")
        }
        let control = try SeedStore.json(dir.appendingPathComponent("control.geojson"))
        #expect(control["type"] as? String == "FeatureCollection")
    }

    @Test("Temporal filtering as QGIS does it: each January 2022 day frame shows the incidents whose start…end covers it")
    func temporalFrames() throws {
        let all = try SeedStore.export()
        let daily = try SeedStore.export {
            $0.period = .day
            $0.filter = IncidentFilter(from: Day(iso: "2022-01-01"), to: Day(iso: "2022-01-31"))
            $0.layers = [.incidents]
        }
        defer {
            try? FileManager.default.removeItem(at: all)
            try? FileManager.default.removeItem(at: daily)
        }
        let features = try #require(try SeedStore.json(all.appendingPathComponent("incidents.geojson"))["features"] as? [[String: Any]])
        var framesWithIncidents = 0
        var day = Day(iso: "2022-01-01")!
        while day <= Day(iso: "2022-01-31")! {
            // QGIS's "feature's start and end" temporal mode: start <= frame end and end >= frame start.
            let expected = Set(features.compactMap { f -> String? in
                guard let p = f["properties"] as? [String: Any], let s = (p["start"] as? String).flatMap(Day.init(iso:)) else { return nil }
                let e = (p["end"] as? String).flatMap(Day.init(iso:)) ?? s
                return s <= day && e >= day ? f["id"] as? String : nil
            })
            let folder = daily.appendingPathComponent(day.description + "/incidents.geojson")
            var got = Set<String>()
            if FileManager.default.fileExists(atPath: folder.path) {
                let frame = try #require(try SeedStore.json(folder)["features"] as? [[String: Any]])
                got = Set(frame.compactMap { $0["id"] as? String })
            }
            #expect(got == expected, "frame \(day)")
            if !got.isEmpty { framesWithIncidents += 1 }
            day = day.adding(days: 1)
        }
        #expect(framesWithIncidents >= 5)
    }

    @Test("ACLED-style CSV has ACLED's columns and one row per incident")
    func csv() throws {
        let dir = try SeedStore.export { $0.format = .csv }
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = try String(contentsOf: dir.appendingPathComponent("incidents.csv"), encoding: .utf8)
        let header = try #require(text.split(separator: "\n").first)
        for column in ["event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2", "country", "admin1", "location", "latitude", "longitude", "geo_precision", "source", "notes", "fatalities"] {
            #expect(header.split(separator: ",").contains(Substring(column)))
        }
    }

    @Test("GDAL's ogrinfo reads every layer with the right counts and types start as Date")
    func gdal() throws {
        guard let ogrinfo = ["/usr/bin/ogrinfo", "/usr/local/bin/ogrinfo"].first(where: FileManager.default.isExecutableFile(atPath:)) else {
            Issue.record("ogrinfo is not installed: run `make test`, which installs gdal-bin")
            return
        }
        let dir = try SeedStore.export { $0.period = .month }
        let seq = try SeedStore.export { $0.format = .geojsonseq }
        defer {
            try? FileManager.default.removeItem(at: dir)
            try? FileManager.default.removeItem(at: seq)
        }
        func info(_ path: String) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: ogrinfo)
            process.arguments = ["-ro", "-so", "-al", path]
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = Pipe()
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "ogrinfo \(path)")
            return String(decoding: data, as: UTF8.self)
        }
        let counts = try SeedStore.store.counts()
        let incidents = try info(dir.appendingPathComponent("incidents.geojson").path)
        #expect(incidents.contains("Feature Count: \(counts.incidents)"))
        #expect(incidents.contains("start: Date"))
        #expect(incidents.contains("Geometry: Point"))
        let places = try info(dir.appendingPathComponent("places.geojson").path)
        #expect(places.contains("Feature Count: \(try SeedStore.store.usedPlaces().count)"))
        let control = try info(dir.appendingPathComponent("control.geojson").path)
        #expect(control.contains("Feature Count: 0"))
        let january = try info(dir.appendingPathComponent("2022-01/incidents.geojson").path)
        #expect(january.contains("start: Date"))
        let sequence = try info(seq.appendingPathComponent("incidents.geojsons").path)
        #expect(sequence.contains("Feature Count: \(counts.incidents)"))
    }
}
