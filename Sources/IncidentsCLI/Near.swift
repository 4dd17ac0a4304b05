public import ArgumentParser
import Extraction
import Foundation
import Gazetteer
import IncidentGeodesy
import IncidentStore

/// Filters shared by `near` and `list`.
struct IncidentFilterOptions: ParsableArguments {
    @Option(help: "Only incidents on or after this day (YYYY-MM-DD).")
    var from: DayArgument?

    @Option(help: "Only incidents on or before this day (YYYY-MM-DD).")
    var to: DayArgument?

    @Option(help: "Only these types, comma-separated: attack,clash,escape,…")
    var type: String?

    @Option(help: "Only incidents involving this actor: SDF, ISIS, \"Syrian government\"…")
    var actor: Actor?

    @Option(help: "At most this many incidents.")
    var limit = 50

    func validate() throws {
        if let from, let to, from.day > to.day {
            throw ValidationError("--from \(from.day) is after --to \(to.day)")
        }
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
        _ = try types()
    }

    func types() throws -> Set<IncidentType> {
        guard let type else { return [] }
        var result = Set<IncidentType>()
        for part in type.split(separator: ",") {
            let name = part.trimmingCharacters(in: .whitespaces)
            guard let t = IncidentType(rawValue: name) else {
                throw ValidationError("unknown incident type \"\(name)\"; known: \(IncidentType.allValueStrings.joined(separator: ", "))")
            }
            result.insert(t)
        }
        return result
    }

    func filter(placeID: String? = nil) throws -> IncidentFilter {
        IncidentFilter(from: from?.day, to: to?.day, types: try types(), actor: actor, placeID: placeID, limit: limit)
    }
}

/// Output formats of the query commands.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, geojson
}

extension Incidents {
    /// `incidents near PLACE`: what happened within a radius of a place or point.
    public struct Near: AsyncParsableCommand {
        /// Help text.
        public static let configuration = CommandConfiguration(
            abstract: "Incidents within a radius of a place or LAT,LON, nearest first then newest (geodesic).")

        @Argument(help: "A place name (Arabic or Latin) or LAT,LON.")
        var place: String

        @Option(help: "The radius: 10km, 500m, 3mi.")
        var within: MetersArgument = MetersArgument(argument: "10km")!

        @OptionGroup var filters: IncidentFilterOptions

        @Option(help: "table, json or geojson.")
        var format: OutputFormat = .table

        @OptionGroup var store: StoreOptions
        @OptionGroup var gazetteer: GazetteerOptions

        /// Created by ArgumentParser.
        public init() {}

        /// Runs the command.
        public func run() async throws {
            print(try await render())
        }

        func render() async throws -> String {
            let center = try PlaceArgument.resolve(place, in: { try gazetteer.load() })
            let filter = try filters.filter()
            let found = try await store.withStore { try await $0.near(center.coordinate, radiusMeters: within.meters, filter: filter) }
            switch format {
            case .json:
                return try encodeJSON(found.map { IncidentJSON($0.incident, distance: $0.distanceMeters) })
            case .geojson:
                return IncidentJSON.featureCollection(found.map { ($0.incident, $0.distanceMeters) })
            case .table:
                guard !found.isEmpty else {
                    return "no incidents within \(formatMeters(within.meters)) m of \(center.label)"
                }
                var lines = ["\(found.count) incident(s) within \(formatMeters(within.meters)) m of \(center.label):"]
                for n in found {
                    lines.append(tableLine(n.incident, distance: n.distanceMeters))
                }
                return lines.joined(separator: "\n")
            }
        }
    }

    /// `incidents list`: incidents by date, type and place.
    public struct List: AsyncParsableCommand {
        /// Help text.
        public static let configuration = CommandConfiguration(abstract: "List stored incidents, newest first.")

        @OptionGroup var filters: IncidentFilterOptions

        @Option(help: "Only incidents at this place (a name).")
        var place: String?

        @Option(help: "table, json or geojson.")
        var format: OutputFormat = .table

        @OptionGroup var store: StoreOptions
        @OptionGroup var gazetteer: GazetteerOptions

        /// Created by ArgumentParser.
        public init() {}

        /// Runs the command.
        public func run() async throws {
            var placeID: String?
            if let place {
                placeID = try PlaceArgument.resolve(place, in: { try gazetteer.load() }).place?.id
            }
            let filter = try filters.filter(placeID: placeID)
            let found = try await store.withStore { try await $0.list(filter) }
            switch format {
            case .json: print(try encodeJSON(found.map { IncidentJSON($0, distance: nil) }))
            case .geojson: print(IncidentJSON.featureCollection(found.map { ($0, nil) }))
            case .table:
                print(found.isEmpty ? "no incidents" : found.map { tableLine($0, distance: nil) }.joined(separator: "\n"))
            }
        }
    }

    /// `incidents show ID`: one incident with every source sentence.
    public struct Show: AsyncParsableCommand {
        /// Help text.
        public static let configuration = CommandConfiguration(abstract: "Show one incident with every source, claim and dispute.")

        @Argument(help: "The incident id (from near, list or an export).")
        var id: String

        @Flag(help: "Print JSON.")
        var json = false

        @OptionGroup var store: StoreOptions

        /// Created by ArgumentParser.
        public init() {}

        /// Runs the command.
        public func run() async throws {
            let id = self.id
            let i = try await store.withStore { try await $0.incident(id: id) }
            if json {
                print(try encodeJSON(IncidentJSON(i, distance: nil)))
                return
            }
            var lines = [
                "\(i.id)  \(i.type.rawValue)",
                "date:      \(dateText(i))",
                "place:     \(i.placeName)\(i.placeNameArabic.map { " (\($0))" } ?? "")  \(i.coordinate)  geo-precision \(i.geoPrecision)",
                "actors:    \(i.actors.map(\.rawValue).joined(separator: ", "))",
                "counts:    fatalities \(i.fatalities.map(String.init) ?? "-"), people \(i.people.map(String.init) ?? "-")",
                "claimed:   \(i.claimedBy ?? "-")\(i.disputed ? "  (disputed)" : "")",
                "sources:",
            ]
            for s in i.sources {
                lines.append("  [\(s.document) \(s.start)-\(s.end)] \(s.sentence)")
            }
            print(lines.joined(separator: "\n"))
        }
    }
}

func dateText(_ i: StoredIncident) -> String {
    guard let d = i.date else { return "unknown" }
    var text = d.start.description
    if let end = d.end { text += "…\(end)" }
    if d.precision != .day { text += " (\(d.precision.rawValue))" }
    if i.dateInferred { text += " (reported; no date in the text)" }
    return text
}

func tableLine(_ i: StoredIncident, distance: Double?) -> String {
    let d = distance.map { formatMeters($0).leftPad(8) + " m  " } ?? ""
    let sentence = i.sources.first.map { "  «\($0.sentence.prefix(100))»" } ?? ""
    return "\(d)\(dateText(i))  \(i.type.rawValue)  \(i.placeName)  [\(i.actors.map(\.rawValue).joined(separator: ", "))]  \(i.id)\(sentence)"
}

/// The JSON shape of an incident in `near`, `list` and `show`.
struct IncidentJSON: Encodable {
    struct Source: Encodable {
        let document: String
        let start: Int
        let end: Int
        let sentence: String
    }
    let id: String
    let type: String
    let date: String?
    let date_end: String?
    let date_precision: String?
    let place: String
    let place_id: String
    let lat: Double
    let lon: Double
    let distance_m: Double?
    let geo_precision: Int
    let actors: [String]
    let fatalities: Int?
    let people: Int?
    let claimed_by: String?
    let disputed: Bool
    let sources: [Source]

    init(_ i: StoredIncident, distance: Double?) {
        id = i.id
        type = i.type.rawValue
        date = i.date?.start.description
        date_end = i.date?.end?.description
        date_precision = i.date?.precision.rawValue
        place = i.placeName
        place_id = i.placeID
        lat = i.coordinate.latitude
        lon = i.coordinate.longitude
        distance_m = distance.map { $0.rounded() }
        geo_precision = i.geoPrecision
        actors = i.actors.map(\.rawValue)
        fatalities = i.fatalities
        people = i.people
        claimed_by = i.claimedBy
        disputed = i.disputed
        sources = i.sources.map { Source(document: $0.document, start: $0.start, end: $0.end, sentence: $0.sentence) }
    }

    /// A GeoJSON FeatureCollection of incidents (RFC 7946: lon, lat; 6 decimals).
    static func featureCollection(_ items: [(StoredIncident, Double?)]) -> String {
        let features = items.map { i, d -> String in
            let properties = (try? encodeJSON(IncidentJSON(i, distance: d))) ?? "{}"
            let lon = formatCoordinate6(i.coordinate.longitude)
            let lat = formatCoordinate6(i.coordinate.latitude)
            return #"{"type":"Feature","id":"\#(i.id)","geometry":{"type":"Point","coordinates":[\#(lon),\#(lat)]},"properties":\#(properties)}"#
        }
        return #"{"type":"FeatureCollection","features":["# + features.joined(separator: ",") + "]}"
    }
}

func formatCoordinate6(_ value: Double) -> String {
    String(format: "%.6f", value)
}
