public import IncidentGeodesy
import Foundation

/// What kind of place a gazetteer entry is.
public enum PlaceKind: String, Codable, Hashable, Sendable, CaseIterable {
    case country, region, governorate, district, city, town, village, neighborhood
    case prison, camp, base, oilfield, border, road, river, dam, airport, facility

    /// Facilities sit inside or near a settlement: "سجن الشدادي" is a prison near al-Shaddadi.
    public var isFacility: Bool {
        switch self {
        case .prison, .camp, .base, .oilfield, .border, .dam, .airport, .facility: true
        default: false
        }
    }

    /// Settlements: the places a facility's name usually mentions.
    public var isSettlement: Bool {
        switch self {
        case .city, .town, .village, .neighborhood: true
        default: false
        }
    }

    /// Areas large enough that a point is only their label (ACLED geo-precision 3).
    public var isArea: Bool {
        switch self {
        case .country, .region, .governorate, .district, .road, .river: true
        default: false
        }
    }

    /// Parses a kind as users write it (`prison`, `prisons`, `oil field`, `neighbourhood`).
    public init?(userText: String) {
        var text = userText.lowercased().replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "_", with: "")
        if text == "neighbourhood" { text = "neighborhood" }
        if text == "oilfields" || text == "oilfield" || text == "gasfield" { text = "oilfield" }
        if text.hasSuffix("s"), PlaceKind(rawValue: String(text.dropLast())) != nil { text.removeLast() }
        guard let kind = PlaceKind(rawValue: text) else { return nil }
        self = kind
    }
}

/// One entry of the gazetteer: a place with its names and the source of its coordinates.
public struct Place: Hashable, Sendable, Identifiable {
    /// Stable id: `geonames:172837`, `curated:prison-shaddadi`, `ne:SY`.
    public let id: String
    /// Canonical English name.
    public let name: String
    /// The Arabic name most news uses, when known.
    public let arabicName: String?
    /// Every name and spelling, canonical first.
    public let names: [String]
    public let kind: PlaceKind
    public let coordinate: GeoCoordinate
    /// ISO 3166-1 alpha-2 code.
    public let country: String
    /// The id of the containing or nearby place, when known.
    public var parentID: String?
    /// Population, when GeoNames knows it.
    public let population: Int
    /// How far the true place may lie from ``coordinate``, in kilometres.
    public let uncertaintyKilometers: Double
    /// Where the coordinates come from: a URL, `geonames:ID`, `naturalearth`, or `estimate: …`.
    public let source: String

    /// A place; `names` should start with `name`.
    public init(
        id: String, name: String, arabicName: String?, names: [String], kind: PlaceKind, coordinate: GeoCoordinate,
        country: String, parentID: String?, population: Int, uncertaintyKilometers: Double, source: String
    ) {
        self.id = id
        self.name = name
        self.arabicName = arabicName
        self.names = names
        self.kind = kind
        self.coordinate = coordinate
        self.country = country
        self.parentID = parentID
        self.population = population
        self.uncertaintyKilometers = uncertaintyKilometers
        self.source = source
    }

    /// Whether this is a place the gazetteer lacks, named in a text and placed at the known place
    /// the text puts it in or beside (its ``parentID``): the coordinates are that place's.
    public var isUnlocated: Bool { id.hasPrefix("unlocated:") }
}

/// A ranked answer to a name look-up.
public struct PlaceCandidate: Hashable, Sendable {
    public let place: Place
    /// 0...1, higher is better; comparable between candidates of one query.
    public let score: Double
    /// How the name matched.
    public let match: Match
    /// The geodesic distance from the `near` hint, when one was given.
    public let distanceMeters: Double?

    /// How a query name met a place name.
    public enum Match: String, Hashable, Sendable, Codable {
        /// The folded names are equal.
        case exact
        /// The Latin sound keys are equal (a transliteration variant).
        case sound
        /// Similar spelling (edit distance on the folded names).
        case fuzzy
        /// The name is a settlement and the place is the facility of the asked kind beside it.
        case facilityNear
    }
}
