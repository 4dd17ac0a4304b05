public import Extraction
import Foundation
public import Gazetteer
import GRDB
public import IncidentGeodesy

/// A place that incidents use, with how many.
public struct UsedPlace: Hashable, Sendable {
    public var id: String
    public var name: String
    public var arabicName: String?
    public var kind: PlaceKind
    public var coordinate: GeoCoordinate
    public var country: String
    public var uncertaintyKilometers: Double
    public var source: String
    public var incidentCount: Int
}

extension IncidentStore {
    /// Calls `body` with every incident matching `filter` (its limit ignored), oldest first,
    /// reading through a cursor so memory stays flat however many there are.
    public func forEachIncident(_ filter: IncidentFilter = IncidentFilter(), _ body: (StoredIncident) throws -> Void) throws {
        try writer.read { db in
            let (conditions, arguments) = Self.conditions(filter)
            var sql = """
                SELECT incident.*, place.name AS place_name, place.name_ar AS place_name_ar, place.kind AS place_kind,
                  place.uncertainty_km AS place_uncertainty,
                  (SELECT json_group_array(json_array(document_id, start, "end", sentence)) FROM incident_source
                   WHERE incident_rowid = incident.rowid) AS sources_json
                FROM incident JOIN place ON place.id = incident.place_id
                """
            if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
            sql += " ORDER BY incident.start_date, incident.uid"
            let cursor = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(arguments))
            let decoder = JSONDecoder()
            while let row = try cursor.next() {
                var sources = [IncidentSource]()
                if let json: String = row["sources_json"],
                    let items = try? decoder.decode([[SourceField]].self, from: Data(json.utf8))
                {
                    for item in items where item.count == 4 {
                        if case .text(let d) = item[0], case .number(let s) = item[1], case .number(let e) = item[2],
                            case .text(let sentence) = item[3]
                        {
                            sources.append(IncidentSource(document: d, start: s, end: e, sentence: sentence))
                        }
                    }
                }
                try body(try Self.incident(from: row, sources: sources))
            }
        }
    }

    /// The first and last day of the stored incidents, or nil when none is dated.
    public func timeExtent(_ filter: IncidentFilter = IncidentFilter()) throws -> (first: Day, last: Day)? {
        try writer.read { db in
            let (conditions, arguments) = Self.conditions(filter)
            var sql = "SELECT MIN(start_date), MAX(COALESCE(end_date, start_date)) FROM incident"
            if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
            guard let row = try Row.fetchOne(db, sql: sql, arguments: StatementArguments(arguments)),
                let a: String = row[0], let b: String = row[1], let first = Day(iso: a), let last = Day(iso: b)
            else { return nil }
            return (first, last)
        }
    }

    /// Every place incidents use, with its incident count.
    public func usedPlaces() throws -> [UsedPlace] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT place.*, COUNT(incident.rowid) AS n FROM place JOIN incident ON incident.place_id = place.id
                    GROUP BY place.id ORDER BY place.id
                    """
            ).map { row in
                UsedPlace(
                    id: row["id"], name: row["name"], arabicName: row["name_ar"],
                    kind: PlaceKind(rawValue: row["kind"]) ?? .town,
                    coordinate: try GeoCoordinate(latitude: row["lat"], longitude: row["lon"]), country: row["country"],
                    uncertaintyKilometers: row["uncertainty_km"], source: row["source"], incidentCount: row["n"])
            }
        }
    }
}

/// One field of a source row as SQLite's json_array gives it.
enum SourceField: Decodable {
    case text(String)
    case number(Int)

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let n = try? c.decode(Int.self) {
            self = .number(n)
        } else {
            self = .text(try c.decode(String.self))
        }
    }
}
