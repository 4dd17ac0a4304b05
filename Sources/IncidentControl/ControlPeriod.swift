public import Extraction
import Foundation
public import Gazetteer
public import IncidentGeodesy

/// Who holds a place: a canonical actor, or nobody clearly.
public enum Controller: String, Codable, Sendable, Hashable, CaseIterable {
    case sdf = "SDF"
    case syrianGovernment = "Syrian government"
    case isis = "ISIS"
    case turkey = "Turkey"
    case us = "US"
    case russia = "Russia"
    case iraq = "Iraq"
    case contested

    /// The controller an actor stands for, when it holds ground.
    public init?(actor: Actor) {
        switch actor {
        case .sdf, .asayish: self = .sdf
        case .syrianGovernment: self = .syrianGovernment
        case .isis: self = .isis
        case .turkey: self = .turkey
        case .us, .coalition: self = .us
        case .russia: self = .russia
        case .iraq, .pmf: self = .iraq
        case .civilians: return nil
        }
    }

    /// The colours the Syrian war's control maps use.
    public var color: String {
        switch self {
        case .syrianGovernment: "#d7191c"
        case .sdf: "#f2c318"
        case .isis: "#1a1a1a"
        case .turkey: "#2e8b3a"
        case .us: "#1b9e9e"
        case .russia: "#7b3294"
        case .iraq: "#8c6d31"
        case .contested: "#9e9e9e"
        }
    }
}

/// How sure a period is.
public enum ControlCertainty: String, Codable, Sendable, Hashable {
    case confirmed, claimed, contested
}

/// A place held by a controller from one day, to another or ongoing.
public struct ControlPeriod: Sendable, Hashable {
    public var place: Place
    public var controller: Controller
    public var validFrom: Day
    /// The last day; nil while ongoing (or until the next period of the place starts).
    public var validTo: Day?
    public var certainty: ControlCertainty
    /// `baseline` (a dated source in gazetteer/control_baseline.tsv) or `incident` (extracted).
    public var origin: String
    /// A source URL, or incident ids.
    public var evidence: String
    public var note: String

    /// A period.
    public init(
        place: Place, controller: Controller, validFrom: Day, validTo: Day?, certainty: ControlCertainty, origin: String,
        evidence: String, note: String
    ) {
        self.place = place
        self.controller = controller
        self.validFrom = validFrom
        self.validTo = validTo
        self.certainty = certainty
        self.origin = origin
        self.evidence = evidence
        self.note = note
    }
}

/// Problems reading control data, each naming the input.
public enum ControlError: Error, Sendable, Hashable, CustomStringConvertible {
    case unreadable(path: String)
    case malformedRow(path: String, line: Int, reason: String)
    case noBorder(path: String)

    /// One line naming the input.
    public var description: String {
        switch self {
        case .unreadable(let path): "\(path): cannot read"
        case .malformedRow(let path, let line, let reason): "\(path):\(line): \(reason)"
        case .noBorder(let path): "\(path): no Syria outline in it"
        }
    }
}

extension ControlPeriod {
    /// Reads `gazetteer/control_baseline.tsv`: `place controller valid_from valid_to certainty
    /// source note`, resolving each place through the gazetteer. Unknown places are errors.
    public static func loadBaseline(path: String, gazetteer: Gazetteer) throws(ControlError) -> [ControlPeriod] {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(path: path)
        }
        var periods = [ControlPeriod]()
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().dropFirst()
        where !line.isEmpty {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 6 else { throw .malformedRow(path: path, line: n + 1, reason: "expected 7 tab-separated fields") }
            // "al-Malikiyah (Derik)": the name before the bracket; facilities by their kind.
            let name = f[0].split(separator: "(").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? f[0]
            var hints = ResolveHints()
            if name.contains("prison") { hints.kind = .prison }
            if name.contains("oil field") || name.contains("gas field") { hints.kind = .oilfield }
            guard let place = gazetteer.resolve(name, hints: hints, limit: 1).first?.place else {
                throw .malformedRow(path: path, line: n + 1, reason: "unknown place \"\(f[0])\"")
            }
            guard let controller = Controller(rawValue: f[1]) else {
                throw .malformedRow(path: path, line: n + 1, reason: "unknown controller \"\(f[1])\"")
            }
            guard let from = Day(iso: f[2]) else {
                throw .malformedRow(path: path, line: n + 1, reason: "valid_from \"\(f[2])\" is not YYYY-MM-DD")
            }
            let to = f[3].isEmpty ? nil : Day(iso: f[3])
            if !f[3].isEmpty, to == nil {
                throw .malformedRow(path: path, line: n + 1, reason: "valid_to \"\(f[3])\" is not YYYY-MM-DD")
            }
            periods.append(
                ControlPeriod(
                    place: place, controller: controller, validFrom: from, validTo: to,
                    certainty: ControlCertainty(rawValue: f[4]) ?? .claimed, origin: "baseline", evidence: f[5],
                    note: f.count > 6 ? f[6] : ""))
        }
        return periods
    }

    /// Periods implied by extracted `control_change` incidents: the initiator (first actor that
    /// can hold ground) holds the place from the incident's day; a disputed report is `claimed`.
    public static func fromIncidents(_ incidents: [(place: Place, incidentID: String, date: Day, actors: [Actor], disputed: Bool)]) -> [ControlPeriod] {
        incidents.compactMap { i in
            guard let controller = i.actors.lazy.compactMap(Controller.init(actor:)).first else { return nil }
            return ControlPeriod(
                place: i.place, controller: controller, validFrom: i.date, validTo: nil,
                certainty: i.disputed ? .contested : .claimed, origin: "incident", evidence: i.incidentID, note: "")
        }
    }
}
