public import ArgumentParser
import Foundation
import IncidentGeodesy

extension Incidents {
    /// `incidents distance A B`: the geodesic distance between two places.
    public struct Distance: ParsableCommand {
        /// Help text.
        public static let configuration = CommandConfiguration(
            abstract: "Geodesic distance in metres between two points (WGS 84).",
            discussion: "A and B are LAT,LON pairs, latitude first: 36.0576,40.7348."
        )

        @Argument(help: "The first point, LAT,LON.")
        var from: String

        @Argument(help: "The second point, LAT,LON.")
        var to: String

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
            let start = try GeoCoordinate(parsing: from)
            let end = try GeoCoordinate(parsing: to)
            let line = Geodesic.inverse(from: start, to: end)
            let meters = (line.distanceMeters * 10).rounded() / 10
            if json {
                let report = DistanceReport(from: .init(start), to: .init(end), meters: meters)
                return try encodeJSON(report)
            }
            let km = String(format: "%.2f", meters / 1000)
            let azimuth = String(format: "%.1f", (line.initialAzimuthDegrees + 360).truncatingRemainder(dividingBy: 360))
            return "\(start) → \(end): \(formatMeters(meters)) m (\(km) km), initial bearing \(azimuth)°"
        }
    }
}

/// The JSON shape of `incidents distance --json`.
struct DistanceReport: Encodable {
    struct Position: Encodable {
        let lat: Double
        let lon: Double
        init(_ c: GeoCoordinate) {
            lat = c.latitude
            lon = c.longitude
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
