public import ArgumentParser
import Foundation
import Gazetteer
import IncidentGeodesy

extension Incidents {
    /// `incidents places …`: questions about the gazetteer's places.
    public struct Places: ParsableCommand {
        /// Help text.
        public static let configuration = CommandConfiguration(
            abstract: "Find gazetteer places around a place or a point.",
            subcommands: [Near.self, Nearest.self])

        /// Created by ArgumentParser.
        public init() {}
    }
}

extension Incidents.Places {
    /// `incidents places near PLACE --within 10km`.
    public struct Near: ParsableCommand {
        /// Help text.
        public static let configuration = CommandConfiguration(
            abstract: "Places within a radius of a place or LAT,LON, nearest first (geodesic).")

        @Argument(help: "A place name or LAT,LON.")
        var place: String

        @Option(help: "The radius: 10km, 500m, 3mi.")
        var within: MetersArgument = MetersArgument(argument: "10km")!

        @Option(help: "Only places of this kind.")
        var kind: PlaceKind?

        @Option(help: "At most this many places.")
        var limit = 50

        @Flag(help: "Print a JSON array.")
        var json = false

        @OptionGroup var gazetteer: GazetteerOptions

        /// Created by ArgumentParser.
        public init() {}

        /// Runs the command.
        public func run() throws {
            print(try render())
        }

        func render() throws -> String {
            let g = try gazetteer.load()
            let center = try PlaceArgument.resolve(place, in: { g })
            let found = try g.places(near: center.coordinate, radiusMeters: within.meters, kind: kind).prefix(limit)
            return try renderPlaces(Array(found), json: json, empty: "no places within \(formatMeters(within.meters)) m of \(center.label)")
        }
    }

    /// `incidents nearest PLACE --kind base` (also `incidents places nearest`).
    public struct Nearest: ParsableCommand {
        /// Help text.
        public static let configuration = CommandConfiguration(
            abstract: "The nearest places of a kind to a place or LAT,LON (e.g. the base nearest a prison).")

        @Argument(help: "A place name or LAT,LON.")
        var place: String

        @Option(help: "The kind to look for: base, prison, camp…")
        var kind: PlaceKind

        @Option(help: "How many places.")
        var limit = 3

        @Flag(help: "Print a JSON array.")
        var json = false

        @OptionGroup var gazetteer: GazetteerOptions

        /// Created by ArgumentParser.
        public init() {}

        /// Runs the command.
        public func run() throws {
            print(try render())
        }

        func render() throws -> String {
            let g = try gazetteer.load()
            let center = try PlaceArgument.resolve(place, in: { g })
            let found = try g.nearest(to: center.coordinate, kind: kind, count: limit, excluding: center.place?.id)
            return try renderPlaces(found, json: json, empty: "no \(kind.rawValue) found")
        }
    }
}

/// The JSON shape of a place with its distance.
struct PlaceDistanceJSON: Encodable {
    let id: String
    let name: String
    let name_ar: String?
    let kind: String
    let lat: Double
    let lon: Double
    let distance_m: Double
}

func renderPlaces(_ found: [(place: Place, distanceMeters: Double)], json: Bool, empty: String) throws -> String {
    if json {
        return try encodeJSON(
            found.map {
                PlaceDistanceJSON(
                    id: $0.place.id, name: $0.place.name, name_ar: $0.place.arabicName, kind: $0.place.kind.rawValue,
                    lat: $0.place.coordinate.latitude, lon: $0.place.coordinate.longitude,
                    distance_m: $0.distanceMeters.rounded())
            })
    }
    guard !found.isEmpty else { return empty }
    return found.map {
        "\(formatMeters($0.distanceMeters).leftPad(9)) m  \($0.place.name)  \($0.place.arabicName ?? "-")  \($0.place.kind.rawValue)  [\($0.place.id)]"
    }.joined(separator: "\n")
}

extension String {
    func leftPad(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
