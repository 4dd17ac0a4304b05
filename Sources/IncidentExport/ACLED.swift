import Extraction
import Foundation
import IncidentGeodesy
import IncidentStore

/// ACLED's event types and CSV column layout, so analysts can merge with ACLED data.
enum ACLED {
    static let columns = [
        "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type", "actor1", "actor2",
        "country", "admin1", "location", "latitude", "longitude", "geo_precision", "source", "notes", "fatalities",
        "people", "claimed_by", "disputed",
    ]

    static var header: String { columns.joined(separator: ",") }

    /// ACLED's event type and sub-event type for an incident.
    static func eventType(_ i: StoredIncident) -> (String, String) {
        switch i.type {
        case .clash: return ("Battles", "Armed clash")
        case .attack:
            return i.actors.contains(.civilians)
                ? ("Violence against civilians", "Attack") : ("Battles", "Armed clash")
        case .strike:
            let air = i.actors.contains { [.coalition, .us, .russia, .turkey].contains($0) }
            return ("Explosions/Remote violence", air ? "Air/drone strike" : "Shelling/artillery/missile attack")
        case .controlChange:
            return i.actors.first == .syrianGovernment
                ? ("Battles", "Government regains territory") : ("Battles", "Non-state actor overtakes territory")
        case .escape: return ("Strategic developments", "Other")
        case .arrest: return ("Strategic developments", "Arrests")
        case .deployment: return ("Strategic developments", "Change to group/activity")
        case .agreement: return ("Strategic developments", "Agreement")
        case .curfew: return ("Strategic developments", "Other")
        case .hostage: return ("Violence against civilians", "Abduction/forced disappearance")
        }
    }

    static func row(_ i: StoredIncident) -> String {
        let (event, sub) = eventType(i)
        let precision: String
        switch i.date?.precision {
        case .day?: precision = "1"
        case .week?: precision = "2"
        case .month?, .year?: precision = "3"
        default: precision = ""
        }
        let fields: [String] = [
            "SYR-IM-\(i.id)", i.date?.start.description ?? "", i.date.map { String($0.start.year) } ?? "", precision,
            event, sub, i.actors.first?.rawValue ?? "", i.actors.dropFirst().first?.rawValue ?? "", "Syria", "",
            i.placeName, String(format: "%.6f", i.coordinate.latitude), String(format: "%.6f", i.coordinate.longitude),
            String(i.geoPrecision), i.sources.map(\.document).joined(separator: "; "),
            i.sources.first?.sentence ?? "", i.fatalities.map(String.init) ?? "0", i.people.map(String.init) ?? "",
            i.claimedBy ?? "", i.disputed ? "true" : "false",
        ]
        return fields.map(csvField).joined(separator: ",")
    }

    /// RFC 4180 quoting.
    static func csvField(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
