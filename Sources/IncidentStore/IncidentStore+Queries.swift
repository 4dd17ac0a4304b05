public import Extraction
import Foundation
public import Gazetteer
import GRDB
public import IncidentGeodesy
import IncidentGeometry

extension IncidentStore {
    /// Incidents within `radiusMeters` (geodesic) of `center`, nearest first then newest.
    ///
    /// The R*Tree gives candidates inside boxes that provably contain the circle; each is then
    /// measured on the ellipsoid.
    public func near(_ center: GeoCoordinate, radiusMeters: Double, filter: IncidentFilter = IncidentFilter()) throws -> [NearbyIncident] {
        guard radiusMeters.isFinite, radiusMeters >= 0 else { throw StoreError.invalidQuery(reason: "radius must be zero or more") }
        let filter = try filter.validated()
        return try writer.read { db in
            var found = [NearbyIncident]()
            var seen = Set<Int64>()
            for box in try GeoPointIndex.boxes(around: center, radiusMeters: radiusMeters) {
                var (conditions, arguments) = Self.conditions(filter)
                conditions.insert(
                    "incident.rowid IN (SELECT id FROM incident_rtree WHERE min_lon <= ? AND max_lon >= ? AND min_lat <= ? AND max_lat >= ?)",
                    at: 0)
                arguments = [box.maxX, box.minX, box.maxY, box.minY] + arguments
                let sql = Self.selectIncidentWithSources + " WHERE " + conditions.joined(separator: " AND ")
                for row in try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)) {
                    let rowid: Int64 = row["rowid"]
                    guard seen.insert(rowid).inserted else { continue }
                    let incident = try Self.incident(from: row, sources: Self.decodeSources(row["sources_packed"]))
                    let d = Geodesic.distanceMeters(from: center, to: incident.coordinate)
                    if d <= radiusMeters { found.append(NearbyIncident(incident: incident, distanceMeters: d)) }
                }
            }
            found.sort(by: NearbyIncident.precedes)
            return Array(found.prefix(max(0, filter.limit)))
        }
    }

    /// Incidents matching `filter`, newest first.
    public func list(_ filter: IncidentFilter = IncidentFilter()) throws -> [StoredIncident] {
        let filter = try filter.validated()
        return try writer.read { db in
            let (conditions, arguments) = Self.conditions(filter)
            var sql = Self.selectIncident
            if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
            sql += " ORDER BY incident.start_date DESC, incident.uid LIMIT ?"
            var all = arguments
            all.append(filter.limit)
            return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(all)).map { row in
                try Self.incident(from: row, sources: try Self.sources(uid: row["uid"], db))
            }
        }
    }

    /// One incident with every source.
    public func incident(id: String) throws -> StoredIncident {
        try writer.read { db in
            guard let row = try Row.fetchOne(db, sql: Self.selectIncident + " WHERE incident.uid = ?", arguments: [id]) else {
                throw StoreError.notFound(id: id)
            }
            return try Self.incident(from: row, sources: try Self.sources(uid: id, db))
        }
    }

    /// How many documents and incidents are stored.
    public func counts() throws -> StoreCounts {
        try writer.read { db in
            StoreCounts(
                documents: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM document") ?? 0,
                incidents: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM incident") ?? 0,
                sources: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM incident_source") ?? 0
            )
        }
    }

    /// Incidents with their place's name and kind.
    static let selectIncident = """
        SELECT incident.*, place.name AS place_name, place.name_ar AS place_name_ar, place.kind AS place_kind,
          place.uncertainty_km AS place_uncertainty
        FROM incident JOIN place ON place.id = incident.place_id
        """

    static func conditions(_ filter: IncidentFilter) -> ([String], [(any DatabaseValueConvertible)?]) {
        var conditions = [String]()
        var arguments = [(any DatabaseValueConvertible)?]()
        if let from = filter.from {
            conditions.append("COALESCE(incident.end_date, incident.start_date) >= ?")
            arguments.append(from.description)
        }
        if let to = filter.to {
            conditions.append("incident.start_date <= ?")
            arguments.append(to.description)
        }
        if !filter.types.isEmpty {
            conditions.append("incident.type IN (" + filter.types.map { _ in "?" }.joined(separator: ",") + ")")
            arguments += filter.types.sorted { $0.rawValue < $1.rawValue }.map(\.rawValue)
        }
        if let actor = filter.actor {
            conditions.append("incident.actors LIKE ?")
            arguments.append("%\"\(actor.rawValue)\"%")
        }
        if let place = filter.placeID {
            conditions.append("incident.place_id = ?")
            arguments.append(place)
        }
        return (conditions, arguments)
    }

    static func sources(uid: String, _ db: Database) throws -> [IncidentSource] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT s.document_id, s.start, s."end", s.sentence FROM incident_source s JOIN incident i ON i.rowid = s.incident_rowid
                WHERE i.uid = ? ORDER BY s.document_id, s.start
                """,
            arguments: [uid]
        ).map { IncidentSource(document: $0["document_id"], start: $0["start"], end: $0["end"], sentence: $0["sentence"]) }
    }

    static func incident(from row: Row, sources: [IncidentSource]) throws -> StoredIncident {
        let start: String? = row["start_date"]
        let end: String? = row["end_date"]
        let precision: String? = row["date_precision"]
        var date: DateRange?
        if let start, let day = Day(iso: start) {
            date = DateRange(start: day, end: end.flatMap(Day.init(iso:)), precision: precision.flatMap(DatePrecision.init(rawValue:)) ?? .day)
        }
        // Actors are stored as a JSON array of canonical names, which contain no quotes.
        let actorsText: String = row["actors"]
        let actors = actorsText.split(separator: "\"").enumerated().compactMap { $0.offset % 2 == 1 ? Actor(rawValue: String($0.element)) : nil }
        let type: String = row["type"]
        let placeID: String = row["place_id"]
        return StoredIncident(
            id: row["uid"], type: IncidentType(rawValue: type) ?? .attack, date: date, dateInferred: row["date_inferred"],
            placeID: placeID, placeName: row["place_name"] ?? placeID, placeNameArabic: row["place_name_ar"],
            placeKind: (row["place_kind"] as String?).flatMap(PlaceKind.init(rawValue:)) ?? .town,
            placeUncertaintyKilometers: row["place_uncertainty"] ?? 1,
            coordinate: try GeoCoordinate(latitude: row["lat"], longitude: row["lon"]), geoPrecision: row["geo_precision"],
            actors: actors, fatalities: row["fatalities"], people: row["people"], claimedBy: row["claimed_by"],
            disputed: row["disputed"], sources: sources)
    }
}

extension StoredIncident {
    /// The stored incident as extraction's type, for merging with new reports.
    public func asIncident() -> Incident {
        let place = Place(
            id: placeID, name: placeName, arabicName: placeNameArabic, names: [placeName], kind: placeKind,
            coordinate: coordinate, country: "", parentID: nil, population: 0,
            uncertaintyKilometers: placeUncertaintyKilometers, source: "")
        return Incident(
            type: type, date: date, dateInferred: dateInferred, place: place, geoPrecision: geoPrecision, actors: actors,
            fatalities: fatalities, people: people, claimedBy: claimedBy, disputed: disputed, sources: sources)
    }
}

extension IncidentStore {
    /// A page of incidents inside a west/south/east/north box (the R*Tree), with the total
    /// number matching: what an OGC API - Features `items` request needs.
    public func page(
        bbox: (west: Double, south: Double, east: Double, north: Double)?, filter: IncidentFilter, offset: Int
    ) throws -> (matched: Int, incidents: [StoredIncident]) {
        try writer.read { db in
            var (conditions, arguments) = Self.conditions(filter)
            // Join the R*Tree rather than test membership: SQLite then reads only the box's rows.
            var from = " FROM incident"
            if let b = bbox {
                from += " JOIN incident_rtree r ON r.id = incident.rowid"
                conditions.insert("r.min_lon <= ? AND r.max_lon >= ? AND r.min_lat <= ? AND r.max_lat >= ?", at: 0)
                arguments = [b.east, b.west, b.north, b.south] + arguments
            }
            let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
            let matched = try Int.fetchOne(db, sql: "SELECT COUNT(*)" + from + whereClause, arguments: StatementArguments(arguments)) ?? 0
            var all = arguments
            all.append(filter.limit)
            all.append(offset)
            let select = Self.selectIncidentWithSources.replacingOccurrences(
                of: "FROM incident JOIN place", with: "FROM incident" + (bbox == nil ? "" : " JOIN incident_rtree r ON r.id = incident.rowid") + " JOIN place")
            let rows = try Row.fetchAll(
                db, sql: select + whereClause + " ORDER BY incident.start_date, incident.uid LIMIT ? OFFSET ?",
                arguments: StatementArguments(all))
            return (matched, try rows.map { try Self.incident(from: $0, sources: Self.decodeSources($0["sources_packed"])) })
        }
    }
}
