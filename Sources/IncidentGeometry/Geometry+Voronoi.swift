internal import CGEOS

/// One cell of a Voronoi diagram and the site it belongs to.
public struct VoronoiCell: Hashable, Sendable {
    /// The index of the site in the input array.
    public let siteIndex: Int
    /// The site itself.
    public let site: Point
    /// The region nearer to this site than to any other.
    public let polygon: Polygon
}

extension Geometry {
    /// The Voronoi diagram of `sites` (`GEOSVoronoiDiagram_r`), each cell matched to its site.
    ///
    /// GEOS returns cells in an order unrelated to the input (3.11 and earlier), so each cell is
    /// matched to the site it covers through an ``STRtree``. Duplicate sites share one cell, given
    /// to the first of them. `extent`, when given, is the area the diagram must cover at least;
    /// clip the cells to a border afterwards with ``intersection(_:)``.
    public static func voronoiCells(sites: [Point], extent: Envelope? = nil) throws(GeometryError) -> [VoronoiCell] {
        guard !sites.isEmpty else { return [] }
        let context = try GEOSContext()
        let input = try Geometry.multiPoint(MultiPoint(points: sites)).makeGEOS(context)
        var envelope: GEOSObject?
        if let extent { envelope = try Geometry.polygon(extent.polygon).makeGEOS(context) }
        guard
            let raw = GEOSVoronoiDiagram_r(context.handle, input.pointer, envelope?.pointer, 0, 0)
        else { throw context.error("GEOSVoronoiDiagram_r") }
        let diagram = try takeResult(raw, context, "GEOSVoronoiDiagram_r")
        let index = try STRtree(points: sites.enumerated().map { (point: $0.element, element: $0.offset) })
        var cells = [VoronoiCell]()
        var claimed = Set<Int>()
        for polygon in diagram.polygons {
            guard let bounds = Envelope(covering: polygon.exterior.points) else { continue }
            let prepared = try PreparedGeometry(.polygon(polygon))
            for candidate in try index.indices(intersecting: bounds) where !claimed.contains(candidate) {
                if try prepared.covers(.point(sites[candidate])) {
                    claimed.insert(candidate)
                    cells.append(VoronoiCell(siteIndex: candidate, site: sites[candidate], polygon: polygon))
                    break
                }
            }
        }
        return cells.sorted { $0.siteIndex < $1.siteIndex }
    }
}
