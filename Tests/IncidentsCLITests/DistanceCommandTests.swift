import ArgumentParser
import Foundation
import Testing

@testable import IncidentsCLI

@Suite("incidents distance")
struct DistanceCommandTests {
    @Test("--json prints from, to and meters: al-Shaddadi to Hasakah is 49,370 m within 0.2%")
    func json() throws {
        let command = try Incidents.Distance.parse(["36.0576,40.7348", "36.5024,40.7477", "--json"])
        let output = try command.render()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let meters = try #require(object["meters"] as? Double)
        #expect(abs(meters - 49_370) / 49_370 < 0.002)
        let from = try #require(object["from"] as? [String: Double])
        #expect(from["lat"] == 36.0576)
        #expect(from["lon"] == 40.7348)
    }

    @Test("Plain output is for people: metres with separators and kilometres")
    func plain() throws {
        let output = try Incidents.Distance.parse(["36.0576,40.7348", "36.5024,40.7477"]).render()
        #expect(output.contains("49,37"))
        #expect(output.contains("km"))
    }

    @Test("A malformed coordinate is one clear error line naming it", arguments: ["91,0", "abc", "", "NaN,1"])
    func malformed(_ text: String) throws {
        let command = try Incidents.Distance.parse([text, "36.5024,40.7477"])
        #expect {
            try command.render()
        } throws: { error in
            "\(error)".contains("\"\(text)\"") && !"\(error)".contains("\n")
        }
    }

    @Test("Help names the subcommands and the coordinate order")
    func help() {
        let root = Incidents.helpMessage()
        #expect(root.contains("distance"))
        let distance = Incidents.helpMessage(for: Incidents.Distance.self)
        #expect(distance.contains("LAT,LON"))
        #expect(distance.contains("--json"))
    }
}

@Suite("Command-line validation")
struct ValidationTests {
    @Test(
        "Bad options give a clear error before anything runs",
        arguments: [
            ["export", "--out", "/tmp/x", "--by", "year2"], ["export", "--out", "/tmp/x", "--from", "2022-13-01"],
            ["export", "--out", "/tmp/x", "--layers", "roads"], ["near", "Hasakah", "--within", "ten"],
            ["near", "Hasakah", "--from", "2022-02-01", "--to", "2022-01-01"], ["near", "Hasakah", "--type", "party"],
            ["list", "--limit", "0"], ["resolve", "x", "--limit", "0"], ["places", "near", "x", "--within", "-"],
        ])
    func badOptions(_ arguments: [String]) {
        #expect(throws: (any Error).self) {
            var command = try Incidents.parseAsRoot(arguments)
            try command.validate()
        }
        // The message names the bad value.
        let message = Incidents.message(for: Self.error(arguments))
        #expect(!message.isEmpty)
    }

    static func error(_ arguments: [String]) -> any Error {
        do {
            var command = try Incidents.parseAsRoot(arguments)
            try command.validate()
            return CancellationError()
        } catch {
            return error
        }
    }
}
