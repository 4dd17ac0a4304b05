import Foundation
import Gazetteer
import IncidentGeodesy
import Testing

@Suite("Gazetteer data and cache")
struct GazetteerDataTests {
    @Test("Every curated place has a source and lies in the region")
    func curatedRowsAreSourced() {
        let curated = Fixtures.gazetteer.places.filter { $0.id.hasPrefix("curated:") }
        #expect(curated.count >= 80)
        for place in curated {
            #expect(!place.source.isEmpty, "\(place.id) has no source")
            #expect((29...40).contains(place.coordinate.latitude) && (34...49).contains(place.coordinate.longitude), "\(place.id)")
        }
    }

    @Test("The byte-level key equals the word-level one for every name of the gazetteer")
    func keyInvariant() {
        let mismatches = Fixtures.gazetteer.places.flatMap(\.names).filter {
            PlaceName.key($0) != PlaceName.words($0).joined(separator: " ")
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    @Test("GeoNames and Natural Earth extracts are present, with Arabic names")
    func extracts() {
        let places = Fixtures.gazetteer.places
        #expect(places.filter { $0.id.hasPrefix("geonames:") }.count > 4_000)
        #expect(places.contains { $0.id == "ne:SY" && $0.names.contains("سوريا") })
        #expect(places.filter { $0.country == "SY" && $0.arabicName != nil }.count > 200)
    }

    @Test("The cache is used when current and rebuilt when the data changes")
    func cache() throws {
        let fm = FileManager.default
        let work = fm.temporaryDirectory.appendingPathComponent("gazetteer-cache-test-\(UUID().uuidString)")
        let data = work.appendingPathComponent("gazetteer")
        let cache = work.appendingPathComponent("cache")
        try fm.createDirectory(at: data.appendingPathComponent("curated"), withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: work) }
        for file in ["countries.tsv", "geonames.tsv", "curated/facilities.tsv"] {
            try fm.copyItem(
                at: Fixtures.gazetteerDirectory.appendingPathComponent(file), to: data.appendingPathComponent(file))
        }
        let first = try Gazetteer.load(from: data, cacheDirectory: cache)
        #expect(try fm.contentsOfDirectory(atPath: cache.path).contains { $0.hasSuffix(".bin") })
        let second = try Gazetteer.load(from: data, cacheDirectory: cache)
        #expect(first.places == second.places)
        #expect(second.resolve("سجن الشدادي", limit: 1).first?.place.kind == .prison)

        // A new curated place appears once the file changes.
        let extra = "village-testplace\tvillage\tTestplace Qwerty\t\tقرية الاختبار\tal-Hasakah\tSY\t36.5\t40.7\t1\thttps://example.org/test\t\n"
        let handle = try FileHandle(forWritingTo: data.appendingPathComponent("curated/facilities.tsv"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(extra.utf8))
        try handle.close()
        let third = try Gazetteer.load(from: data, cacheDirectory: cache)
        #expect(third.resolve("Testplace Qwerty", limit: 1).first?.place.id == "curated:village-testplace")
    }

    @Test("Malformed data files give an error naming the file and line")
    func malformed() throws {
        let fm = FileManager.default
        let data = fm.temporaryDirectory.appendingPathComponent("gazetteer-bad-\(UUID().uuidString)")
        try fm.createDirectory(at: data.appendingPathComponent("curated"), withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: data) }
        try fm.copyItem(at: Fixtures.gazetteerDirectory.appendingPathComponent("countries.tsv"), to: data.appendingPathComponent("countries.tsv"))
        try "geonameid\tname\tlat\tlon\tcountry\tadmin1\tpopulation\talternate_names\n1\tX\tabc\t40\tSY\t01\t0\t\n"
            .write(to: data.appendingPathComponent("geonames.tsv"), atomically: true, encoding: .utf8)
        #expect {
            try Gazetteer.build(from: data)
        } throws: { error in
            "\(error)".contains("geonames.tsv:2")
        }
    }
}
