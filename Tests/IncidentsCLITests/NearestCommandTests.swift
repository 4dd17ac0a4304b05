import ArgumentParser
import Foundation
import Testing

@testable import IncidentsCLI

@Suite("incidents nearest")
struct NearestCommandTests {
    static let gazetteer = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("gazetteer").path

    @Test("`incidents nearest PLACE --kind base` lists bases nearest first, with metres")
    func nearestBase() throws {
        let parsed = try Incidents.parseAsRoot(
            ["nearest", "al-Shaddadi prison", "--kind", "base", "--json", "--gazetteer", Self.gazetteer])
        let command = try #require(parsed as? Incidents.Places.Nearest)
        let output = try command.render()
        let places = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]])
        #expect(!places.isEmpty)
        #expect(places.allSatisfy { $0["kind"] as? String == "base" })
        let meters = places.compactMap { $0["distance_m"] as? Double }
        #expect(meters.count == places.count)
        #expect(meters == meters.sorted())
        // The coalition base at al-Shaddadi is the nearest, a few kilometres away.
        #expect((places.first?["name"] as? String)?.contains("Shaddadi") == true)
        #expect(meters[0] < 10_000)
    }
}
