public import ArgumentParser
import Foundation
import Gazetteer
import Hummingbird
import IncidentControl
import IncidentGeometry
import IncidentServer

extension Incidents {
    /// `incidents serve`: OGC API - Features for QGIS, GDAL and browsers.
    public struct Serve: AsyncParsableCommand {
        /// Help text.
        public static let configuration = CommandConfiguration(
            abstract: "Serve the database as OGC API - Features (GeoJSON), with /near, /resolve and the live map at /.",
            discussion: "Read-only unless --token is given. GDAL: ogrinfo OAPIF:http://127.0.0.1:8080 incidents")

        @Option(help: "The address to listen on.")
        var host = "127.0.0.1"

        @Option(help: "The port.")
        var port = 8080

        @Option(help: "Accept POST /articles with this bearer token; without it the server is read-only.")
        var token: String?

        @OptionGroup var control: ControlOptions
        @OptionGroup var store: StoreOptions
        @OptionGroup var gazetteer: GazetteerOptions

        /// Created by ArgumentParser.
        public init() {}

        /// Checks the port.
        public func validate() throws {
            guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0…65535") }
        }

        /// Runs the server until interrupted.
        public func run() async throws {
            let g = try gazetteer.load()
            let folder = try gazetteer.folder()
            // A server repeats queries: a 64 MB page cache per connection keeps them in memory.
            let database = try store.open(cacheMegabytes: 64, for: "serve")
            let timeline = try control.timeline(gazetteer: g, folder: folder, store: database)
            let borders = folder.appendingPathComponent("borders.geojson").path
            var outlines = [(iso: String, geometry: Geometry)]()
            for iso in ["SY", "TR", "IQ", "JO", "LB"] {
                if let outline = try? ControlZones.border(iso: iso, from: borders) { outlines.append((iso, outline)) }
            }
            let data = ServerData(
                store: database, gazetteer: g, control: timeline, border: try ControlZones.border(iso: "SY", from: borders),
                outlines: outlines, token: token)
            note("serving \(store.location) on http://\(host):\(port)")
            try await IncidentServer.application(data: data, host: host, port: port).runService()
        }
    }
}
