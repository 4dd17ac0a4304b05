// Benchmarks and the leak check: `make bench` and `make leaks` run this.
import Dispatch
import Extraction
import Foundation
import Gazetteer
import IncidentGeodesy
import IncidentGeometry
import IncidentStore
import GRDB

/// Seconds since an arbitrary start, monotonic.
func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    exit(2)
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard let mode = arguments.first else {
    fail("usage: incidents-bench leakcheck N | gazetteer DIR | extract DIR SEEDS N | store N")
}

switch mode {
case "leakcheck":
    // Geometry and projection operations that each create and free GEOS and PROJ handles.
    let count = Int(arguments.dropFirst().first ?? "100000") ?? 100_000
    let square = try Geometry(wkt: "POLYGON ((40 36, 41 36, 41 37, 40 37, 40 36))")
    let shifted = try Geometry(wkt: "POLYGON ((40.5 36.5, 41.5 36.5, 41.5 37.5, 40.5 37.5, 40.5 36.5))")
    let hasakah = try GeoCoordinate(latitude: 36.5024, longitude: 40.7477)
    var checksum = 0.0
    for i in 0..<count {
        switch i % 10 {
        case 0: checksum += try square.intersection(shifted).planarArea()
        case 1: checksum += Double(try Geometry(wkb: try square.wkb()).allPoints.count)
        case 2: checksum += Double(try Geometry(wkt: try shifted.wkt()).allPoints.count)
        case 3: checksum += try square.union(shifted).planarArea()
        case 4: checksum += try PreparedGeometry(square).contains(.point(Point(x: 40.5, y: 36.5))) ? 1 : 0
        case 5: checksum += try square.buffer(width: 0.01, quadrantSegments: 4).planarArea()
        case 6:
            let tree = try STRtree(points: [(Point(x: 40, y: 36), 0), (Point(x: 41, y: 37), 1)])
            checksum += Double(try tree.nearestIndex(to: Point(x: 40.9, y: 36.9)) ?? 0)
        case 7: checksum += Double(try Geometry.voronoiCells(sites: [Point(x: 40, y: 36), Point(x: 41, y: 37), Point(x: 40, y: 37)]).count)
        case 8:
            if i % 100 == 8 { checksum += try Geometry.point(hasakah.point).metricBuffer(radiusMeters: 2_000, quadrantSegments: 4).areaSquareMeters() }
        default: checksum += (try? Geometry(wkt: "POLYGON ((0 0, 1")) == nil ? 1 : 0
        }
    }
    print("leakcheck: \(count) operations, checksum \(checksum)")
case "gazetteer":
    try benchGazetteer(directory: arguments.dropFirst().first ?? "gazetteer")
case "extract":
    try benchExtract(gazetteerDirectory: arguments.dropFirst().first ?? "gazetteer", seeds: arguments.dropFirst(2).first ?? "seeds",
                     copies: Int(arguments.dropFirst(3).first ?? "400") ?? 400)
case "synth":
    // A database of N synthetic incidents, kept, for export benchmarks.
    guard let path = arguments.dropFirst().first else { fail("usage: incidents-bench synth DB N") }
    let n = Int(arguments.dropFirst(2).first ?? "1000000") ?? 1_000_000
    let store = try IncidentStore(path: path)
    var random = SystemRandomNumberGenerator()
    try store.bulkInsertSynthetic(count: n, using: &random)
    print("synth: \(n) incidents in \(path)")
case "store":
    try benchStore(count: Int(arguments.dropFirst().first ?? "1000000") ?? 1_000_000)
default:
    fail("unknown mode \(mode)")
}

/// Median of a sample.
func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    return s.isEmpty ? 0 : s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

/// Exact/normalised look-ups per second and fuzzy look-up latency, against SQLite FTS5 over the same names.
func benchGazetteer(directory: String) throws {
    let t0 = now()
    let g = try Gazetteer.load(from: URL(fileURLWithPath: directory), cacheDirectory: FileManager.default.temporaryDirectory.appendingPathComponent("bench-cache-\(getpid())"))
    print(String(format: "gazetteer: build %.0f ms, %d places", (now() - t0) * 1000, g.places.count))
    let t1 = now()
    _ = try Gazetteer.load(from: URL(fileURLWithPath: directory), cacheDirectory: FileManager.default.temporaryDirectory.appendingPathComponent("bench-cache-\(getpid())"))
    print(String(format: "gazetteer: load from cache %.0f ms", (now() - t1) * 1000))
    // Query names: every name of every Syrian and Iraqi place, as written (mixed scripts, articles, diacritics).
    let names = g.places.filter { $0.country == "SY" || $0.country == "IQ" }.flatMap(\.names)
    var hits = 0
    let rounds = max(1, 1_000_000 / max(1, names.count))
    let t2 = now()
    for _ in 0..<rounds {
        for name in names where !g.exactPlaces(name).isEmpty { hits += 1 }
    }
    let exactRate = Double(rounds * names.count) / (now() - t2)
    print(String(format: "exact look-ups: %.0f names/s on one core (%d names, %d hits)", exactRate, rounds * names.count, hits))
    // Fuzzy: misspell every 7th name by dropping a letter.
    let misspelt = names.enumerated().filter { $0.offset % 7 == 0 && $0.element.count > 5 }.map { n -> String in
        var s = n.element
        s.remove(at: s.index(s.startIndex, offsetBy: s.count / 2))
        return s
    }.prefix(2_000)
    _ = g.resolve("warm up", limit: 1)
    var times = [Double]()
    var found = 0
    for name in misspelt {
        let t = now()
        if !g.resolve(name, limit: 1).isEmpty { found += 1 }
        times.append(now() - t)
    }
    print(String(format: "fuzzy look-ups: median %.3f ms, p99 %.3f ms (%d queries, %d answered)", median(times) * 1000,
                 (times.sorted().last.map { _ in times.sorted()[Int(Double(times.count) * 0.99)] } ?? 0) * 1000, misspelt.count, found))
    // SQLite FTS5 over the same names, in the same run.
    let db = try DatabaseQueue()
    try db.write { db in
        try db.execute(sql: "CREATE VIRTUAL TABLE names USING fts5(name, place UNINDEXED, tokenize = 'unicode61 remove_diacritics 2')")
        for (i, p) in g.places.enumerated() {
            for n in p.names { try db.execute(sql: "INSERT INTO names (name, place) VALUES (?, ?)", arguments: [n, i]) }
        }
    }
    let sample = Array(names.prefix(20_000))
    var ftsHits = 0
    let t3 = now()
    try db.read { db in
        let statement = try db.makeStatement(sql: "SELECT place FROM names WHERE names MATCH ? LIMIT 5")
        for name in sample {
            let phrase = "\"" + name.replacingOccurrences(of: "\"", with: " ") + "\""
            if try Int.fetchOne(statement, arguments: [phrase]) != nil { ftsHits += 1 }
        }
    }
    let ftsRate = Double(sample.count) / (now() - t3)
    print(String(format: "SQLite FTS5 phrase look-ups: %.0f names/s (%d names, %d hits); IncidentMap is %.1fx faster", ftsRate, sample.count, ftsHits, exactRate / ftsRate))
}

/// Articles per second through the whole extractor on one core, the seeds replicated.
func benchExtract(gazetteerDirectory: String, seeds: String, copies: Int) throws {
    let g = try Gazetteer.load(from: URL(fileURLWithPath: gazetteerDirectory))
    let extractor = Extractor(gazetteer: g)
    let articles = try ArticleReader.files(in: [seeds]).map { try ArticleReader.read(path: $0) }
    _ = articles.map(extractor.extract)
    var incidents = 0
    let t = now()
    for i in 0..<copies {
        for var a in articles {
            a.id += "-\(i)"
            incidents += extractor.extract(a).incidents.count
        }
    }
    let elapsed = now() - t
    let n = copies * articles.count
    print(String(format: "extraction: %d articles in %.2f s = %.0f articles/s on one core (%d incidents)", n, elapsed, Double(n) / elapsed, incidents))
}

/// One million synthetic incidents over Syria and ten years; 10 km, one-year `near` queries.
func benchStore(count: Int) throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("bench-\(getpid()).sqlite").path
    defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
    let store = try IncidentStore(path: path)
    var random = SystemRandomNumberGenerator()
    let t0 = now()
    try store.bulkInsertSynthetic(count: count, using: &random)
    print(String(format: "store: inserted %d synthetic incidents in %.1f s", count, now() - t0))
    var times = [Double]()
    var total = 0
    for _ in 0..<1_000 {
        let c = try GeoCoordinate(latitude: Double.random(in: 32.5...37.2), longitude: Double.random(in: 36...42))
        let year = Int.random(in: 2016...2025)
        let filter = IncidentFilter(from: Day(year: year, month: 1, day: 1), to: Day(year: year, month: 12, day: 31), limit: 1_000)
        let t = now()
        total += try store.near(c, radiusMeters: 10_000, filter: filter).count
        times.append(now() - t)
    }
    let sorted = times.sorted()
    print(String(format: "near 10 km, one year: median %.3f ms, p99 %.3f ms over 1000 queries (%.1f incidents per answer)", median(times) * 1000, sorted[Int(Double(sorted.count) * 0.99)] * 1000, Double(total) / 1000))
}
