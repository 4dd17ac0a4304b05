// Benchmarks and the leak check: `make bench` and `make leaks` run this.
import Dispatch
import Extraction
import Foundation
import Gazetteer
import IncidentGeodesy
import IncidentGeometry
import IncidentPostGIS
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
    fail("usage: incidents-bench leakcheck N | gazetteer DIR | extract DIR SEEDS N | store N | ingest DIR SEEDS N | synth DB N")
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
                     copies: Int(arguments.dropFirst(3).first ?? "400") ?? 400, cold: arguments.contains("--cold"))
case "synth":
    // A database of N synthetic incidents, kept, for export benchmarks.
    guard let path = arguments.dropFirst().first else { fail("usage: incidents-bench synth DB N") }
    let n = Int(arguments.dropFirst(2).first ?? "1000000") ?? 1_000_000
    let store = try IncidentStore(path: path)
    var random = SystemRandomNumberGenerator()
    try store.bulkInsertSynthetic(count: n, using: &random)
    print("synth: \(n) incidents in \(path)")
case "near":
    // 1,000 near queries on an existing database (for profiling).
    guard let path = arguments.dropFirst().first else { fail("usage: incidents-bench near DB [CACHE_MB MAP_MB]") }
    let store = try IncidentStore(
        path: path, cacheMegabytes: Int(arguments.dropFirst(2).first ?? "8") ?? 8, mapMegabytes: Int(arguments.dropFirst(3).first ?? "1024") ?? 1024)
    var times = [Double]()
    for _ in 0..<1_000 {
        let year = Int.random(in: 2016...2025)
        let c = try GeoCoordinate(latitude: Double.random(in: 32.5...37.2), longitude: Double.random(in: 36...42))
        let t = now()
        _ = try store.near(c, radiusMeters: 10_000, filter: IncidentFilter(from: Day(year: year, month: 1, day: 1), to: Day(year: year, month: 12, day: 31), limit: 1_000))
        times.append(now() - t)
    }
    print(String(format: "near: median %.3f ms", median(times) * 1000))
case "store":
    // With INCIDENTS_TEST_POSTGRES set (scripts/with-postgis.sh), PostGIS runs the same queries.
    let postgres = ProcessInfo.processInfo.environment["INCIDENTS_TEST_POSTGRES"]
    try await benchStore(count: Int(arguments.dropFirst().first ?? "1000000") ?? 1_000_000, postgresURL: postgres)
case "ingest":
    guard arguments.count >= 3 else { fail("usage: incidents-bench ingest GAZETTEER SEEDS COPIES") }
    let postgres = ProcessInfo.processInfo.environment["INCIDENTS_TEST_POSTGRES"]
    try await benchIngest(
        gazetteerDirectory: arguments[1], seeds: arguments[2], copies: Int(arguments.dropFirst(3).first ?? "40") ?? 40, postgresURL: postgres)
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
    var exactRates = [Double]()
    for _ in 0..<5 {
        hits = 0
        let t2 = now()
        for _ in 0..<rounds {
            for name in names where !g.exactPlaces(name).isEmpty { hits += 1 }
        }
        exactRates.append(Double(rounds * names.count) / (now() - t2))
    }
    let exactRate = exactRates.max() ?? 0
    print(String(format: "exact look-ups: best of 5 rounds %.0f names/s, median %.0f, on one core (%d names a round, %d hits)", exactRate, median(exactRates), rounds * names.count, hits))
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
    var ftsRates = [Double]()
    for _ in 0..<5 {
        ftsHits = 0
        let t3 = now()
        try db.read { db in
            let statement = try db.makeStatement(sql: "SELECT place FROM names WHERE names MATCH ? LIMIT 5")
            for name in sample {
                let phrase = "\"" + name.replacingOccurrences(of: "\"", with: " ") + "\""
                if try Int.fetchOne(statement, arguments: [phrase]) != nil { ftsHits += 1 }
            }
        }
        ftsRates.append(Double(sample.count) / (now() - t3))
    }
    // Best against best, rounds alike.
    let ftsRate = ftsRates.max() ?? 1
    print(String(format: "SQLite FTS5 phrase look-ups: best of 5 rounds %.0f names/s (%d names, %d hits); IncidentMap is %.1fx faster", ftsRate, sample.count, ftsHits, exactRate / ftsRate))
}

/// Articles per second through the whole extractor on one core, the seeds replicated. Warm: one
/// extractor for the run, as `incidents ingest` uses it (its vocabulary fills with the corpus's
/// words); cold (`--cold`): a new extractor, hence an empty vocabulary, for every article.
func benchExtract(gazetteerDirectory: String, seeds: String, copies: Int, cold: Bool) throws {
    let g = try Gazetteer.load(from: URL(fileURLWithPath: gazetteerDirectory))
    let shared = Extractor(gazetteer: g)
    let articles = try ArticleReader.files(in: [seeds]).map { try ArticleReader.read(path: $0) }
    _ = articles.map(shared.extract)
    // Five rounds: this machine's speed varies by half between runs, so the best round is the
    // figure (the code's cost) and the median shows the spread.
    var rates = [Double]()
    var incidents = 0
    for round in 0..<5 {
        incidents = 0
        let t = now()
        for i in 0..<copies {
            for var a in articles {
                a.id += "-\(round)-\(i)"
                let extractor = cold ? Extractor(gazetteer: g) : shared
                incidents += extractor.extract(a).incidents.count
            }
        }
        rates.append(Double(copies * articles.count) / (now() - t))
    }
    print(String(format: "extraction (%@): %d articles a round, best of 5 rounds %.0f articles/s, median %.0f, on one core (%d incidents a round)",
                 cold ? "cold: empty vocabulary per article" : "warm: one vocabulary for the run", copies * articles.count, rates.max() ?? 0, median(rates), incidents))
}

/// Peak resident memory of this process, in MB.
func peakMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

/// One million synthetic incidents over Syria and ten years; 10 km, one-year `near` queries,
/// on SQLite and, when `postgresURL` names a database, on PostGIS over the same rows.
func benchStore(count: Int, postgresURL: String?) async throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("bench-\(getpid()).sqlite").path
    defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
    let store = try IncidentStore(path: path)
    var random = SystemRandomNumberGenerator()
    let rows = SyntheticIncident.generate(count: count, using: &random)
    let t0 = now()
    try store.bulkInsert(rows)
    print(String(format: "SQLite: inserted %d synthetic incidents in %.1f s (%.0f incidents/s)", count, now() - t0, Double(count) / (now() - t0)))
    struct Query { var center: GeoCoordinate; var filter: IncidentFilter }
    let queries = try (0..<1_000).map { _ in
        let year = Int.random(in: 2016...2025)
        return Query(
            center: try GeoCoordinate(latitude: Double.random(in: 32.5...37.2), longitude: Double.random(in: 36...42)),
            filter: IncidentFilter(from: Day(year: year, month: 1, day: 1), to: Day(year: year, month: 12, day: 31), limit: 1_000))
    }
    func report(_ name: String, _ times: [Double], _ total: Int) -> Double {
        let sorted = times.sorted()
        print(String(format: "%@ near 10 km, one year: median %.3f ms, p99 %.3f ms over %d queries (%.1f incidents per answer)",
                     name, median(times) * 1000, sorted[Int(Double(sorted.count) * 0.99)] * 1000, times.count, Double(total) / Double(times.count)))
        return median(times)
    }
    var times = [Double]()
    var total = 0
    var answers = [[String]]()
    for q in queries {
        let t = now()
        let found = try store.near(q.center, radiusMeters: 10_000, filter: q.filter)
        times.append(now() - t)
        total += found.count
        answers.append(found.map(\.incident.id))
    }
    let sqliteMedian = report("SQLite", times, total)
    print(String(format: "SQLite: peak RSS %.0f MB", peakMegabytes()))
    guard let postgresURL else { return }
    try await PostGISStore.withStore(postgresURL) { pg in
        let t1 = now()
        try await pg.bulkInsert(rows) { n in
            if n % 200_000 == 0 { FileHandle.standardError.write(Data("postgis: \(n) incidents\n".utf8)) }
        }
        print(String(format: "PostGIS: inserted %d synthetic incidents in %.1f s (%.0f incidents/s)", count, now() - t1, Double(count) / (now() - t1)))
        var pgTimes = [Double]()
        var pgTotal = 0
        var differing = 0
        for (q, expected) in zip(queries, answers) {
            let t = now()
            let found = try await pg.near(q.center, radiusMeters: 10_000, filter: q.filter)
            pgTimes.append(now() - t)
            pgTotal += found.count
            if found.map(\.incident.id) != expected { differing += 1 }
        }
        let pgMedian = report("PostGIS", pgTimes, pgTotal)
        print(String(format: "PostGIS / SQLite median: %.1fx; answers identical in %d of %d queries", pgMedian / sqliteMedian, queries.count - differing, queries.count))
    }
}

/// Real ingest (extraction done beforehand) into a backend: incidents per second.
func benchIngest(gazetteerDirectory: String, seeds: String, copies: Int, postgresURL: String?) async throws {
    let g = try Gazetteer.load(from: URL(fileURLWithPath: gazetteerDirectory))
    let extractor = Extractor(gazetteer: g)
    let articles = try ArticleReader.files(in: [seeds]).map { try ArticleReader.read(path: $0) }
    var extractions = [Extraction]()
    for i in 0..<copies {
        for var a in articles {
            a.id += "-\(i)"
            a.published = a.published ?? Day(year: 2022, month: 1, day: 24)
            extractions.append(extractor.extract(a))
        }
    }
    let incidents = extractions.reduce(0) { $0 + $1.incidents.count }
    func run(_ name: String, _ store: any IncidentStoring) async throws {
        let t = now()
        for e in extractions { _ = try await store.ingest(e) }
        let elapsed = now() - t
        print(String(format: "%@ ingest: %d articles, %d incidents in %.1f s = %.0f incidents/s (%.0f articles/s); peak RSS so far %.0f MB",
                     name, extractions.count, incidents, elapsed, Double(incidents) / elapsed, Double(extractions.count) / elapsed, peakMegabytes()))
    }
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("ingest-\(getpid()).sqlite").path
    defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
    try await run("SQLite", try IncidentStore(path: path))
    if let postgresURL {
        try await PostGISStore.withStore(postgresURL) { try await run("PostGIS", $0) }
    }
}
