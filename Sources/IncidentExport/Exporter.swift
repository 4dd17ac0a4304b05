public import Foundation
public import Extraction
import Gazetteer
import IncidentGeodesy
public import IncidentControl
public import IncidentGeometry
public import IncidentStore

/// How exports split time.
public enum ExportPeriod: String, Sendable, CaseIterable {
    case day, week, month

    /// The period containing `day`: its label and first and last day.
    public func period(containing day: Day) -> (label: String, first: Day, last: Day) {
        switch self {
        case .day:
            return (day.description, day, day)
        case .week:
            let monday = day.adding(days: -day.weekday)
            let (year, week) = day.isoWeek
            return (String(format: "%04d-W%02d", year, week), monday, monday.adding(days: 6))
        case .month:
            let first = Day(year: day.year, month: day.month, day: 1)!
            return (String(format: "%04d-%02d", day.year, day.month), first, first.endOfMonth)
        }
    }
}

/// The file formats of an export.
public enum ExportFormat: String, Sendable, CaseIterable {
    /// RFC 7946 FeatureCollections.
    case geojson
    /// RFC 8142 GeoJSON Text Sequences: RS, a feature, LF.
    case geojsonseq
    /// ACLED's column layout, to merge with ACLED data.
    case csv
}

/// The layers an export can write.
public enum ExportLayer: String, Sendable, CaseIterable {
    case incidents, places, control
}

/// What was written: one entry per file, for `index.json`.
public struct ExportedLayer: Codable, Sendable, Hashable {
    public var name: String
    public var path: String
    public var features: Int
    /// West, south, east, north; nil for an empty layer.
    public var bbox: [Double]?
    /// First and last day, ISO; nil when undated.
    public var time_extent: [String]?
    public var period: String?
}

/// Writes the store's incidents, places and control periods as files GIS tools open as they are.
public struct Exporter {
    public let store: IncidentStore
    public var format: ExportFormat = .geojson
    public var layers: Set<ExportLayer> = Set(ExportLayer.allCases)
    public var period: ExportPeriod?
    public var filter = IncidentFilter()
    /// Called with a line of progress (for stderr) every 100,000 features.
    public var progress: (@Sendable (String) -> Void)?
    /// Who held which place when; without it the control layer is empty but valid.
    public var control: ControlTimeline?
    /// The outline control zones are clipped to (Syria); period folders get `zones.geojson` when set.
    public var border: Geometry?

    /// An exporter of everything in `store`.
    public init(store: IncidentStore) {
        self.store = store
    }

    /// Writes every requested layer under `directory`, with `index.json`; returns what was written.
    @discardableResult
    public func export(to directory: URL) throws -> [ExportedLayer] {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var written = [ExportedLayer]()
        if layers.contains(.incidents) {
            written.append(try writeIncidents(to: directory, prefix: "", filter: filter, period: nil))
        }
        if layers.contains(.places), format != .csv {
            written.append(try writePlaces(to: directory))
        }
        if layers.contains(.control), format != .csv {
            written.append(try writeControl(to: directory, prefix: "", range: nil, label: nil))
        }
        // Periods cover the asked range, or the stored incidents' extent within it.
        let extent = try store.timeExtent(filter)
        if let period, format != .csv, let first = filter.from ?? extent?.first, let last = filter.to ?? extent?.last {
            var day = first
            while day <= last {
                let p = period.period(containing: day)
                let folder = directory.appendingPathComponent(p.label)
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                var f = filter
                f.from = max(p.first, filter.from ?? p.first)
                f.to = min(p.last, filter.to ?? p.last)
                if layers.contains(.incidents) {
                    written.append(try writeIncidents(to: folder, prefix: p.label + "/", filter: f, period: p.label))
                }
                if layers.contains(.control) {
                    written.append(try writeControl(to: folder, prefix: p.label + "/", range: (p.first, p.last), label: p.label))
                    if let border, let control {
                        written.append(try writeZones(to: folder, prefix: p.label + "/", day: p.last, control: control, border: border, label: p.label))
                    }
                }
                day = p.last.adding(days: 1)
            }
        }
        let index = ExportIndex(generator: "IncidentMap", format: format.rawValue, period: period?.rawValue, layers: written)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(index).write(to: directory.appendingPathComponent("index.json"))
        return written
    }

    struct ExportIndex: Codable {
        var generator: String
        var format: String
        var period: String?
        var layers: [ExportedLayer]
    }

    func fileName(_ layer: String) -> String {
        switch format {
        case .geojson: layer + ".geojson"
        case .geojsonseq: layer + ".geojsons"
        case .csv: layer + ".csv"
        }
    }

    func writeIncidents(to directory: URL, prefix: String, filter: IncidentFilter, period: String?) throws -> ExportedLayer {
        let name = fileName("incidents")
        let writer = try FeatureWriter(url: directory.appendingPathComponent(name), format: format)
        var extent = Extent()
        var count = 0
        if format == .csv { try writer.raw(ACLED.header + "\n") }
        try store.forEachIncident(filter) { incident in
            if format == .csv {
                try writer.raw(ACLED.row(incident) + "\n")
            } else {
                try writer.incident(incident)
            }
            extent.add(incident.coordinate, incident.date)
            count += 1
            if count % 100_000 == 0 { progress?("exported \(count) incidents to \(name)") }
        }
        try writer.finish(bbox: extent.bbox)
        return ExportedLayer(
            name: "incidents", path: prefix + name, features: count, bbox: extent.bbox,
            time_extent: extent.days, period: period)
    }

    func writePlaces(to directory: URL) throws -> ExportedLayer {
        let name = fileName("places")
        let writer = try FeatureWriter(url: directory.appendingPathComponent(name), format: format)
        var extent = Extent()
        let places = try store.usedPlaces()
        for p in places {
            var props = JSONObject()
            props.add("id", p.id)
            props.add("name", p.name)
            props.add("name_ar", p.arabicName)
            props.add("kind", p.kind.rawValue)
            props.add("country", p.country)
            props.add("uncertainty_km", p.uncertaintyKilometers)
            props.add("coord_source", p.source)
            props.add("incident_count", p.incidentCount)
            try writer.feature(Feature(id: p.id, coordinate: p.coordinate, properties: props.text, time: nil))
            extent.add(p.coordinate, nil)
        }
        try writer.finish(bbox: extent.bbox)
        return ExportedLayer(name: "places", path: name, features: places.count, bbox: extent.bbox, time_extent: nil, period: nil)
    }

    /// Control periods as points at their places (`valid_to` null while ongoing); in a period
    /// folder, the periods that overlap it.
    func writeControl(to directory: URL, prefix: String, range: (Day, Day)?, label: String?) throws -> ExportedLayer {
        let name = fileName("control")
        let writer = try FeatureWriter(url: directory.appendingPathComponent(name), format: format)
        var extent = Extent()
        var count = 0
        if let control {
            for period in control.all {
                let end = control.effectiveEnd(of: period)
                if let (first, last) = range, period.validFrom > last || (end.map { $0 < first } ?? false) { continue }
                var props = JSONObject()
                props.add("place", period.place.name)
                props.add("place_ar", period.place.arabicName)
                props.add("place_id", period.place.id)
                props.add("controller", period.controller.rawValue)
                props.add("valid_from", period.validFrom.description)
                props.add("valid_to", end?.description)
                props.add("certainty", period.certainty.rawValue)
                props.add("origin", period.origin)
                props.add("evidence", period.evidence)
                props.add("color", period.controller.color)
                let time = end.map { #"{"interval":["\#(period.validFrom)","\#($0)"]}"# } ?? #"{"interval":["\#(period.validFrom)",".."]}"#
                try writer.feature(
                    Feature(id: "\(period.place.id)@\(period.validFrom)@\(period.controller.rawValue)@\(period.origin)", coordinate: period.place.coordinate, properties: props.text, time: time))
                extent.add(period.place.coordinate, DateRange(start: period.validFrom, end: end, precision: .day))
                count += 1
            }
        }
        try writer.finish(bbox: extent.bbox)
        return ExportedLayer(name: "control", path: prefix + name, features: count, bbox: extent.bbox, time_extent: extent.days, period: label)
    }

    /// Control zones on `day`: Voronoi cells of the controlled places, dissolved by controller,
    /// clipped to the border.
    func writeZones(to directory: URL, prefix: String, day: Day, control: ControlTimeline, border: Geometry, label: String) throws -> ExportedLayer {
        let name = "zones.geojson"
        let zones = try ControlZones.zones(
            sites: control.snapshot(on: day).map { (point: $0.place.coordinate.point, controller: $0.controller) }, border: border)
        var text = #"{"type":"FeatureCollection","features":["#
        for (k, zone) in zones.enumerated() {
            if k > 0 { text += "," }
            var props = JSONObject()
            props.add("controller", zone.controller.rawValue)
            props.add("day", day.description)
            props.add("color", zone.controller.color)
            text += "\n" + #"{"type":"Feature","id":"\#(zone.controller.rawValue)","geometry":"# + zone.area.geoJSON(decimals: 5) + #","properties":"# + props.text + "}"
        }
        text += "\n]}\n"
        try Data(text.utf8).write(to: directory.appendingPathComponent(name))
        return ExportedLayer(name: "zones", path: prefix + name, features: zones.count, bbox: border.envelope.map { [$0.minX, $0.minY, $0.maxX, $0.maxY] }, time_extent: [day.description, day.description], period: label)
    }

    /// One incident as a GeoJSON Feature object's text (what the export and the server write).
    public static func incidentFeatureJSON(_ i: StoredIncident) -> String {
        var json = JSONBytes(capacity: 1024)
        appendIncidentFeature(i, to: &json)
        return String(decoding: json.bytes, as: UTF8.self)
    }

    /// A feature's GeoJSON text.
    static func appendFeature(_ f: Feature, to json: inout JSONBytes) {
        json.raw(#"{"type":"Feature","id":"#)
        json.string(f.id)
        json.raw(#","geometry":"#)
        json.point(longitude: f.coordinate.longitude, latitude: f.coordinate.latitude)
        json.raw(#","properties":"#)
        json.raw(f.properties)
        if let time = f.time {
            json.raw(#","time":"#)
            json.raw(time)
        }
        json.raw("}")
    }

    /// One incident as a GeoJSON feature: RFC 7946 properties plus a JSON-FG `time` member,
    /// written member by member into `json`.
    static func appendIncidentFeature(_ i: StoredIncident, to json: inout JSONBytes) {
        json.raw(#"{"type":"Feature","id":"#)
        json.string(i.id)
        json.raw(#","geometry":"#)
        json.point(longitude: i.coordinate.longitude, latitude: i.coordinate.latitude)
        json.raw(#","properties":{"id":"#)
        json.string(i.id)
        json.raw(#","type":"#)
        json.string(i.type.rawValue)
        let acled = ACLED.eventType(i)
        json.raw(#","event_type":"#)
        json.string(acled.0)
        json.raw(#","sub_event_type":"#)
        json.string(acled.1)
        // Date fields hold full ISO dates or null only, so GDAL types them as Date.
        json.raw(#","start":"#)
        json.day(i.date?.start)
        json.raw(#","end":"#)
        json.day(i.date?.end)
        json.raw(#","date_precision":"#)
        json.string(i.date?.precision.rawValue)
        json.raw(#","date_inferred":"#)
        json.bool(i.dateInferred)
        json.raw(#","place":"#)
        json.string(i.placeName)
        json.raw(#","place_ar":"#)
        json.string(i.placeNameArabic)
        json.raw(#","place_id":"#)
        json.string(i.placeID)
        json.raw(#","geo_precision":"#)
        json.int(i.geoPrecision)
        json.raw(#","actors":"#)
        json.strings(i.actors.map(\.rawValue))
        json.raw(#","fatalities":"#)
        json.int(i.fatalities)
        json.raw(#","people":"#)
        json.int(i.people)
        json.raw(#","claimed_by":"#)
        json.string(i.claimedBy)
        json.raw(#","disputed":"#)
        json.bool(i.disputed)
        json.raw(#","sources":["#)
        for (k, s) in i.sources.enumerated() {
            json.raw(k > 0 ? #",{"document":"# : #"{"document":"#)
            json.string(s.document)
            json.raw(#","start":"#)
            json.int(s.start)
            json.raw(#","end":"#)
            json.int(s.end)
            json.raw(#","sentence":"#)
            json.string(s.sentence)
            json.raw("}")
        }
        json.raw("]}")
        if let d = i.date {
            if let end = d.end {
                json.raw(#","time":{"interval":["#)
                json.day(d.start)
                json.raw(",")
                json.day(end)
                json.raw("]}")
            } else {
                json.raw(#","time":{"date":"#)
                json.day(d.start)
                json.raw("}")
            }
        }
        json.raw("}")
    }
}

/// Bounding box and time extent of what was written.
struct Extent {
    var west = Double.infinity, south = Double.infinity, east = -Double.infinity, north = -Double.infinity
    var first: Day?
    var last: Day?

    mutating func add(_ c: GeoCoordinate, _ date: DateRange?) {
        west = min(west, c.longitude)
        east = max(east, c.longitude)
        south = min(south, c.latitude)
        north = max(north, c.latitude)
        if let date {
            first = first.map { min($0, date.start) } ?? date.start
            last = last.map { max($0, date.last) } ?? date.last
        }
    }

    var bbox: [Double]? {
        west.isFinite ? [west, south, east, north].map { (($0 * 1e6).rounded()) / 1e6 } : nil
    }

    var days: [String]? {
        guard let first, let last else { return nil }
        return [first.description, last.description]
    }
}
