public import ArgumentParser
import Foundation
import Gazetteer
import IncidentGeodesy

extension Incidents {
    /// `incidents resolve NAME`: the places a name may stand for, best first.
    public struct Resolve: ParsableCommand {
        /// Help text.
        public static let configuration = CommandConfiguration(
            abstract: "Resolve a place name (Arabic or any Latin spelling) to ranked candidates.",
            discussion: "Prints an empty list (and exits 0) when nothing matches.")

        @Argument(help: "The name as written: الشدادي, والشدادي, Ash Shaddadah, Ghweiran…")
        var name: String

        @Option(help: "The kind the text implies: prison, camp, base, oilfield, border, town…")
        var kind: PlaceKind?

        @Option(help: "Prefer places near this place name or LAT,LON.")
        var near: String?

        @Option(help: "How many candidates to print.")
        var limit = 5

        @Flag(help: "Print a JSON array of candidates.")
        var json = false

        @OptionGroup var gazetteer: GazetteerOptions

        /// Created by ArgumentParser.
        public init() {}

        /// Checks options before anything is loaded.
        public func validate() throws {
            guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
        }

        /// Runs the command.
        public func run() throws {
            print(try render())
        }

        func render() throws -> String {
            let g = try gazetteer.load()
            var hints = ResolveHints(kind: kind)
            if let near { hints.near = try PlaceArgument.resolve(near, in: { g }).coordinate }
            let candidates = g.resolve(name, hints: hints, limit: limit)
            if json {
                return try encodeJSON(candidates.map(CandidateJSON.init))
            }
            guard !candidates.isEmpty else { return "no match for \"\(name.prefix(80))\"" }
            return candidates.map { c in
                let p = c.place
                return String(
                    format: "%.3f  %@  %@  %@  %@  %@  [%@]", c.score, p.name, p.arabicName ?? "-", p.kind.rawValue,
                    p.coordinate.description, p.country, p.id)
            }.joined(separator: "\n")
        }
    }
}

/// The JSON shape of one candidate in `incidents resolve --json`.
struct CandidateJSON: Encodable {
    let id: String
    let name: String
    let name_ar: String?
    let kind: String
    let lat: Double
    let lon: Double
    let score: Double
    let country: String
    let match: String
    let uncertainty_km: Double
    let source: String

    init(_ c: PlaceCandidate) {
        id = c.place.id
        name = c.place.name
        name_ar = c.place.arabicName
        kind = c.place.kind.rawValue
        lat = c.place.coordinate.latitude
        lon = c.place.coordinate.longitude
        score = (c.score * 1000).rounded() / 1000
        country = c.place.country
        match = c.match.rawValue
        uncertainty_km = c.place.uncertaintyKilometers
        source = c.place.source
    }
}
