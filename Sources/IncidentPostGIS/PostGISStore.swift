public import Extraction
import Foundation
public import Gazetteer
public import IncidentGeodesy
public import IncidentStore
import Logging
import PostgresNIO

/// Incidents in PostgreSQL with PostGIS, for teams sharing one database.
///
/// The same data and the same answers as the embedded ``IncidentStore``: incidents carry a
/// `geography(Point, 4326)` column with a GiST index, radius queries use `ST_DWithin` and
/// `ST_Distance` on the WGS 84 ellipsoid, each article is written in one transaction, and
/// merging follows the shared rules in ``StoredIncident/mergeTarget(for:among:)``.
///
/// A store lives inside ``withStore(_:_:)``, which runs PostgresNIO's connection pool for the
/// duration of the body and closes it afterwards.
public final class PostGISStore: IncidentStoring {
    let client: PostgresClient
    let logger: Logger
    /// The database, without its password.
    public let location: String

    init(_ url: PostGISLocation) {
        client = PostgresClient(configuration: url.clientConfiguration())
        location = url.description
        var logger = Logger(label: "incidentmap.postgis")
        logger.logLevel = .error
        self.logger = logger
    }

    /// Opens the database at `url`, creates or migrates the schema, runs `body`, and closes.
    ///
    /// Fails with ``StoreError/cannotOpen(location:reason:)`` when the server does not answer
    /// within `connectSeconds`, refuses the login, or lacks PostGIS.
    public static func withStore<Result: Sendable>(
        _ url: String, connectSeconds: Double = 10, _ body: (PostGISStore) async throws -> Result
    ) async throws -> Result {
        let store = PostGISStore(try PostGISLocation(url: url))
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await store.client.run() }
            defer { group.cancelAll() }
            try await store.checkReachable(within: connectSeconds)
            try await store.migrate()
            return try await body(store)
        }
    }

    /// PostgresNIO's pool retries a refused connection for as long as a request waits, so
    /// the first request is given a deadline, and its failure is reported in one line.
    func checkReachable(within seconds: Double) async throws {
        let location = self.location
        let client = self.client
        do {
            try await withThrowingTaskGroup(of: Bool.self) { group in
                group.addTask {
                    _ = try await client.all("SELECT 1", as: Int.self, logger: Logger(label: "incidentmap.postgis"))
                    return true
                }
                group.addTask {
                    try await Task.sleep(for: .seconds(seconds))
                    return false
                }
                let answered = try await group.next() ?? false
                group.cancelAll()
                if !answered { throw StoreError.cannotOpen(location: location, reason: "no connection within \(Int(seconds)) s (is the server running and reachable?)") }
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.cannotOpen(location: location, reason: Self.describe(error))
        }
    }

    /// The server's own message when there is one (PSQLError hides it from `description`).
    static func describe(_ error: any Error) -> String {
        if let e = error as? PSQLError {
            if let message = e.serverInfo?[.message] { return message }
            if let underlying = e.underlying { return "\(underlying)" }
            return "\(e.code)"
        }
        if let e = error as? PostgresTransactionError {
            return e.closureError.map(describe) ?? e.commitError.map(describe) ?? "\(e)"
        }
        return "\(error)"
    }

    // MARK: - Schema

    /// Named migrations, applied in order once each, under an advisory lock so that two
    /// processes opening a new database do not both create it. Never edited once shipped.
    static let migrations: [(name: String, sql: [String])] = [
        (
            "v1-schema",
            [
                "CREATE EXTENSION IF NOT EXISTS postgis",
                """
                CREATE TABLE document (
                    id text PRIMARY KEY,
                    source text NOT NULL,
                    content_hash text NOT NULL,
                    published date,
                    language text NOT NULL,
                    url text,
                    outlet text,
                    ingested_at timestamptz NOT NULL DEFAULT now()
                )
                """,
                """
                CREATE TABLE place (
                    id text PRIMARY KEY,
                    name text NOT NULL,
                    name_ar text,
                    kind text NOT NULL,
                    lat double precision NOT NULL,
                    lon double precision NOT NULL,
                    country text NOT NULL,
                    uncertainty_km double precision NOT NULL,
                    source text NOT NULL
                )
                """,
                """
                CREATE TABLE incident (
                    id bigserial PRIMARY KEY,
                    uid text NOT NULL UNIQUE,
                    type text NOT NULL,
                    start_date date,
                    end_date date,
                    date_precision text,
                    date_inferred boolean NOT NULL DEFAULT false,
                    place_id text NOT NULL REFERENCES place(id),
                    geo_precision integer NOT NULL,
                    lat double precision NOT NULL,
                    lon double precision NOT NULL,
                    geog geography(Point, 4326) NOT NULL,
                    actors text[] NOT NULL,
                    fatalities integer,
                    people integer,
                    claimed_by text,
                    disputed boolean NOT NULL
                )
                """,
                "CREATE INDEX incident_geog ON incident USING gist (geog)",
                "CREATE INDEX incident_start_date ON incident (start_date)",
                "CREATE INDEX incident_place ON incident (place_id)",
                """
                CREATE TABLE incident_source (
                    incident_id bigint NOT NULL REFERENCES incident(id) ON DELETE CASCADE,
                    document_id text NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                    start integer NOT NULL,
                    "end" integer NOT NULL,
                    sentence text NOT NULL,
                    PRIMARY KEY (incident_id, document_id, start)
                )
                """,
                "CREATE INDEX incident_source_document ON incident_source (document_id)",
                """
                CREATE TABLE control_period (
                    id bigserial PRIMARY KEY,
                    place_id text NOT NULL,
                    controller text NOT NULL,
                    valid_from date NOT NULL,
                    valid_to date,
                    certainty text NOT NULL,
                    origin text NOT NULL,
                    evidence text NOT NULL
                )
                """,
                "CREATE INDEX control_period_place ON control_period (place_id, valid_from)",
            ]
        )
    ]

    /// A key for `pg_advisory_xact_lock` that serialises this project's writers.
    static let writerLock: Int64 = 0x1ACD_0E47_3A90

    func migrate() async throws {
        do {
            try await client.withTransaction(logger: logger) { connection in
                try await connection.query("SELECT pg_advisory_xact_lock(\(Self.writerLock))", logger: logger)
                try await connection.query(
                    "CREATE TABLE IF NOT EXISTS incidentmap_migration (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
                    logger: logger)
                let names: [String] = try await connection.all("SELECT name FROM incidentmap_migration", as: String.self, logger: logger)
                let applied = Set(names)
                for migration in Self.migrations where !applied.contains(migration.name) {
                    for statement in migration.sql {
                        try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                    }
                    try await connection.query("INSERT INTO incidentmap_migration (name) VALUES (\(migration.name))", logger: logger)
                }
            }
        } catch {
            throw StoreError.cannotOpen(location: location, reason: "schema: " + Self.describe(error))
        }
    }
}
