public import ArgumentParser
import Foundation
import Gazetteer
import IncidentGeodesy

extension Incidents {
    /// `incidents distance A B`: the geodesic distance between two places.
    public struct Distance: ParsableCommand {
        /// Help text.
        public static let configuration = CommandConfiguration(
            abstract: "Geodesic distance in metres between two places or points (WGS 84).",
            discussion: """
                A and B are place names in Arabic or Latin script ("al-Shaddadi prison", الحسكة) or \
                LAT,LON pairs, latitude first: 36.0576,40.7348.
                """
        )

        @Argument(help: "The first place: a name or LAT,LON.")
        var from: String

        @Argument(help: "The second place: a name or LAT,LON.")
        var to: String

        @OptionGroup var gazetteer: GazetteerOptions

        @Flag(help: "Print {\"from\", \"to\", \"meters\"} as JSON.")
        var json = false

        /// Created by ArgumentParser.
        public init() {}

        /// Runs the command.
        public func run() throws {
            print(try render())
        }

        /// What `run` prints; separate so tests can read it.
        func render() throws -> String {
            // The gazetteer is loaded only when a name needs it.
            var loaded: Gazetteer?
            let load = { () throws -> Gazetteer in
                if let loaded { return loaded }
                let g = try gazetteer.load()
                loaded = g
                return g
            }
            let a = try PlaceArgument.resolve(from, in: load)
            let b = try PlaceArgument.resolve(to, in: load)
            let (start, end) = (a.coordinate, b.coordinate)
            let line = Geodesic.inverse(from: start, to: end)
            let meters = (line.distanceMeters * 10).rounded() / 10
            if json {
                let report = DistanceReport(from: .init(a), to: .init(b), meters: meters)
                return try encodeJSON(report)
            }
            let km = String(format: "%.2f", meters / 1000)
            let azimuth = String(format: "%.1f", (line.initialAzimuthDegrees + 360).truncatingRemainder(dividingBy: 360))
            return "\(a.label) → \(b.label): \(formatMeters(meters)) m (\(km) km), initial bearing \(azimuth)°"
        }
    }
}

/// The JSON shape of `incidents distance --json`.
struct DistanceReport: Encodable {
    struct Position: Encodable {
        let lat: Double
        let lon: Double
        let name: String?
        let id: String?
        init(_ p: PlaceArgument) {
            lat = p.coordinate.latitude
            lon = p.coordinate.longitude
            name = p.place?.name
            id = p.place?.id
        }
    }
    let from: Position
    let to: Position
    let meters: Double
}

/// Compact, key-sorted JSON, so output is stable across runs.
func encodeJSON(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}

/// `49370.2` → `"49,370"`: whole metres with thousands separators, for people.
func formatMeters(_ meters: Double) -> String {
    let whole = Int(meters.rounded())
    let digits = String(abs(whole))
    var out = ""
    for (i, c) in digits.enumerated() {
        if i > 0, (digits.count - i) % 3 == 0 { out += "," }
        out.append(c)
    }
    return whole < 0 ? "-" + out : out
}
