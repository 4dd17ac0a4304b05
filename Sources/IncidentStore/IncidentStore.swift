public import Extraction
import Foundation
public import Gazetteer
import GRDB
public import IncidentGeodesy
import IncidentGeometry

/// Where incidents live: one embedded SQLite file (GRDB), with an R*Tree spatial index and a
/// date index. Each article is written in one transaction, so a crash mid-ingest leaves no
/// partial document, and ingesting the same article again changes nothing.
public final class IncidentStore: IncidentStoring {
    let writer: any DatabaseWriter
    /// Where the database is, for messages.
    public let location: String

    /// Opens (creating and migrating when needed) the SQLite database at `path`.
    ///
    /// `cacheMegabytes` is SQLite's page cache per connection: small for one-shot commands and
    /// exports (memory stays flat), large for a server whose repeated queries then read memory.
    /// `mapMegabytes` lets SQLite read up to that much of the file through a memory map instead
    /// of copying each page with a system call (queries touching scattered pages gain most;
    /// mapped pages are the kernel's file cache, shared and reclaimable, but they count in RSS,
    /// so exports that read every page pass 0 to keep their resident memory flat).
    public init(path: String, cacheMegabytes: Int = 8, mapMegabytes: Int = 1024) throws(StoreError) {
        location = path
        do {
            var configuration = Configuration()
            configuration.foreignKeysEnabled = true
            configuration.busyMode = .timeout(10)
            let kibibytes = max(1, cacheMegabytes) * 1024
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA cache_size = -\(kibibytes)")
                if mapMegabytes > 0 { try db.execute(sql: "PRAGMA mmap_size = \(mapMegabytes * 1_048_576)") }
                db.add(function: Self.distanceFunction)
            }
            writer = try DatabasePool(path: path, configuration: configuration)
            try Self.migrator.migrate(writer)
        } catch {
            throw .cannotOpen(location: path, reason: "\(error)")
        }
    }

    /// An in-memory database, for tests and benchmarks.
    public init() throws(StoreError) {
        location = ":memory:"
        do {
            var configuration = Configuration()
            configuration.foreignKeysEnabled = true
            configuration.prepareDatabase { db in db.add(function: Self.distanceFunction) }
            writer = try DatabaseQueue(configuration: configuration)
            try Self.migrator.migrate(writer)
        } catch {
            throw .cannotOpen(location: ":memory:", reason: "\(error)")
        }
    }

    /// `incidentmap_distance_m(lat1, lon1, lat2, lon2)`: geodesic metres, so that `near` drops
    /// the R*Tree's candidates outside the circle before SQLite reads their rows.
    static let distanceFunction = DatabaseFunction("incidentmap_distance_m", argumentCount: 4, pure: true) { values in
        guard let lat1 = Double.fromDatabaseValue(values[0]), let lon1 = Double.fromDatabaseValue(values[1]),
            let lat2 = Double.fromDatabaseValue(values[2]), let lon2 = Double.fromDatabaseValue(values[3]),
            let a = try? GeoCoordinate(latitude: lat1, longitude: lon1), let b = try? GeoCoordinate(latitude: lat2, longitude: lon2)
        else { return nil }
        return Geodesic.distanceMeters(from: a, to: b)
    }

    /// The schema, one named migration per change; a shipped migration is never edited.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-schema") { db in
            try db.execute(
                sql: """
                    CREATE TABLE document (
                        id TEXT PRIMARY KEY NOT NULL,
                        source TEXT NOT NULL,
                        content_hash TEXT NOT NULL,
                        published TEXT,
                        language TEXT NOT NULL,
                        url TEXT,
                        outlet TEXT,
                        ingested_at TEXT NOT NULL
                    );
                    CREATE TABLE place (
                        id TEXT PRIMARY KEY NOT NULL,
                        name TEXT NOT NULL,
                        name_ar TEXT,
                        kind TEXT NOT NULL,
                        lat REAL NOT NULL,
                        lon REAL NOT NULL,
                        country TEXT NOT NULL,
                        uncertainty_km REAL NOT NULL,
                        source TEXT NOT NULL
                    );
                    CREATE TABLE incident (
                        rowid INTEGER PRIMARY KEY,
                        uid TEXT NOT NULL UNIQUE,
                        type TEXT NOT NULL,
                        start_date TEXT,
                        end_date TEXT,
                        date_precision TEXT,
                        date_inferred INTEGER NOT NULL DEFAULT 0,
                        place_id TEXT NOT NULL REFERENCES place(id),
                        geo_precision INTEGER NOT NULL,
                        lat REAL NOT NULL,
                        lon REAL NOT NULL,
                        actors TEXT NOT NULL,
                        fatalities INTEGER,
                        people INTEGER,
                        claimed_by TEXT,
                        disputed INTEGER NOT NULL
                    );
                    CREATE INDEX incident_start_date ON incident(start_date);
                    CREATE INDEX incident_place ON incident(place_id);
                    CREATE VIRTUAL TABLE incident_rtree USING rtree(id, min_lon, max_lon, min_lat, max_lat);
                    CREATE TABLE incident_source (
                        incident_rowid INTEGER NOT NULL REFERENCES incident(rowid) ON DELETE CASCADE,
                        document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                        start INTEGER NOT NULL,
                        "end" INTEGER NOT NULL,
                        sentence TEXT NOT NULL,
                        PRIMARY KEY (incident_rowid, document_id, start)
                    );
                    CREATE INDEX incident_source_document ON incident_source(document_id);
                    CREATE TABLE control_period (
                        id INTEGER PRIMARY KEY,
                        place_id TEXT NOT NULL,
                        controller TEXT NOT NULL,
                        valid_from TEXT NOT NULL,
                        valid_to TEXT,
                        certainty TEXT NOT NULL,
                        origin TEXT NOT NULL,
                        evidence TEXT NOT NULL
                    );
                    CREATE INDEX control_period_place ON control_period(place_id, valid_from);
                    """)
        }
        // Space and time in one R*Tree: a radius-and-date query reads only the incidents inside
        // both, instead of every incident of every year inside the box. Time is in decades since
        // 1970 so that the three axes have comparable extents: in days, the R* splits cut only
        // along time and each node spans the whole country (measured: 1.7 ms → 0.16 ms a query).
        migrator.registerMigration("v2-space-time-index") { db in
            try db.execute(
                sql: """
                    CREATE VIRTUAL TABLE incident_space_time USING rtree(id, min_lon, max_lon, min_lat, max_lat, min_t, max_t);
                    INSERT INTO incident_space_time (id, min_lon, max_lon, min_lat, max_lat, min_t, max_t)
                      SELECT rowid, lon, lon, lat, lat,
                        COALESCE((julianday(start_date) - 2440587.5) / 3650.0, -1000.0),
                        COALESCE((julianday(COALESCE(end_date, start_date)) - 2440587.5) / 3650.0, 1000.0)
                      FROM incident;
                    DROP TABLE incident_rtree;
                    """)
        }
        return migrator
    }

    /// The time an incident spans in `incident_space_time`, in decades since 1970; undated ones
    /// span all time, so the date conditions, not the index, decide about them.
    static func timeSpan(_ date: DateRange?) -> (first: Double, last: Double) {
        guard let date else { return (-1_000, 1_000) }
        return (decades(date.start), decades(date.last))
    }

    /// A day on the index's time axis.
    static func decades(_ day: Day) -> Double { Double(day.ordinal) / 3_650 }

    // MARK: - Ingest

    /// Stores what extraction found in one article, in one transaction.
    ///
    /// Unchanged documents (same content hash) are skipped. A changed document first loses its
    /// own sources (and incidents no other document supports). Each incident is merged into a
    /// stored one of the same type at the same or an adjacent place with compatible dates, from
    /// any document, or stored as new.
    public func ingest(_ extraction: Extraction) throws -> IngestOutcome {
        let article = extraction.article
        let hash = article.contentHash
        return try writer.write { db in
            let existing = try String.fetchOne(db, sql: "SELECT content_hash FROM document WHERE id = ?", arguments: [article.id])
            if existing == hash {
                return IngestOutcome(document: article.id, status: .unchanged, incidents: 0)
            }
            if existing != nil {
                try db.execute(sql: "DELETE FROM incident_source WHERE document_id = ?", arguments: [article.id])
                let orphans = try Int64.fetchAll(
                    db, sql: "SELECT rowid FROM incident WHERE rowid NOT IN (SELECT incident_rowid FROM incident_source)")
                for rowid in orphans {
                    try db.execute(sql: "DELETE FROM incident_space_time WHERE id = ?", arguments: [rowid])
                    try db.execute(sql: "DELETE FROM incident WHERE rowid = ?", arguments: [rowid])
                }
                try db.execute(sql: "DELETE FROM document WHERE id = ?", arguments: [article.id])
            }
            try db.execute(
                sql: """
                    INSERT INTO document (id, source, content_hash, published, language, url, outlet, ingested_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    article.id, article.source, hash, article.published?.description, article.language, article.url,
                    article.outlet, ISO8601DateFormatter().string(from: Date()),
                ])
            for incident in extraction.incidents {
                try store(incident, db)
            }
            return IngestOutcome(
                document: article.id, status: existing == nil ? .added : .replaced, incidents: extraction.incidents.count)
        }
    }

    func store(_ incident: Incident, _ db: Database) throws {
        try upsertPlace(incident.place, db)
        // Candidates to merge with: same type, nearby, dates within about a week.
        let c = incident.place.coordinate
        var candidates = [StoredIncident]()
        for box in try GeoPointIndex.boxes(around: c, radiusMeters: StoredIncident.candidateRadiusMeters) {
            var sql = Self.selectIncident + """
                 JOIN incident_space_time r ON r.id = incident.rowid
                WHERE r.min_lon <= ? AND r.max_lon >= ? AND r.min_lat <= ? AND r.max_lat >= ?
                  AND incident.type = ?
                """
            var arguments: StatementArguments = [box.maxX, box.minX, box.maxY, box.minY, incident.type.rawValue]
            if let date = incident.date {
                sql += " AND (incident.start_date IS NULL OR (incident.start_date <= ? AND COALESCE(incident.end_date, incident.start_date) >= ?))"
                arguments += [
                    date.last.adding(days: StoredIncident.candidateDays).description,
                    date.start.adding(days: -StoredIncident.candidateDays).description,
                ]
            }
            candidates += try Row.fetchAll(db, sql: sql, arguments: arguments).map { try Self.incident(from: $0, sources: []) }
        }
        // The boxes hold the circle; keep the circle itself, as PostGIS's ST_DWithin does.
        candidates.removeAll { Geodesic.distanceMeters(from: c, to: $0.coordinate) > StoredIncident.candidateRadiusMeters }
        if let (match, merged) = StoredIncident.mergeTarget(for: incident, among: candidates),
            let rowid = try Int64.fetchOne(db, sql: "SELECT rowid FROM incident WHERE uid = ?", arguments: [match.id])
        {
            try upsertPlace(merged.place, db)
            try db.execute(
                sql: """
                    UPDATE incident SET start_date = ?, end_date = ?, date_precision = ?, date_inferred = ?, place_id = ?,
                      geo_precision = ?, lat = ?, lon = ?, actors = ?, fatalities = ?, people = ?, claimed_by = ?, disputed = ?
                    WHERE rowid = ?
                    """,
                arguments: Self.fields(merged) + [rowid])
            let span = Self.timeSpan(merged.date)
            try db.execute(
                sql: "UPDATE incident_space_time SET min_lon = ?, max_lon = ?, min_lat = ?, max_lat = ?, min_t = ?, max_t = ? WHERE id = ?",
                arguments: [
                    merged.place.coordinate.longitude, merged.place.coordinate.longitude, merged.place.coordinate.latitude,
                    merged.place.coordinate.latitude, span.first, span.last, rowid,
                ])
            try insertSources(incident.sources, rowid: rowid, db)
            return
        }
        var uid = incident.id
        if try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM incident WHERE uid = ?)", arguments: [uid]) == true {
            uid = StoredIncident.fallbackID(for: incident)
        }
        try db.execute(
            sql: """
                INSERT INTO incident (uid, type, start_date, end_date, date_precision, date_inferred, place_id, geo_precision,
                  lat, lon, actors, fatalities, people, claimed_by, disputed)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [uid, incident.type.rawValue] + Self.fields(incident))
        let rowid = db.lastInsertedRowID
        let span = Self.timeSpan(incident.date)
        try db.execute(
            sql: "INSERT INTO incident_space_time (id, min_lon, max_lon, min_lat, max_lat, min_t, max_t) VALUES (?, ?, ?, ?, ?, ?, ?)",
            arguments: [rowid, c.longitude, c.longitude, c.latitude, c.latitude, span.first, span.last])
        try insertSources(incident.sources, rowid: rowid, db)
    }

    static func fields(_ i: Incident) -> StatementArguments {
        let actors = String(decoding: (try? JSONEncoder().encode(i.actors.map(\.rawValue))) ?? Data("[]".utf8), as: UTF8.self)
        return [
            i.date?.start.description, i.date?.end?.description, i.date?.precision.rawValue, i.dateInferred, i.place.id,
            i.geoPrecision, i.place.coordinate.latitude, i.place.coordinate.longitude, actors, i.fatalities, i.people,
            i.claimedBy, i.disputed,
        ]
    }

    func insertSources(_ sources: [IncidentSource], rowid: Int64, _ db: Database) throws {
        for s in sources {
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO incident_source (incident_rowid, document_id, start, "end", sentence)
                    VALUES (?, ?, ?, ?, ?)
                    """,
                arguments: [rowid, s.document, s.start, s.end, s.sentence])
        }
    }

    func upsertPlace(_ p: Place, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO place (id, name, name_ar, kind, lat, lon, country, uncertainty_km, source)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET name = excluded.name, name_ar = excluded.name_ar, kind = excluded.kind,
                  lat = excluded.lat, lon = excluded.lon, uncertainty_km = excluded.uncertainty_km, source = excluded.source
                """,
            arguments: [
                p.id, p.name, p.arabicName, p.kind.rawValue, p.coordinate.latitude, p.coordinate.longitude, p.country,
                p.uncertaintyKilometers, p.source,
            ])
    }
}
