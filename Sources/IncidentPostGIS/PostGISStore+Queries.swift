public import Extraction
import Foundation
public import Gazetteer
public import IncidentGeodesy
public import IncidentStore
import Logging
import PostgresNIO

/// SQL with numbered parameters, built piece by piece (PostgresNIO's interpolation needs
/// the whole query as one literal).
struct SQL {
    var text: String
    var binds = PostgresBindings()

    init(_ text: String) { self.text = text }

    /// Appends a bound value (NULL for nil) and returns its placeholder (`$3`).
    mutating func bind<Value: PostgresThrowingDynamicTypeEncodable>(_ value: Value?) throws -> String {
        try binds.append(value)
        return "$\(binds.count)"
    }

    var query: PostgresQuery { PostgresQuery(unsafeSQL: text, binds: binds) }
}

extension PostgresRowSequence {
    /// Every row decoded as the given columns (one type or a tuple of them).
    func all<each Column: PostgresDecodable>(as type: (repeat each Column).Type) async throws -> [(repeat each Column)] {
        var result = [(repeat each Column)]()
        for try await row in self {
            result.append(try row.decode((repeat each Column).self))
        }
        return result
    }
}

extension PostgresConnection {
    /// Every row of `query` decoded as the given columns.
    func all<each Column: PostgresDecodable>(
        _ query: PostgresQuery, as type: (repeat each Column).Type, logger: Logger
    ) async throws -> [(repeat each Column)] {
        let rows: PostgresRowSequence = try await self.query(query, logger: logger)
        return try await rows.all(as: type)
    }
}

extension PostgresClient {
    /// Every row of `query` decoded as the given columns.
    func all<each Column: PostgresDecodable>(
        _ query: PostgresQuery, as type: (repeat each Column).Type, logger: Logger
    ) async throws -> [(repeat each Column)] {
        let rows: PostgresRowSequence = try await self.query(query, logger: logger)
        return try await rows.all(as: type)
    }
}

extension PostGISStore {
    // MARK: - Ingest

    /// Stores what extraction found in one article, in one transaction (see ``IncidentStore/ingest(_:)``).
    public func ingest(_ extraction: Extraction) async throws -> IngestOutcome {
        let article = extraction.article
        let hash = article.contentHash
        return try await writing { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(Self.writerLock))", logger: self.logger)
            let existing = try await connection.all(
                "SELECT content_hash FROM document WHERE id = \(article.id)", as: String.self, logger: self.logger
            ).first
            if existing == hash {
                return IngestOutcome(document: article.id, status: .unchanged, incidents: 0)
            }
            if existing != nil {
                try await connection.query("DELETE FROM incident_source WHERE document_id = \(article.id)", logger: self.logger)
                try await connection.query(
                    "DELETE FROM incident i WHERE NOT EXISTS (SELECT 1 FROM incident_source s WHERE s.incident_id = i.id)",
                    logger: self.logger)
                try await connection.query("DELETE FROM document WHERE id = \(article.id)", logger: self.logger)
            }
            let published = article.published?.description
            try await connection.query(
                """
                INSERT INTO document (id, source, content_hash, published, language, url, outlet)
                VALUES (\(article.id), \(article.source), \(hash), \(published)::date, \(article.language), \(article.url), \(article.outlet))
                """, logger: self.logger)
            for incident in extraction.incidents {
                try await self.store(incident, connection)
            }
            return IngestOutcome(
                document: article.id, status: existing == nil ? .added : .replaced, incidents: extraction.incidents.count)
        }
    }

    /// Runs `body` in a transaction, reporting failures as ``StoreError`` naming the database.
    func writing<Result: Sendable>(
        _ body: nonisolated(nonsending) (PostgresConnection) async throws -> sending Result
    ) async throws -> Result {
        do {
            return try await client.withTransaction(logger: logger, body)
        } catch let error as PostgresTransactionError {
            if let inner = error.closureError as? StoreError { throw inner }
            throw StoreError.failed(location: location, reason: Self.describe(error))
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.failed(location: location, reason: Self.describe(error))
        }
    }

    /// Runs a read, reporting failures as ``StoreError`` naming the database.
    func reading<Result: Sendable>(_ body: () async throws -> Result) async throws -> Result {
        do {
            return try await body()
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.failed(location: location, reason: Self.describe(error))
        }
    }

    func store(_ incident: Incident, _ connection: PostgresConnection) async throws {
        try await upsertPlace(incident.place, connection)
        let c = incident.place.coordinate
        var sql = SQL(Self.selectIncident())
        sql.text += " WHERE i.type = \(try sql.bind(incident.type.rawValue))"
        sql.text += " AND ST_DWithin(i.geog, \(try Self.point(c, &sql)), \(try sql.bind(StoredIncident.candidateRadiusMeters)))"
        if let date = incident.date {
            let last = try sql.bind(date.last.adding(days: StoredIncident.candidateDays).description)
            let first = try sql.bind(date.start.adding(days: -StoredIncident.candidateDays).description)
            sql.text += " AND (i.start_date IS NULL OR (i.start_date <= \(last)::date AND COALESCE(i.end_date, i.start_date) >= \(first)::date))"
        }
        var candidates = [StoredIncident]()
        for try await row in try await connection.query(sql.query, logger: logger) {
            candidates.append(try Self.incident(from: row, sources: []))
        }
        if let (match, merged) = StoredIncident.mergeTarget(for: incident, among: candidates) {
            try await upsertPlace(merged.place, connection)
            var update = SQL("UPDATE incident SET ")
            update.text += zip(Self.fieldColumns, try Self.fieldValues(merged, &update)).map { "\($0) = \($1)" }.joined(separator: ", ")
            update.text += " WHERE uid = \(try update.bind(match.id)) RETURNING id"
            let rowid = try await connection.all(update.query, as: Int64.self, logger: logger).first
            if let rowid { try await insertSources(incident.sources, incidentID: rowid, connection) }
            return
        }
        var uid = incident.id
        let taken = try await connection.all(
            "SELECT EXISTS (SELECT 1 FROM incident WHERE uid = \(uid))", as: Bool.self, logger: logger
        ).first ?? false
        if taken { uid = StoredIncident.fallbackID(for: incident) }
        var insert = SQL("INSERT INTO incident (uid, type, " + Self.fieldColumns.joined(separator: ", ") + ") VALUES (")
        let values = [try insert.bind(uid), try insert.bind(incident.type.rawValue)] + (try Self.fieldValues(incident, &insert))
        insert.text += values.joined(separator: ", ") + ") RETURNING id"
        guard let rowid = try await connection.all(insert.query, as: Int64.self, logger: logger).first else {
            throw StoreError.failed(location: location, reason: "INSERT returned no id")
        }
        try await insertSources(incident.sources, incidentID: rowid, connection)
    }

    /// `ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography` with bound coordinates.
    static func point(_ c: GeoCoordinate, _ sql: inout SQL) throws -> String {
        "ST_SetSRID(ST_MakePoint(\(try sql.bind(c.longitude)), \(try sql.bind(c.latitude))), 4326)::geography"
    }

    /// The columns an incident's fields fill, after `uid` and `type`.
    static let fieldColumns = [
        "start_date", "end_date", "date_precision", "date_inferred", "place_id", "geo_precision", "lat", "lon", "geog",
        "actors", "fatalities", "people", "claimed_by", "disputed",
    ]

    /// The incident's fields as bound values, in the order of ``fieldColumns``.
    static func fieldValues(_ i: Incident, _ sql: inout SQL) throws -> [String] {
        let c = i.place.coordinate
        return [
            "\(try sql.bind(i.date?.start.description))::date", "\(try sql.bind(i.date?.end?.description))::date",
            try sql.bind(i.date?.precision.rawValue), try sql.bind(i.dateInferred), try sql.bind(i.place.id),
            try sql.bind(i.geoPrecision), try sql.bind(c.latitude), try sql.bind(c.longitude), try point(c, &sql),
            try sql.bind(i.actors.map(\.rawValue)), try sql.bind(i.fatalities), try sql.bind(i.people), try sql.bind(i.claimedBy),
            try sql.bind(i.disputed),
        ]
    }

    func insertSources(_ sources: [IncidentSource], incidentID: Int64, _ connection: PostgresConnection) async throws {
        for s in sources {
            try await connection.query(
                """
                INSERT INTO incident_source (incident_id, document_id, start, "end", sentence)
                VALUES (\(incidentID), \(s.document), \(s.start), \(s.end), \(s.sentence)) ON CONFLICT DO NOTHING
                """, logger: logger)
        }
    }

    func upsertPlace(_ p: Place, _ connection: PostgresConnection) async throws {
        try await connection.query(
            """
            INSERT INTO place (id, name, name_ar, kind, lat, lon, country, uncertainty_km, source)
            VALUES (\(p.id), \(p.name), \(p.arabicName), \(p.kind.rawValue), \(p.coordinate.latitude), \(p.coordinate.longitude),
                    \(p.country), \(p.uncertaintyKilometers), \(p.source))
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, name_ar = excluded.name_ar, kind = excluded.kind,
              lat = excluded.lat, lon = excluded.lon, uncertainty_km = excluded.uncertainty_km, source = excluded.source
            """, logger: logger)
    }

    // MARK: - Queries

    /// Incidents within `radiusMeters` of `center` (`ST_DWithin` on the ellipsoid), nearest first then newest.
    public func near(_ center: GeoCoordinate, radiusMeters: Double, filter: IncidentFilter) async throws -> [NearbyIncident] {
        guard radiusMeters.isFinite, radiusMeters >= 0 else { throw StoreError.invalidQuery(reason: "radius must be zero or more") }
        let filter = try filter.validated()
        return try await reading {
            var sql = SQL("")
            let point = try Self.point(center, &sql)
            sql.text = Self.selectIncident(extraColumns: ", ST_Distance(i.geog, \(point)) AS distance_m")
            var conditions = ["ST_DWithin(i.geog, \(point), \(try sql.bind(radiusMeters)))"]
            conditions += try Self.conditions(filter, &sql)
            sql.text += " WHERE " + conditions.joined(separator: " AND ")
            var found = [NearbyIncident]()
            for try await row in try await client.query(sql.query, logger: logger) {
                let distance = try row.makeRandomAccess()["distance_m"].decode(Double.self)
                found.append(NearbyIncident(incident: try Self.incident(from: row, sources: []), distanceMeters: distance))
            }
            found = NearbyIncident.sorted(found, limit: filter.limit)
            let sources = try await self.sources(of: found.map(\.incident.id))
            return found.map {
                var n = $0
                n.incident.sources = sources[n.incident.id] ?? []
                return n
            }
        }
    }

    /// Incidents matching `filter`, newest first (undated last).
    public func list(_ filter: IncidentFilter) async throws -> [StoredIncident] {
        let filter = try filter.validated()
        return try await reading {
            var sql = SQL(Self.selectIncident())
            let conditions = try Self.conditions(filter, &sql)
            if !conditions.isEmpty { sql.text += " WHERE " + conditions.joined(separator: " AND ") }
            sql.text += " ORDER BY i.start_date DESC NULLS LAST, i.uid COLLATE \"C\" LIMIT \(try sql.bind(filter.limit))"
            var found = [StoredIncident]()
            for try await row in try await client.query(sql.query, logger: logger) {
                found.append(try Self.incident(from: row, sources: []))
            }
            let sources = try await self.sources(of: found.map(\.id))
            return found.map {
                var i = $0
                i.sources = sources[i.id] ?? []
                return i
            }
        }
    }

    /// One incident with every source.
    public func incident(id: String) async throws -> StoredIncident {
        try await reading {
            var sql = SQL(Self.selectIncident())
            sql.text += " WHERE i.uid = \(try sql.bind(id))"
            var found: StoredIncident?
            for try await row in try await client.query(sql.query, logger: logger) {
                found = try Self.incident(from: row, sources: [])
            }
            guard var incident = found else { throw StoreError.notFound(id: id) }
            incident.sources = try await sources(of: [id])[id] ?? []
            return incident
        }
    }

    /// Row counts.
    public func counts() async throws -> StoreCounts {
        try await reading {
            let rows = try await client.all(
                "SELECT (SELECT count(*) FROM document), (SELECT count(*) FROM incident), (SELECT count(*) FROM incident_source)",
                as: (Int, Int, Int).self, logger: logger)
            guard let (documents, incidents, sources) = rows.first else { return StoreCounts(documents: 0, incidents: 0, sources: 0) }
            return StoreCounts(documents: documents, incidents: incidents, sources: sources)
        }
    }

    /// Every source of the incidents with these ids, ordered as SQLite orders them.
    func sources(of ids: [String]) async throws -> [String: [IncidentSource]] {
        guard !ids.isEmpty else { return [:] }
        var result = [String: [IncidentSource]]()
        let rows = try await client.query(
            """
            SELECT i.uid, s.document_id, s.start, s."end", s.sentence
            FROM incident_source s JOIN incident i ON i.id = s.incident_id
            WHERE i.uid = ANY(\(ids)) ORDER BY i.uid, s.document_id COLLATE "C", s.start
            """, logger: logger
        ).decode((String, String, Int, Int, String).self)
        for try await (uid, document, start, end, sentence) in rows {
            result[uid, default: []].append(IncidentSource(document: document, start: start, end: end, sentence: sentence))
        }
        return result
    }

    /// Incidents with their place's name and kind; dates as ISO text.
    static func selectIncident(extraColumns: String = "") -> String {
        """
        SELECT i.uid, i.type, i.start_date::text AS start_date, i.end_date::text AS end_date, i.date_precision, i.date_inferred,
          i.place_id, i.geo_precision, i.lat, i.lon, i.actors, i.fatalities, i.people, i.claimed_by, i.disputed,
          p.name AS place_name, p.name_ar AS place_name_ar, p.kind AS place_kind, p.uncertainty_km AS place_uncertainty\(extraColumns)
        FROM incident i JOIN place p ON p.id = i.place_id
        """
    }

    static func conditions(_ filter: IncidentFilter, _ sql: inout SQL) throws -> [String] {
        var conditions = [String]()
        if let from = filter.from {
            conditions.append("COALESCE(i.end_date, i.start_date) >= \(try sql.bind(from.description))::date")
        }
        if let to = filter.to {
            conditions.append("i.start_date <= \(try sql.bind(to.description))::date")
        }
        if !filter.types.isEmpty {
            conditions.append("i.type = ANY(\(try sql.bind(filter.types.map(\.rawValue).sorted())))")
        }
        if let actor = filter.actor {
            conditions.append("\(try sql.bind(actor.rawValue)) = ANY(i.actors)")
        }
        if let place = filter.placeID {
            conditions.append("i.place_id = \(try sql.bind(place))")
        }
        return conditions
    }

    static func incident(from row: PostgresRow, sources: [IncidentSource]) throws -> StoredIncident {
        let r = row.makeRandomAccess()
        let start = try r["start_date"].decode(String?.self)
        let end = try r["end_date"].decode(String?.self)
        let precision = try r["date_precision"].decode(String?.self)
        var date: DateRange?
        if let start, let day = Day(iso: start) {
            date = DateRange(
                start: day, end: end.flatMap(Day.init(iso:)), precision: precision.flatMap(DatePrecision.init(rawValue:)) ?? .day)
        }
        let placeID = try r["place_id"].decode(String.self)
        return StoredIncident(
            id: try r["uid"].decode(String.self),
            type: IncidentType(rawValue: try r["type"].decode(String.self)) ?? .attack,
            date: date, dateInferred: try r["date_inferred"].decode(Bool.self),
            placeID: placeID, placeName: try r["place_name"].decode(String?.self) ?? placeID,
            placeNameArabic: try r["place_name_ar"].decode(String?.self),
            placeKind: PlaceKind(rawValue: try r["place_kind"].decode(String.self)) ?? .town,
            placeUncertaintyKilometers: try r["place_uncertainty"].decode(Double.self),
            coordinate: try GeoCoordinate(latitude: try r["lat"].decode(Double.self), longitude: try r["lon"].decode(Double.self)),
            geoPrecision: try r["geo_precision"].decode(Int.self),
            actors: try r["actors"].decode([String].self).compactMap(Actor.init(rawValue:)),
            fatalities: try r["fatalities"].decode(Int?.self), people: try r["people"].decode(Int?.self),
            claimedBy: try r["claimed_by"].decode(String?.self), disputed: try r["disputed"].decode(Bool.self),
            sources: sources)
    }
}
