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
                var index = ["r.min_lon <= ?", "r.max_lon >= ?", "r.min_lat <= ?", "r.max_lat >= ?"]
                var indexArguments: [(any DatabaseValueConvertible)?] = [box.maxX, box.minX, box.maxY, box.minY]
                // The R*Tree stores 32-bit floats rounded outwards; a day's margin keeps every match.
                if let from = filter.from {
                    index.append("r.max_t >= ?")
                    indexArguments.append(Self.decades(from.adding(days: -1)))
                }
                if let to = filter.to {
                    index.append("r.min_t <= ?")
                    indexArguments.append(Self.decades(to.adding(days: 1)))
                }
                // The R*Tree's 32-bit coordinates are within a metre of the true ones: the circle
                // test on them, with a margin, discards the box's corners before any row is read;
                // the exact test on the stored coordinates follows.
                index.append("incidentmap_distance_m(?, ?, r.min_lat, r.min_lon) <= ?")
                indexArguments += [center.latitude, center.longitude, radiusMeters + 10]
                conditions.insert(contentsOf: index, at: 0)
                arguments = indexArguments + arguments
                // The R*Tree drives the join: SQLite reads only incidents inside the box and the dates.
                let sql = Self.selectIncidentWithSources.replacingOccurrences(
                    of: "FROM incident JOIN place", with: "FROM incident_space_time r JOIN incident ON incident.rowid = r.id JOIN place")
                    + " WHERE " + conditions.joined(separator: " AND ")
                // Cached: preparing this statement costs as much as running it.
                let rows = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: StatementArguments(arguments))
                while let row = try rows.next() {
                    let rowid: Int64 = row[Column.rowid]
                    guard seen.insert(rowid).inserted else { continue }
                    let incident = try Self.incident(from: row, sources: Self.decodeSources(row[Column.sourcesPacked]))
                    let d = Geodesic.distanceMeters(from: center, to: incident.coordinate)
                    if d <= radiusMeters { found.append(NearbyIncident(incident: incident, distanceMeters: d)) }
                }
            }
            return NearbyIncident.sorted(found, limit: filter.limit)
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
                try Self.incident(from: row, sources: try Self.sources(uid: row[Column.uid], db))
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
        SELECT \(incidentColumns)
        FROM incident JOIN place ON place.id = incident.place_id
        """

    /// The columns of ``Column``, in its order.
    /// The incident table's own columns, in ``Column`` order.
    static let incidentRowColumns = """
        incident.rowid, incident.uid, incident.type, incident.start_date, incident.end_date, incident.date_precision,
          incident.date_inferred, incident.place_id, incident.geo_precision, incident.lat, incident.lon, incident.actors,
          incident.fatalities, incident.people, incident.claimed_by, incident.disputed
        """

    /// ``incidentRowColumns`` and the place's, for a join with `place`.
    static let incidentColumns = incidentRowColumns + """
        ,
          place.name AS place_name, place.name_ar AS place_name_ar, place.kind AS place_kind, place.uncertainty_km AS place_uncertainty
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

    /// Positions of the columns ``selectIncident`` yields (and ``selectIncidentWithSources``,
    /// which adds the packed sources last). Read by position: a name look-up per column per row
    /// costs more than the rest of decoding.
    enum Column {
        static let rowid = 0, uid = 1, type = 2, start = 3, end = 4, precision = 5, inferred = 6, place = 7
        static let geoPrecision = 8, latitude = 9, longitude = 10, actors = 11, fatalities = 12, people = 13
        static let claimedBy = 14, disputed = 15, placeName = 16, placeNameArabic = 17, placeKind = 18
        static let placeUncertainty = 19, sourcesPacked = 20
    }

    static func incident(from row: Row, sources: [IncidentSource]) throws -> StoredIncident {
        let start: String? = row[Column.start]
        var date: DateRange?
        if let start, let day = Day(iso: start) {
            let end: String? = row[Column.end]
            let precision: String? = row[Column.precision]
            date = DateRange(start: day, end: end.flatMap(Day.init(iso:)), precision: precision.flatMap(DatePrecision.init(rawValue:)) ?? .day)
        }
        // Actors are stored as a JSON array of canonical names, which contain no quotes.
        var actorsText: String = row[Column.actors]
        let actors = actorsText.withUTF8 { bytes in
            // The names between quotes, read as bytes.
            var actors = [Actor]()
            var open: Int?
            for (k, b) in bytes.enumerated() where b == 0x22 {
                if let o = open {
                    if let actor = Actor(rawValue: String(decoding: UnsafeBufferPointer(rebasing: bytes[(o + 1)..<k]), as: UTF8.self)) {
                        actors.append(actor)
                    }
                    open = nil
                } else {
                    open = k
                }
            }
            return actors
        }
        let type: String = row[Column.type]
        let placeID: String = row[Column.place]
        return StoredIncident(
            id: row[Column.uid], type: IncidentType(rawValue: type) ?? .attack, date: date, dateInferred: row[Column.inferred],
            placeID: placeID, placeName: row[Column.placeName] ?? placeID, placeNameArabic: row[Column.placeNameArabic],
            placeKind: (row[Column.placeKind] as String?).flatMap(PlaceKind.init(rawValue:)) ?? .town,
            placeUncertaintyKilometers: row[Column.placeUncertainty] ?? 1,
            coordinate: try GeoCoordinate(latitude: row[Column.latitude], longitude: row[Column.longitude]),
            geoPrecision: row[Column.geoPrecision], actors: actors, fatalities: row[Column.fatalities], people: row[Column.people],
            claimedBy: row[Column.claimedBy], disputed: row[Column.disputed], sources: sources)
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
                from += " JOIN incident_space_time r ON r.id = incident.rowid"
                conditions.insert("r.min_lon <= ? AND r.max_lon >= ? AND r.min_lat <= ? AND r.max_lat >= ?", at: 0)
                arguments = [b.east, b.west, b.north, b.south] + arguments
            }
            let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
            let matched = try Int.fetchOne(db, sql: "SELECT COUNT(*)" + from + whereClause, arguments: StatementArguments(arguments)) ?? 0
            var all = arguments
            all.append(filter.limit)
            all.append(offset)
            let select = Self.selectIncidentWithSources.replacingOccurrences(
                of: "FROM incident JOIN place", with: "FROM incident" + (bbox == nil ? "" : " JOIN incident_space_time r ON r.id = incident.rowid") + " JOIN place")
            let rows = try Row.fetchAll(
                db, sql: select + whereClause + " ORDER BY incident.start_date, incident.uid LIMIT ? OFFSET ?",
                arguments: StatementArguments(all))
            return (matched, try rows.map { try Self.incident(from: $0, sources: Self.decodeSources($0[Column.sourcesPacked])) })
        }
    }
}
