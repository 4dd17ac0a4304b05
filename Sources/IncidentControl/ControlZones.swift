public import Foundation
public import IncidentGeometry

/// Areas of control: Voronoi cells of the controlled localities (GEOS), dissolved by controller
/// and clipped to a border.
public enum ControlZones {
    /// Zones for one day's snapshot, clipped to `border` (longitude/latitude degrees).
    public static func zones(
        sites: [(point: Point, controller: Controller)], border: Geometry
    ) throws -> [(controller: Controller, area: Geometry)] {
        guard !sites.isEmpty, let extent = border.envelope else { return [] }
        let cells = try Geometry.voronoiCells(sites: sites.map(\.point), extent: extent.expanded(by: 1))
        var byController = [Controller: [Polygon]]()
        for cell in cells {
            byController[sites[cell.siteIndex].controller, default: []].append(cell.polygon)
        }
        let prepared = try PreparedGeometry(border)
        var result = [(controller: Controller, area: Geometry)]()
        for controller in Controller.allCases {
            guard let polygons = byController[controller] else { continue }
            let dissolved = try Geometry.multiPolygon(MultiPolygon(polygons: polygons)).unaryUnion()
            let clipped = try prepared.intersects(dissolved) ? try dissolved.intersection(border) : Geometry.empty
            if !clipped.polygons.isEmpty { result.append((controller, clipped)) }
        }
        return result
    }

    /// A country's outline from `gazetteer/borders.geojson` (Natural Earth), by ISO code.
    public static func border(iso: String, from path: String) throws -> Geometry {
        guard let data = FileManager.default.contents(atPath: path) else { throw ControlError.unreadable(path: path) }
        struct Collection: Decodable {
            struct Feature: Decodable {
                let id: String?
                let geometry: Geometry
            }
            let features: [Feature]
        }
        let collection = try JSONDecoder().decode(Collection.self, from: data)
        guard let feature = collection.features.first(where: { $0.id == iso }) else { throw ControlError.noBorder(path: path) }
        return feature.geometry
    }
}
