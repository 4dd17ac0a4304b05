public import ArgumentParser
import Foundation
public import Gazetteer
import IncidentGeodesy

/// Options shared by every command that looks places up.
public struct GazetteerOptions: ParsableArguments {
    @Option(name: .customLong("gazetteer"), help: "The gazetteer folder (default: $INCIDENTS_GAZETTEER or ./gazetteer).")
    var directory: String?

    /// Created by ArgumentParser.
    public init() {}

    /// Loads the gazetteer.
    func load() throws -> Gazetteer {
        try Gazetteer.load(from: try Gazetteer.locateData(explicit: directory))
    }

    /// The gazetteer folder (for its other files: borders, control baseline).
    func folder() throws -> URL {
        try Gazetteer.locateData(explicit: directory)
    }
}

/// A place given on the command line: a name or a `LAT,LON` pair.
struct PlaceArgument {
    let coordinate: GeoCoordinate
    let label: String
    let place: Place?

    /// Reads `text` as coordinates when it looks like a pair, otherwise as a name.
    static func resolve(_ text: String, in gazetteer: () throws -> Gazetteer, kind: PlaceKind? = nil) throws -> PlaceArgument {
        if GeoCoordinate.looksLikeCoordinate(text) {
            let c = try GeoCoordinate(parsing: text)
            return PlaceArgument(coordinate: c, label: c.description, place: nil)
        }
        let best = try gazetteer().resolveBest(text, hints: ResolveHints(kind: kind))
        return PlaceArgument(coordinate: best.place.coordinate, label: best.place.name, place: best.place)
    }
}

extension PlaceKind: ExpressibleByArgument {
    /// Parses `prison`, `prisons`, `oil field`…
    public init?(argument: String) {
        self.init(userText: argument)
    }

    /// Every kind, for help and completion.
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

/// `--within 10km` and friends.
struct MetersArgument: ExpressibleByArgument {
    let meters: Double
    init?(argument: String) {
        guard let m = try? DistanceText.meters(argument) else { return nil }
        meters = m
    }
}
