import Extraction
import Foundation
import GRDB

extension IncidentStore {
    /// Fills the store with `count` random incidents over Syria and 2016-2025, for benchmarks.
    /// One transaction; sources are one synthetic sentence each.
    public func bulkInsertSynthetic(count: Int, using random: inout some RandomNumberGenerator) throws {
        var rng = random
        try writer.write { db in
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO document (id, source, content_hash, published, language, ingested_at)
                    VALUES ('synthetic', 'synthetic', '-', NULL, 'en', '2026-01-01T00:00:00Z');
                    INSERT OR IGNORE INTO place (id, name, kind, lat, lon, country, uncertainty_km, source)
                    VALUES ('synthetic', 'synthetic', 'town', 35, 39, 'SY', 1, 'synthetic');
                    """)
            let incident = try db.makeStatement(
                sql: """
                    INSERT INTO incident (uid, type, start_date, date_precision, place_id, geo_precision, lat, lon, actors, disputed)
                    VALUES (?, ?, ?, 'day', 'synthetic', 1, ?, ?, '["SDF"]', 0)
                    """)
            let rtree = try db.makeStatement(sql: "INSERT INTO incident_rtree (id, min_lon, max_lon, min_lat, max_lat) VALUES (?, ?, ?, ?, ?)")
            let source = try db.makeStatement(
                sql: "INSERT INTO incident_source (incident_rowid, document_id, start, \"end\", sentence) VALUES (?, 'synthetic', 0, 10, 'synthetic')")
            let types = IncidentType.allCases.map(\.rawValue)
            let first = Day(year: 2016, month: 1, day: 1)!.ordinal
            for i in 0..<count {
                let lat = Double.random(in: 32.5...37.2, using: &rng)
                let lon = Double.random(in: 36...42, using: &rng)
                let day = Day(ordinal: first + Int.random(in: 0..<3653, using: &rng))
                try incident.execute(arguments: ["s\(i)", types[i % types.count], day.description, lat, lon])
                let rowid = db.lastInsertedRowID
                try rtree.execute(arguments: [rowid, lon, lon, lat, lat])
                try source.execute(arguments: [rowid])
            }
        }
        random = rng
    }
}
