import Extraction
import Foundation
import Gazetteer
import IncidentControl
import IncidentExport
import IncidentGeodesy
import IncidentGeometry
import IncidentStore
import Testing

enum ControlFixtures {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let gazetteerDirectory = repository.appendingPathComponent("gazetteer")

    static let gazetteer: Gazetteer = {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("incidentmap-tests-\(getpid())")
        do {
            return try Gazetteer.load(from: gazetteerDirectory, cacheDirectory: cache)
        } catch {
            fatalError("gazetteer: \(error)")
        }
    }()

    static let baseline: [ControlPeriod] = {
        do {
            return try ControlPeriod.loadBaseline(
                path: gazetteerDirectory.appendingPathComponent("control_baseline.tsv").path, gazetteer: gazetteer)
        } catch {
            fatalError("baseline: \(error)")
        }
    }()

    static let syria: Geometry = {
        do {
            return try ControlZones.border(iso: "SY", from: gazetteerDirectory.appendingPathComponent("borders.geojson").path)
        } catch {
            fatalError("border: \(error)")
        }
    }()

    static func id(_ name: String, kind: PlaceKind? = nil) throws -> String {
        try #require(gazetteer.resolve(name, hints: ResolveHints(kind: kind), limit: 1).first).place.id
    }
}

@Suite("Control over time")
struct ControlTests {
    let timeline = ControlTimeline(ControlFixtures.baseline)

    @Test("al-Shaddadi is with the SDF on 2026-01-10 and with the Syrian government on 2026-02-10")
    func shaddadi() throws {
        let id = try ControlFixtures.id("al-Shaddadi")
        #expect(timeline.controller(of: id, on: Day(iso: "2026-01-10")!)?.controller == .sdf)
        #expect(timeline.controller(of: id, on: Day(iso: "2026-02-10")!)?.controller == .syrianGovernment)
    }

    @Test("Ghuwayran prison is contested in late January 2022 and back with the SDF in February")
    func ghuwayran() throws {
        let id = try ControlFixtures.id("Ghuwayran prison", kind: .prison)
        #expect(timeline.controller(of: id, on: Day(iso: "2022-01-22")!)?.controller == .contested)
        #expect(timeline.controller(of: id, on: Day(iso: "2022-02-15")!)?.controller == .sdf)
    }

    @Test("Every baseline row names its source")
    func sourced() {
        #expect(ControlFixtures.baseline.count >= 40)
        #expect(ControlFixtures.baseline.allSatisfy { $0.evidence.hasPrefix("http") })
    }

    @Test("Sources that disagree on a day are kept and shown as contested, not silently resolved")
    func conflicts() throws {
        let place = try #require(ControlFixtures.gazetteer.resolve("Raqqa", limit: 1).first).place
        let day = Day(iso: "2024-05-01")!
        let a = ControlPeriod(place: place, controller: .sdf, validFrom: day, validTo: nil, certainty: .claimed, origin: "baseline", evidence: "https://a", note: "")
        let b = ControlPeriod(place: place, controller: .syrianGovernment, validFrom: day, validTo: nil, certainty: .claimed, origin: "incident", evidence: "x", note: "")
        let t = ControlTimeline([a, b])
        let answer = try #require(t.controller(of: place.id, on: day.adding(days: 3)))
        #expect(answer.controller == .contested)
        #expect(answer.periods.count == 2)
        #expect(t.all.count == 2)
    }

    @Test("A control_change incident opens a period for its initiator")
    func fromIncidents() throws {
        let place = try #require(ControlFixtures.gazetteer.resolve("حقل العمر", limit: 1).first).place
        let periods = ControlPeriod.fromIncidents([(place, "i1", Day(iso: "2026-01-18")!, [.syrianGovernment, .sdf], false)])
        #expect(periods.first?.controller == .syrianGovernment)
        #expect(periods.first?.origin == "incident")
    }

    @Test("Zones are Voronoi cells dissolved by controller and clipped to Syria")
    func zones() throws {
        let day = Day(iso: "2026-01-10")!
        let snapshot = timeline.snapshot(on: day)
        #expect(snapshot.count >= 15)
        let zones = try ControlZones.zones(
            sites: snapshot.map { (point: $0.place.coordinate.point, controller: $0.controller) }, border: ControlFixtures.syria)
        #expect(Set(zones.map(\.controller)).count == zones.count)
        let total = zones.reduce(0) { $0 + $1.area.areaSquareMeters() }
        let syria = ControlFixtures.syria.areaSquareMeters()
        #expect(abs(total - syria) / syria < 0.01)
        let shaddadi = try #require(snapshot.first { $0.place.name == "al-Shaddadi" })
        let zone = try #require(zones.first { $0.controller == shaddadi.controller })
        #expect(try zone.area.contains(.point(shaddadi.place.coordinate.point)))
    }
}

@Suite("Animated map")
struct AnimatedMapTests {
    static func map(from: String, to: String, step: ExportPeriod = .week) throws -> String {
        let timeline = ControlTimeline(ControlFixtures.baseline)
        let dir = ControlFixtures.gazetteerDirectory.appendingPathComponent("borders.geojson").path
        var outlines = [(iso: String, geometry: Geometry)]()
        for iso in ["SY", "TR", "IQ"] { outlines.append((iso, try ControlZones.border(iso: iso, from: dir))) }
        let labels = timeline.periods.values.compactMap(\.first?.place).filter { $0.kind == .city || $0.kind == .town }
        return try AnimatedMap(
            from: Day(iso: from)!, to: Day(iso: to)!, step: step, control: timeline, incidents: [], outlines: outlines,
            clip: ControlFixtures.syria, view: try Envelope(minX: 37.6, minY: 34.3, maxX: 42.4, maxY: 37.35), labels: labels
        ).html()
    }

    @Test("A five-year weekly animation stays under 5 MB and uses no outside script")
    func size() throws {
        let html = try Self.map(from: "2021-01-01", to: "2025-12-31")
        #expect(html.utf8.count < 5 * 1_048_576)
        #expect(!html.contains("<script src"))
        #expect(!html.contains("http://") || !html.contains("<link"))
    }

    @Test("Headless Chromium: the zone around al-Shaddadi changes colour between two dates, no script error")
    func chromium() throws {
        guard let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first(where: FileManager.default.isExecutableFile(atPath:)) else {
            Issue.record("chromium is not installed: run `make test`, which installs it")
            return
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("animate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let page = dir.appendingPathComponent("map.html")
        try Self.map(from: "2025-12-01", to: "2026-03-01").write(to: page, atomically: true, encoding: .utf8)

        func run(_ arguments: [String]) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: chromium)
            process.arguments = [
                "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--user-data-dir=\(dir.path)/profile",
                "--window-size=1000,900", "--virtual-time-budget=3000",
            ] + arguments
            let out = Pipe()
            process.standardOutput = out
            process.standardError = Pipe()
            try process.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }
        var colours = [String]()
        for date in ["2026-01-10", "2026-02-10"] {
            let dom = try run(["--dump-dom", page.absoluteString + "#date=" + date])
            #expect(!dom.contains("data-error="), "script error at \(date)")
            #expect(dom.contains("data-frame="))
            let pattern = try NSRegularExpression(pattern: #"data-name="al-Shaddadi" data-controller="([^"]*)""#)
            let match = try #require(pattern.firstMatch(in: dom, range: NSRange(dom.startIndex..., in: dom)))
            colours.append(String(dom[Range(match.range(at: 1), in: dom)!]))
            _ = try run(["--screenshot=\(dir.path)/\(date).png", page.absoluteString + "#date=" + date])
        }
        #expect(colours == ["SDF", "Syrian government"])
        let a = try Data(contentsOf: dir.appendingPathComponent("2026-01-10.png"))
        let b = try Data(contentsOf: dir.appendingPathComponent("2026-02-10.png"))
        #expect(a.count > 10_000 && b.count > 10_000)
        #expect(a != b)
    }
}

@Suite("Control layer export")
struct ControlExportTests {
    @Test("The control layer of the seeds shows al-Shaddadi with the SDF on 2026-01-10 and the government on 2026-02-10")
    func controlLayer() throws {
        let store = try IncidentStore()
        let extractor = Extractor(gazetteer: ControlFixtures.gazetteer)
        for path in ArticleReader.files(in: [ControlFixtures.repository.appendingPathComponent("seeds").path]) {
            _ = try store.ingest(extractor.extract(try ArticleReader.read(path: path)))
        }
        var exporter = Exporter(store: store)
        exporter.control = ControlTimeline(ControlFixtures.baseline)
        exporter.border = ControlFixtures.syria
        exporter.period = .month
        exporter.filter = IncidentFilter(from: Day(iso: "2026-01-01"), to: Day(iso: "2026-02-28"))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("control-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try exporter.export(to: dir)
        let data = try Data(contentsOf: dir.appendingPathComponent("control.geojson"))
        let collection = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let features = try #require(collection["features"] as? [[String: Any]])
        func controller(of place: String, on day: String) -> [String] {
            features.compactMap { f -> String? in
                guard let p = f["properties"] as? [String: Any], p["place"] as? String == place,
                    let from = p["valid_from"] as? String, from <= day
                else { return nil }
                if let to = p["valid_to"] as? String, to < day { return nil }
                return p["controller"] as? String
            }
        }
        #expect(Set(controller(of: "al-Shaddadi", on: "2026-01-10")) == ["SDF"])
        #expect(Set(controller(of: "al-Shaddadi", on: "2026-02-10")) == ["Syrian government"])
        // Monthly zones exist and are polygons.
        let zones = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("2026-01/zones.geojson"))) as? [String: Any])
        #expect(((zones["features"] as? [[String: Any]]) ?? []).count >= 2)
    }
}
