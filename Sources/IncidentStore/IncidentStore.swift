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
    public init(path: String, cacheMegabytes: Int = 8) throws(StoreError) {
        location = path
        do {
            var configuration = Configuration()
            configuration.foreignKeysEnabled = true
            configuration.busyMode = .timeout(10)
            let kibibytes = max(1, cacheMegabytes) * 1024
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA cache_size = -\(kibibytes)")
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
            writer = try DatabaseQueue(configuration: configuration)
            try Self.migrator.migrate(writer)
        } catch {
            throw .cannotOpen(location: ":memory:", reason: "\(error)")
        }
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
        return migrator
    }

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
                    try db.execute(sql: "DELETE FROM incident_rtree WHERE id = ?", arguments: [rowid])
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
                 JOIN incident_rtree ON incident_rtree.id = incident.rowid
                WHERE incident_rtree.min_lon <= ? AND incident_rtree.max_lon >= ? AND incident_rtree.min_lat <= ? AND incident_rtree.max_lat >= ?
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
            try db.execute(
                sql: "UPDATE incident_rtree SET min_lon = ?, max_lon = ?, min_lat = ?, max_lat = ? WHERE id = ?",
                arguments: [
                    merged.place.coordinate.longitude, merged.place.coordinate.longitude, merged.place.coordinate.latitude,
                    merged.place.coordinate.latitude, rowid,
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
        try db.execute(
            sql: "INSERT INTO incident_rtree (id, min_lon, max_lon, min_lat, max_lat) VALUES (?, ?, ?, ?, ?)",
            arguments: [rowid, c.longitude, c.longitude, c.latitude, c.latitude])
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
