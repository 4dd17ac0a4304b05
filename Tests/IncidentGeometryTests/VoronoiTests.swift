import IncidentGeometry
import Testing

@Suite("Voronoi cells")
struct VoronoiTests {
    @Test("Every cell is matched to the site nearest to its points")
    func cellsMatchSites() throws {
        var random = SplitMix64(seed: 3)
        let sites = (0..<200).map { _ in Point(x: random.next(in: 38...42), y: random.next(in: 34...37)) }
        let cells = try Geometry.voronoiCells(sites: sites, extent: try Envelope(minX: 37, minY: 33, maxX: 43, maxY: 38))
        #expect(cells.count == sites.count)
        #expect(cells.map(\.siteIndex) == Array(sites.indices))
        for cell in cells {
            #expect(try Geometry.polygon(cell.polygon).contains(.point(cell.site)))
            // A point of the cell (its centroid) is nearer to the cell's site than to any other.
            guard case .point(let c) = try Geometry.polygon(cell.polygon).centroid() else {
                Issue.record("no centroid")
                continue
            }
            let nearest = sites.indices.min {
                STRtreeTests.distance(sites[$0], c) < STRtreeTests.distance(sites[$1], c)
            }
            #expect(nearest == cell.siteIndex)
        }
    }

    @Test("Duplicate sites share one cell, given to the first")
    func duplicates() throws {
        let sites = [Point(x: 0, y: 0), Point(x: 4, y: 0), Point(x: 0, y: 0), Point(x: 2, y: 3)]
        let cells = try Geometry.voronoiCells(sites: sites)
        #expect(cells.map(\.siteIndex) == [0, 1, 3])
        #expect(try Geometry.voronoiCells(sites: []).isEmpty)
    }
}
