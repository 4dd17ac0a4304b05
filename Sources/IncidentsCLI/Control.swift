public import ArgumentParser
import Extraction
import Foundation
import Gazetteer
import IncidentControl
import IncidentExport
import IncidentGeodesy
import IncidentGeometry
import IncidentStore

/// Where control periods come from.
struct ControlOptions: ParsableArguments {
    @Option(help: "The control baseline (default: control_baseline.tsv in the gazetteer folder).")
    var baseline: String?

    /// Baseline periods plus those implied by the store's control_change incidents.
    func timeline(gazetteer: Gazetteer, folder: URL, store: IncidentStore) throws -> ControlTimeline {
        let path = baseline ?? folder.appendingPathComponent("control_baseline.tsv").path
        var periods = try ControlPeriod.loadBaseline(path: path, gazetteer: gazetteer)
        let changes = try store.list(IncidentFilter(types: [.controlChange], limit: 1_000_000))
        periods += ControlPeriod.fromIncidents(
            changes.compactMap { i in
                guard let day = i.date?.start else { return nil }
                let place = gazetteer.place(id: i.placeID)
                    ?? Place(
                        id: i.placeID, name: i.placeName, arabicName: i.placeNameArabic, names: [i.placeName], kind: i.placeKind,
                        coordinate: i.coordinate, country: "SY", parentID: nil, population: 0,
                        uncertaintyKilometers: i.placeUncertaintyKilometers, source: "")
                return (place, i.id, day, i.actors, i.disputed)
            })
        return ControlTimeline(periods)
    }
}

extension Incidents {
    /// `incidents control PLACE --on DATE`: who held a place on a day, and why.
    public struct Control: ParsableCommand {
        /// Help text.
        public static let configuration = CommandConfiguration(
            abstract: "Who controlled a place on a day, with the periods and sources behind the answer.")

        @Argument(help: "A place name.")
        var place: String

        @Option(help: "The day (YYYY-MM-DD).")
        var on: DayArgument

        @OptionGroup var control: ControlOptions
        @OptionGroup var store: StoreOptions
        @OptionGroup var gazetteer: GazetteerOptions

        /// Created by ArgumentParser.
        public init() {}

        /// Runs the command.
        public func run() throws {
            let g = try gazetteer.load()
            let timeline = try control.timeline(gazetteer: g, folder: try gazetteer.folder(), store: try store.open(for: "control"))
            let target = try g.resolveBest(place)
            guard let answer = timeline.controller(of: target.place.id, on: on.day) else {
                print("\(target.place.name): no control period known on \(on.day)")
                return
            }
            print("\(target.place.name) on \(on.day): \(answer.controller.rawValue)")
            for p in answer.periods {
                let end = timeline.effectiveEnd(of: p)?.description ?? "ongoing"
                print("  \(p.controller.rawValue) \(p.validFrom)…\(end) (\(p.certainty.rawValue), \(p.origin)) \(p.evidence)")
            }
        }
    }

    /// `incidents animate --out FILE.html`: control and incidents played through time.
    public struct Animate: ParsableCommand {
        /// Help text.
        public static let configuration = CommandConfiguration(
            abstract: "Write one self-contained HTML page playing control zones and incidents through time.")

        @Option(help: "First day (YYYY-MM-DD); default: the first stored incident.")
        var from: DayArgument?

        @Option(help: "Last day (YYYY-MM-DD); default: the last stored incident.")
        var to: DayArgument?

        @Option(help: "Time step: day, week or month.")
        var step: ExportPeriod = .week

        @Option(help: "Centre the map on this place.")
        var focus: String?

        @Option(help: "The HTML file to write.")
        var out: String

        @OptionGroup var control: ControlOptions
        @OptionGroup var store: StoreOptions
        @OptionGroup var gazetteer: GazetteerOptions

        /// Created by ArgumentParser.
        public init() {}

        /// Checks the dates.
        public func validate() throws {
            if let from, let to, from.day > to.day { throw ValidationError("--from \(from.day) is after --to \(to.day)") }
        }

        /// Runs the command.
        public func run() throws {
            let g = try gazetteer.load()
            let folder = try gazetteer.folder()
            let database = try store.open(for: "animate")
            let timeline = try control.timeline(gazetteer: g, folder: folder, store: database)
            let extent = try database.timeExtent()
            guard let first = from?.day ?? extent?.first, let last = to?.day ?? extent?.last else {
                throw ValidationError("no dated incidents stored: give --from and --to")
            }
            let frames = step == .day ? last.ordinal - first.ordinal : step == .week ? (last.ordinal - first.ordinal) / 7 : (last.ordinal - first.ordinal) / 28
            guard frames < 20_000 else { throw ValidationError("\(frames) frames is too many: use a larger --step") }
            let incidents = try database.list(IncidentFilter(from: first, to: last, limit: 1_000_000))
            var view = try Envelope(minX: 37.6, minY: 34.3, maxX: 42.4, maxY: 37.35)
            if let focus {
                let c = try PlaceArgument.resolve(focus, in: { g }).coordinate
                view = try Envelope(minX: c.longitude - 1.1, minY: c.latitude - 0.8, maxX: c.longitude + 1.1, maxY: c.latitude + 0.8)
            }
            let bordersPath = folder.appendingPathComponent("borders.geojson").path
            let syria = try ControlZones.border(iso: "SY", from: bordersPath)
            var outlines = [(iso: String, geometry: Geometry)]()
            for iso in ["SY", "TR", "IQ", "JO", "LB"] {
                if let g = try? ControlZones.border(iso: iso, from: bordersPath) { outlines.append((iso, g)) }
            }
            let labels = timeline.periods.values.compactMap(\.first?.place).filter { $0.kind == .city || $0.kind == .town }
            let map = AnimatedMap(
                from: first, to: last, step: step, control: timeline, incidents: incidents, outlines: outlines, clip: syria,
                view: view, labels: labels)
            let html = try map.html()
            try html.write(toFile: out, atomically: true, encoding: .utf8)
            print("wrote \(out): \(first)…\(last) by \(step.rawValue), \(incidents.count) incidents, \(timeline.periods.count) places with control periods (\(html.utf8.count / 1024) KB)")
        }
    }
}
