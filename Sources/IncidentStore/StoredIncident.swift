public import Extraction
public import Gazetteer
public import IncidentGeodesy

/// An incident as the store keeps it: what extraction found, with a stable id and every source.
public struct StoredIncident: Hashable, Sendable {
    /// Stable across runs: derived from the first report of the incident.
    public var id: String
    public var type: IncidentType
    public var date: DateRange?
    public var dateInferred: Bool
    public var placeID: String
    public var placeName: String
    public var placeNameArabic: String?
    public var placeKind: PlaceKind
    /// How far the place's true position may be from ``coordinate``.
    public var placeUncertaintyKilometers: Double
    public var coordinate: GeoCoordinate
    public var geoPrecision: Int
    public var actors: [Actor]
    public var fatalities: Int?
    public var people: Int?
    public var claimedBy: String?
    public var disputed: Bool
    public var sources: [IncidentSource]

    /// A stored incident as a backend reads it.
    public init(
        id: String, type: IncidentType, date: DateRange?, dateInferred: Bool, placeID: String, placeName: String,
        placeNameArabic: String?, placeKind: PlaceKind, placeUncertaintyKilometers: Double, coordinate: GeoCoordinate,
        geoPrecision: Int, actors: [Actor], fatalities: Int?, people: Int?, claimedBy: String?, disputed: Bool,
        sources: [IncidentSource]
    ) {
        self.id = id
        self.type = type
        self.date = date
        self.dateInferred = dateInferred
        self.placeID = placeID
        self.placeName = placeName
        self.placeNameArabic = placeNameArabic
        self.placeKind = placeKind
        self.placeUncertaintyKilometers = placeUncertaintyKilometers
        self.coordinate = coordinate
        self.geoPrecision = geoPrecision
        self.actors = actors
        self.fatalities = fatalities
        self.people = people
        self.claimedBy = claimedBy
        self.disputed = disputed
        self.sources = sources
    }
}

/// An incident with its distance from the point a query asked about.
public struct NearbyIncident: Hashable, Sendable {
    public var incident: StoredIncident
    public var distanceMeters: Double

    /// An incident `distanceMeters` from the query's centre.
    public init(incident: StoredIncident, distanceMeters: Double) {
        self.incident = incident
        self.distanceMeters = distanceMeters
    }
}

/// What `near` and `list` filter on. Every field is optional.
public struct IncidentFilter: Sendable, Hashable {
    public var from: Day?
    public var to: Day?
    public var types: Set<IncidentType>
    public var actor: Actor?
    /// Only incidents at this place id.
    public var placeID: String?
    public var limit: Int

    /// A filter; `limit` bounds the answer (the server caps it too).
    public init(from: Day? = nil, to: Day? = nil, types: Set<IncidentType> = [], actor: Actor? = nil, placeID: String? = nil, limit: Int = 100) {
        self.from = from
        self.to = to
        self.types = types
        self.actor = actor
        self.placeID = placeID
        self.limit = limit
    }
}

/// What one ingest did.
public struct IngestOutcome: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable {
        /// First time this document was stored.
        case added
        /// The document changed: its old incidents were replaced.
        case replaced
        /// Unchanged since the last ingest: nothing written.
        case unchanged
    }
    public var document: String
    public var status: Status
    public var incidents: Int

    /// What an ingest of `document` did.
    public init(document: String, status: Status, incidents: Int) {
        self.document = document
        self.status = status
        self.incidents = incidents
    }
}

/// Store errors, each naming what failed.
public enum StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    case cannotOpen(location: String, reason: String)
    case unsupportedLocation(String)
    case notFound(id: String)
    case invalidQuery(reason: String)
    case failed(location: String, reason: String)

    /// One line naming the input.
    public var description: String {
        switch self {
        case .cannotOpen(let location, let reason): "cannot open the database at \(location): \(reason)"
        case .unsupportedLocation(let location): "unsupported database \"\(location)\": give a file path (SQLite) or postgres://…"
        case .notFound(let id): "no incident with id \"\(id)\""
        case .invalidQuery(let reason): "invalid query: \(reason)"
        case .failed(let location, let reason): "the database at \(location) failed: \(reason)"
        }
    }
}
