public import IncidentStore
import Logging
import PostgresNIO

extension PostGISStore {
    /// Stores synthetic incidents (the same rows ``IncidentStore/bulkInsert(_:)`` takes), in
    /// batches of arrays unnested server-side, then refreshes the planner's statistics.
    public func bulkInsert(_ incidents: [SyntheticIncident], progress: (Int) -> Void = { _ in }) async throws {
        try await writing { connection in
            try await connection.query(
                """
                INSERT INTO document (id, source, content_hash, published, language)
                VALUES ('synthetic', 'synthetic', '-', NULL, 'en') ON CONFLICT DO NOTHING
                """, logger: self.logger)
            try await connection.query(
                """
                INSERT INTO place (id, name, kind, lat, lon, country, uncertainty_km, source)
                VALUES ('synthetic', 'synthetic', 'town', 35, 39, 'SY', 1, 'synthetic') ON CONFLICT DO NOTHING
                """, logger: self.logger)
            var start = 0
            while start < incidents.count {
                let batch = incidents[start..<min(start + 10_000, incidents.count)]
                let ids = batch.map(\.id)
                let types = batch.map(\.type.rawValue)
                let days = batch.map(\.day.description)
                let latitudes = batch.map(\.latitude)
                let longitudes = batch.map(\.longitude)
                try await connection.query(
                    """
                    WITH rows AS (
                      SELECT * FROM unnest(\(ids)::text[], \(types)::text[], \(days)::text[], \(latitudes)::float8[], \(longitudes)::float8[])
                        AS r(uid, type, day, lat, lon)
                    ), inserted AS (
                      INSERT INTO incident (uid, type, start_date, date_precision, place_id, geo_precision, lat, lon, geog, actors, disputed)
                      SELECT uid, type, day::date, 'day', 'synthetic', 1, lat, lon,
                        ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography, ARRAY['SDF'], false FROM rows
                      RETURNING id
                    )
                    INSERT INTO incident_source (incident_id, document_id, start, "end", sentence)
                    SELECT id, 'synthetic', 0, 10, 'synthetic' FROM inserted
                    """, logger: self.logger)
                start += batch.count
                progress(start)
            }
        }
        // Read the (empty) answer to the end so the pooled connection is released at once.
        try await reading {
            for try await _ in try await self.client.query("ANALYZE", logger: self.logger) {}
        }
    }
}
