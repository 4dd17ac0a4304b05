public import Extraction
import Foundation
import GRDB

/// One synthetic incident for benchmarks: a type, a day and a point in Syria.
public struct SyntheticIncident: Sendable, Hashable {
    public var id: String
    public var type: IncidentType
    public var day: Day
    public var latitude: Double
    public var longitude: Double

    /// `count` random incidents over Syria (32.5–37.2° N, 36–42° E) and 2016–2025.
    public static func generate(count: Int, using random: inout some RandomNumberGenerator) -> [SyntheticIncident] {
        let types = IncidentType.allCases
        let first = Day(year: 2016, month: 1, day: 1)!.ordinal
        return (0..<count).map { i in
            SyntheticIncident(
                id: "s\(i)", type: types[i % types.count], day: Day(ordinal: first + Int.random(in: 0..<3653, using: &random)),
                latitude: Double.random(in: 32.5...37.2, using: &random), longitude: Double.random(in: 36...42, using: &random))
        }
    }
}

extension IncidentStore {
    /// Fills the store with `count` random incidents over Syria and 2016-2025, for benchmarks.
    public func bulkInsertSynthetic(count: Int, using random: inout some RandomNumberGenerator) throws {
        try bulkInsert(SyntheticIncident.generate(count: count, using: &random))
    }

    /// Stores synthetic incidents in one transaction; each gets one synthetic source sentence.
    public func bulkInsert(_ incidents: [SyntheticIncident]) throws {
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
            let rtree = try db.makeStatement(
                sql: "INSERT INTO incident_space_time (id, min_lon, max_lon, min_lat, max_lat, min_t, max_t) VALUES (?, ?, ?, ?, ?, ?, ?)")
            let source = try db.makeStatement(
                sql: "INSERT INTO incident_source (incident_rowid, document_id, start, \"end\", sentence) VALUES (?, 'synthetic', 0, 10, 'synthetic')")
            for s in incidents {
                try incident.execute(arguments: [s.id, s.type.rawValue, s.day.description, s.latitude, s.longitude])
                let rowid = db.lastInsertedRowID
                try rtree.execute(arguments: [rowid, s.longitude, s.longitude, s.latitude, s.latitude, Self.decades(s.day), Self.decades(s.day)])
                try source.execute(arguments: [rowid])
            }
        }
    }
}
