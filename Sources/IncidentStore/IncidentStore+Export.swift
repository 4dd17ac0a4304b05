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
    /// Calls `body` with every incident matching `filter` (its limit ignored), in storage order
    /// (a sequential scan, the fastest), reading through a cursor so memory stays flat however
    /// many there are.
    public func forEachIncident(_ filter: IncidentFilter = IncidentFilter(), _ body: (StoredIncident) throws -> Void) throws {
        try writer.read { db in
            // Places once, by id: a join per incident costs more than a dictionary look-up.
            var places = [String: (name: String, arabic: String?, kind: PlaceKind, uncertainty: Double)]()
            for row in try Row.fetchAll(db, sql: "SELECT id, name, name_ar, kind, uncertainty_km FROM place") {
                let kind: String = row[3]
                places[row[0]] = (row[1], row[2], PlaceKind(rawValue: kind) ?? .town, row[4])
            }
            let (conditions, arguments) = Self.conditions(filter)
            let filtered = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
            let incidents = try Row.fetchCursor(
                // The place's columns are filled from `places` below.
                db, sql: "SELECT \(Self.incidentRowColumns), NULL, NULL, NULL, NULL FROM incident\(filtered) ORDER BY incident.rowid",
                arguments: StatementArguments(arguments))
            // The sources in the same order, merged in as the incidents pass: one scan of the
            // primary key instead of a subquery per incident (which took half the export's time).
            var sourcesSQL = #"SELECT incident_rowid, document_id, start, "end", sentence FROM incident_source"#
            if !conditions.isEmpty { sourcesSQL += " WHERE incident_rowid IN (SELECT incident.rowid FROM incident\(filtered))" }
            sourcesSQL += " ORDER BY incident_rowid, document_id, start"
            let sources = try Row.fetchCursor(db, sql: sourcesSQL, arguments: StatementArguments(arguments))
            func nextSource() throws -> (rowid: Int64, source: IncidentSource)? {
                // Cursor rows are reused: decode before stepping again.
                guard let row = try sources.next() else { return nil }
                return (row[0], IncidentSource(document: row[1], start: row[2], end: row[3], sentence: row[4]))
            }
            var pending = try nextSource()
            while let row = try incidents.next() {
                let rowid: Int64 = row[Column.rowid]
                var list = [IncidentSource]()
                while let (sourceRowid, source) = pending, sourceRowid <= rowid {
                    if sourceRowid == rowid { list.append(source) }
                    pending = try nextSource()
                }
                var incident = try Self.incident(from: row, sources: list)
                if let place = places[incident.placeID] {
                    incident.placeName = place.name
                    incident.placeNameArabic = place.arabic
                    incident.placeKind = place.kind
                    incident.placeUncertaintyKilometers = place.uncertainty
                }
                try body(incident)
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

extension IncidentStore {
    /// Incidents with their place and their sources packed in one column: fields joined by
    /// U+001F, sources by U+001E (characters no article text keeps), so one query reads all.
    static let selectIncidentWithSources = """
        SELECT \(incidentColumns),
          (SELECT group_concat(document_id || char(31) || start || char(31) || "end" || char(31) || sentence, char(30))
           FROM incident_source WHERE incident_rowid = incident.rowid) AS sources_packed
        FROM incident JOIN place ON place.id = incident.place_id
        """

    static func decodeSources(_ packed: String?) -> [IncidentSource] {
        guard var packed, !packed.isEmpty else { return [] }
        // Split on the record (0x1E) and field (0x1F) separators as bytes: Character-wise
        // splitting of Arabic sentences costs more than the query.
        return packed.withUTF8 { bytes in
            var sources = [IncidentSource]()
            for item in bytes.split(separator: 0x1E, omittingEmptySubsequences: true) {
                let fields = item.split(separator: 0x1F, maxSplits: 3, omittingEmptySubsequences: false)
                guard fields.count == 4, let start = Int(String(decoding: fields[1], as: UTF8.self)),
                    let end = Int(String(decoding: fields[2], as: UTF8.self))
                else { continue }
                sources.append(
                    IncidentSource(
                        document: String(decoding: fields[0], as: UTF8.self), start: start, end: end,
                        sentence: String(decoding: fields[3], as: UTF8.self)))
            }
            return sources
        }
    }
}
