public import Extraction
public import IncidentGeodesy

/// What every storage backend answers: the embedded SQLite file (``IncidentStore``) and a
/// shared PostgreSQL/PostGIS database (`PostGISStore`). The CLI and the tests talk to this
/// protocol, so both backends run the same queries and the same tests.
public protocol IncidentStoring: Sendable {
    /// Where the database is, for messages (a path or a URL without its password).
    var location: String { get }

    /// Stores what extraction found in one article, in one transaction; unchanged articles
    /// change nothing and changed ones replace their own incidents.
    func ingest(_ extraction: Extraction) async throws -> IngestOutcome

    /// Incidents within `radiusMeters` (geodesic) of `center`, nearest first then newest.
    func near(_ center: GeoCoordinate, radiusMeters: Double, filter: IncidentFilter) async throws -> [NearbyIncident]

    /// Incidents matching `filter`, newest first (undated last).
    func list(_ filter: IncidentFilter) async throws -> [StoredIncident]

    /// One incident with every source; ``StoreError/notFound(id:)`` when there is none.
    func incident(id: String) async throws -> StoredIncident

    /// How many documents, incidents and incident sources are stored.
    func counts() async throws -> StoreCounts
}

/// Row counts of a store.
public struct StoreCounts: Hashable, Sendable, CustomStringConvertible {
    public var documents: Int
    public var incidents: Int
    public var sources: Int

    /// Counts as read from a store.
    public init(documents: Int, incidents: Int, sources: Int) {
        self.documents = documents
        self.incidents = incidents
        self.sources = sources
    }

    /// "5 documents, 31 incidents, 40 sources".
    public var description: String { "\(documents) documents, \(incidents) incidents, \(sources) sources" }
}

// MARK: - Rules both backends share

extension IncidentFilter {
    /// Refuses a filter no backend should run: `from` after `to`, a negative limit.
    public func validated() throws(StoreError) -> IncidentFilter {
        if let from, let to, from > to { throw .invalidQuery(reason: "--from \(from) is after --to \(to)") }
        if limit < 0 { throw .invalidQuery(reason: "limit must be zero or more") }
        return self
    }
}

extension NearbyIncident {
    static func newest(_ n: NearbyIncident) -> Int { n.incident.date.map { -$0.start.ordinal } ?? Int.max }

    /// The first `limit` of `found` in the order of a `near` answer: nearest first, then newest
    /// (undated last), then by id. Sorts indices, not the incidents: moving whole incidents
    /// about costs more than the query.
    public static func sorted(_ found: [NearbyIncident], limit: Int) -> [NearbyIncident] {
        let order = found.indices.sorted { i, j in
            let a = found[i], b = found[j]
            if a.distanceMeters != b.distanceMeters { return a.distanceMeters < b.distanceMeters }
            let (na, nb) = (newest(a), newest(b))
            if na != nb { return na < nb }
            return a.incident.id < b.incident.id
        }
        return order.prefix(max(0, limit)).map { found[$0] }
    }
}

extension StoredIncident {
    /// How far apart two reports of one incident may be placed, and how far the store looks
    /// for candidates (wider, so a candidate whose place merges to a nearby one is found).
    public static let mergeKilometers = 2.0
    public static let candidateRadiusMeters = 15_000.0
    /// Candidates' dates may lie this many days from the new report's.
    public static let candidateDays = 8

    /// The stored incident that `incident` reports again, and the two merged; nil when it is new.
    ///
    /// Candidates are tried in id order so that both backends pick the same one.
    public static func mergeTarget(for incident: Incident, among candidates: [StoredIncident]) -> (target: StoredIncident, merged: Incident)? {
        for stored in candidates.sorted(by: { $0.id < $1.id }) {
            let merged = Extractor.merge([stored.asIncident(), incident], maxKilometers: mergeKilometers)
            if merged.count == 1 { return (stored, merged[0]) }
        }
        return nil
    }

    /// The id a new incident gets when its own id is taken by a different incident.
    public static func fallbackID(for incident: Incident) -> String {
        incident.id + "-\(incident.sources.first?.start ?? 0)"
    }
}
