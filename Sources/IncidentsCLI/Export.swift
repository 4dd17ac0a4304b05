public import ArgumentParser
import Foundation
import IncidentControl
import IncidentExport
import IncidentStore

extension ExportPeriod: ExpressibleByArgument {}
extension ExportFormat: ExpressibleByArgument {}

extension Incidents {
    /// `incidents export --out DIR`: GeoJSON layers over time for QGIS, GDAL and kepler.gl.
    public struct Export: ParsableCommand {
        /// Help text.
        public static let configuration = CommandConfiguration(
            abstract: "Write incidents, places and control as GeoJSON (or GeoJSONSeq, or ACLED-style CSV) layers.",
            discussion: """
                Writes DIR/incidents.geojson, DIR/places.geojson, DIR/control.geojson and DIR/index.json; with --by, \\
                also one folder per period (2022-01/, 2022-W03/, 2022-01-20/) holding what happened in it.
                """)

        @Option(help: "The output folder.")
        var out: String

        @Option(help: "Layers, comma-separated: incidents,places,control.")
        var layers = "incidents,places,control"

        @Option(help: "Also split into periods: day, week or month.")
        var by: ExportPeriod?

        @Option(help: "Only incidents on or after this day (YYYY-MM-DD).")
        var from: DayArgument?

        @Option(help: "Only incidents on or before this day (YYYY-MM-DD).")
        var to: DayArgument?

        @Option(help: "geojson, geojsonseq or csv.")
        var format: ExportFormat = .geojson

        @OptionGroup var store: StoreOptions
        @OptionGroup var control: ControlOptions
        @OptionGroup var gazetteer: GazetteerOptions

        /// Created by ArgumentParser.
        public init() {}

        /// Checks options before anything is opened.
        public func validate() throws {
            if let from, let to, from.day > to.day { throw ValidationError("--from \(from.day) is after --to \(to.day)") }
            _ = try parsedLayers()
        }

        func parsedLayers() throws -> Set<ExportLayer> {
            var result = Set<ExportLayer>()
            for part in layers.split(separator: ",") {
                let name = part.trimmingCharacters(in: .whitespaces)
                guard let layer = ExportLayer(rawValue: name) else {
                    throw ValidationError("unknown layer \"\(name)\"; known: incidents, places, control")
                }
                result.insert(layer)
            }
            return result
        }

        /// Runs the command.
        public func run() throws {
            let database = try store.open(mapMegabytes: 0, for: "export")
            var exporter = Exporter(store: database)
            if try parsedLayers().contains(.control) {
                let folder = try gazetteer.folder()
                exporter.control = try control.timeline(gazetteer: try gazetteer.load(), folder: folder, store: database)
                exporter.border = try ControlZones.border(iso: "SY", from: folder.appendingPathComponent("borders.geojson").path)
            }
            exporter.format = format
            exporter.layers = try parsedLayers()
            exporter.period = by
            exporter.filter = IncidentFilter(from: from?.day, to: to?.day)
            exporter.progress = { note("progress: \($0)") }
            let written = try exporter.export(to: URL(fileURLWithPath: out))
            let incidents = written.first { $0.name == "incidents" && $0.period == nil }?.features ?? 0
            let periods = Set(written.compactMap(\.period)).count
            print("wrote \(written.count) layer file(s) to \(out): \(incidents) incidents\(periods > 0 ? ", \(periods) period folders" : ""); see \(out)/index.json")
        }
    }
}
