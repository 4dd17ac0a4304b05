public import ArgumentParser
import Extraction
import Foundation
import Gazetteer
import IncidentGeodesy

extension Incidents {
    /// `incidents eval --gold FILE`: scores the extractor against analyst annotations.
    public struct Eval: ParsableCommand {
        /// Help text.
        public static let configuration = CommandConfiguration(
            abstract: "Score extraction against a gold file (the format of gold/FORMAT.md).")

        @Option(help: "The gold JSON Lines file.")
        var gold: String

        @Flag(help: "Print the scores as one JSON object.")
        var json = false

        @Option(help: "Also write what the extractor found, one JSON line per gold document.")
        var predictions: String?

        @OptionGroup var gazetteer: GazetteerOptions

        /// Created by ArgumentParser.
        public init() {}

        /// Runs the command.
        public func run() throws {
            let documents = try Evaluation.readGold(path: gold)
            let extractor = Extractor(gazetteer: try gazetteer.load())
            let (report, extractions) = try Evaluation.run(gold: documents, goldPath: gold, extractor: extractor)
            if let predictions {
                let lines = try extractions.map { try encodeJSON(PredictionJSON($0)) }
                try (lines.joined(separator: "\n") + "\n").write(toFile: predictions, atomically: true, encoding: .utf8)
            }
            print(json ? try encodeJSON(report) : render(report))
        }

        func render(_ r: Evaluation.Report) -> String {
            func f(_ x: Double) -> String { String(format: "%.3f", x) }
            var lines = [
                "documents: \(r.documents)",
                "toponyms   P \(f(r.toponyms.precision))  R \(f(r.toponyms.recall))  F1 \(f(r.toponyms.f1))  median \(f(r.toponyms.median_km)) km  within tolerance \(f(r.toponyms.within_tolerance))  within 161 km \(f(r.toponyms.within_161km))",
                "incidents  P \(f(r.incidents.precision))  R \(f(r.incidents.recall))  F1 \(f(r.incidents.f1))  date exact \(f(r.incidents.date_exact))  all actors \(f(r.incidents.actors_all))",
            ]
            for d in r.details {
                lines.append("\n\(d.id)")
                for (label, items) in [
                    ("missed toponym", d.missedToponyms), ("extra toponym", d.extraToponyms), ("far toponym", d.farToponyms),
                    ("missed incident", d.missedIncidents), ("extra incident", d.extraIncidents),
                ] {
                    for item in items { lines.append("  \(label): \(item)") }
                }
            }
            return lines.joined(separator: "\n")
        }
    }
}

/// One line of `--predictions`: the gold format, filled by the extractor.
struct PredictionJSON: Encodable {
    struct Toponym: Encodable {
        let surface: String
        let name: String
        let kind: String
        let lat: Double
        let lon: Double
        /// Where the coordinates come from; "unlocated: …" for a place the gazetteer lacks, placed
        /// at the known place the text puts it in.
        let coord_source: String
        let tolerance_km: Double
    }
    struct IncidentJSON: Encodable {
        let type: String
        let date: String?
        let date_end: String?
        let date_precision: String?
        let place: String
        let lat: Double
        let lon: Double
        let geo_precision: Int
        let actors: [String]
        let fatalities: Int?
        let people: Int?
        let claimed_by: String?
        let disputed: Bool
        let sentence: String?
    }
    let id: String
    let published: String?
    let toponyms: [Toponym]
    let incidents: [IncidentJSON]

    init(_ e: Extraction) {
        id = e.article.id
        published = e.article.published?.description
        var seen = Set<String>()
        toponyms = e.mentions.filter { $0.score > 0 && !$0.isAnaphor && seen.insert($0.place.id).inserted }.map {
            Toponym(
                surface: $0.surface, name: $0.place.name, kind: $0.place.kind.rawValue, lat: $0.place.coordinate.latitude,
                lon: $0.place.coordinate.longitude, coord_source: $0.place.source, tolerance_km: $0.place.uncertaintyKilometers)
        }
        incidents = e.incidents.map { i in
            IncidentJSON(
                type: i.type.rawValue, date: i.date?.start.description, date_end: i.date?.end?.description,
                date_precision: i.date?.precision.rawValue, place: i.place.name, lat: i.place.coordinate.latitude,
                lon: i.place.coordinate.longitude, geo_precision: i.geoPrecision, actors: i.actors.map(\.rawValue),
                fatalities: i.fatalities, people: i.people, claimed_by: i.claimedBy, disputed: i.disputed,
                sentence: i.sources.first?.sentence)
        }
    }
}
